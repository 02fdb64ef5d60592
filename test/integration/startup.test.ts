// What a command loads decides most of its time: node:crypto costs 2-3 ms to load, and Node's
// streams as much again. A status must load neither, nor a write on a short log; check, and
// since issue #20 a write (which checks both logs' hash chains before it appends), load
// node:crypto once they have hashed a few lines in JavaScript. A write on a long log that the
// last write left (its memo, ledgers.ts logCheckedClean) hashes only its own lines: no crypto.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseEnv, makeRepo, runCli } from "../support/cli.js";
import { CLI, ROOT } from "../support/paths.js";

/** The Node modules a real run of the CLI loads. */
function modulesOf(args: string[], cwd: string, env: Record<string, string> = {}): string[] {
  const out = join(mkdtempSync(join(tmpdir(), "taskgate-modules-")), "modules.txt");
  const r = spawnSync(process.execPath, ["-r", join(ROOT, "test/support/loaded-modules.cjs"), CLI, ...args], {
    cwd,
    env: baseEnv({ ...env, TASKGATE_TEST_MODULES: out }),
    encoding: "utf8",
  });
  expect([r.status, r.stderr]).toEqual([0, ""]);
  return readFileSync(out, "utf8").split("\n");
}

const crypto = (mods: string[]) => mods.includes("NativeModule crypto");
const streams = (mods: string[]) => mods.includes("NativeModule internal/fs/streams");

describe("start-up", () => {
  it("a status, and a write on a short log, load neither node:crypto nor Node's file streams; check and writes on a long log load node:crypto, unless the log is the one the last write proved", async () => {
    const dir = await makeRepo();
    // 12 log lines in TASKS.md and 1 in APPROVALS.md: the write's chain checks and its own
    // line stay within the 32 inputs hashed in JavaScript.
    for (let i = 0; i < 11; i++) expect((await runCli(["add", `Task ${i}`], { cwd: dir })).code).toBe(0);
    const set = modulesOf(["set", "T-1", "priority=P1"], dir);
    expect([crypto(set), streams(set)]).toEqual([false, false]);
    for (let i = 0; i < 30; i++) expect((await runCli(["add", `Task ${i}`], { cwd: dir })).code).toBe(0);
    const status = modulesOf(["status"], dir);
    expect([crypto(status), streams(status)]).toEqual([false, false]);
    // 43 log lines, each hashed to check the chain: more than the 32 hashed in JavaScript.
    expect(crypto(modulesOf(["check"], dir))).toBe(true);
    // Without the memo, the write checks all 43 lines: node:crypto.
    const longSet = modulesOf(["set", "T-2", "priority=P1"], dir, { TASKGATE_NO_MEMO: "1" });
    expect([crypto(longSet), streams(longSet)]).toEqual([true, false]);
    // With it: a write (which proves and keeps its log), then one on that very log.
    expect((await runCli(["set", "T-2", "priority=P2"], { cwd: dir })).code).toBe(0);
    const memoSet = modulesOf(["set", "T-2", "priority=P3"], dir);
    expect([crypto(memoSet), streams(memoSet)]).toEqual([false, false]);
  });
});
