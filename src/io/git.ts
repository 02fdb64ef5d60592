// Small facts about the git checkout around a ledger, read from files where that is cheap.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The .git folder of the checkout holding `dir`, or undefined outside git. */
export function findGitDir(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const dotgit = join(d, ".git");
    try {
      const st = statSync(dotgit);
      if (st.isDirectory()) return dotgit;
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotgit, "utf8"));
        if (m) return resolve(d, m[1] as string);
      }
    } catch {
      // Not here; look further up.
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** Whether git is in the middle of a merge, rebase or cherry-pick that left `file` unmerged. */
export function gitIsMergingFile(gitDir: string, file: string): boolean {
  const markers = ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD"];
  if (!markers.some((m) => existsSync(join(gitDir, m)))) return false;
  try {
    const out = execFileSync("git", ["ls-files", "-u", "--", file], {
      cwd: dirname(file),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.trim() !== "";
  } catch {
    return true; // git is mid-operation and we cannot tell: be safe.
  }
}

/** git config value, or undefined (git missing, not set). */
export function gitConfig(cwd: string, key: string): string | undefined {
  try {
    const out = execFileSync("git", ["config", "--get", key], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}
