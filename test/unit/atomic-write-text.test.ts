// prepareAtomic given a text writes it as UTF-8 a piece at a time (issue #21: no second copy of
// a 16 MB ledger): the bytes are exactly Buffer.from(text, "utf8"), also where a character
// outside the BMP (two UTF-16 units) falls across the boundary of a piece.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareAtomic } from "../../src/io/atomic-write.js";

const dir = mkdtempSync(join(tmpdir(), "taskgate-atomic-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PIECE = 1 << 18;

function written(name: string, text: string): Buffer {
  const target = join(dir, name);
  prepareAtomic(target, text, undefined).commit();
  return readFileSync(target);
}

describe("prepareAtomic with a text", () => {
  it.each([
    ["a pair split by the first boundary", `${"a".repeat(PIECE - 1)}😀${"é".repeat(10)}`],
    ["a pair right after it", `${"a".repeat(PIECE)}😀tail`],
    ["pairs across several pieces", `${"日本語😀".repeat(PIECE / 2)}\n`],
    ["a lone high surrogate at a boundary", `${"a".repeat(PIECE - 1)}\ud83dbc`],
    ["an empty text", ""],
    ["a short text", "# Tasks\n"],
  ])("writes %s as Buffer.from would", (_name, text) => {
    const bytes = written(`f-${text.length}-${text.charCodeAt(PIECE) || 0}.md`, text);
    expect(bytes.equals(Buffer.from(text, "utf8"))).toBe(true);
    // Read back as text: the pair is one character again, not two replacement characters.
    if (!text.includes("\ud83db")) expect(bytes.toString("utf8")).toBe(text);
  });
});
