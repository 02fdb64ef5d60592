// The commands end to end, as a user runs them: real files, real git, real processes.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

describe("taskgate commands", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeRepo(["bob: WORK"]);
  });

  it("init refuses to overwrite existing ledgers", async () => {
    const before = read(dir, "TASKS.md");
    const r = await runCli(["init"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TASKS\.md and APPROVALS\.md already exist; init never overwrites/);
    expect(read(dir, "TASKS.md")).toBe(before);
  });

  it("add, set, list, show and status work together, acting as git's user.email", async () => {
    expect(
      (await runCli(["add", "Write", "the", "runbook", "--labels", "docs", "--priority", "p1"], { cwd: dir })).stdout,
    ).toBe("T-1\n");
    expect((await runCli(["add", "Ship", "--depends", "T-1", "--ready"], { cwd: dir })).stdout).toBe("T-2\n");
    expect((await runCli(["ready", "T-1"], { cwd: dir })).stdout).toBe("T-1 ready: PLAN -> READY\n");
    const set = await runCli(["set", "T-1", "assignee=bob"], { cwd: dir });
    expect(set.stdout).toBe("T-1 assignee: (none) -> bob\n");
    const list = await runCli(["list", "--state", "ready", "--label", "docs"], { cwd: dir });
    expect(list.stdout).toMatch(/^T-1 {2}READY {3}P1 {2}Write the runbook {2}@bob \[docs\]\n$/);
    const show = JSON.parse((await runCli(["show", "t-2", "--json"], { cwd: dir })).stdout);
    expect(show).toMatchObject({
      schema: "taskgate.task",
      version: 1,
      task: { id: "T-2", state: "READY", depends: ["T-1"] },
    });
    const status = JSON.parse((await runCli(["status", "--json"], { cwd: dir })).stdout);
    expect(status).toMatchObject({ tasks: 2, byState: { READY: 2, PLAN: 0 }, approvals: { pending: 0 }, errors: 0 });
    const text = read(dir, "TASKS.md");
    expect(text).toMatch(/- \S+ alice@example\.com CMD set T-1 assignee=bob ~ [0-9a-f]{12}\n$/);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("finds the ledgers from a subfolder, and elsewhere with --dir or TASKGATE_DIR", async () => {
    const sub = join(dir, "src", "deep");
    mkdirSync(sub, { recursive: true });
    expect((await runCli(["status"], { cwd: sub })).stdout).toMatch(/^TASKS\.md|\/TASKS\.md: 2 tasks/m);
    expect((await runCli(["--dir", dir, "list", "--json"], { cwd: "/" })).stdout).toMatch(/"count": 2/);
    expect((await runCli(["list", "--json"], { cwd: "/", env: { TASKGATE_DIR: dir } })).stdout).toMatch(/"count": 2/);
  });

  it("refuses an unknown actor and a wrong role with one sentence, writing nothing", async () => {
    const before = read(dir, "TASKS.md");
    const unknown = await runCli(["--as", "mallory", "add", "x"], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'taskgate: Actor "mallory" has no roles; add a line "- mallory: CMD" under "## Roles" in APPROVALS.md, or act as someone listed there with --as NAME\n',
    );
    const worker = await runCli(["add", "x"], { cwd: dir, env: { TASKGATE_ACTOR: "bob" } });
    expect(worker.code).toBe(1);
    expect(worker.stderr).toBe("taskgate: bob (WORK) may not add; that takes the CMD role\n");
    expect(read(dir, "TASKS.md")).toBe(before);
  });

  it("refuses bad values and unknown tasks with exit 1 and the reason", async () => {
    const before = read(dir, "TASKS.md");
    const bad = await runCli(["set", "T-1", "priority=urgent"], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'taskgate: Expected a priority (P0|P1|P2|P3) for "priority", found "urgent"\n',
    ]);
    const missing = await runCli(["show", "T-99"], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([1, "taskgate: There is no task T-99 in TASKS.md\n"]);
    const cycle = await runCli(["set", "T-1", "depends=T-2"], { cwd: dir });
    expect(cycle.code).toBe(3);
    expect(cycle.stderr).toMatch(
      /would leave TASKS\.md invalid.*\nTASKS\.md:\d+:1: error: Dependency cycle: T-1 -> T-2 -> T-1/s,
    );
    const usage = await runCli(["set", "T-1", "priority"], { cwd: dir });
    expect(usage.code).toBe(2);
    const unknownCommand = await runCli(["frobnicate"], { cwd: dir });
    expect(unknownCommand.code).toBe(2);
    expect(read(dir, "TASKS.md")).toBe(before);
  });

  it("a hand-broken ledger: check lists every error with file:line:col and exits 3; writes are refused", async () => {
    const broken = await makeRepo();
    const path = join(broken, "TASKS.md");
    const text = read(broken, "TASKS.md").replace(
      "## Log",
      "## T-1 One\n- state: doing\n\n## T-1 Again\n- state: READY\n- created: yesterday\n\n## Log",
    );
    writeFileSync(path, text);
    const check = await runCli(["check"], { cwd: broken });
    expect(check.code).toBe(3);
    expect(check.stdout).toContain(
      'TASKS.md:18:10: error: Expected a state (PLAN|READY|DOING|REVIEW|DONE) for "state", found "doing"',
    );
    expect(check.stdout).toContain("TASKS.md:20:4: error: Duplicate ID T-1 (first defined at TASKS.md:17:4)");
    expect(check.stdout).toContain(
      'TASKS.md:22:12: error: Expected a UTC time like 2026-11-24T10:30:00Z for "created", found "yesterday"',
    );
    const json = JSON.parse((await runCli(["check", "--json"], { cwd: broken })).stdout);
    expect(json).toMatchObject({ schema: "taskgate.check", ok: false, errors: 3 });
    const add = await runCli(["add", "more"], { cwd: broken });
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(
      /^taskgate: TASKS\.md has 3 errors; fix them first \(nothing was written\):\nTASKS\.md:18:10: error:/,
    );
    expect(read(broken, "TASKS.md")).toBe(text);
  });

  it("refuses to write a file that is not UTF-8, naming the line", async () => {
    const repo = await makeRepo();
    const path = join(repo, "TASKS.md");
    const bytes = Buffer.concat([Buffer.from(read(repo, "TASKS.md")), Buffer.from([0x0a, 0x66, 0xff, 0x0a])]);
    writeFileSync(path, bytes);
    const r = await runCli(["add", "x"], { cwd: repo });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/TASKS\.md:\d+:2: error: Expected UTF-8 text, found a byte that is not UTF-8/);
  });

  it("refuses a ledger with a NUL byte, naming its line and column: git would hide every diff of it", async () => {
    const repo = await makeRepo();
    expect((await runCli(["add", "日本語 title"], { cwd: repo })).code).toBe(0);
    const path = join(repo, "TASKS.md");
    const text = read(repo, "TASKS.md").replace("日本語 title", "日本語 ti\0tle");
    writeFileSync(path, text);
    const line = text.split("\n").findIndex((l) => l.includes("\0")) + 1;
    const where = `TASKS.md:${line}:${"## T-1 日本語 ti".length + 1}`;
    for (const args of [["check"], ["status"], ["add", "y"], ["list"]]) {
      const r = await runCli(args, { cwd: repo });
      expect(r.code, args.join(" ")).toBe(3);
      expect(r.stderr).toContain(`${where}: error: Expected text, found a NUL byte`);
    }
    expect(read(repo, "TASKS.md")).toBe(text);
  });

  it("refuses to write while git is merging the ledger", async () => {
    const repo = await makeRepo();
    const { execFileSync } = await import("node:child_process");
    const git = (...a: string[]) => execFileSync("git", a, { cwd: repo, stdio: "pipe" });
    git("add", ".");
    git("commit", "-qm", "init");
    git("checkout", "-qb", "other");
    expect((await runCli(["add", "from other"], { cwd: repo })).code).toBe(0);
    git("commit", "-qam", "other");
    git("checkout", "-q", "-");
    expect((await runCli(["add", "from main"], { cwd: repo })).code).toBe(0);
    git("commit", "-qam", "main");
    expect(() => git("merge", "-q", "other")).toThrow();
    const r = await runCli(["add", "during merge"], { cwd: repo });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/conflict marker|middle of a merge/);
  });

  it("prints exit codes in --help and colour only when asked", async () => {
    const help = await runCli(["--help"], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {3}ok\n {2}1 {3}refused/);
    const plain = await runCli(["status"], { cwd: dir });
    expect(plain.stdout).not.toContain("\u001b[");
    const forced = await runCli(["status"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(forced.stdout).toContain("\u001b[");
  });

  it("status answers from its memo by the ledgers' stamps once they settled, and still sees an edit that keeps size and time", async () => {
    const repo = await makeRepo();
    expect((await runCli(["add", "One"], { cwd: repo })).code).toBe(0);
    const tasks = join(repo, "TASKS.md");
    const approvals = join(repo, "APPROVALS.md");
    // A whole second in the past, which any file system keeps exactly (an edit can put it back).
    for (const f of [tasks, approvals]) utimesSync(f, 1_700_000_000, 1_700_000_000);
    // Settled: nothing changed either file (their change times) for more than three seconds.
    await new Promise((r) => setTimeout(r, 3300));
    const status = async (extra: Record<string, string> = {}) =>
      JSON.parse((await runCli(["status", "--json"], { cwd: repo, env: extra })).stdout);
    const first = await status();
    expect(first).toMatchObject({ tasks: 1, byState: { PLAN: 1 } });
    const memoDir = join(repo, ".git", "taskgate", "memo");
    const [memoName] = readdirSync(memoDir).filter((n) => /^TASKS\.md-[0-9a-f]+\.memo$/.test(n));
    const header = () => JSON.parse(readFileSync(join(memoDir, memoName as string), "utf8").split("\n")[0] as string);
    expect(header().stamps).toHaveLength(2);
    expect(await status()).toEqual(first);
    // A hand edit of the same length whose modification time is put back: the change time
    // (which no program can set) moved, so the stamp differs and the bytes are compared.
    const before = statSync(tasks).size;
    writeFileSync(tasks, read(repo, "TASKS.md").replace("- state: PLAN", "- state: DONE"));
    utimesSync(tasks, 1_700_000_000, 1_700_000_000);
    expect(statSync(tasks).size).toBe(before);
    const edited = await status();
    expect(edited).toMatchObject({ tasks: 1, byState: { DONE: 1 } });
    expect(edited).toEqual(await status({ TASKGATE_NO_MEMO: "1" }));
    // Changed just now: the memo made of it records no stamp until the file has settled.
    expect(header().stamps).toBeUndefined();
  });

  it("status keeps a memo keyed by the ledgers' bytes: a hand edit is seen at once, time is applied fresh", async () => {
    const repo = await makeRepo(["bob: WORK"]);
    expect((await runCli(["add", "One", "--ready"], { cwd: repo })).code).toBe(0);
    const claim = await runCli(["--as", "bob", "claim", "T-1", "--ttl", "10m"], {
      cwd: repo,
      env: { TASKGATE_NOW: "2026-11-24T09:00:00Z" },
    });
    expect(claim.code).toBe(0);
    const status = async (now: string, extra: Record<string, string> = {}) =>
      JSON.parse((await runCli(["status", "--json"], { cwd: repo, env: { TASKGATE_NOW: now, ...extra } })).stdout);
    const early = await status("2026-11-24T09:05:00Z");
    expect(early).toMatchObject({ byState: { DOING: 1 }, leases: { held: 1, expired: [] } });
    // status's own memo: one file (the writes keep theirs beside it, TASKS.md-log-*).
    const statusMemos = () =>
      readdirSync(join(repo, ".git", "taskgate", "memo")).filter((n) => !n.startsWith("TASKS.md-log-"));
    expect(statusMemos()).toHaveLength(1);
    // The same bytes, later: the memo is used, and the lease is judged at the new time.
    const late = await status("2026-11-24T09:20:00Z");
    expect(late.leases).toMatchObject({ held: 0, expired: [{ id: "T-1" }] });
    expect(late).toEqual(await status("2026-11-24T09:20:00Z", { TASKGATE_NO_MEMO: "1" }));
    // A hand edit changes the bytes, so the memo no longer applies.
    writeFileSync(
      join(repo, "TASKS.md"),
      read(repo, "TASKS.md").replace("## Log", "## T-2 Two\n- state: PLAN\n\n## Log"),
    );
    const edited = await status("2026-11-24T09:20:00Z");
    expect(edited).toMatchObject({ tasks: 2, byState: { PLAN: 1, DOING: 1 }, errors: 0 });
    expect(edited).toEqual(await status("2026-11-24T09:20:00Z", { TASKGATE_NO_MEMO: "1" }));
    // An edit that keeps the length (PLAN -> DONE) is seen too: the memo compares the bytes.
    expect(await status("2026-11-24T09:20:00Z")).toEqual(edited);
    const [memoFile] = statusMemos();
    const memoPath = join(repo, ".git", "taskgate", "memo", memoFile as string);
    // It holds a copy of the ledgers: for their user's eyes only, like its folder.
    expect(statSync(memoPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(repo, ".git", "taskgate", "memo")).mode & 0o777).toBe(0o700);
    const before = statSync(join(repo, "TASKS.md")).size;
    writeFileSync(join(repo, "TASKS.md"), read(repo, "TASKS.md").replace("- state: PLAN", "- state: DONE"));
    expect(statSync(join(repo, "TASKS.md")).size).toBe(before);
    const sameLength = await status("2026-11-24T09:20:00Z");
    expect(sameLength).toMatchObject({ tasks: 2, byState: { DONE: 1, DOING: 1 } });
    expect(sameLength).toEqual(await status("2026-11-24T09:20:00Z", { TASKGATE_NO_MEMO: "1" }));
    // A memo cut short, or one that is not a memo, is not used, and is made again.
    writeFileSync(memoPath, readFileSync(memoPath).subarray(0, statSync(memoPath).size - 3));
    expect(await status("2026-11-24T09:20:00Z")).toEqual(sameLength);
    writeFileSync(memoPath, "not a memo\n");
    expect(await status("2026-11-24T09:20:00Z")).toEqual(sameLength);
    // And it is what answers next: a value changed inside it (tasks 2 -> 7) is what status says.
    const memo = readFileSync(memoPath, "latin1");
    expect(memo.startsWith('{"build":')).toBe(true);
    writeFileSync(memoPath, memo.replace(/"tasks":2,(?=[^\n]*$)/, '"tasks":7,'), "latin1");
    expect(await status("2026-11-24T09:20:00Z")).toEqual({ ...sameLength, tasks: 7 });
    // Temp files of calls killed while writing the memo (each a copy of the ledgers) are
    // removed by the next write of a memo once a minute old; a fresh one may be a live call's.
    const memoDir = join(repo, ".git", "taskgate", "memo");
    writeFileSync(join(memoDir, "TASKS.md-0.123.tmp"), "left by a killed call");
    writeFileSync(join(memoDir, "TASKS.md-0.456.tmp"), "being written");
    // The memo of the format before (a JSON file of the same name) goes too.
    const oldFormat = memoPath.replace(/\.memo$/, ".json");
    writeFileSync(oldFormat, '{"key":"an older build","value":{}}');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(join(memoDir, "TASKS.md-0.123.tmp"), twoMinutesAgo, twoMinutesAgo);
    writeFileSync(join(repo, "TASKS.md"), read(repo, "TASKS.md").replace("## T-2 Two", "## T-2 Two!"));
    await status("2026-11-24T09:20:00Z");
    expect(readdirSync(memoDir).filter((n) => n.endsWith(".tmp"))).toEqual(["TASKS.md-0.456.tmp"]);
    expect(existsSync(oldFormat)).toBe(false);
  });
});
