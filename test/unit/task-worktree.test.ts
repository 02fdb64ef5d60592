// The branch named for a task: ASCII words of its title, or its ID alone; always a name git
// accepts (checked against `git check-ref-format --branch` on generated titles).

import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeWorktree } from "../../src/ledger/fields.js";
import { taskBranch, titleSlug } from "../../src/rules/task-worktree.js";

describe("the branch named for a task", () => {
  it.each([
    ["Fix the log reader!", "task/T-12-fix-the-log-reader"],
    ["Café déjà vu", "task/T-12-cafe-deja-vu"],
    ["ログの読み込みを直す", "task/T-12"],
    ["日本語 and English", "task/T-12-and-english"],
    ["   ", "task/T-12"],
    ["Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ", "task/T-12-full-width-abc"],
  ])("%s -> %s", (title, branch) => {
    expect(taskBranch("T-12", title)).toBe(branch);
  });

  it("cuts a long title at a word, within 40 characters", () => {
    const slug = titleSlug("Migrate every check of the ledger reader to the new field table at once");
    expect(slug).toBe("migrate-every-check-of-the-ledger-reader");
    expect(slug.length).toBeLessThanOrEqual(40);
  });

  it("is a name git accepts for any title", () => {
    const titles = fc.sample(fc.string({ unit: "grapheme", maxLength: 60 }), 60);
    for (const title of titles) {
      const branch = taskBranch("T-7", title);
      expect(branch).toMatch(/^task\/T-7(-[a-z0-9]+)*$/);
      expect(execFileSync("git", ["check-ref-format", "--branch", branch], { encoding: "utf8" }).trim()).toBe(branch);
    }
  });
});

describe("the worktree field", () => {
  it("reads a branch and a folder (which may hold spaces)", () => {
    expect(decodeWorktree("task/T-1-x ../my repo.worktrees/T-1-x")).toEqual({
      ok: true,
      value: { branch: "task/T-1-x", path: "../my repo.worktrees/T-1-x" },
    });
    expect(decodeWorktree("main ../x").ok).toBe(false);
    expect(decodeWorktree("task/T-1").ok).toBe(false);
  });
});
