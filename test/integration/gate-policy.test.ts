// The gate's own switches hold against hand edits: a guarded Policy key (approval-required)
// or the Rules changed by one person is refused by the pre-commit hook and by verify (exit 1,
// one sentence naming the rule); the same change through `policy request` / `rules request`
// and another person's approval goes through. Real repositories, the real hook.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { git, gitAs } from "../support/git.js";

function commit(dir: string, who: string, msg: string): void {
  git(dir, ["add", "-A"]);
  const r = git(dir, ["commit", "-qm", msg], gitAs(who));
  expect(r, msg).toEqual({ code: 0, out: "" });
}

const cli = async (dir: string, args: string[]) => {
  const r = await runCli(args, { cwd: dir });
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
};

/** alice holds WORK and AUDIT (not CMD); carol CMD, WORK, AUDIT; bob WORK. T-1 (prod) is in REVIEW after bob's work. */
async function board(rules = "- id: docs-only\n  approve: { labels: [docs], requester-role: WORK }"): Promise<string> {
  const dir = await makeRepo(["carol@example.com: CMD, WORK, AUDIT", "bob@example.com: WORK"]);
  writeFileSync(
    join(dir, "APPROVALS.md"),
    read(dir, "APPROVALS.md")
      .replace("- alice@example.com: CMD, WORK, AUDIT", "- alice@example.com: WORK, AUDIT")
      .replace("## Rules\n", `## Rules\n\n\`\`\`yaml\n${rules}\n\`\`\`\n`),
  );
  expect(read(dir, "TASKS.md")).toContain("- approval-required: prod, security");
  expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
  commit(dir, "alice@example.com", "board");
  await cli(dir, ["--as", "carol@example.com", "add", "--ready", "Ship it", "--labels", "prod"]);
  commit(dir, "carol@example.com", "add");
  await cli(dir, ["--as", "bob@example.com", "claim", "T-1"]);
  await cli(dir, ["--as", "bob@example.com", "submit", "T-1"]);
  commit(dir, "bob@example.com", "work");
  return dir;
}

async function refusedTwice(dir: string, who: string, rule: RegExp) {
  git(dir, ["add", "-A"]);
  const hook = git(dir, ["commit", "-qm", "sneaky"], gitAs(who));
  expect(hook.code).toBe(1);
  expect(hook.out).toMatch(rule);
  expect(hook.out).toMatch(/\n1 problem in the staged ledgers; the commit is refused\n$/);
  expect(git(dir, ["commit", "-qm", "sneaky", "--no-verify"], gitAs(who)).code).toBe(0);
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

const RULE_ALL = "- id: all\n  approve: { labels: [prod] }";
const withRules = (text: string, rules: string) =>
  text.replace(/## Rules\n\n```yaml\n[\s\S]*?```\n/, `## Rules\n\n\`\`\`yaml\n${rules}\n\`\`\`\n`);

describe("the gate's Policy and Rules on hand edits", () => {
  it("refuses approval-required changed by one person, and takes it through policy request and another's approval", async () => {
    // A rule that approves every free-text request: automation still may not decide a Policy change.
    const dir = await board("- id: any-text\n  approve: { subject: [text] }");
    const narrowed = () =>
      writeFileSync(
        join(dir, "TASKS.md"),
        read(dir, "TASKS.md").replace(/- approval-required: .*/, "- approval-required: security"),
      );
    narrowed();
    await refusedTwice(
      dir,
      "alice@example.com",
      /^(?:[0-9a-f]+ )?TASKS.md:\d+: The Policy's approval-required changed to "security" without an approved request for that change; run taskgate policy request approval-required=security, have another AUDIT person \(not alice@example.com, not automation\) approve it, then commit/m,
    );
    // Spelled differently, the same labels are no change: reordering is free.
    writeFileSync(
      join(dir, "TASKS.md"),
      read(dir, "TASKS.md").replace("- approval-required: prod, security", "- approval-required: security, prod"),
    );
    commit(dir, "alice@example.com", "reorder");
    // A key that does not guard the gate needs no request; a bad value is named.
    const free = await runCli(["policy", "request", "max-attempts=5"], { cwd: dir });
    expect(free.code).toBe(1);
    expect(free.stderr).toMatch(
      /max-attempts is not a Policy key that needs a request \(those are approval-required, signed-commits, clock-skew\); edit it in TASKS.md and commit\n$/,
    );
    const bad = await runCli(["policy", "request", "clock-skew=soon"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Expected a duration like 0s, 30s or 2m as the value of clock-skew, found "soon"/);
    expect((await runCli(["policy", "request", "approval-required"], { cwd: dir })).code).toBe(2);
    // Her own approval does not count: the requester may not decide, and the hook says so.
    const req = await cli(dir, ["--as", "alice@example.com", "policy", "request", "approval-required=security"]);
    expect(req.stdout).toMatch(
      /^A-1: policy approval-required=security waits for another AUDIT person: taskgate approve A-1/,
    );
    commit(dir, "alice@example.com", "request");
    const own = await runCli(["--as", "alice@example.com", "approve", "A-1"], { cwd: dir });
    expect(own.code).toBe(1);
    // Automation never decides it, whatever the rules say.
    const explained = await cli(dir, ["approval", "explain", "A-1"]);
    expect(explained.stdout).toMatch(/any-text/);
    expect(explained.stdout).toMatch(/only a person decides/);
    await runCli(["watch", "--once"], { cwd: dir });
    expect(read(dir, "APPROVALS.md")).toMatch(/## A-1 [^\n]*\n- status: pending/);
    await cli(dir, ["--as", "carol@example.com", "approve", "A-1"]);
    commit(dir, "carol@example.com", "approve");
    narrowed();
    commit(dir, "alice@example.com", "policy, approved by carol");
    await verifyAll(dir);
  });

  it("refuses a rule added by one person, and takes the rules through rules request and another's approval", async () => {
    const dir = await board();
    const before = read(dir, "APPROVALS.md");
    writeFileSync(join(dir, "APPROVALS.md"), withRules(before, RULE_ALL));
    await refusedTwice(
      dir,
      "alice@example.com",
      /^(?:[0-9a-f]+ )?APPROVALS.md:\d+: The Rules changed \(rules sha256:[0-9a-f]{16}\) without an approved request for that change; run taskgate rules request FILE, have another AUDIT person \(not alice@example.com, not automation\) approve it, then commit/m,
    );
    const missing = await runCli(["rules", "request", join(dir, "no-such.yaml")], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the rules file .*no-such\.yaml: ENOENT/);
    // The legitimate path: the new rules in a file, a request, carol's approval, then the edit.
    const file = join(dir, "rules.yaml");
    writeFileSync(file, `${RULE_ALL}\n`);
    const req = await cli(dir, ["--as", "alice@example.com", "rules", "request", file]);
    const id = /^(A-\d+): rules sha256:[0-9a-f]{16} waits/.exec(req.stdout)?.[1] as string;
    expect(id).toBe("A-1");
    git(dir, ["rm", "-q", "--cached", "--ignore-unmatch", "rules.yaml"]);
    writeFileSync(join(dir, ".gitignore"), "rules.yaml\n");
    commit(dir, "alice@example.com", "request");
    // A rules text other than the approved one is still refused.
    writeFileSync(
      join(dir, "APPROVALS.md"),
      withRules(read(dir, "APPROVALS.md"), "- id: all\n  approve: { labels: [prod, security] }"),
    );
    git(dir, ["add", "-A"]);
    expect(git(dir, ["commit", "-qm", "other rules"], gitAs("alice@example.com")).code).toBe(1);
    git(dir, ["checkout", "-q", "HEAD", "--", "APPROVALS.md"]);
    await cli(dir, ["--as", "carol@example.com", "approve", id]);
    commit(dir, "carol@example.com", "approve");
    writeFileSync(join(dir, "APPROVALS.md"), withRules(read(dir, "APPROVALS.md"), RULE_ALL));
    commit(dir, "alice@example.com", "rules, approved by carol");
    await verifyAll(dir);
  });
});
