// The store's compare-and-swap: a file changed behind the lock is never overwritten blindly.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BusyError } from "../../src/app/errors.js";
import { LedgerStore } from "../../src/io/store.js";

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-store-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

describe("LedgerStore", () => {
  it("plans again when another program changed the file after it was read", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "a\n");
    const seen: string[] = [];
    const store = new LedgerStore();
    await store.update([file], ([text]) => {
      seen.push(text as string);
      // An editor saves without taking the lock, once, between our read and our write.
      if (seen.length === 1) writeFileSync(file, "a\nhand edit\n");
      return { writes: [{ path: file, text: `${text}tool edit\n` }], result: undefined };
    });
    expect(seen).toEqual(["a\n", "a\nhand edit\n"]);
    expect(readFileSync(file, "utf8")).toBe("a\nhand edit\ntool edit\n");
  });

  it("gives up with exit code 4 and writes nothing when the file keeps changing", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "0\n");
    let n = 0;
    const attempt = new LedgerStore().update([file], () => {
      n++;
      writeFileSync(file, `${n}\n`);
      return { writes: [{ path: file, text: "tool\n" }], result: undefined };
    });
    await expect(attempt).rejects.toBeInstanceOf(BusyError);
    await expect(attempt).rejects.toMatchObject({ exitCode: 4 });
    expect(readFileSync(file, "utf8")).toBe(`${n}\n`);
    // One plan before taking the lock, then three under it, each seeing a new version.
    expect(n).toBe(4);
  });

  it("keeps locks and temp files inside .git, and serializes writers in one process", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "");
    const store = new LedgerStore();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.update([file], ([text]) => ({ writes: [{ path: file, text: `${text}${i}\n` }], result: undefined })),
      ),
    );
    expect(readFileSync(file, "utf8").split("\n").filter(Boolean).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i)).sort(),
    );
    expect(readdirSync(dir).sort()).toEqual([".git", "TASKS.md"]);
    expect(readdirSync(join(dir, ".git", "taskgate"))).toEqual([]);
  });

  it("writes nothing when the plan throws", async () => {
    const dir = repo();
    const file = join(dir, "TASKS.md");
    writeFileSync(file, "keep\n");
    await expect(
      new LedgerStore().update([file], () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(readFileSync(file, "utf8")).toBe("keep\n");
  });
});
