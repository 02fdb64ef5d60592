// How often, and from what, the store plans a write (issue #21: peak memory of writes on big
// boards): a plan made again at a later second reuses the texts already decoded, and ledgers
// over 4 MB are planned once, under the locks, from the bytes read before them when the file
// still holds them.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LedgerStore } from "../../src/io/store.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function ledger(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-store-plan-"));
  dirs.push(dir);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  const file = join(dir, "TASKS.md");
  writeFileSync(file, text);
  return file;
}

const at = Date.parse("2026-11-24T10:00:00.100Z");
function clockOf(times: number[]): () => number {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)] as number;
}

describe("planning a write", () => {
  it("plans again at a later second from the same text, and writes that plan's time", async () => {
    const file = ledger("a\n");
    const texts: string[] = [];
    const nows: number[] = [];
    await new LedgerStore({ clock: clockOf([at, at + 1500]) }).update([file], ([text], now) => {
      texts.push(text as string);
      nows.push(now);
      return { writes: [{ path: file, text: `${text}${now}\n` }], result: undefined };
    });
    expect(nows).toEqual([at, at + 1500]);
    expect(texts).toEqual(["a\n", "a\n"]);
    expect(readFileSync(file, "utf8")).toBe(`a\n${at + 1500}\n`);
  });

  it("still reads again when another program changed the file, however big", async () => {
    const big = `${"x".repeat(99)}\n`.repeat(50_000); // 5 MB: planned under the lock
    const file = ledger(big);
    const seen: number[] = [];
    let underLock = false;
    const store = new LedgerStore({
      underLock: () => {
        underLock = true;
        // An editor saves after our first read, before the lock's checks.
        if (seen.length === 0) writeFileSync(file, `${big}hand edit\n`);
      },
    });
    await store.update([file], ([text]) => {
      // Planned only once the locks are held, from the file as it is then.
      expect(underLock).toBe(true);
      seen.push((text as string).length);
      return { writes: [{ path: file, text: `${text}tool edit\n` }], result: undefined };
    });
    expect(seen).toEqual([big.length + 10]);
    expect(readFileSync(file, "utf8")).toBe(`${big}hand edit\ntool edit\n`);
  });

  it("plans a ledger over 4 MB once, under the locks, even when the clock moves on", async () => {
    const big = `${"y".repeat(99)}\n`.repeat(50_000);
    const file = ledger(big);
    const nows: number[] = [];
    let underLock = false;
    await new LedgerStore({ clock: clockOf([at, at + 1500, at + 3000]), underLock: () => (underLock = true) }).update(
      [file],
      ([text], now) => {
        expect(underLock).toBe(true);
        nows.push(now);
        return { writes: [{ path: file, text: `${(text as string).slice(0, 10)}${now}\n` }], result: undefined };
      },
    );
    expect(nows).toHaveLength(1);
    expect(readFileSync(file, "utf8")).toBe(`${"y".repeat(10)}${nows[0]}\n`);
  });

  it("plans a small ledger before the locks, and again under them only when needed", async () => {
    const file = ledger("small\n");
    let plannedBeforeLock = false;
    let underLock = false;
    await new LedgerStore({ clock: () => at, underLock: () => (underLock = true) }).update([file], ([text]) => {
      if (!underLock) plannedBeforeLock = true;
      return { writes: [{ path: file, text: `${text}more\n` }], result: undefined };
    });
    expect(plannedBeforeLock).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("small\nmore\n");
  });
});
