// run and work with real processes: the board follows how a program ended, a frozen worker
// whose lease was taken over is fenced off and stops its program, parallel workers run every
// task exactly once, and a task's title never reaches a shell.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { validTasks as ledger } from "../support/ledger.js";
import { CLI } from "../support/paths.js";

const WORKERS = ["w1", "w2", "w3"];

async function repo(titles: string[]): Promise<string> {
  const dir = await makeRepo([...WORKERS.map((w) => `${w}: WORK`), "taskgate-ci: WORK, AUDIT (automation)"]);
  writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("- clock-skew: 30s", "- clock-skew: 0s"));
  for (const t of titles) expect((await runCli(["add", "--ready", t], { cwd: dir })).code).toBe(0);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the CLI and collects its output; resolves `exited` with the exit code. */
function start(dir: string, args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: baseEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout?.on("data", (d: Buffer) => {
    out.stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out.stderr += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, out, exited };
}

async function until(what: () => boolean, ms = 10_000): Promise<void> {
  const t = Date.now();
  while (!what()) {
    if (Date.now() - t > ms) throw new Error("timed out waiting");
    await sleep(50);
  }
}

describe("run", () => {
  it("exit 0: the task goes to REVIEW, with the run's log and its SHA-256 as evidence", async () => {
    const dir = await repo(["Build"]);
    const r = await runCli(
      [
        "--as",
        "w1",
        "run",
        "T-1",
        "--",
        process.execPath,
        "-e",
        "console.log(process.env.TASKGATE_TASK_ID, process.env.TASKGATE_TASK_TITLE, process.env.TASKGATE_LEASE_TOKEN)",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("T-1 Build 1\n");
    const l = ledger(dir);
    const task = l.ledger.byId.get("T-1")?.task;
    expect(task?.state).toBe("REVIEW");
    const evidence = task?.fields.find((f) => f.key === "evidence")?.value as string;
    const m = /^run log (\S+) sha256:([0-9a-f]{64})$/.exec(evidence);
    expect(m).not.toBeNull();
    const log = readFileSync(join(dir, m?.[1] as string));
    expect(log.toString()).toBe("T-1 Build 1\n");
    expect(sha256Hex(log.toString())).toBe(m?.[2]);
    expect(l.log.map((e) => [e.action, e.details.via])).toEqual([
      ["init", undefined],
      ["add", undefined],
      ["claim", "run"],
      ["submit", "run"],
    ]);
  });

  it("exit 3: the task is READY again with attempts 1, a not-before time and the last error", async () => {
    const dir = await repo(["Flaky"]);
    const before = Date.now();
    const r = await runCli(
      ["--as", "w1", "run", "T-1", "--", process.execPath, "-e", "console.error('disk full'); process.exit(3)"],
      { cwd: dir },
    );
    // run's exit code is taskgate's (6: the program failed), the program's is in the fail line.
    expect(r.code).toBe(6);
    expect(r.stderr).toContain("disk full\n");
    expect(r.stderr).toMatch(/fail T-1 exit 3; back to READY, attempt 1, not before \S+Z\n/);
    const task = ledger(dir).ledger.byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", attempts: 1, lease: undefined });
    expect(task?.notBefore).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
    expect(task?.fields.find((f) => f.key === "last-error")?.value).toBe("exit 3: disk full");
    const fail = ledger(dir).log.find((e) => e.action === "fail");
    expect(fail?.details).toMatchObject({ exit: "exit 3", attempts: "1", output: "disk full", via: "run" });
  });

  it("a program that cannot start counts as a failed run", async () => {
    const dir = await repo(["Missing"]);
    const r = await runCli(["--as", "w1", "run", "T-1", "--", "/nonexistent/program"], { cwd: dir });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/fail T-1 exit 127;/);
    expect(r.stderr).toMatch(/could not start \/nonexistent\/program: spawn \/nonexistent\/program ENOENT/);
    const task = ledger(dir).ledger.byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", attempts: 1 });
    expect(task?.fields.find((f) => f.key === "last-error")?.value).toMatch(/^exit 127: taskgate: could not start/);
  });

  it("a worker frozen past its TTL is taken over; resumed, it cannot renew or submit and stops its program", async () => {
    const dir = await repo(["Long job"]);
    const marker = join(dir, "finished");
    // The program would write its marker after 6 s.
    const run = start(dir, [
      "--as",
      "w1",
      "run",
      "T-1",
      "--ttl",
      "2s",
      "--grace",
      "1s",
      "--",
      process.execPath,
      "-e",
      `setTimeout(() => require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), 6000)`,
    ]);
    await until(() => run.out.stderr.includes(" start T-1 "));
    run.child.kill("SIGSTOP");
    const held = ledger(dir).ledger.byId.get("T-1")?.task.lease;
    expect(held?.token).toBe(1);
    await sleep(Math.max(0, (held?.until as number) + 300 - Date.now()));
    const takeover = await runCli(["--as", "w2", "claim", "T-1"], { cwd: dir });
    expect(takeover.code).toBe(0);
    expect(takeover.stdout).toMatch(/^T-1 takeover: DOING; lease token 2 for w2@/);
    run.child.kill("SIGCONT");
    expect(await run.exited).toBe(1);
    expect(run.out.stderr).toMatch(/lost T-1 .*older than T-1's \(2, held by w2@/);
    await sleep(Math.max(0, 6500 - 2000));
    expect(existsSync(marker)).toBe(false); // the program was stopped before it finished
    const l = ledger(dir);
    expect(l.ledger.byId.get("T-1")?.task).toMatchObject({ state: "DOING", lease: { token: 2 } });
    expect(l.log.filter((e) => e.action === "submit" || e.action === "renew")).toEqual([]);
    expect(l.log.find((e) => e.action === "lost")).toMatchObject({ actor: "w1", details: { token: "1" } });
    // By hand, with the old token, w1 is refused too.
    const late = await runCli(["--as", "w1", "submit", "T-1", "--token", "1"], { cwd: dir });
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/token 1 is older than T-1's \(2/);
  });

  it("SIGINT is passed to the program and the lease is released cleanly when it exits", async () => {
    const dir = await repo(["Interruptible"]);
    const run = start(dir, [
      "--as",
      "w1",
      "run",
      "T-1",
      "--",
      process.execPath,
      "-e",
      "process.on('SIGINT', () => { console.log('got SIGINT'); process.exit(130); }); setInterval(() => {}, 1000)",
    ]);
    await until(() => run.out.stderr.includes(" start T-1 "));
    await sleep(300);
    run.child.kill("SIGINT");
    // Interrupted: taskgate's 6 (the program did not succeed), not the shell's 130.
    expect(await run.exited).toBe(6);
    expect(run.out.stdout).toBe("got SIGINT\n");
    const task = ledger(dir).ledger.byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", attempts: 0, lease: undefined, notBefore: undefined });
  });
});

describe("run, the edges", () => {
  it("--on-success done: submitted, then accepted by the automation actor with AUDIT (not the worker)", async () => {
    const dir = await repo(["Routine"]);
    const r = await runCli(["--as", "w1", "run", "T-1", "--on-success", "done", "--", process.execPath, "-e", "0"], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ done T-1 accepted by taskgate-ci\n/);
    const l = ledger(dir);
    expect(l.ledger.byId.get("T-1")?.task.state).toBe("DONE");
    expect(l.log.find((e) => e.action === "accept")).toMatchObject({ actor: "taskgate-ci", details: { auto: "true" } });
  });

  it("stopping a program stops what it started too (a wrapper like sh -c), within the grace time", async () => {
    const dir = await repo(["Wrapped"]);
    const run = start(dir, ["--as", "w1", "run", "T-1", "--grace", "1s", "--", "sh", "-c", "sleep 30; echo after"]);
    await until(() => run.out.stderr.includes(" start T-1 "));
    await sleep(300);
    const t = Date.now();
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(6);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(run.out.stdout).not.toContain("after");
    expect(ledger(dir).ledger.byId.get("T-1")?.task).toMatchObject({ state: "READY", lease: undefined });
  });

  it("a run log folder that cannot be written is refused before the claim: no lease is stranded", async () => {
    const dir = await repo(["Logs"]);
    writeFileSync(join(dir, "afile"), "");
    const r = await runCli(["--as", "w1", "run", "T-1", "--log-dir", join(dir, "afile", "sub"), "--", "true"], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^taskgate: Cannot keep run logs in .*afile\/sub: ENOTDIR/);
    expect(ledger(dir).ledger.byId.get("T-1")?.task).toMatchObject({ state: "READY", lease: undefined });
  });
});

describe("work", () => {
  it("three work --parallel 2 processes on 30 tasks: every task runs exactly once and ends in REVIEW", async () => {
    const titles = Array.from({ length: 30 }, (_, i) => `Job ${i + 1}`);
    const dir = await repo(titles);
    const marks = join(dir, "marks");
    mkdirSync(marks);
    const script = `const fs = require("fs"); fs.appendFileSync(${JSON.stringify(marks)} + "/" + process.argv[1], process.argv[2] + "\\n"); setTimeout(() => {}, 50 + Math.random() * 200)`;
    const runs = WORKERS.map((w) =>
      runCli(
        [
          "--as",
          w,
          "work",
          "--parallel",
          "2",
          "--exit-when-idle",
          "--exec",
          `${process.execPath} -e '${script}' {id} ${w}`,
        ],
        { cwd: dir },
      ),
    );
    const results = await Promise.all(runs);
    for (const r of results) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/done \d+, failed 0 \(retried 0\), lost 0, interrupted 0\n$/);
    }
    const files = readdirSync(marks).sort();
    expect(files).toHaveLength(30);
    for (const f of files) expect(readFileSync(join(marks, f), "utf8").split("\n").filter(Boolean)).toHaveLength(1);
    const l = ledger(dir);
    expect(l.ledger.tasks.every((t) => t.state === "REVIEW")).toBe(true);
    const done = results.map((r) => Number(/done (\d+)/.exec(r.stdout)?.[1]));
    expect(done.reduce((a, b) => a + b, 0)).toBe(30);
    expect(l.log.filter((e) => e.action === "claim")).toHaveLength(30);
  });

  it("a title like $(touch pwned); rm -rf x is one plain argument, never shell text", async () => {
    const title = "$(touch pwned); rm -rf x";
    const dir = await repo([title]);
    mkdirSync(join(dir, "x"));
    const out = join(dir, "argv.json");
    const r = await runCli(
      [
        "--as",
        "w1",
        "work",
        "--exit-when-idle",
        "--exec",
        `${process.execPath} -e 'require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(1)))' {title}`,
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual([title]);
    expect(existsSync(join(dir, "pwned"))).toBe(false);
    expect(existsSync(join(dir, "x"))).toBe(true);
  });

  it("SIGTERM: takes no more tasks, lets the running one finish, and exits 0", async () => {
    const dir = await repo(["One", "Two", "Three"]);
    const w = start(dir, [
      "--as",
      "w1",
      "work",
      "--json",
      "--exec",
      `${process.execPath} -e "setTimeout(() => {}, 1500)"`,
    ]);
    await until(() => w.out.stdout.includes('"event":"start"'));
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    const events = w.out.stdout
      .split("\n")
      .filter(Boolean)
      .map((x) => JSON.parse(x));
    expect(events.filter((e) => e.event === "review")).toHaveLength(1);
    expect(events.find((e) => e.event === "stop")?.why).toMatch(/^SIGTERM: taking no more tasks/);
    expect(events[events.length - 1]).toMatchObject({ event: "summary", done: 1 });
    const states = ledger(dir).ledger.tasks.map((t) => t.state);
    expect(states.sort()).toEqual(["READY", "READY", "REVIEW"]);
  });
});
