// The status memo answers only for the very bytes it was made from: with a copy of them for
// ledgers up to COPY_LIMIT, with their SHA-256 above it, or, for ledgers that had settled,
// with their stamps (device, inode, size, modification and change times). Real files in a
// temp folder.

import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COPY_LIMIT, memoFile } from "../../src/io/memo.js";
import { readLedgerSnapshot, SETTLED_MS } from "../../src/io/text.js";

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

describe("the memo and the ledgers' stamps", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const board = () => {
    const dir = mkdtempSync(join(tmpdir(), "taskgate-stamp-"));
    dirs.push(dir);
    const ledger = join(dir, "TASKS.md");
    writeFileSync(ledger, "# Tasks\n\n## T-1 One\n- state: PLAN\n");
    return { ledger, memo: memoFile(() => join(dir, "memo", "TASKS.md-x.memo"), "build-1") };
  };
  // The clock a look is taken at: the file was written just now, or long enough ago.
  const justNow = () => Date.now();
  const later = () => Date.now() + SETTLED_MS + 1000;
  /** A snapshot whose bytes cannot be read (the memo then has no answer): only its stamp can answer. */
  let reads = 0;
  const stampOnly = (stamp: string | undefined) => ({
    get bytes(): Uint8Array {
      reads++;
      throw new Error("the bytes were read");
    },
    stamp,
  });
  /** The memo's answer for a stamp alone, and whether it tried to read the bytes. */
  const byStamp = (memo: ReturnType<typeof memoFile>, stamp: string | undefined, approvals?: Uint8Array) => {
    const before = reads;
    const value = memo.get("status", [stampOnly(stamp), approvals]);
    return { value, read: reads > before };
  };

  it("a file changed within the last seconds has no stamp; a settled one has, and its bytes are read only when asked", () => {
    const { ledger } = board();
    expect(readLedgerSnapshot(ledger, justNow)?.stamp).toBeUndefined();
    const settled = readLedgerSnapshot(ledger, later);
    expect(settled?.stamp).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
    expect(readLedgerSnapshot(ledger, later)?.stamp).toBe(settled?.stamp);
    // Changed after the look but before its bytes were read: the bytes are the new ones and the stamp goes.
    writeFileSync(ledger, "# Tasks\n\n## T-1 Uno\n- state: PLAN\n");
    expect(Buffer.from(settled?.bytes ?? []).toString()).toContain("Uno");
    expect(settled?.stamp).toBeUndefined();
    expect(readLedgerSnapshot(join(ledger, "..", "NONE.md"), later)).toBeUndefined();
  });

  it("answers by the stamps it recorded without reading the ledger, and by the bytes when a stamp differs", async () => {
    const { ledger, memo } = board();
    // A whole second: a time any file system keeps exactly, so the edit below can put it back.
    utimesSync(ledger, 1_700_000_000, 1_700_000_000);
    const first = readLedgerSnapshot(ledger, later);
    memo.put("status", [first, undefined], { tasks: 1 });
    // The same stamp: the bytes are not read.
    expect(byStamp(memo, first?.stamp)).toEqual({ value: { tasks: 1 }, read: false });
    // Another stamp, or none: the bytes say.
    expect(byStamp(memo, "1:2:3:4:5")).toEqual({ value: undefined, read: true });
    expect(byStamp(memo, undefined)).toEqual({ value: undefined, read: true });
    // Another ledger beside it (approvals now there): no answer.
    expect(byStamp(memo, first?.stamp, Buffer.from("# Approvals\n"))).toMatchObject({ value: undefined });
    // A hand edit that keeps the size and puts the modification time back: the change time
    // moves (no program can set it), so the stamp differs and the bytes are compared.
    // (The file system's clock ticks every few ms: "later" stands for the seconds a settled
    // file has not changed in, so the edit comes a few ticks after the look, not in its tick.)
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(ledger, "# Tasks\n\n## T-1 One\n- state: DONE\n");
    utimesSync(ledger, 1_700_000_000, 1_700_000_000);
    expect(statSync(ledger, { bigint: true }).mtimeNs).toBe(1_700_000_000_000_000_000n);
    expect(statSync(ledger).size).toBe(Buffer.byteLength("# Tasks\n\n## T-1 One\n- state: PLAN\n"));
    const edited = readLedgerSnapshot(ledger, later);
    expect(edited?.stamp).not.toBe(first?.stamp);
    expect(memo.get("status", [edited, undefined])).toBeUndefined();
  });

  it("another size is a miss without a read; cheap asks never hash; a ledger gone before its read is one sentence", () => {
    const { ledger, memo } = board();
    const big = Buffer.alloc(COPY_LIMIT + 1, "- state: READY\n");
    memo.put("status", [big, undefined], { tasks: 9 });
    let reads = 0;
    const snapshot = (size: number) => ({
      get bytes(): Uint8Array {
        reads++;
        return big;
      },
      stamp: undefined,
      size,
    });
    // Another size than the memo's: no answer, and nothing read.
    expect(memo.get("status", [snapshot(big.length + 1), undefined])).toBeUndefined();
    expect(reads).toBe(0);
    // The same size, over the copy limit: a cheap ask does not hash the ledger; another does.
    expect(memo.get("status", [snapshot(big.length), undefined], { cheap: true })).toBeUndefined();
    expect(reads).toBe(0);
    expect(memo.get("status", [snapshot(big.length), undefined])).toEqual({ tasks: 9 });
    expect(reads).toBeGreaterThan(0);
    // Removed between the look and the read (a checkout, an editor's save): busy, run again.
    const looked = readLedgerSnapshot(ledger, later);
    rmSync(ledger);
    expect(() => looked?.bytes).toThrow(/TASKS\.md was removed while taskgate was reading it; run the command again/);
    // A path through a file: one machine-fault sentence, not a stack.
    expect(() => readLedgerSnapshot(join(dirs.at(-1) as string, "memo", "x", "TASKS.md"))).not.toThrow();
    writeFileSync(join(dirs.at(-1) as string, "plain"), "");
    expect(() => readLedgerSnapshot(join(dirs.at(-1) as string, "plain", "TASKS.md"))).toThrow(
      /plain[\\/]TASKS\.md: a part of the path is a file, not a folder \(ENOTDIR\)/,
    );
  });

  it("a memo made while a ledger was settling is stamped at the first look that finds the same bytes settled", () => {
    const { ledger, memo } = board();
    memo.put("status", [readLedgerSnapshot(ledger, justNow), undefined], { tasks: 1 });
    const settled = readLedgerSnapshot(ledger, later);
    // No stamp recorded yet: only the bytes can answer.
    expect(byStamp(memo, settled?.stamp)).toEqual({ value: undefined, read: true });
    expect(memo.get("status", [settled, undefined])).toEqual({ tasks: 1 });
    // That look recorded the stamps: the next needs no read.
    expect(byStamp(memo, settled?.stamp)).toEqual({ value: { tasks: 1 }, read: false });
  });
});
