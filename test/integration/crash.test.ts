// A writer killed with SIGKILL at random moments never leaves a torn or half-written ledger:
// after every kill the file is exactly the state after some whole number of writes.

import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { makeRepo, read, runCli } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

// At least this many kills, and at least MID_WRITE of them while the writer held the lock
// (in the middle of a write). How often a kill lands there depends on the machine, so the
// test kills until it has both, up to MAX_KILLS.
const KILLS = 25;
const MID_WRITE = 8;
const MAX_KILLS = 150;

function startWriter(dir: string) {
  const child = spawn(process.execPath, [join(ROOT, "test/support/write-loop.mjs"), dir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  let wrote: () => void = () => {};
  // Resolves once the writer has reported its first whole write: it is inside its loop.
  const writing = new Promise<void>((r) => {
    wrote = r;
  });
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    wrote();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  // "close": the pipes are drained too, so every write the writer reported is counted.
  const closed = new Promise<void>((r) => child.on("close", () => r()));
  return { child, writing, closed, stdout: () => stdout, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SIGKILL during writes", () => {
  it(`${KILLS}+ kills at random moments, ${MID_WRITE}+ of them mid-write: the ledger always equals the state after some whole write`, async () => {
    const dir = await makeRepo();
    let kills = 0;
    let midWrite = 0;
    let reported = 0;
    while ((kills < KILLS || midWrite < MID_WRITE) && kills < MAX_KILLS) {
      const writer = startWriter(dir);
      // A writer that dies before its first write ends the test with what it said.
      await Promise.race([writer.writing, writer.closed]);
      expect(writer.stdout(), writer.stderr()).not.toBe("");
      await sleep(Math.random() * 60);
      writer.child.kill("SIGKILL");
      await writer.closed;
      kills++;
      expect(writer.stderr()).toBe("");
      // A lock left means the kill landed mid-write; the next writer takes it over at once
      // (its holder is gone), which the next round's writer relies on.
      if (readdirSync(join(dir, ".git", "taskgate")).some((n) => n.endsWith(".lock"))) midWrite++;

      const text = read(dir, "TASKS.md");
      const { ledger, log, diagnostics } = lintLedger("tasks", "TASKS.md", text, sha256Hex);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const n = ledger.tasks.length;
      // Whole writes only: tasks T-1..T-n, each complete, each with exactly one "add" log line.
      expect(ledger.tasks.map((t) => t.id)).toEqual(Array.from({ length: n }, (_, i) => `T-${i + 1}`));
      for (const t of ledger.tasks) {
        expect(t.title).toMatch(/^crash task \d+-\d+$/);
        expect(t.fields.map((f) => f.key)).toEqual(["state", "created"]);
      }
      expect(log.map((e) => e.action)).toEqual(["init", ...Array(n).fill("add")]);
      expect(log.slice(1).map((e) => e.target)).toEqual(ledger.tasks.map((t) => t.id));
      // No write the writer reported is lost, and at most one it did not report got in
      // (killed after its rename, before it printed the ID).
      const ids = writer.stdout().trim().split("\n");
      const last = Number(ids.at(-1)?.slice(2));
      expect(last).toBeGreaterThan(reported);
      expect(n === last || n === last + 1).toBe(true);
      reported = n;
    }
    // Enough kills landed while the writer held the lock, in the middle of a write.
    expect(midWrite).toBeGreaterThanOrEqual(MID_WRITE);
    // No temp file is left where git or an editor would see it.
    expect(readdirSync(dir).sort()).toEqual([".git", "APPROVALS.md", "TASKS.md"]);
  });

  it("a lock left by a killed writer is taken over at once, long before it is stale", async () => {
    const dir = await makeRepo();
    const writer = startWriter(dir);
    await sleep(400);
    writer.child.kill("SIGKILL");
    await writer.closed;
    expect(writer.stderr()).toBe("");
    const started = Date.now();
    const r = await runCli(["add", "after the crash"], {
      cwd: dir,
      env: { TASKGATE_LOCK_STALE_MS: "60000", TASKGATE_LOCK_TIMEOUT_MS: "900" },
    });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(Date.now() - started).toBeLessThan(9000);
  });
});
