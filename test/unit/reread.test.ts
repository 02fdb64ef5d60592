// withRereads: an unchanged file gives back the text decoded last time; any changed byte,
// a deleted file or bytes that are not UTF-8 are read as they are.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Ports } from "../../src/app/context.js";
import { InvalidLedgerError } from "../../src/app/errors.js";
import { withRereads } from "../../src/io/reread.js";

const dir = mkdtempSync(join(tmpdir(), "taskgate-reread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("withRereads", () => {
  it("compares the bytes on every read and decodes only what changed", () => {
    const ports = withRereads({ readText: () => "never used" } as unknown as Ports);
    const path = join(dir, "TASKS.md");
    writeFileSync(path, "# Tasks\nné\n");
    const first = ports.readText(path);
    expect(first).toBe("# Tasks\nné\n");
    writeFileSync(path, "# Tasks\nné\n"); // rewritten, same bytes
    expect(ports.readText(path)).toBe(first);
    writeFileSync(path, "# Tasks\nnè\n"); // one character changed, same length in bytes
    expect(ports.readText(path)).toBe("# Tasks\nnè\n");
    writeFileSync(path, Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    expect(() => ports.readText(path)).toThrow(InvalidLedgerError);
    expect(() => ports.readText(path)).toThrow(InvalidLedgerError); // not kept
    rmSync(path);
    expect(ports.readText(path)).toBeUndefined();
    writeFileSync(path, "# Tasks\nnè\n");
    expect(ports.readText(path)).toBe("# Tasks\nnè\n");
  });
});
