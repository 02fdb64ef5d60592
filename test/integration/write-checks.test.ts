// Every write refuses while a ledger has any error `check` reports (issue #20), the two whose
// parsers are loaded only on demand included: a schedule whose cron expression does not
// parse, and an approval rule the rules reader refuses. Valid ones do not stop a write.

import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

async function board(): Promise<string> {
  const dir = await makeRepo(["bob: WORK"]);
  made.push(dir);
  expect((await runCli(["add", "--ready", "One"], { cwd: dir })).code).toBe(0);
  return dir;
}

function edit(dir: string, file: string, from: string, to: string): void {
  const text = read(dir, file);
  expect(text).toContain(from);
  writeFileSync(join(dir, file), text.replace(from, to));
}

describe("writes on a ledger whose schedules or rules check rejects", () => {
  it("a schedule whose cron expression does not parse: set, claim and add exit 3 and change no byte", async () => {
    const dir = await board();
    edit(dir, "TASKS.md", "## Schedules\n", "## Schedules\n- nightly: `61 2 * * *` UTC check\n");
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(3);
    const before = read(dir, "TASKS.md");
    for (const args of [
      ["set", "T-1", "priority=P1"],
      ["--as", "bob", "claim", "T-1"],
      ["add", "Two"],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/TASKS\.md:\d+:3: error: /);
      expect(read(dir, "TASKS.md")).toBe(before);
    }
  });

  it("a valid schedule does not stop a write", async () => {
    const dir = await board();
    edit(dir, "TASKS.md", "## Schedules\n", "## Schedules\n- nightly: `0 2 * * *` UTC check\n");
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    const r = await runCli(["set", "T-1", "priority=P1"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, "TASKS.md")).toContain("- priority: P1");
  });

  it("an approval rule the rules reader refuses: a request and a claim exit 3 and change no byte", async () => {
    const dir = await board();
    edit(dir, "APPROVALS.md", "## Rules\n", "## Rules\n\n```yaml\n- id: broken\n  approve: { labels: [] }\n```\n");
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(3);
    const tasks = read(dir, "TASKS.md");
    const approvals = read(dir, "APPROVALS.md");
    for (const args of [
      ["--as", "bob", "approval", "request", "T-1"],
      ["--as", "bob", "claim", "T-1"],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/APPROVALS\.md:\d+:\d+: error: /);
      expect(read(dir, "TASKS.md")).toBe(tasks);
      expect(read(dir, "APPROVALS.md")).toBe(approvals);
    }
  });

  it("watch --once writes no recovery while APPROVALS.md's log is broken or a rule is bad: exit 3", async () => {
    for (const damage of ["chain", "rule"] as const) {
      const dir = await board();
      const past = { TASKGATE_NOW: "2026-01-01T00:00:00Z" };
      expect((await runCli(["--as", "bob", "claim", "T-1", "--ttl", "1m"], { cwd: dir, env: past })).code).toBe(0);
      if (damage === "chain") {
        // A hand edit of a logged line's text: its hash no longer matches.
        const text = read(dir, "APPROVALS.md");
        const logged = /^- (\S+ alice@example\.com CMD init)/m.exec(text);
        if (logged) edit(dir, "APPROVALS.md", logged[1] as string, (logged[1] as string).replace("init", "init x=1"));
        else edit(dir, "APPROVALS.md", "## Roles\n", "## Roles\n");
      } else {
        edit(dir, "APPROVALS.md", "## Rules\n", "## Rules\n\n```yaml\n- id: broken\n  approve: { labels: [] }\n```\n");
      }
      expect((await runCli(["check"], { cwd: dir })).code, damage).toBe(3);
      const before = read(dir, "TASKS.md");
      const r = await runCli(["watch", "--once"], { cwd: dir, env: { TASKGATE_NOW: "2026-01-02T00:00:00Z" } });
      expect(r.code, `${damage}: ${r.stdout}${r.stderr}`).toBe(3);
      expect(r.stdout).toMatch(/ invalid APPROVALS\.md /);
      expect(read(dir, "TASKS.md"), damage).toBe(before);
    }
  });
});

// A write proves its log clean from a memo of the log the last write left (ledgers.ts
// logCheckedClean): only exactly those bytes skip the rehash. Each case makes two writes
// first, so the memo is there and was used once, then changes the log by hand.
describe("writes after the log memo: a log changed by hand is still checked in full", () => {
  async function memoized(): Promise<string> {
    const dir = await board();
    for (const p of ["P1", "P2"]) expect((await runCli(["set", "T-1", `priority=${p}`], { cwd: dir })).code).toBe(0);
    return dir;
  }
  const lastLog = (dir: string) => {
    const lines = read(dir, "TASKS.md").split("\n");
    return lines.filter((l) => / ~ [0-9a-f]{12}$/.test(l)).at(-1) as string;
  };
  const refused = async (dir: string) => {
    const before = read(dir, "TASKS.md");
    const r = await runCli(["set", "T-1", "priority=P3"], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/hash chain is broken|Expected a log line/);
    expect(read(dir, "TASKS.md")).toBe(before);
  };

  it("a log line edited to the same length: the next write exits 3 and changes no byte", async () => {
    const dir = await memoized();
    const line = lastLog(dir);
    edit(dir, "TASKS.md", line, line.replace("priority", "PRIORITY"));
    await refused(dir);
  });

  it("a log line removed: the next write exits 3", async () => {
    const dir = await memoized();
    const lines = read(dir, "TASKS.md")
      .split("\n")
      .filter((l) => / ~ [0-9a-f]{12}$/.test(l));
    edit(dir, "TASKS.md", `${lines.at(-2)}\n`, "");
    await refused(dir);
  });

  it("a forged line appended to the log: the next write exits 3", async () => {
    const dir = await memoized();
    const line = lastLog(dir);
    edit(dir, "TASKS.md", line, `${line}\n- 2026-11-24T09:00:00Z mallory CMD set T-1 priority=P0 ~ 0123456789ab`);
    await refused(dir);
  });

  it("lines a write without the memo appended (as a merge brings them): the next write checks them and goes on", async () => {
    const dir = await memoized();
    const other = await runCli(["set", "T-1", "priority=P0"], { cwd: dir, env: { TASKGATE_NO_MEMO: "1" } });
    expect(other.code, other.stderr).toBe(0);
    const r = await runCli(["set", "T-1", "priority=P3"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    // And a hand edit after that write is refused too (the memo now holds the new log).
    const line = lastLog(dir);
    edit(dir, "TASKS.md", line, line.replace("P3", "P1"));
    await refused(dir);
  });
});

// A write's schedules and rules checks are answered by a memo for exactly the schedules and
// rules a check of this build found clean (ledgers.ts memoizedParserChecks). Each case makes
// two writes on valid ones first, so the memo is there and was used, then breaks them by hand.
describe("writes after the parser-check memo: schedules and rules changed by hand are still checked", () => {
  it("a valid schedule made invalid: the next set, claim and add exit 3 and change no byte", async () => {
    const dir = await board();
    edit(dir, "TASKS.md", "## Schedules\n", "## Schedules\n- nightly: `0 2 * * *` UTC check\n");
    for (const p of ["P1", "P2"]) expect((await runCli(["set", "T-1", `priority=${p}`], { cwd: dir })).code).toBe(0);
    edit(dir, "TASKS.md", "`0 2 * * *`", "`0 25 * * *`");
    const before = read(dir, "TASKS.md");
    for (const args of [
      ["set", "T-1", "priority=P3"],
      ["--as", "bob", "claim", "T-1"],
      ["add", "Two"],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/TASKS\.md:\d+:3: error: /);
      expect(read(dir, "TASKS.md")).toBe(before);
    }
  });

  it("a valid rule made invalid: the next claim exits 3 and changes no byte", async () => {
    const dir = await board();
    const rule = "```yaml\n- id: docs\n  approve: { labels: [docs] }\n```\n";
    edit(dir, "APPROVALS.md", "## Rules\n", `## Rules\n\n${rule}`);
    for (const p of ["P1", "P2"]) expect((await runCli(["set", "T-1", `priority=${p}`], { cwd: dir })).code).toBe(0);
    edit(dir, "APPROVALS.md", "labels: [docs]", "labels: []");
    expect((await runCli(["check"], { cwd: dir })).code).toBe(3);
    const tasks = read(dir, "TASKS.md");
    const r = await runCli(["--as", "bob", "claim", "T-1"], { cwd: dir });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/APPROVALS\.md:\d+:\d+: error: /);
    expect(read(dir, "TASKS.md")).toBe(tasks);
  });
});

describe("next on a board with errors", () => {
  it("answers with the errors and their file:line (exit 3), not 'nothing to do', with or without --claim", async () => {
    const dir = await board();
    edit(dir, "TASKS.md", "- state: READY", "- state: REDY");
    const before = read(dir, "TASKS.md");
    for (const args of [["next"], ["next", "--json"], ["next", "--claim"]]) {
      const r = await runCli(["--as", "bob", ...args], { cwd: dir });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/TASKS\.md:\d+:10: error: Expected a state/);
      expect(r.stderr).not.toContain("Nothing to do");
      expect(read(dir, "TASKS.md")).toBe(before);
    }
  });
});
