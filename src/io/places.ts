// Where taskgate keeps its own files for a ledger: inside .git (invisible to git and
// editors), else in the system's temp folder. Locks, temp files and memos live there.

import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { findGitDir } from "./git.js";
import { sha256Hex } from "./hash.js";

export function shortHash(s: string): string {
  return sha256Hex(s).slice(0, 10);
}

export function lockDirFor(path: string): string {
  const gitDir = findGitDir(dirname(path));
  if (gitDir) return join(gitDir, "taskgate");
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return join(tmpdir(), `taskgate-${uid}`, shortHash(dirname(path)));
}
