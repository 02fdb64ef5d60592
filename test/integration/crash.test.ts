// A writer killed with SIGKILL at random moments never leaves a torn or half-written ledger:
// after every kill the file is exactly the state after some whole number of writes.

import { spawn } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { makeRepo, read, runCli } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

const KILLS = 25;

function startWriter(dir: string) {
  const child = spawn(process.execPath, [join(ROOT, "test/support/write-loop.mjs"), dir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  return { child, exited, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SIGKILL during writes", () => {
  it(`${KILLS} kills at random moments: the ledger always equals the state after some whole write`, async () => {
    const dir = await makeRepo();
    let previous = 0;
    let grew = 0;
    let insideLock = 0;
    for (let k = 0; k < KILLS; k++) {
      const writer = startWriter(dir);
      await sleep(250 + Math.random() * 350);
      writer.child.kill("SIGKILL");
      await writer.exited;
      expect(writer.stderr()).toBe("");
      // The writer is dead: clear its lock as a stale takeover would, without the wait.
      for (const n of readdirSync(join(dir, ".git", "taskgate"))) {
        if (n.endsWith(".lock")) {
          insideLock++;
          rmSync(join(dir, ".git", "taskgate", n), { recursive: true, force: true });
        }
      }

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
      expect(n).toBeGreaterThanOrEqual(previous);
      if (n > previous) grew++;
      previous = n;
    }
    // The writer made progress between kills (so kills landed during real write loops).
    expect(grew).toBeGreaterThan(KILLS / 2);
    // And many of them while the writer held the lock, in the middle of a write.
    expect(insideLock).toBeGreaterThan(KILLS / 4);
    // No temp file is left where git or an editor would see it.
    expect(readdirSync(dir).sort()).toEqual([".git", "APPROVALS.md", "TASKS.md"]);
  });

  it("a lock left by a killed writer is taken over once it is stale", async () => {
    const dir = await makeRepo();
    const writer = startWriter(dir);
    await sleep(400);
    writer.child.kill("SIGKILL");
    await writer.exited;
    expect(writer.stderr()).toBe("");
    const started = Date.now();
    const r = await runCli(["add", "after the crash"], { cwd: dir, env: { TASKGATE_LOCK_STALE_MS: "2000" } });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(Date.now() - started).toBeLessThan(9000);
  });
});
