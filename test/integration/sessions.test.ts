// Leases bound to sessions, with real processes: two runs (or work loops) of one actor never
// run a task twice, a session without the token may not act on another's lease, one with it
// may, and ledgers written before sessions (leases without one) behave as they always did.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { validTasks as ledger } from "../support/ledger.js";
import { CLI } from "../support/paths.js";

async function repo(titles: string[]): Promise<string> {
  const dir = await makeRepo(["w1: WORK", "w2: WORK", "taskgate-ci: WORK, AUDIT (automation)"]);
  writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("- clock-skew: 30s", "- clock-skew: 0s"));
  for (const t of titles) expect((await runCli(["add", "--ready", t], { cwd: dir })).code).toBe(0);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(dir: string, args: string[], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: baseEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout?.on("data", (d: Buffer) => {
    out.stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out.stderr += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
  return { child, out, exited };
}

/** A program that records that it started (its task and session) and then works for `ms`. */
const marker = (file: string, ms: number) =>
  `require("fs").appendFileSync(${JSON.stringify(file)}, process.env.TASKGATE_TASK_ID + " " + process.env.TASKGATE_SESSION + "\\n"); setTimeout(() => {}, ${ms})`;

const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

describe("two sessions of one actor", () => {
  it("two run processes on one task, started 1 s apart: the second is refused and its program never starts", async () => {
    const dir = await repo(["Migrate"]);
    const marks = join(dir, "marks");
    const program = (n: number) => [
      "--as",
      "w1",
      "run",
      "T-1",
      "--",
      process.execPath,
      "-e",
      marker(`${marks}${n}`, 3000),
    ];
    const first = start(dir, program(1));
    await sleep(1000);
    const second = await runCli(program(2), { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /T-1 is held by session run-[0-9a-f]{6} of w1@\S+, not by this one \(session run-[0-9a-f]{6}\): to take it over, wait until the lease ends at \S+ \(plus the clock-skew margin\), or act with its token/,
    );
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(await first.exited).toBe(0);
    expect(lines(`${marks}1`)).toEqual([expect.stringMatching(/^T-1 run-[0-9a-f]{6}$/)]);
    expect(existsSync(`${marks}2`)).toBe(false);
    const l = ledger(dir);
    expect(l.ledger.byId.get("T-1")?.task.state).toBe("REVIEW");
    expect(l.log.filter((e) => e.action === "claim")).toHaveLength(1);
    // The log keeps the session of the claim and of the submit: the same one.
    const sessions = l.log.filter((e) => e.target === "T-1" && e.action !== "add").map((e) => e.details.session);
    expect(new Set(sessions).size).toBe(1);
    expect(sessions[0]).toMatch(/^run-[0-9a-f]{6}$/);
  });

  it("two work loops of one actor over 20 tasks: every task runs exactly once", async () => {
    const dir = await repo(Array.from({ length: 20 }, (_, i) => `Job ${i + 1}`));
    const marks = join(dir, "marks");
    const script = marker(marks, 20);
    const loops = [1, 2].map(() =>
      runCli(
        ["--as", "w1", "work", "--parallel", "2", "--exit-when-idle", "--exec", `${process.execPath} -e '${script}'`],
        {
          cwd: dir,
        },
      ),
    );
    const results = await Promise.all(loops);
    for (const r of results) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    const ran = lines(marks);
    expect(ran).toHaveLength(20);
    expect(new Set(ran.map((x) => x.split(" ")[0])).size).toBe(20);
    // Each loop is one session of its own, for all of its tasks.
    expect(new Set(ran.map((x) => x.split(" ")[1])).size).toBeLessThanOrEqual(2);
    for (const s of ran.map((x) => x.split(" ")[1])) expect(s).toMatch(/^work-[0-9a-f]{6}$/);
    const l = ledger(dir);
    expect(l.ledger.tasks.every((t) => t.state === "REVIEW")).toBe(true);
    expect(l.log.filter((e) => e.action === "claim")).toHaveLength(20);
  });

  it("submit: the holding session without a token works; another session is refused without the token and works with it", async () => {
    const dir = await repo(["One", "Two"]);
    const a = { TASKGATE_SESSION: "agent-a" };
    const b = { TASKGATE_SESSION: "agent-b" };
    expect((await runCli(["--as", "w1", "claim", "T-1"], { cwd: dir, env: a })).code).toBe(0);
    const two = await runCli(["--as", "w1", "claim", "T-2", "--json"], { cwd: dir, env: a });
    const token = String(JSON.parse(two.stdout).lease.token);
    expect(read(dir, "TASKS.md")).toMatch(/^- lease: w1@\S+ token=1 until=\S+ ttl=30m session=agent-a$/m);

    // Shown beside the holder.
    const list = JSON.parse((await runCli(["list", "--json"], { cwd: dir })).stdout);
    expect(list.tasks.find((t: { id: string }) => t.id === "T-1").lease.session).toBe("agent-a");
    expect((await runCli(["board"], { cwd: dir, env: { COLUMNS: "200" } })).stdout).toContain("w1 (agent-a)");

    for (const env of [b, {}]) {
      for (const action of [["submit"], ["renew"], ["release"], ["block", "--reason", "mine now"]]) {
        const r = await runCli(["--as", "w1", action[0] as string, "T-1", ...action.slice(1)], { cwd: dir, env });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(
          /^taskgate: T-1 is held by session agent-a of w1@\S+, not by this one \((session agent-b|no session)\)/,
        );
      }
    }
    expect(ledger(dir).ledger.byId.get("T-1")?.task.state).toBe("DOING");
    const own = await runCli(["--as", "w1", "submit", "T-1"], { cwd: dir, env: a });
    expect(own.stderr).toBe("");
    expect(own.code).toBe(0);
    const withToken = await runCli(["--as", "w1", "submit", "T-2", "--token", token], { cwd: dir, env: b });
    expect(withToken.stderr).toBe("");
    expect(withToken.code).toBe(0);
    const l = ledger(dir);
    expect(l.ledger.tasks.map((t) => t.state)).toEqual(["REVIEW", "REVIEW"]);
    expect(l.log.filter((e) => e.action === "submit").map((e) => e.details.session)).toEqual(["agent-a", "agent-b"]);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("run reuses a lease of the session that called it, or with its token; another session's is refused unstarted", async () => {
    const dir = await repo(["One", "Two"]);
    const marks = join(dir, "marks");
    const a = { TASKGATE_SESSION: "agent-a" };
    const b = { TASKGATE_SESSION: "agent-b" };
    expect((await runCli(["--as", "w1", "claim", "T-1"], { cwd: dir, env: a })).code).toBe(0);
    expect((await runCli(["--as", "w1", "claim", "T-2"], { cwd: dir, env: a })).code).toBe(0);
    const program = (id: string) => ["--as", "w1", "run", id, "--", process.execPath, "-e", marker(marks, 0)];
    const own = await runCli(program("T-1"), { cwd: dir, env: a });
    expect(own.code).toBe(0);
    expect(own.stderr).toMatch(/claim T-1 lease token 1 until \S+ \(already held\)/);
    const other = await runCli(program("T-2"), { cwd: dir, env: b });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /T-2 is held by session agent-a of w1@\S+, not by this one \(session run-[0-9a-f]{6}\)/,
    );
    const token = await runCli(program("T-2"), { cwd: dir, env: { ...b, TASKGATE_LEASE_TOKEN: "1" } });
    expect(token.code).toBe(0);
    expect(token.stderr).toMatch(/claim T-2 lease token 1 until \S+ \(already held\)/);
    // Each program ran once, in the lease's session.
    expect(lines(marks)).toEqual(["T-1 agent-a", "T-2 agent-a"]);
    expect(ledger(dir).ledger.tasks.map((t) => t.state)).toEqual(["REVIEW", "REVIEW"]);
  });

  it("status names the session of an expired lease; a bad TASKGATE_SESSION is a usage error", async () => {
    const dir = await repo(["One"]);
    const env = { TASKGATE_SESSION: "0f4c2a9e-7b1d-4c55-9a0e-2f8d7c6b5a41", TASKGATE_NOW: "2026-11-24T09:00:00Z" };
    expect((await runCli(["--as", "w1", "claim", "T-1", "--ttl", "5m"], { cwd: dir, env })).code).toBe(0);
    const later = { TASKGATE_NOW: "2026-11-24T10:00:00Z" };
    expect((await runCli(["status"], { cwd: dir, env: later })).stdout).toMatch(
      /T-1 w1@\S+ \(0f4c2a9e\) expired 55m ago/,
    );
    const json = JSON.parse((await runCli(["status", "--json"], { cwd: dir, env: later })).stdout);
    expect(json.leases.expired[0].session).toBe(env.TASKGATE_SESSION);
    const bad = await runCli(["--as", "w1", "renew", "T-1"], { cwd: dir, env: { TASKGATE_SESSION: "two words" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^taskgate: Expected TASKGATE_SESSION to be a session name .*found "two words"\n$/);
  });
});

describe("ledgers written before sessions", () => {
  it("a lease without a session validates and is acted on by its holder from any session, as before", async () => {
    const dir = await repo(["One", "Two"]);
    // A plain terminal writes the lease exactly as before sessions existed.
    expect((await runCli(["--as", "w1", "claim", "T-1"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["--as", "w1", "claim", "T-2"], { cwd: dir })).code).toBe(0);
    const text = read(dir, "TASKS.md");
    expect(text).toMatch(/^- lease: w1@\S+ token=1 until=\S+Z ttl=30m$/m);
    expect(text).not.toContain("session");
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(0);
    // Its holder acts on it without a token, with or without a session.
    expect((await runCli(["--as", "w1", "renew", "T-1"], { cwd: dir, env: { TASKGATE_SESSION: "x1" } })).code).toBe(0);
    expect((await runCli(["--as", "w1", "submit", "T-1"], { cwd: dir })).code).toBe(0);
    // run reuses it ("already held"), as before.
    const r = await runCli(["--as", "w1", "run", "T-2", "--", process.execPath, "-e", "0"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/claim T-2 lease token 1 until \S+ \(already held\)/);
    // Another actor is refused as before.
    expect((await runCli(["--as", "w2", "claim", "T-1"], { cwd: dir })).code).toBe(1);
    expect(ledger(dir).ledger.tasks.map((t) => t.state)).toEqual(["REVIEW", "REVIEW"]);
  });
});
