// The status memo answers only for the very bytes it was made from: with a copy of them for
// ledgers up to COPY_LIMIT, with their SHA-256 above it. Real files in a temp folder.

import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COPY_LIMIT, memoFile } from "../../src/io/memo.js";

const scratch = () => join(mkdtempSync(join(tmpdir(), "taskgate-memo-")), "memo", "TASKS.md-x.memo");

/** A ledger of n bytes, and the same with one byte changed in the middle (same length). */
function ledgers(n: number): [Buffer, Buffer] {
  const a = Buffer.alloc(n, "- state: READY\n");
  const b = Buffer.from(a);
  b[n >> 1] = (b[n >> 1] as number) ^ 1;
  return [a, b];
}

describe("the status memo", () => {
  for (const [what, size] of [
    ["a copy of the ledgers", 300_000],
    ["the ledgers' SHA-256", COPY_LIMIT + 1],
  ] as const) {
    it(`keeps ${what} and answers only for the same bytes`, () => {
      const path = scratch();
      const memo = memoFile(() => path, "build-1");
      const [tasks, edited] = ledgers(size);
      const approvals = Buffer.from("# Approvals\n");
      memo.put("status", [tasks, approvals], { tasks: 3 });
      expect(memo.get("status", [tasks, approvals])).toEqual({ tasks: 3 });
      // The file holds the copy, or only the hashes.
      if (size <= COPY_LIMIT) expect(statSync(path).size).toBeGreaterThan(size);
      else expect(statSync(path).size).toBeLessThan(1000);
      // One byte changed, the length kept; approvals missing; another name or build.
      expect(memo.get("status", [edited, approvals])).toBeUndefined();
      expect(memo.get("status", [tasks, undefined])).toBeUndefined();
      expect(memo.get("board", [tasks, approvals])).toBeUndefined();
      expect(memoFile(() => path, "build-2").get("status", [tasks, approvals])).toBeUndefined();
      // A file cut short, or not a memo: no answer, and no error.
      const whole = readFileSync(path);
      writeFileSync(path, whole.subarray(0, whole.length - 2));
      expect(memo.get("status", [tasks, approvals])).toBeUndefined();
      writeFileSync(path, "not a memo\n");
      expect(memo.get("status", [tasks, approvals])).toBeUndefined();
      // Readable by its user only.
      memo.put("status", [edited, undefined], { tasks: 4 });
      expect(memo.get("status", [edited, undefined])).toEqual({ tasks: 4 });
      expect(statSync(path).mode & 0o777).toBe(0o600);
    });
  }
});
