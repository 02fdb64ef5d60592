// run and work under faults, with real processes: a run killed outright takes its program's
// whole process tree with it (through the guardian), and dead letters made by run stay
// reported by watch --once, with the tasks behind them, until someone unblocks them; the
// dead letter's reason counts the attempts by kind.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { validTasks as ledger } from "../support/ledger.js";
import { CLI } from "../support/paths.js";

async function repo(policy: Record<string, string> = {}): Promise<string> {
  const dir = await makeRepo(["w1: WORK"]);
  let text = read(dir, "TASKS.md").replace("- clock-skew: 30s", "- clock-skew: 0s");
  for (const [k, v] of Object.entries(policy)) text = text.replace(new RegExp(`- ${k}: .*`), `- ${k}: ${v}`);
  writeFileSync(join(dir, "TASKS.md"), text);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: () => boolean, ms = 20_000, label = "it"): Promise<void> {
  const t = Date.now();
  while (!what()) {
    if (Date.now() - t > ms) throw new Error(`timed out waiting for ${label}`);
    await sleep(20);
  }
}

/** The live (not zombie) processes of a process group, from /proc. */
function members(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") out.push(Number(name));
  }
  return out;
}

/** Guardians still watching the group. */
function guardians(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
      if (argv.includes("taskgate-guardian") && argv.includes(String(pgid)) && state !== "Z") out.push(Number(name));
    } catch {}
  }
  return out;
}

function start(dir: string, args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: baseEnv(),
    stdio: ["ignore", "ignore", "ignore"],
  });
  return child;
}

/**
 * The documented bound (docs/run.md) for a program that ends on SIGTERM: gone within 2 s of
 * its run's death (measured: tens of milliseconds; the margin is for a loaded machine).
 */
const BOUND_MS = 2000;
const TRIALS = Number(process.env.TASKGATE_ORPHAN_TRIALS) || 20;
const AT_ONCE = 5;

/** Starts `run` with a program that writes its process group ID to a file, SIGKILLs the run once the whole tree is up, and measures how long the tree outlives it. */
async function killRun(dir: string, id: string, script: string, size: number, grace = "2s"): Promise<number> {
  const file = join(dir, `pg-${id}`);
  const run = start(dir, ["--as", "w1", "run", id, "--grace", grace, "--", "sh", "-c", `echo $$ > ${file}; ${script}`]);
  await until(() => existsSync(file) && /^\d+\n$/.test(readFileSync(file, "utf8")), 20_000, `${id}'s program`);
  const pgid = Number(readFileSync(file, "utf8"));
  await until(() => members(pgid).length >= size && guardians(pgid).length === 1, 20_000, `${id}'s tree and guardian`);
  const killed = Date.now();
  run.kill("SIGKILL");
  await until(() => members(pgid).length === 0, 30_000, `${id}'s tree to end`);
  const took = Date.now() - killed;
  // The guardian ends too: at once, or (where nobody reaps the dead, as under some container
  // inits, so the group still "exists" as zombies) after the grace time.
  await until(() => guardians(pgid).length === 0, Number.parseInt(grace, 10) * 1000 + 5_000, `${id}'s guardian to end`);
  return took;
}

describe.skipIf(!existsSync("/proc/self/stat"))("a program never outlives its run", () => {
  it(`SIGKILL of run while a shell pipeline runs: every process is gone within ${BOUND_MS} ms, ${TRIALS} of ${TRIALS} trials`, async () => {
    // The killed runs' tasks stay DOING (their leases have not expired): no WIP limit here.
    const dir = await repo({ "wip-limit": "DOING=1000" });
    for (let i = 1; i <= TRIALS; i++) expect((await runCli(["add", "--ready", `Job ${i}`], { cwd: dir })).code).toBe(0);
    const times: number[] = [];
    for (let first = 1; first <= TRIALS; first += AT_ONCE) {
      const batch = Array.from({ length: Math.min(AT_ONCE, TRIALS - first + 1) }, (_, k) => first + k);
      // sh, and three sleeps in a pipeline: four processes in the program's group.
      times.push(
        ...(await Promise.all(batch.map((i) => killRun(dir, `T-${i}`, "sleep 300 | sleep 300 | sleep 300", 4)))),
      );
    }
    if (process.env.TASKGATE_ORPHAN_REPORT) {
      const sorted = [...times].sort((a, b) => a - b);
      console.info(`orphan lifetime ms: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)}`);
    }
    expect(times).toHaveLength(TRIALS);
    for (const t of times) expect(t).toBeLessThanOrEqual(BOUND_MS);
  });

  it("a program that ignores SIGTERM is killed with SIGKILL after the grace time", async () => {
    const dir = await repo();
    expect((await runCli(["add", "--ready", "Stubborn"], { cwd: dir })).code).toBe(0);
    // trap '' TERM is inherited: the sleeps ignore SIGTERM too.
    const took = await killRun(dir, "T-1", "trap '' TERM; sleep 300 | sleep 300", 3, "1s");
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThanOrEqual(1000 + BOUND_MS);
  });
});

describe("dead letters are standing problems", () => {
  const t0 = Date.parse("2026-11-24T09:00:00Z");
  const at = (min: number) => ({ TASKGATE_NOW: new Date(t0 + min * 60_000).toISOString() });
  const fail = ["--as", "w1", "run", "T-1", "--", "sh", "-c", "echo boom >&2; exit 1"];

  it("max-attempts reached by run: watch --once exits 6 naming it and the task behind it, every time, until unblocked", async () => {
    const dir = await repo({ "max-attempts": "2" });
    expect((await runCli(["add", "--ready", "Flaky"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["add", "--ready", "--depends", "T-1", "After"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["add", "--ready", "Unrelated"], { cwd: dir })).code).toBe(0);
    expect((await runCli(fail, { cwd: dir, env: at(0) })).code).toBe(6);
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(1) })).code).toBe(0);
    const second = await runCli(fail, { cwd: dir, env: at(120) });
    expect(second.code).toBe(6);
    expect(second.stderr).toMatch(/fail T-1 exit 1; blocked as a dead letter after 2 attempts/);

    for (const min of [121, 122]) {
      const w = await runCli(["watch", "--once"], { cwd: dir, env: at(min) });
      expect(w.code).toBe(6);
      const lines = w.stdout.trim().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^\S+ dead-letter T-1 dead letter: 2 failures: 2 runs exited 1 \(max-attempts 2\); last error: exit 1: boom; unblock it once the cause is fixed \(taskgate unblock T-1\), or cancel it$/,
      );
      expect(lines[1]).toMatch(/^\S+ behind-dead-letter T-2 waits for the dead letter T-1: /);
    }
    const status = await runCli(["status"], { cwd: dir, env: at(122) });
    expect(status.stdout).toContain("dead letters 1: T-1; 1 blocked behind a dead letter: T-2");
    const json = JSON.parse((await runCli(["status", "--json"], { cwd: dir, env: at(122) })).stdout);
    expect(json).toMatchObject({ deadLetters: ["T-1"], behindDeadLetter: ["T-2"] });

    expect((await runCli(["unblock", "T-1"], { cwd: dir, env: at(123) })).code).toBe(0);
    const after = await runCli(["watch", "--once"], { cwd: dir, env: at(124) });
    expect(after.stdout).toBe("");
    expect(after.code).toBe(0);
    expect(JSON.parse((await runCli(["status", "--json"], { cwd: dir, env: at(124) })).stdout)).toMatchObject({
      deadLetters: [],
      behindDeadLetter: [],
    });
  });

  it("one failed run and one expired lease: the reason counts both kinds, last-error keeps the latest of each", async () => {
    const dir = await repo({ "max-attempts": "2" });
    expect((await runCli(["add", "--ready", "Flaky"], { cwd: dir })).code).toBe(0);
    expect((await runCli(fail, { cwd: dir, env: at(0) })).code).toBe(6);
    expect(
      ledger(dir)
        .ledger.byId.get("T-1")
        ?.task.fields.find((f) => f.key === "last-error")?.value,
    ).toBe("exit 1: boom");
    expect((await runCli(["--as", "w1", "claim", "T-1", "--ttl", "5m"], { cwd: dir, env: at(120) })).code).toBe(0);
    const w = await runCli(["watch", "--once"], { cwd: dir, env: at(126) });
    expect(w.code).toBe(6);
    const task = ledger(dir).ledger.byId.get("T-1")?.task;
    expect(task?.blocked).toMatch(
      /^dead letter: 2 failures: 1 run exited 1, 1 lease expired \(max-attempts 2\); last error: lease expired: w1@\S+'s lease ended 2026-11-24T11:05:00Z without renew, release or submit$/,
    );
    expect(task?.fields.find((f) => f.key === "last-error")?.value).toMatch(
      /^lease expired: w1@\S+'s lease ended 2026-11-24T11:05:00Z without renew, release or submit \| exit 1: boom$/,
    );
    expect(w.stdout).toMatch(/escalate T-1 blocked as a dead letter: 2 failures: 1 run exited 1, 1 lease expired/);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });
});
