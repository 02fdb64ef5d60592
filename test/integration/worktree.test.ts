// A worktree per task, with real git: claim --worktree makes one on the task's branch and
// records it; accept removes it when clean and refuses (exit 1, nothing changed) while it holds
// uncommitted work; from inside it, the board is the main worktree's and status names the task;
// run inside it runs the program there.

import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { git } from "../support/git.js";
import { connectAgent } from "../support/mcp.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A repository with a first commit, and a folder of its own for the task worktrees. */
async function repo(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await makeRepo(["bob: WORK, AUDIT", "carol: CMD, WORK, AUDIT"]);
  const trees = mkdtempSync(join(tmpdir(), "taskgate-trees-"));
  dirs.push(dir, trees);
  writeFileSync(join(dir, "README.md"), "hello\n");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-qm", "first"]);
  return { dir, env: { TASKGATE_WORKTREES: trees } };
}

const as = (env: Record<string, string>, actor: string) => ({ ...env, TASKGATE_ACTOR: actor });

describe("a worktree per task", () => {
  it("claim --worktree makes task/T-1-<slug>, records it, and accept removes it (the branch stays)", async () => {
    const { dir, env } = await repo();
    expect((await runCli(["add", "Fix the log reader!", "--ready"], { cwd: dir, env })).code).toBe(0);
    const claim = await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") });
    expect(claim.code, claim.stderr).toBe(0);
    const doc = JSON.parse(claim.stdout);
    expect(doc.worktree.branch).toBe("task/T-1-fix-the-log-reader");
    const folder = doc.worktree.path as string;
    expect(existsSync(join(folder, "README.md"))).toBe(true);
    expect(git(folder, ["rev-parse", "--abbrev-ref", "HEAD"]).out.trim()).toBe("task/T-1-fix-the-log-reader");
    expect(read(dir, "TASKS.md")).toMatch(/- worktree: task\/T-1-fix-the-log-reader \S+/);
    expect(read(dir, "TASKS.md")).toMatch(/bob WORK worktree T-1 token=1 branch=task\/T-1-fix-the-log-reader /);

    // Inside the worktree: the board is the main worktree's, and status says whose worktree it is.
    const status = await runCli(["status"], { cwd: folder, env: as(env, "bob") });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain("This worktree is T-1's (branch task/T-1-fix-the-log-reader).");
    const statusJson = await runCli(["status", "--json"], { cwd: folder, env: as(env, "bob") });
    expect(JSON.parse(statusJson.stdout).worktreeOf).toEqual({ id: "T-1", branch: "task/T-1-fix-the-log-reader" });
    // In the main worktree, status names no task.
    expect((await runCli(["status"], { cwd: dir, env: as(env, "bob") })).stdout).not.toContain("This worktree is");
    writeFileSync(join(folder, "fix.txt"), "fixed\n");
    git(folder, ["add", "fix.txt"]);
    git(folder, ["commit", "-qm", "fix"]);
    const submit = await runCli(["submit", "T-1"], { cwd: folder, env: as(env, "bob") });
    expect(submit.code, submit.stderr).toBe(0);
    expect(read(dir, "TASKS.md")).toMatch(/## T-1 Fix the log reader!\n- state: REVIEW/);
    expect(existsSync(join(folder, "TASKS.md"))).toBe(true); // the branch's copy, untouched
    expect(read(folder, "TASKS.md")).not.toMatch(/## T-1/);

    const accept = await runCli(["accept", "T-1"], { cwd: dir, env: as(env, "carol") });
    expect(accept.code, accept.stderr).toBe(0);
    expect(accept.stdout).toContain(`Removed T-1's worktree ${folder}; its branch task/T-1-fix-the-log-reader stays`);
    expect(existsSync(folder)).toBe(false);
    expect(git(dir, ["branch", "--list", "task/T-1-fix-the-log-reader"]).out).toContain("task/T-1-fix-the-log-reader");
    expect(read(dir, "TASKS.md")).not.toMatch(/- worktree:/);
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("a dirty worktree is never removed: accept is refused (exit 1) with the reason, and nothing changes", async () => {
    const { dir, env } = await repo();
    await runCli(["add", "Dirty work", "--ready"], { cwd: dir, env });
    const claim = await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") });
    const folder = JSON.parse(claim.stdout).worktree.path as string;
    await runCli(["submit", "T-1"], { cwd: dir, env: as(env, "bob") });
    writeFileSync(join(folder, "half-done.txt"), "not committed\n");
    const before = read(dir, "TASKS.md");
    const accept = await runCli(["accept", "T-1"], { cwd: dir, env: as(env, "carol") });
    expect(accept.code).toBe(1);
    expect(accept.stderr).toContain(
      `T-1's worktree ${folder} has uncommitted work (?? half-done.txt), and a worktree is never removed with uncommitted work`,
    );
    expect(accept.stderr).toContain("nothing was changed");
    expect(existsSync(join(folder, "half-done.txt"))).toBe(true);
    expect(read(dir, "TASKS.md")).toBe(before);
    // --keep-worktree accepts and keeps the folder (and its record).
    const kept = await runCli(["accept", "T-1", "--keep-worktree"], { cwd: dir, env: as(env, "carol") });
    expect(kept.code, kept.stderr).toBe(0);
    expect(existsSync(join(folder, "half-done.txt"))).toBe(true);
    expect(read(dir, "TASKS.md")).toMatch(/- worktree: task\/T-1-dirty-work /);
  });

  it("over a dirty worktree, a wrong role, a wrong state or a broken ledger is refused for that, not for the worktree", async () => {
    const dir = await makeRepo(["bob: WORK, AUDIT", "carol: CMD, WORK, AUDIT", "dave: WORK"]);
    const trees = mkdtempSync(join(tmpdir(), "taskgate-trees-"));
    dirs.push(dir, trees);
    writeFileSync(join(dir, "README.md"), "hello\n");
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "first"]);
    const env = { TASKGATE_WORKTREES: trees };
    await runCli(["add", "Dirty work", "--ready"], { cwd: dir, env });
    await runCli(["add", "Other work"], { cwd: dir, env });
    const claim = await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") });
    const folder = JSON.parse(claim.stdout).worktree.path as string;
    writeFileSync(join(folder, "half-done.txt"), "not committed\n");
    const refusals: [string, string[], number, RegExp][] = [
      ["dave", ["accept", "T-1"], 1, /^taskgate: dave \(WORK\) may not accept; that takes the AUDIT role\n$/],
      ["dave", ["cancel", "T-1"], 1, /^taskgate: dave \(WORK\) may not cancel; that takes the CMD role\n$/],
      ["carol", ["accept", "T-1"], 1, /^taskgate: T-1 is DOING; accept needs it REVIEW\n$/],
      ["carol", ["release", "T-1", "--clean"], 1, /^taskgate: T-1 is leased to bob@/],
    ];
    const check = async () => {
      for (const [actor, args, code, said] of refusals) {
        const before = read(dir, "TASKS.md");
        const r = await runCli(args, { cwd: dir, env: as(env, actor) });
        expect([actor, ...args, r.code, r.stderr]).toEqual([actor, ...args, code, expect.stringMatching(said)]);
        expect(read(dir, "TASKS.md")).toBe(before);
      }
    };
    await check();
    const json = await runCli(["accept", "T-1", "--json"], { cwd: dir, env: as(env, "dave") });
    expect(JSON.parse(json.stdout)).toMatchObject({ code: "ROLE_DENIED" });
    // A ledger with an error: exit 3 naming the line, whoever asks, before the worktree is looked at.
    expect((await runCli(["submit", "T-1"], { cwd: dir, env: as(env, "bob") })).code).toBe(0);
    const text = read(dir, "TASKS.md");
    const lines = text.split("\n");
    const bad = lines.indexOf("- state: PLAN") + 1;
    writeFileSync(join(dir, "TASKS.md"), text.replace("- state: PLAN", "- state: PLANNED"));
    for (const actor of ["carol", "dave"]) {
      const r = await runCli(["accept", "T-1"], { cwd: dir, env: as(env, actor) });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`TASKS.md:${bad}:10: error: Expected a state (PLAN|READY|DOING|REVIEW|DONE)`);
      expect(r.stderr).not.toContain("worktree");
    }
    expect(existsSync(join(folder, "half-done.txt"))).toBe(true);
  });

  it("an ignored file (a .env) counts as uncommitted work: accept is refused and the file stays", async () => {
    const { dir, env } = await repo();
    writeFileSync(join(dir, ".gitignore"), ".env\n");
    git(dir, ["add", ".gitignore"]);
    git(dir, ["commit", "-qm", "ignore .env"]);
    await runCli(["add", "Keep secrets", "--ready"], { cwd: dir, env });
    const claim = await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") });
    const folder = JSON.parse(claim.stdout).worktree.path as string;
    writeFileSync(join(folder, ".env"), "SECRET=1\n");
    expect((await runCli(["submit", "T-1"], { cwd: dir, env: as(env, "bob") })).code).toBe(0);
    const before = read(dir, "TASKS.md");
    const accept = await runCli(["accept", "T-1"], { cwd: dir, env: as(env, "carol") });
    expect(accept.code).toBe(1);
    expect(accept.stderr).toContain(`T-1's worktree ${folder} has uncommitted work (!! .env)`);
    expect(readFileSync(join(folder, ".env"), "utf8")).toBe("SECRET=1\n");
    expect(read(dir, "TASKS.md")).toBe(before);
  });

  it("a bad --base refuses claim --worktree before the claim: nothing is logged", async () => {
    const { dir, env } = await repo();
    await runCli(["add", "Based work", "--ready"], { cwd: dir, env });
    const before = read(dir, "TASKS.md");
    const bad = await runCli(["claim", "T-1", "--worktree", "--base", "no-such-commit"], {
      cwd: dir,
      env: as(env, "bob"),
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected --base to name a commit git knows, found "no-such-commit"');
    expect(read(dir, "TASKS.md")).toBe(before);
    const run = await runCli(["run", "T-1", "--worktree", "--base", "no-such-commit", "--", "true"], {
      cwd: dir,
      env: as(env, "bob"),
    });
    expect(run.code).toBe(2);
    expect(read(dir, "TASKS.md")).toBe(before);
  });

  it("release --clean removes a clean worktree; a plain release keeps it for the next claim", async () => {
    const { dir, env } = await repo();
    await runCli(["add", "Release me", "--ready"], { cwd: dir, env });
    const first = JSON.parse(
      (await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") })).stdout,
    );
    expect((await runCli(["release", "T-1"], { cwd: dir, env: as(env, "bob") })).code).toBe(0);
    expect(existsSync(first.worktree.path)).toBe(true);
    const again = JSON.parse(
      (await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") })).stdout,
    );
    expect(again.worktree).toEqual({ ...first.worktree, reused: true });
    const clean = await runCli(["release", "T-1", "--clean"], { cwd: dir, env: as(env, "bob") });
    expect(clean.code, clean.stderr).toBe(0);
    expect(existsSync(first.worktree.path)).toBe(false);
  });

  it("a Japanese title still gives a valid branch: task/T-1; --base picks the commit it starts from", async () => {
    const { dir, env } = await repo();
    const base = git(dir, ["rev-parse", "HEAD"]).out.trim();
    writeFileSync(join(dir, "later.txt"), "later\n");
    git(dir, ["add", "later.txt"]);
    git(dir, ["commit", "-qm", "later"]);
    await runCli(["add", "ログの読み込みを直す", "--ready"], { cwd: dir, env });
    const claim = await runCli(["claim", "T-1", "--worktree", "--base", base, "--json"], {
      cwd: dir,
      env: as(env, "bob"),
    });
    expect(claim.code, claim.stderr).toBe(0);
    const wt = JSON.parse(claim.stdout).worktree;
    expect(wt.branch).toBe("task/T-1");
    expect(git(dir, ["check-ref-format", "--branch", wt.branch]).code).toBe(0);
    expect(git(wt.path, ["rev-parse", "HEAD"]).out.trim()).toBe(base);
    expect(existsSync(join(wt.path, "later.txt"))).toBe(false);
    const bad = await runCli(["claim", "T-1", "--worktree", "--base", "no-such-commit"], {
      cwd: dir,
      env: as(env, "carol"),
    });
    expect(bad.code).not.toBe(0);
  });

  it("run in a task with a worktree runs the program there", async () => {
    const { dir, env } = await repo();
    await runCli(["add", "Run there", "--ready"], { cwd: dir, env });
    const claim = JSON.parse(
      (await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") })).stdout,
    );
    const run = await runCli(["run", "T-1", "--on-success", "release", "--", "pwd"], {
      cwd: dir,
      env: { ...as(env, "bob"), TASKGATE_LEASE_TOKEN: "1" },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(realpathSync(run.stdout.trim())).toBe(realpathSync(claim.worktree.path));
  });

  it("work --worktree runs each task's program in a worktree of its own", async () => {
    const { dir, env } = await repo();
    await runCli(["add", "First job", "--ready"], { cwd: dir, env });
    await runCli(["add", "Second job", "--ready"], { cwd: dir, env });
    const marks = mkdtempSync(join(tmpdir(), "taskgate-marks-"));
    dirs.push(marks);
    const script = `require("fs").writeFileSync(${JSON.stringify(marks)} + "/" + process.argv[1], process.cwd())`;
    const r = await runCli(
      ["work", "--worktree", "--exit-when-idle", "--exec", `${process.execPath} -e '${script}' {id}`],
      { cwd: dir, env: as(env, "bob") },
    );
    expect(r.code, r.stderr).toBe(0);
    const { readFileSync } = await import("node:fs");
    for (const [id, folder] of [
      ["T-1", "T-1-first-job"],
      ["T-2", "T-2-second-job"],
    ]) {
      expect(realpathSync(readFileSync(join(marks, id as string), "utf8"))).toBe(
        realpathSync(join(env.TASKGATE_WORKTREES as string, folder as string)),
      );
    }
    expect(read(dir, "TASKS.md")).toMatch(/- worktree: task\/T-2-second-job /);
  });

  it("the MCP server's accept_task refuses over a dirty worktree and removes a clean one", async () => {
    const { dir, env } = await repo();
    await runCli(["add", "Through MCP", "--ready"], { cwd: dir, env });
    const claim = await runCli(["claim", "T-1", "--worktree", "--json"], { cwd: dir, env: as(env, "bob") });
    const folder = JSON.parse(claim.stdout).worktree.path as string;
    await runCli(["submit", "T-1"], { cwd: dir, env: as(env, "bob") });
    writeFileSync(join(folder, "notes.txt"), "half\n");
    const a = await connectAgent(dir, { as: "carol", env });
    try {
      const refused = await a.call("accept_task", { id: "T-1" });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.value)).toContain("has uncommitted work (?? notes.txt)");
      expect(existsSync(folder)).toBe(true);
      rmSync(join(folder, "notes.txt"));
      const accepted = await a.call("accept_task", { id: "T-1" });
      expect(accepted.value).toMatchObject({ id: "T-1", to: "DONE" });
      expect(existsSync(folder)).toBe(false);
    } finally {
      await a.close();
    }
  });
});
