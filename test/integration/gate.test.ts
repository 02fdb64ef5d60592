// The gate holds against hand edits (issue 19), in real repositories with the real hook: the
// three ways around it are refused by the pre-commit hook and by verify (exit 1, one sentence
// naming the rule), and the legitimate versions (the CLI's accept after an approval, watch's
// real recovery, a real rule's approval, run --on-success done) go through, whoever commits.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { git, gitAs } from "../support/git.js";

const ROLES = [
  "bob@example.com: WORK",
  "carol@example.com: WORK, AUDIT",
  "dave@example.com: WORK, AUDIT",
  "mallory@example.com: WORK",
];

/** Commits everything as `who` through the hook; expects it to pass. */
function commit(dir: string, who: string, msg: string): void {
  git(dir, ["add", "-A"]);
  const r = git(dir, ["commit", "-qm", msg], gitAs(who));
  expect(r, msg).toEqual({ code: 0, out: "" });
}

const cli = async (dir: string, args: string[], env: Record<string, string> = {}) => {
  const r = await runCli(args, { cwd: dir, env });
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
};

/** A repository with the hook, a Rules section, and T-1 (label prod) in REVIEW after bob's work. */
async function board(): Promise<string> {
  const dir = await makeRepo(ROLES);
  writeFileSync(
    join(dir, "APPROVALS.md"),
    read(dir, "APPROVALS.md").replace(
      "## Rules\n",
      "## Rules\n\n```yaml\n- id: docs-only\n  approve: { labels: [docs], requester-role: WORK }\n```\n",
    ),
  );
  expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
  commit(dir, "alice@example.com", "board");
  await cli(dir, ["add", "--ready", "Ship it", "--labels", "prod"]);
  commit(dir, "alice@example.com", "add");
  await cli(dir, ["--as", "bob@example.com", "claim", "T-1"]);
  await cli(dir, ["--as", "bob@example.com", "submit", "T-1"]);
  commit(dir, "bob@example.com", "work");
  return dir;
}

/**
 * The staged change is refused by the hook (exit 1, the sentence), then committed past it
 * with --no-verify and refused by verify (exit 1, the same sentence); the commit is dropped.
 */
async function refusedTwice(dir: string, who: string, rule: RegExp, env: Record<string, string> = {}) {
  git(dir, ["add", "-A"]);
  const hook = git(dir, ["commit", "-qm", "sneaky"], { ...gitAs(who), ...env });
  expect(hook.code).toBe(1);
  expect(hook.out).toMatch(rule);
  expect(hook.out).toMatch(/\n1 problem in the staged ledgers; the commit is refused\n$/);
  expect(git(dir, ["commit", "-qm", "sneaky", "--no-verify"], { ...gitAs(who), ...env }).code).toBe(0);
  const v = await runCli(["verify", "--range", "HEAD~1..HEAD"], { cwd: dir });
  expect(v.code).toBe(1);
  expect(v.stdout).toMatch(rule);
  expect(v.stdout).toMatch(/\n1 problem in 1 commit\n$/);
  git(dir, ["reset", "-q", "--hard", "HEAD~1"]);
}

const verifyAll = async (dir: string) => {
  const v = await runCli(["verify", "--range", "HEAD"], { cwd: dir });
  expect(v.stdout).toMatch(/^\d+ commits checked: ok\n$/);
  expect(v.code).toBe(0);
};

const toDone = (text: string, id: string) => {
  const at = text.indexOf(`## ${id} `);
  return text.slice(0, at) + text.slice(at).replace("- state: REVIEW", "- state: DONE\n- resolution: done");
};

describe("the approval gate on hand edits", () => {
  it("refuses DONE by hand with the request pending or with none, and takes the CLI's accept after an approval", async () => {
    const dir = await board();
    // No request at all: carol (AUDIT, did not work on it) edits REVIEW to DONE.
    writeFileSync(join(dir, "TASKS.md"), toDone(read(dir, "TASKS.md"), "T-1"));
    await refusedTwice(
      dir,
      "carol@example.com",
      /^[0-9a-f]*\s?TASKS.md:\d+: T-1 went to DONE, but T-1 has the label prod, so accepting it needs an approved request; none exists: run taskgate approval request T-1\n/m,
    );
    // The request is pending: the CLI refuses, and so do the hook and verify.
    await cli(dir, ["--as", "bob@example.com", "approval", "request", "T-1"]);
    commit(dir, "bob@example.com", "request");
    const refused = await runCli(["--as", "carol@example.com", "accept", "T-1"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/A-1 is pending/);
    writeFileSync(join(dir, "TASKS.md"), toDone(read(dir, "TASKS.md"), "T-1"));
    await refusedTwice(
      dir,
      "carol@example.com",
      /TASKS.md:\d+: T-1 went to DONE, but .*; A-1 is pending: an AUDIT actor/,
    );
    // Approved by carol, accepted with the CLI by carol: the hook and verify take it.
    await cli(dir, ["--as", "carol@example.com", "approve", "A-1"]);
    commit(dir, "carol@example.com", "approve");
    await cli(dir, ["--as", "carol@example.com", "accept", "T-1"]);
    commit(dir, "carol@example.com", "accept");
    await verifyAll(dir);
  });
});

describe("lines in an automation actor's name", () => {
  it("refuses an accept and an approval written in taskgate-watch's name by a worker, and takes run --on-success done, watch's recovery and a rule's approval committed by anyone", async () => {
    const dir = await board();
    // A task without the gate's label, in REVIEW after bob's own submit (not a run's).
    await cli(dir, ["add", "--ready", "Plain work"]);
    commit(dir, "alice@example.com", "add");
    await cli(dir, ["--as", "bob@example.com", "claim", "T-2"]);
    await cli(dir, ["--as", "bob@example.com", "submit", "T-2"]);
    commit(dir, "bob@example.com", "work");
    // bob writes the accept line in taskgate-watch's name (the CLI writes it for him, chain and all).
    await cli(dir, ["--as", "taskgate-watch", "accept", "T-2"]);
    await refusedTwice(
      dir,
      "bob@example.com",
      /TASKS.md:\d+: Log line by the automation actor taskgate-watch in bob@example.com's change, but an automatic accept comes only from run or work --on-success done \(via=run or via=work\); only the committer's lines and justified automation lines may be committed \(forged\?\)/,
    );
    // ...and an approval in its name, which no rule decides.
    await cli(dir, ["--as", "bob@example.com", "approval", "request", "T-1"]);
    commit(dir, "bob@example.com", "request");
    await cli(dir, ["--as", "taskgate-watch", "approve", "A-1"]);
    await refusedTwice(
      dir,
      "bob@example.com",
      /APPROVALS.md:\d+: Log line by the automation actor taskgate-watch in bob@example.com's change, but an automatic approve names the rule that decided it \(rule=...\), and this one names none/,
    );

    // Legitimate: a run with --on-success done; bob commits its lines (the accept is watch's).
    await cli(dir, ["add", "--ready", "Run it"]);
    commit(dir, "alice@example.com", "add");
    await cli(dir, [
      "--as",
      "bob@example.com",
      "run",
      "T-3",
      "--on-success",
      "done",
      "--",
      process.execPath,
      "-e",
      "0",
    ]);
    expect(read(dir, "TASKS.md")).toMatch(
      /taskgate-watch AUDIT accept T-3 from=REVIEW to=DONE via=run session=run-[0-9a-f]+ auto=true/,
    );
    commit(dir, "bob@example.com", "run");
    // Legitimate: a rule's approval (docs-only), made by approvals auto, committed by mallory.
    await cli(dir, ["add", "--ready", "Write the docs", "--labels", "docs"]);
    commit(dir, "alice@example.com", "add");
    await cli(dir, ["--as", "bob@example.com", "approval", "request", "T-4"]);
    commit(dir, "bob@example.com", "request");
    await cli(dir, ["approvals", "auto"]);
    expect(read(dir, "APPROVALS.md")).toMatch(/taskgate-watch AUDIT approve A-2 .*rule=docs-only/);
    commit(dir, "mallory@example.com", "auto");
    // Legitimate: watch's recovery of a lease that ended two hours ago, committed by mallory.
    await cli(dir, ["add", "--ready", "Abandoned"]);
    commit(dir, "alice@example.com", "add");
    const past = new Date(Date.now() - 2 * 3600_000).toISOString();
    await cli(dir, ["--as", "bob@example.com", "claim", "T-5"], { TASKGATE_NOW: past });
    commit(dir, "bob@example.com", "claim");
    await runCli(["watch", "--once"], { cwd: dir });
    expect(read(dir, "TASKS.md")).toMatch(/taskgate-watch CMD recover T-5 from=DOING to=READY/);
    commit(dir, "mallory@example.com", "recover");
    await verifyAll(dir);
  });

  it("refuses a recovery in taskgate-watch's name of a lease that has not expired", async () => {
    const dir = await board();
    await cli(dir, ["add", "--ready", "Busy"]);
    commit(dir, "alice@example.com", "add");
    await cli(dir, ["--as", "bob@example.com", "claim", "T-2"]);
    commit(dir, "bob@example.com", "claim");
    // mallory lets watch recover it early, by running it with a clock an hour ahead.
    const ahead = new Date(Date.now() + 3600_000).toISOString();
    await runCli(["watch", "--once"], { cwd: dir, env: { TASKGATE_NOW: ahead } });
    expect(read(dir, "TASKS.md")).toMatch(/taskgate-watch CMD recover T-2/);
    await refusedTwice(
      dir,
      "mallory@example.com",
      /TASKS.md:\d+: This log line is dated \S+, after the change was made \(\S+, with 30s clock-skew margin\); a log line is written before it is committed/,
    );
  });
});

describe("who commits", () => {
  it("is git's author for the hook: TASKGATE_ACTOR and --as do not change it", async () => {
    const dir = await board();
    await cli(dir, ["--as", "bob@example.com", "approval", "request", "T-1"]);
    commit(dir, "bob@example.com", "request");
    // carol's approval, recorded in her name, committed by bob with TASKGATE_ACTOR=carol.
    await cli(dir, ["--as", "carol@example.com", "approve", "A-1"]);
    await refusedTwice(
      dir,
      "bob@example.com",
      /APPROVALS.md:\d+: Log line by carol@example.com, but the change is bob@example.com's: only the committer or an automation actor may appear in new log lines \(forged\?\)/,
      { TASKGATE_ACTOR: "carol@example.com" },
    );
    // Committed by carol herself, it goes through.
    await cli(dir, ["--as", "carol@example.com", "approve", "A-1"]);
    commit(dir, "carol@example.com", "approve");
    await verifyAll(dir);
  });
});
