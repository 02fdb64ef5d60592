// git integration in real repositories: the pre-commit hook judges the index as the
// committer's change, verify judges a history commit by commit, and the merge driver merges
// branches that both changed the board.

import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { git, gitAs } from "../support/git.js";
import { validTasks as valid } from "../support/ledger.js";

const ROLES = ["bob@example.com: WORK", "carol@example.com: WORK, AUDIT"];

async function repoWithHook(): Promise<string> {
  const dir = await makeRepo(ROLES);
  const r = await runCli(["hook", "install"], { cwd: dir });
  expect(r.code).toBe(0);
  return dir;
}

describe("the pre-commit hook (check --staged)", () => {
  it("lets the first commit through (there is no HEAD yet)", async () => {
    const dir = await repoWithHook();
    git(dir, ["add", "-A"]);
    const r = git(dir, ["commit", "-qm", "board"]);
    expect(r).toEqual({ code: 0, out: "" });
  });

  it("allows a hand-edited title and refuses a hand-edited self-approval", async () => {
    const dir = await repoWithHook();
    await runCli(["add", "--ready", "Ship it", "--labels", "prod"], { cwd: dir });
    git(dir, ["add", "-A"]);
    expect(git(dir, ["commit", "-qm", "board"]).code).toBe(0);

    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("## T-1 Ship it", "## T-1 Ship it today"));
    git(dir, ["add", "TASKS.md"]);
    expect(git(dir, ["commit", "-qm", "title"])).toEqual({ code: 0, out: "" });

    expect((await runCli(["approval", "request", "T-1"], { cwd: dir })).code).toBe(0);
    git(dir, ["add", "-A"]);
    expect(git(dir, ["commit", "-qm", "request"]).code).toBe(0);
    // alice approves her own request by editing the file.
    writeFileSync(
      join(dir, "APPROVALS.md"),
      read(dir, "APPROVALS.md").replace("- status: pending", "- status: approved"),
    );
    git(dir, ["add", "APPROVALS.md"]);
    const refused = git(dir, ["commit", "-qm", "approve"]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /^APPROVALS.md:\d+: A-1 was approved by its requester alice@example.com; another AUDIT actor must decide\n1 problem in the staged ledgers; the commit is refused\n$/,
    );
    expect(git(dir, ["log", "--format=%s", "-1"]).out).toBe("request\n");
  });

  it("judges the staged content, not the working tree", async () => {
    const dir = await repoWithHook();
    await runCli(["add", "--ready", "Task"], { cwd: dir });
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "board"]);
    const good = read(dir, "TASKS.md").replace("## T-1 Task", "## T-1 Task, renamed");
    const bad = good.replace("- state: READY", "- state: DONE");
    // A good change staged, a bad one only in the working tree: the commit goes through.
    writeFileSync(join(dir, "TASKS.md"), good);
    git(dir, ["add", "TASKS.md"]);
    writeFileSync(join(dir, "TASKS.md"), bad);
    expect(git(dir, ["commit", "-qm", "rename"])).toEqual({ code: 0, out: "" });
    // The bad change staged, the working tree put back: refused.
    git(dir, ["add", "TASKS.md"]);
    writeFileSync(join(dir, "TASKS.md"), good);
    const r = git(dir, ["commit", "-qm", "done by hand"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^TASKS.md:\d+: T-1 went from READY to DONE by hand: only a cancel does that/);
  });

  it("refuses a state change the committer's roles do not allow, a log line in someone else's name, and a self-accept", async () => {
    const dir = await repoWithHook();
    await runCli(["add", "--ready", "Task"], { cwd: dir });
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "board"]);
    // bob (WORK) claims and submits with taskgate, commits: fine.
    await runCli(["--as", "bob@example.com", "claim", "T-1"], { cwd: dir });
    await runCli(["--as", "bob@example.com", "submit", "T-1"], { cwd: dir });
    git(dir, ["add", "-A"]);
    expect(git(dir, ["commit", "-qm", "work"], gitAs("bob@example.com")).code).toBe(0);
    // bob (WORK) accepts by hand: no AUDIT role.
    const accepted = read(dir, "TASKS.md").replace("- state: REVIEW", "- state: DONE\n- resolution: done");
    writeFileSync(join(dir, "TASKS.md"), accepted);
    git(dir, ["add", "-A"]);
    const r1 = git(dir, ["commit", "-qm", "accept"], gitAs("bob@example.com"));
    expect(r1.code).toBe(1);
    expect(r1.out).toMatch(/T-1 from REVIEW to DONE; that takes AUDIT \(accept\)/);
    // A log line by someone else than the committer: forged.
    git(dir, ["checkout", "TASKS.md"]);
    git(dir, ["reset", "-q"]);
    git(dir, ["checkout", "TASKS.md"]);
    await runCli(["--as", "carol@example.com", "accept", "T-1"], { cwd: dir });
    git(dir, ["add", "-A"]);
    const r2 = git(dir, ["commit", "-qm", "accept"], gitAs("bob@example.com"));
    expect(r2.code).toBe(1);
    expect(r2.out).toMatch(/Log line by carol@example.com, but the change is bob@example.com's/);
    expect(git(dir, ["commit", "-qm", "accept"], gitAs("carol@example.com")).code).toBe(0);
    // carol works on T-2 and then accepts it by hand: four eyes.
    await runCli(["add", "--ready", "Second"], { cwd: dir });
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "add"]);
    await runCli(["--as", "carol@example.com", "claim", "T-2"], { cwd: dir });
    await runCli(["--as", "carol@example.com", "submit", "T-2"], { cwd: dir });
    git(dir, ["add", "-A"]);
    expect(git(dir, ["commit", "-qm", "work"], gitAs("carol@example.com")).code).toBe(0);
    const text = read(dir, "TASKS.md");
    const at = text.indexOf("## T-2");
    writeFileSync(
      join(dir, "TASKS.md"),
      text.slice(0, at) + text.slice(at).replace("- state: REVIEW", "- state: DONE\n- resolution: done"),
    );
    git(dir, ["add", "-A"]);
    const r3 = git(dir, ["commit", "-qm", "self-accept"], gitAs("carol@example.com"));
    expect(r3.code).toBe(1);
    expect(r3.out).toMatch(
      /^TASKS.md:\d+: carol@example.com worked on T-2 in its last DOING spell and may not accept it \(four eyes\)\n/,
    );
  });

  it("hook install keeps an existing hook, honours core.hooksPath, and is idempotent", async () => {
    const dir = await makeRepo(ROLES);
    mkdirSync(join(dir, ".githooks"));
    git(dir, ["config", "core.hooksPath", ".githooks"]);
    const hook = join(dir, ".githooks", "pre-commit");
    writeFileSync(hook, '#!/bin/sh\necho "lint ran" >> lint.log\nexit 0\n');
    chmodSync(hook, 0o755);
    const first = await runCli(["hook", "install"], { cwd: dir });
    expect(first.stdout).toBe(`Added taskgate check --staged to ${hook} (its own commands are kept)\n`);
    const again = await runCli(["hook", "install"], { cwd: dir });
    expect(again.stdout).toBe(`${hook} already runs taskgate check --staged\n`);
    const text = readFileSync(hook, "utf8");
    expect(text.match(/check --staged/g)).toHaveLength(1);
    expect(text.startsWith("#!/bin/sh\n# >>> taskgate")).toBe(true);
    expect(text.endsWith('echo "lint ran" >> lint.log\nexit 0\n')).toBe(true);
    // Both run: a good commit passes and the old hook's command ran.
    git(dir, ["add", "TASKS.md", "APPROVALS.md"]);
    expect(git(dir, ["commit", "-qm", "board"]).code).toBe(0);
    expect(read(dir, "lint.log")).toBe("lint ran\n");
    // A bad one is stopped before the old hook's "exit 0" (git reports any hook failure as 1).
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("## Log\n", "## Log\n- forged\n"));
    git(dir, ["add", "TASKS.md"]);
    const bad = git(dir, ["commit", "-qm", "bad"]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^TASKS.md:\d+: Expected a log line "- TIME ACTOR ROLE ACTION TARGET/);
    expect(read(dir, "lint.log")).toBe("lint ran\n");
  });
});

describe("verify --range", () => {
  it("passes a clean history of 50 commits and catches a forged log line", async () => {
    const dir = await makeRepo(ROLES);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "board"], gitAs("alice@example.com"));
    const root = git(dir, ["rev-parse", "HEAD"]).out.trim();
    const commit = (who: string, msg: string) => {
      git(dir, ["add", "-A"]);
      const r = git(dir, ["commit", "-qm", msg], gitAs(who));
      expect(r.code).toBe(0);
    };
    // 50 commits, each by the actor who made the change.
    for (let i = 1; i <= 10; i++) {
      await runCli(["add", "--ready", `Task ${i}`], { cwd: dir });
      commit("alice@example.com", `add ${i}`);
      await runCli(["--as", "bob@example.com", "claim", `T-${i}`], { cwd: dir });
      commit("bob@example.com", `claim ${i}`);
      await runCli(["--as", "bob@example.com", "submit", `T-${i}`], { cwd: dir });
      commit("bob@example.com", `submit ${i}`);
      writeFileSync(
        join(dir, "TASKS.md"),
        read(dir, "TASKS.md").replace(`## T-${i} Task ${i}`, `## T-${i} Task ${i}!`),
      );
      commit("bob@example.com", `title ${i}`);
      await runCli(["--as", "carol@example.com", "accept", `T-${i}`], { cwd: dir });
      commit("carol@example.com", `accept ${i}`);
    }
    const ok = await runCli(["verify", "--range", `${root}..HEAD`], { cwd: dir });
    expect(ok.stdout).toBe("50 commits checked: ok\n");
    expect(ok.code).toBe(0);

    // alice commits a claim made in bob's name (--no-verify skips the hook).
    await runCli(["add", "--ready", "Another"], { cwd: dir });
    commit("alice@example.com", "add");
    await runCli(["--as", "bob@example.com", "claim", "T-11"], { cwd: dir });
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "sneaky", "--no-verify"], gitAs("alice@example.com"));
    const sha = git(dir, ["rev-parse", "--short=10", "HEAD"]).out.trim();
    const bad = await runCli(["verify", "--range", `${root}..HEAD`, "--json"], { cwd: dir });
    expect(bad.code).toBe(1);
    const doc = JSON.parse(bad.stdout);
    expect(doc).toMatchObject({ schema: "taskgate.verify", commits: 52, ok: false });
    expect(doc.violations).toHaveLength(1);
    expect(doc.violations[0].commit.slice(0, 10)).toBe(sha);
    expect(doc.violations[0].message).toMatch(/^Log line by bob@example.com, but the change is alice@example.com's/);
  });

  it("says when git cannot read the range (exit 2)", async () => {
    const dir = await makeRepo(ROLES);
    const r = await runCli(["verify", "--range", "nope..HEAD"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^taskgate: git cannot read the range "nope..HEAD"/);
  });
});

describe("the merge driver", () => {
  async function forked(): Promise<string> {
    const dir = await makeRepo([...ROLES, "dave@example.com: WORK"]);
    for (let i = 1; i <= 5; i++) await runCli(["add", "--ready", `Base ${i}`], { cwd: dir });
    expect((await runCli(["merge-driver", "install"], { cwd: dir })).code).toBe(0);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "base"]);
    git(dir, ["branch", "-M", "main"]);
    return dir;
  }

  it("merges two branches that each added 10 tasks and claimed different tasks: clean, valid, nothing lost", async () => {
    const dir = await forked();
    git(dir, ["checkout", "-qb", "feature"]);
    for (let i = 1; i <= 10; i++) await runCli(["add", `Feature ${i}`], { cwd: dir });
    git(dir, ["commit", "-qam", "feature tasks"]);
    await runCli(["--as", "bob@example.com", "claim", "T-1"], { cwd: dir });
    git(dir, ["commit", "-qam", "bob claims"], gitAs("bob@example.com"));
    git(dir, ["checkout", "-q", "main"]);
    for (let i = 1; i <= 10; i++) await runCli(["add", `Main ${i}`], { cwd: dir });
    git(dir, ["commit", "-qam", "main tasks"]);
    await runCli(["--as", "dave@example.com", "claim", "T-2"], { cwd: dir });
    git(dir, ["commit", "-qam", "dave claims"], gitAs("dave@example.com"));
    const theirs = read(dir, "TASKS.md");
    const merged = git(dir, ["merge", "-q", "feature", "-m", "merge"]);
    expect(merged.code).toBe(0);
    const l = valid(dir);
    const titles = l.ledger.tasks.map((t) => t.title);
    expect(titles).toHaveLength(25);
    for (let i = 1; i <= 10; i++) expect(titles).toContain(`Feature ${i}`);
    for (let i = 1; i <= 10; i++) expect(titles).toContain(`Main ${i}`);
    expect(new Set(l.ledger.tasks.map((t) => t.id)).size).toBe(25);
    expect(l.ledger.byId.get("T-1")?.task.lease?.holder).toMatch(/^bob@example.com@/);
    expect(l.ledger.byId.get("T-2")?.task.lease?.holder).toMatch(/^dave@example.com@/);
    // Main's tasks keep their IDs; the feature's are renumbered after them, log lines too.
    expect(l.ledger.byId.get("T-6")?.task.title).toBe("Main 1");
    expect(l.ledger.byId.get("T-16")?.task.title).toBe("Feature 1");
    expect(l.log.filter((e) => e.action === "add").map((e) => e.target)).toHaveLength(25);
    expect(l.log.find((e) => e.details.title === "Feature 1")?.target).toBe("T-16");
    expect(l.log.filter((e) => e.action === "claim")).toHaveLength(2);
    expect(l.log.map((e) => e.time)).toEqual([...l.log.map((e) => e.time)].sort((a, b) => a - b));
    expect(theirs).not.toContain("Feature 1");
    // The whole history verifies, the merge included (renumbered lines are not "lost").
    const verify = await runCli(["verify", "--range", "HEAD"], { cwd: dir });
    expect(verify.stdout).toBe("6 commits checked: ok\n");
  });

  it("a merge concluded by hand passes the hook; a state changed inside a merge is caught by the hook and by verify", async () => {
    const dir = await forked();
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, "notes.txt"), "base\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "notes"]);
    git(dir, ["checkout", "-qb", "feature"]);
    await runCli(["--as", "bob@example.com", "claim", "T-1"], { cwd: dir });
    writeFileSync(join(dir, "notes.txt"), "feature\n");
    git(dir, ["commit", "-qam", "bob claims"], gitAs("bob@example.com"));
    git(dir, ["checkout", "-q", "main"]);
    await runCli(["add", "Main task"], { cwd: dir });
    writeFileSync(join(dir, "notes.txt"), "main\n");
    git(dir, ["commit", "-qam", "main work"]);
    // notes.txt conflicts; the ledgers merge cleanly; the commit that concludes it runs the hook.
    expect(git(dir, ["merge", "-q", "feature", "-m", "merge"]).code).toBe(1);
    writeFileSync(join(dir, "notes.txt"), "both\n");
    git(dir, ["add", "notes.txt"]);
    // A hand edit slipped into the merge: refused by the hook...
    const merged = read(dir, "TASKS.md");
    writeFileSync(join(dir, "TASKS.md"), merged.replace(/(## T-2 Base 2\n- state: )READY/, "$1DONE"));
    git(dir, ["add", "TASKS.md"]);
    const refused = git(dir, ["commit", "-qm", "merge"]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/TASKS.md:\d+: T-2 is DONE in the merge, but READY and READY in its parents/);
    // ...while the merge as the driver made it goes through.
    writeFileSync(join(dir, "TASKS.md"), merged);
    git(dir, ["add", "TASKS.md"]);
    expect(git(dir, ["commit", "-qm", "merge"])).toEqual({ code: 0, out: "" });
    expect((await runCli(["verify", "--range", "HEAD"], { cwd: dir })).stdout).toMatch(/commits checked: ok\n$/);
    // The same edit committed past the hook is caught by verify.
    git(dir, ["reset", "-q", "--hard", "HEAD~1"]);
    expect(git(dir, ["merge", "-q", "feature", "-m", "merge"]).code).toBe(1);
    writeFileSync(join(dir, "notes.txt"), "both\n");
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace(/(## T-2 Base 2\n- state: )READY/, "$1DONE"));
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "merge", "--no-verify"]);
    const v = await runCli(["verify", "--range", "HEAD~1..HEAD"], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/TASKS.md:\d+: T-2 is DONE in the merge, but READY and READY in its parents/);
  });

  it("two branches claiming the same task: one conflict, confined to the lease line", async () => {
    const dir = await forked();
    git(dir, ["checkout", "-qb", "feature"]);
    await runCli(["--as", "bob@example.com", "claim", "T-3"], { cwd: dir });
    git(dir, ["commit", "-qam", "bob claims"]);
    git(dir, ["checkout", "-q", "main"]);
    await runCli(["--as", "dave@example.com", "claim", "T-3"], { cwd: dir });
    git(dir, ["commit", "-qam", "dave claims"]);
    const r = git(dir, ["merge", "-q", "feature", "-m", "merge"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("TASKS.md: 1 conflict left between markers");
    const text = read(dir, "TASKS.md");
    const hunks = text.match(/<<<<<<< ours\n([\s\S]*?)=======\n([\s\S]*?)>>>>>>> theirs\n/g) ?? [];
    expect(hunks).toHaveLength(1);
    expect(hunks[0]).toMatch(
      /^<<<<<<< ours\n- lease: dave@example.com@\S+ token=1 [^\n]+\n=======\n- lease: bob@example.com@\S+ token=1 [^\n]+\n>>>>>>> theirs\n$/,
    );
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/^TASKS.md:\d+:1: error: Found a merge conflict marker/m);
    // Resolving it by keeping one lease leaves a valid ledger.
    writeFileSync(
      join(dir, "TASKS.md"),
      text.replace(/<<<<<<< ours\n(- lease: [^\n]+\n)=======\n[^\n]+\n>>>>>>> theirs\n/, "$1"),
    );
    valid(dir);
  });
});
