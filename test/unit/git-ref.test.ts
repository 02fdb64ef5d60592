// The shared board's git plumbing against real git: objects written in-process are the ones
// git would write (fsck --strict judges them), refs read from files as git resolves them, the
// share setting read from the config git wrote.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBoard, readRef, readShareSetting, writeBoardCommit } from "../../src/io/git-ref.js";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function repo(...initArgs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-gitref-"));
  made.push(dir);
  execFileSync("git", ["init", "-q", ...initArgs, dir]);
  return dir;
}
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("git-ref", () => {
  for (const format of ["sha1", "sha256"]) {
    it(`writes a commit git accepts (${format} object format), keeping the branch's other files in git's tree order`, () => {
      const dir = repo(`--object-format=${format}`);
      const common = join(dir, ".git");
      const empty = readBoard(dir, undefined, []);
      const first = writeBoardCommit(
        dir,
        common,
        empty,
        new Map([["TASKS.md", "# Tasks\n"]]),
        "first",
        { name: "alice@example.com", email: "alice@example.com" },
        Date.UTC(2026, 0, 1),
      );
      git(dir, "update-ref", "refs/heads/taskgate", first, "");
      // A folder and a file whose names sort differently as tree entries ("docs/" > "docs.md").
      const mk = (input: string) => execFileSync("git", ["mktree"], { cwd: dir, input, encoding: "utf8" }).trim();
      const blob = execFileSync("git", ["hash-object", "-w", "--stdin"], {
        cwd: dir,
        input: "notes\n",
        encoding: "utf8",
      });
      const docs = mk(`100644 blob ${blob.trim()}\tREADME.md\n`);
      const withDocs = mk(`100644 blob ${blob.trim()}\tdocs.md\n040000 tree ${docs}\tdocs\n`);
      const base = git(dir, "commit-tree", withDocs, "-p", first, "-m", "docs").trim();
      const snap = readBoard(dir, base, ["TASKS.md", "APPROVALS.md"]);
      expect(snap.files.size).toBe(0);
      const next = writeBoardCommit(
        dir,
        common,
        snap,
        new Map([
          ["TASKS.md", "# Tasks\n\n## Log\n"],
          ["APPROVALS.md", "# Approvals\n"],
        ]),
        "taskgate: a change",
        { name: "bob", email: "bob@taskgate" },
        Date.UTC(2026, 0, 2),
      );
      git(dir, "update-ref", "refs/heads/taskgate", next, first);
      expect(git(dir, "fsck", "--strict", "--no-dangling")).toBe("");
      expect(git(dir, "show", "taskgate:TASKS.md")).toBe("# Tasks\n\n## Log\n");
      expect(git(dir, "ls-tree", "--name-only", "taskgate").split("\n").filter(Boolean)).toEqual([
        "APPROVALS.md",
        "TASKS.md",
        "docs.md",
        "docs",
      ]);
      expect(git(dir, "log", "-1", "--format=%an <%ae> %s %P", "taskgate").trim()).toBe(
        `bob <bob@taskgate> taskgate: a change ${base}`,
      );
      const board = readBoard(dir, next, ["TASKS.md", "APPROVALS.md"]);
      expect(board.files.get("APPROVALS.md")?.toString()).toBe("# Approvals\n");
      expect(board.entries.map((e) => e.name)).toEqual(["APPROVALS.md", "TASKS.md", "docs.md", "docs"]);
    });
  }

  it("reads a ref loose, packed, through a worktree's common folder, and says when there is none", () => {
    const dir = repo();
    git(dir, "-c", "user.name=a", "-c", "user.email=a@x", "commit", "-q", "--allow-empty", "-m", "x");
    const head = git(dir, "rev-parse", "HEAD").trim();
    git(dir, "update-ref", "refs/heads/taskgate", head);
    const common = join(dir, ".git");
    expect(readRef(common, "refs/heads/taskgate")).toBe(head);
    git(dir, "pack-refs", "--all");
    expect(readRef(common, "refs/heads/taskgate")).toBe(head);
    expect(readRef(common, "refs/heads/nothing")).toBeUndefined();
    const wt = `${dir}-wt`;
    made.push(wt);
    git(dir, "worktree", "add", "-q", "--detach", wt);
    git(dir, "config", "taskgate.share.branch", "board");
    git(dir, "config", "taskgate.share.remote", "origin");
    const s = readShareSetting(wt);
    expect(s && { branch: s.branch, remote: s.remote, commonDir: s.commonDir }).toEqual({
      branch: "board",
      remote: "origin",
      commonDir: common,
    });
    expect(readRef(s?.commonDir as string, "refs/heads/taskgate")).toBe(head);
    git(dir, "config", "--remove-section", "taskgate.share");
    expect(readShareSetting(wt)).toBeUndefined();
  });
});
