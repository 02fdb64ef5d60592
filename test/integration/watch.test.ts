// watch with real processes and short TTLs: a killed worker's task recovered exactly once by
// racing ticks, backoff and dead letters as `next` sees them, schedules caught up once, a
// long-running watch reacting to an edit and ending on SIGTERM, and the scheduler entries of
// `schedule install` checked against golden files.

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { processStart, thisProcess } from "../../src/io/lock.js";
import { shortHash } from "../../src/io/places.js";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { expectGolden } from "../support/golden.js";
import { validTasks as ledger } from "../support/ledger.js";
import { CLI, FIXTURES, ROOT } from "../support/paths.js";

const WATCH = "taskgate-watch: CMD, AUDIT (automation)";

/** A repository whose policy has no clock-skew margin (so a 2 s lease is expired after 2 s). */
async function repo(policy: Record<string, string> = {}): Promise<string> {
  const dir = await makeRepo(["w1: WORK", "w2: WORK"]);
  let text = read(dir, "TASKS.md").replace("- clock-skew: 30s", "- clock-skew: 0s");
  for (const [k, v] of Object.entries(policy)) text = text.replace(new RegExp(`- ${k}: .*`), `- ${k}: ${v}`);
  writeFileSync(join(dir, "TASKS.md"), text);
  expect(read(dir, "APPROVALS.md")).toContain(`- ${WATCH}`);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watch --once recovers crashed work", () => {
  it("a worker killed with SIGKILL: after expiry its task is READY again, attempt 1, not before a backoff", async () => {
    const dir = await repo();
    expect((await runCli(["add", "--ready", "Build the thing"], { cwd: dir })).code).toBe(0);
    // The worker: claims with a 2 s lease, then works (sleeps) until it is killed.
    const worker = spawn(
      process.execPath,
      [
        "-e",
        `require("node:child_process").execFileSync(process.execPath, [${JSON.stringify(CLI)}, "--as", "w1", "claim", "T-1", "--ttl", "2s"], { stdio: "inherit" }); console.log("claimed"); setInterval(() => {}, 1000);`,
      ],
      { cwd: dir, env: baseEnv(), stdio: ["ignore", "pipe", "pipe"] },
    );
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on("data", (d: Buffer) => d.toString().includes("claimed") && resolve());
      worker.on("exit", () => reject(new Error("worker ended before it claimed")));
    });
    worker.kill("SIGKILL");
    expect(ledger(dir).ledger.byId.get("T-1")?.task.state).toBe("DOING");

    // Inside the TTL (judged at a second before the lease's end) nothing is recovered.
    const until = ledger(dir).ledger.byId.get("T-1")?.task.lease?.until as number;
    const early = await runCli(["watch", "--once"], {
      cwd: dir,
      env: { TASKGATE_NOW: new Date(until - 1000).toISOString() },
    });
    expect(early).toMatchObject({ code: 0, stdout: "", stderr: "" });
    await sleep(Math.max(0, until + 500 - Date.now()));
    const before = Date.now();
    // Two watchers started at the same moment: one recovers it, the other finds nothing to do.
    const runs = await Promise.all([1, 2].map(() => runCli(["watch", "--once"], { cwd: dir })));
    for (const r of runs) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    expect(runs.map((r) => r.stdout).join("")).toMatch(
      /^\S+Z recover T-1 back to READY: w1@\S+'s lease ended \S+Z; attempt 1, not before \S+Z\n$/,
    );
    expect(ledger(dir).log.filter((e) => e.action === "recover")).toHaveLength(1);
    const task = ledger(dir).ledger.byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", attempts: 1, lease: undefined });
    // backoff 1m..1h: the first failure waits exactly one minute (to the second).
    expect(task?.notBefore).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
    expect(task?.notBefore).toBeLessThanOrEqual(Date.now() + 61_000);

    // next does not offer it before its not-before time...
    const idle = await runCli(["--as", "w2", "next"], { cwd: dir });
    expect(idle.code).toBe(5);
    // ...and does after.
    const later = new Date((task?.notBefore as number) + 1000).toISOString();
    const offered = await runCli(["--as", "w2", "next", "--json"], { cwd: dir, env: { TASKGATE_NOW: later } });
    expect(offered.code).toBe(0);
    expect(JSON.parse(offered.stdout).task.id).toBe("T-1");
  });

  for (let round = 1; round <= 5; round++) {
    it(`round ${round}: two watch --once started at the same moment recover an expired lease exactly once`, async () => {
      const dir = await repo();
      await runCli(["add", "--ready", "One task"], { cwd: dir });
      const t0 = Date.parse("2026-11-24T09:00:00Z");
      const at = (ms: number) => ({ TASKGATE_NOW: new Date(t0 + ms).toISOString() });
      expect((await runCli(["--as", "w1", "claim", "T-1", "--ttl", "2s"], { cwd: dir, env: at(0) })).code).toBe(0);
      const runs = await Promise.all(
        [1, 2].map(() => runCli(["watch", "--once", "--json"], { cwd: dir, env: at(3000) })),
      );
      expect(runs.map((x) => x.code)).toEqual([0, 0]);
      const events = runs.flatMap((x) =>
        x.stdout
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      );
      expect(events.filter((e) => e.event === "recover")).toHaveLength(1);
      const l = ledger(dir);
      expect(l.log.filter((e) => e.action === "recover")).toHaveLength(1);
      expect(l.ledger.byId.get("T-1")?.task).toMatchObject({ state: "READY", attempts: 1 });
    });
  }

  it("after max-attempts expiries the task is blocked as a dead letter, reported, and exit 6", async () => {
    const dir = await repo({ "max-attempts": "2" });
    await runCli(["add", "--ready", "Flaky job"], { cwd: dir });
    const t0 = Date.parse("2026-11-24T09:00:00Z");
    const at = (min: number) => ({ TASKGATE_NOW: new Date(t0 + min * 60_000).toISOString() });
    expect((await runCli(["--as", "w1", "claim", "T-1", "--ttl", "5m"], { cwd: dir, env: at(0) })).code).toBe(0);
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(6) })).code).toBe(0);
    expect((await runCli(["--as", "w2", "claim", "T-1", "--ttl", "5m"], { cwd: dir, env: at(10) })).code).toBe(0);
    const r = await runCli(["watch", "--once", "--quiet"], { cwd: dir, env: at(16) });
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(
      /^2026-11-24T09:16:00Z escalate T-1 blocked as a dead letter: 2 failures: 2 leases expired \(max-attempts 2\); last error: lease expired: w2@\S+'s lease ended 2026-11-24T09:15:00Z without renew, release or submit; unblock it once the cause is fixed \(taskgate unblock T-1\), or cancel it\n$/,
    );
    const task = ledger(dir).ledger.byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", attempts: 2 });
    expect(task?.blocked).toMatch(/^dead letter: 2 failures: 2 leases expired/);
    const next = await runCli(["--as", "w1", "next"], { cwd: dir, env: at(120) });
    expect(next.code).toBe(5);
    // status shows it among the blocked.
    const status = await runCli(["status", "--json"], { cwd: dir, env: at(120) });
    expect(JSON.parse(status.stdout).blocked).toEqual(["T-1"]);
  });
});

describe("watch --once runs schedules", () => {
  it("arms a new schedule, runs it when due, catches up missed runs once, and adds recurring tasks once", async () => {
    const dir = await repo();
    const text = read(dir, "TASKS.md").replace(
      "## Schedules\n",
      "## Schedules\n- nightly: `0 2 * * *` UTC check\n- weekly: `0 9 * * MON` Europe/Berlin add Weekly review labels=ops priority=P1\n",
    );
    writeFileSync(join(dir, "TASKS.md"), text);
    const at = (iso: string) => ({ TASKGATE_NOW: iso });
    const first = await runCli(["watch", "--once"], { cwd: dir, env: at("2026-11-20T10:00:00Z") });
    expect(first.stdout).toBe(
      "2026-11-20T10:00:00Z armed nightly first seen; runs first at 2026-11-21T02:00:00Z\n" +
        "2026-11-20T10:00:00Z armed weekly first seen; runs first at 2026-11-23T08:00:00Z\n",
    );
    const none = await runCli(["watch", "--once"], { cwd: dir, env: at("2026-11-21T01:59:00Z") });
    expect(none).toMatchObject({ code: 0, stdout: "" });
    // Nothing ran for a week: each schedule runs once, for its latest time.
    const runs = await Promise.all(
      [1, 2].map(() => runCli(["watch", "--once"], { cwd: dir, env: at("2026-11-27T10:00:00Z") })),
    );
    expect(runs.map((x) => x.code)).toEqual([0, 0]);
    const out = runs.map((x) => x.stdout).join("");
    expect(out).toContain("schedule nightly ran check (due 2026-11-27T02:00:00Z, 6 earlier times missed): no problems");
    expect(out.match(/schedule weekly added T-1 "Weekly review" \(due 2026-11-23T08:00:00Z\)/g)).toHaveLength(1);
    const l = ledger(dir);
    expect(l.ledger.tasks.map((t) => [t.id, t.title, t.state, t.priority, t.labels])).toEqual([
      ["T-1", "Weekly review", "READY", "P1", ["ops"]],
    ]);
    expect(l.log.filter((e) => e.action === "schedule" && e.details.due).map((e) => [e.target, e.details.due])).toEqual(
      [
        ["nightly", "2026-11-27T02:00:00Z"],
        ["weekly", "2026-11-23T08:00:00Z"],
      ],
    );
    expect(l.log.find((e) => e.action === "add")).toMatchObject({ actor: "taskgate-watch", details: { auto: "true" } });
    const again = await runCli(["watch", "--once"], { cwd: dir, env: at("2026-11-27T10:05:00Z") });
    expect(again).toMatchObject({ code: 0, stdout: "" });
  });

  it("a scheduled check reports approvals past their SLA and exits 6; --quiet prints only problems", async () => {
    const dir = await repo();
    writeFileSync(
      join(dir, "TASKS.md"),
      read(dir, "TASKS.md").replace("## Schedules\n", "## Schedules\n- hourly: `0 * * * *` UTC check\n"),
    );
    const at = (iso: string) => ({ TASKGATE_NOW: iso });
    await runCli(["watch", "--once"], { cwd: dir, env: at("2026-11-20T10:30:00Z") });
    await runCli(["add", "Deploy"], { cwd: dir, env: at("2026-11-20T10:31:00Z") });
    const req = await runCli(["--as", "w1", "approval", "request", "T-1"], {
      cwd: dir,
      env: at("2026-11-20T10:32:00Z"),
    });
    expect(req.code).toBe(0);
    const r = await runCli(["watch", "--once", "--quiet"], { cwd: dir, env: at("2026-11-21T11:00:00Z") });
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(
      /^2026-11-21T11:00:00Z check APPROVALS.md:\d+ A-1 has waited 1d, past the approval SLA of 1d\n$/,
    );
  });

  it("an invalid schedule is reported with its line, exit 3", async () => {
    const dir = await repo();
    writeFileSync(
      join(dir, "TASKS.md"),
      read(dir, "TASKS.md").replace("## Schedules\n", "## Schedules\n- nightly: `0 25 * * *` UTC check\n"),
    );
    const r = await runCli(["watch", "--once"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      // A bad schedule is an error of TASKS.md like any other: watch writes nothing until it is fixed.
      /^\S+Z invalid TASKS.md 1 error, nothing recovered or scheduled until fixed; first: TASKS.md:\d+:3: error: Expected a cron expression like "0 2 \* \* \*" for schedule "nightly", found "0 25 \* \* \*"/,
    );
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/^TASKS.md:\d+:3: error: Expected a cron expression/m);
  });
});

describe("a long-running watch", () => {
  it.each([
    ["file system events", []],
    ["polling (--poll)", ["--poll"]],
  ])("reacts to a ledger edit within a few seconds with %s, and exits 0 on SIGTERM", async (_how, extra) => {
    const dir = await repo();
    await runCli(["add", "--ready", "Task"], { cwd: dir });
    const child = spawn(process.execPath, [CLI, "watch", "--json", "--interval", "1h", ...extra], {
      cwd: dir,
      env: baseEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await sleep(1500); // the first tick (nothing to do) has run
    expect(out).toBe("");
    // A claim whose lease ended an hour ago: the change must wake the watch, not its interval.
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const claimed = await runCli(["--as", "w1", "claim", "T-1", "--ttl", "1m"], {
      cwd: dir,
      env: { TASKGATE_NOW: past },
    });
    expect(claimed.code).toBe(0);
    const edited = Date.now();
    while (!out.includes('"event":"recover"') && Date.now() - edited < 10_000) await sleep(100);
    const reacted = Date.now() - edited;
    expect(out).toContain('"event":"recover","target":"T-1"');
    expect(reacted).toBeLessThan(5000);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(err).toBe("");
    expect(ledger(dir).ledger.byId.get("T-1")?.task.state).toBe("READY");
  });
});

describe("a long-running watch and dead letters", () => {
  it("prints a standing dead letter once, not on every tick, and again after it came back", async () => {
    const dir = await repo({ "max-attempts": "1" });
    await runCli(["add", "--ready", "Flaky"], { cwd: dir });
    await runCli(["add", "--ready", "Other"], { cwd: dir });
    expect((await runCli(["--as", "w1", "run", "T-1", "--", "sh", "-c", "exit 1"], { cwd: dir })).code).toBe(6);
    const child = spawn(process.execPath, [CLI, "watch", "--json", "--interval", "1h"], {
      cwd: dir,
      env: baseEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const count = () => out.split("\n").filter((l) => l.includes('"event":"dead-letter","target":"T-1"')).length;
    const waitFor = async (n: number) => {
      const t = Date.now();
      while (count() < n && Date.now() - t < 10_000) await sleep(100);
    };
    await waitFor(1);
    expect(count()).toBe(1);
    // A change to the board: another tick, the dead letter still standing, not printed again.
    expect((await runCli(["--as", "w1", "claim", "T-2"], { cwd: dir })).code).toBe(0);
    await sleep(2000);
    expect(count()).toBe(1);
    // Unblocked, failed again: a dead letter again, printed again.
    expect((await runCli(["unblock", "T-1"], { cwd: dir })).code).toBe(0);
    await sleep(1500);
    expect((await runCli(["--as", "w1", "run", "T-1", "--", "sh", "-c", "exit 1"], { cwd: dir })).code).toBe(6);
    await waitFor(2);
    expect(count()).toBe(2);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("schedule install --print", () => {
  const golden = join(FIXTURES, "schedule");
  for (const [flag, file] of [
    ["--cron", "cron.txt"],
    ["--systemd", "systemd.txt"],
    ["--windows", "windows.txt"],
  ] as const) {
    it(`${flag} matches ${file}`, async () => {
      const dir = await repo();
      const r = await runCli(["schedule", "install", flag, "--every", "10m", "--print"], { cwd: dir });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const name = /taskgate-watch-[0-9a-f]{10}/.exec(r.stdout)?.[0] as string;
      const normal = r.stdout
        .split(realpathSync(dir))
        .join("<REPO>")
        .split(dir)
        .join("<REPO>")
        .split(process.execPath)
        .join("<NODE>")
        .split(realpathSync(CLI))
        .join("<TASKGATE>")
        .split(name)
        .join("<NAME>");
      expectGolden(join(golden, file), normal);
    });
  }
  it("--write --cron puts one line per repository into the user's crontab, replacing it when run again", async () => {
    const dir = await repo();
    // A stand-in for crontab(1) on PATH: -l prints the table, - replaces it from stdin.
    const bin = mkdtempSync(join(tmpdir(), "taskgate-crontab-"));
    const table = join(bin, "table");
    writeFileSync(table, "MAILTO=ops@example.com\n0 3 * * * /usr/bin/backup\n");
    writeFileSync(
      join(bin, "crontab"),
      `#!/bin/sh\nif [ "$1" = "-l" ]; then cat "${table}"; elif [ "$1" = "-" ]; then cat > "${table}"; else exit 2; fi\n`,
      { mode: 0o755 },
    );
    const env = { PATH: `${bin}:${process.env.PATH}` };
    const first = await runCli(["schedule", "install", "--cron", "--every", "5m", "--write"], { cwd: dir, env });
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/\nAdded the line to your crontab\n$/);
    const again = await runCli(["schedule", "install", "--cron", "--every", "10m", "--write"], { cwd: dir, env });
    expect(again.stdout).toMatch(/\nReplaced this repository's line in your crontab\n$/);
    const lines = readFileSync(table, "utf8").split("\n");
    expect(lines.slice(0, 2)).toEqual(["MAILTO=ops@example.com", "0 3 * * * /usr/bin/backup"]);
    expect(lines.filter((l) => l.includes("watch --once"))).toEqual([again.stdout.split("\n")[0]]);
    expect(lines[2]).toMatch(/^\*\/10 \* \* \* \* /);
  });

  it("--write --systemd writes the user units (and says what to run where systemctl cannot)", async () => {
    const dir = await repo();
    const config = mkdtempSync(join(tmpdir(), "taskgate-xdg-"));
    const r = await runCli(["schedule", "install", "--systemd", "--write"], {
      cwd: dir,
      env: { XDG_CONFIG_HOME: config, PATH: "/nonexistent" },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const name = /taskgate-watch-[0-9a-f]{10}/.exec(r.stdout)?.[0] as string;
    const unitDir = join(config, "systemd", "user");
    expect(r.stdout).toContain(`Wrote ${join(unitDir, `${name}.service`)} and ${name}.timer`);
    expect(r.stdout).toContain(`systemctl --user daemon-reload && systemctl --user enable --now ${name}.timer`);
    expect(readFileSync(join(unitDir, `${name}.timer`), "utf8")).toContain(
      "OnCalendar=*-*-* *:00/5:00\nPersistent=true",
    );
    expect(readFileSync(join(unitDir, `${name}.service`), "utf8")).toContain("watch --once --quiet");
  });

  it("refuses an --every that does not divide an hour or a day", async () => {
    const dir = await repo();
    const r = await runCli(["schedule", "install", "--cron", "--every", "7m"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^taskgate: --every 7m does not divide an hour or a day evenly/);
  });
  it("the README shows all three", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const flag of ["--cron", "--systemd", "--windows"]) expect(readme).toContain(`schedule install ${flag}`);
  });
});

describe("watch --once judges a left lock as the store does", () => {
  /** A lock file for dir's TASKS.md, recorded as held by process `pid` on this host. */
  function plantLock(dir: string, pid: number): string {
    const path = join(realpathSync(dir), "TASKS.md");
    const lockDir = join(dir, ".git", "taskgate");
    mkdirSync(lockDir, { recursive: true });
    const lockPath = join(lockDir, `TASKS.md-${shortHash(path)}.lock`);
    const owner = {
      ...thisProcess(),
      pid,
      start: processStart(pid),
      nonce: `test.${pid}`,
      since: new Date().toISOString(),
    };
    writeFileSync(lockPath, JSON.stringify(owner));
    return lockPath;
  }

  it("a lock whose holder is alive is not reported, however old; one whose holder is gone is, at once", async () => {
    const dir = await makeRepo();
    const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      const pid = sleeper.pid as number;
      const lockPath = plantLock(dir, pid);
      const old = new Date(Date.now() - 3_600_000);
      utimesSync(lockPath, old, old); // an hour without a refresh: age alone would call it stale
      const alive = await runCli(["watch", "--once"], { cwd: dir });
      expect(alive.stdout).not.toContain("stale-lock");
      expect(alive.code).toBe(0);

      sleeper.kill("SIGKILL");
      await new Promise((r) => sleeper.once("exit", r));
      const gone = await runCli(["watch", "--once"], { cwd: dir });
      expect(gone.stdout).toContain("stale-lock");
      expect(gone.stdout).toContain(`process ${pid}`);
      expect(gone.code).toBe(6);
    } finally {
      sleeper.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
