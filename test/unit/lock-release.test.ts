// A release Windows refuses (another program reads the lock file at that moment): the lock
// is tried again from a timer, so a long-lived process (serve, mcp) does not keep it from
// every waiter until it ends. The refusal is injected: on Linux nothing refuses an unlink.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RELEASE_RETRY_MS, readOwner, tryLock } from "../../src/io/lock.js";

const dir = mkdtempSync(join(tmpdir(), "lock-release-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An unlink refused with EBUSY the first `times` calls, then the real one. */
function refusing(times: number) {
  const calls = { n: 0 };
  const unlink = (path: string) => {
    if (++calls.n <= times) throw Object.assign(new Error(`EBUSY: unlink '${path}'`), { code: "EBUSY" });
    rmSync(path);
  };
  return { calls, unlink };
}

async function until(ok: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return ok();
}

describe("a refused release", () => {
  it("leaves the lock (held against this process too), then removes it from a timer", async () => {
    const path = join(dir, "a.lock");
    const f = refusing(3);
    const lock = tryLock(path, 5000, {}, f.unlink);
    expect(lock).toBeDefined();
    lock?.release();
    expect(f.calls.n).toBe(1);
    expect(existsSync(path)).toBe(true);
    const seen: { why?: string } = {};
    expect(tryLock(path, 5000, seen)).toBeUndefined();
    expect(seen.why).toMatch(/this process/);
    // Refused twice more from the timer, then removed: a generous bound, not a speed claim.
    expect(await until(() => !existsSync(path), 20 * RELEASE_RETRY_MS)).toBe(true);
    expect(f.calls.n).toBe(4);
    const again = tryLock(path, 5000, {});
    expect(again).toBeDefined();
    again?.release();
    expect(existsSync(path)).toBe(false);
  });

  it("never removes a lock that is no longer this holding's", async () => {
    const path = join(dir, "b.lock");
    const f = refusing(1);
    const lock = tryLock(path, 5000, {}, f.unlink);
    lock?.release();
    expect(existsSync(path)).toBe(true);
    // Taken over meanwhile (as a waiter on another host does once it is stale): another record.
    const other = { ...readOwner(path), nonce: "someone else" };
    writeFileSync(path, JSON.stringify(other));
    await new Promise((r) => setTimeout(r, 3 * RELEASE_RETRY_MS));
    expect(f.calls.n).toBe(1);
    expect(readOwner(path)?.nonce).toBe("someone else");
  });
});
