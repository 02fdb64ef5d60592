// Where the ledgers are: --tasks/--approvals, --dir, TASKGATE_* variables, else the current
// folder or its nearest parent that has a TASKS.md (as git finds .git). In a linked git
// worktree (a task's own, git worktree add) that search is made from the same place in the
// main worktree first: the board is the one every worktree shares, not the branch's copy.

import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { LedgerPaths } from "../app/context.js";
import { mainWorkTree } from "./git.js";

export interface LocateOptions {
  readonly dir?: string | undefined;
  readonly tasks?: string | undefined;
  readonly approvals?: string | undefined;
}

/**
 * What is wrong with the folder --dir (or else TASKGATE_DIR) names, as one sentence; undefined
 * when it is a folder or none is named.
 */
export function namedFolderProblem(opts: LocateOptions, env: NodeJS.ProcessEnv): string | undefined {
  const dir = opts.dir ?? env.TASKGATE_DIR;
  if (dir === undefined || isFolder(dir)) return undefined;
  return `${opts.dir !== undefined ? "--dir" : "TASKGATE_DIR"} ${dir}: ${existsSync(dir) ? "not a folder" : "no such folder"}; create it first (mkdir -p ${dir}) or point it at the folder that has TASKS.md and APPROVALS.md`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function locateLedgers(opts: LocateOptions, env: NodeJS.ProcessEnv, cwd: string): LedgerPaths {
  const explicitDir = opts.dir ?? env.TASKGATE_DIR;
  let dir: string;
  if (explicitDir) dir = resolve(cwd, explicitDir);
  else dir = inMainWorkTree(resolve(cwd)) ?? nearestBoard(resolve(cwd)) ?? resolve(cwd); // none: here (for init)
  const tasks = resolve(cwd, opts.tasks ?? env.TASKGATE_TASKS ?? join(dir, "TASKS.md"));
  const approvals = resolve(cwd, opts.approvals ?? env.TASKGATE_APPROVALS ?? join(dirname(tasks), "APPROVALS.md"));
  const display = (p: string) => {
    const r = relative(cwd, p);
    return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
  };
  return { tasks, approvals, tasksDisplay: display(tasks), approvalsDisplay: display(approvals) };
}

function hasBoard(d: string): boolean {
  return existsSync(join(d, "TASKS.md")) || existsSync(join(d, "APPROVALS.md"));
}

/** The folder, or its nearest parent up to `stop` (inclusive) or the root, that has a ledger. */
function nearestBoard(from: string, stop?: string): string | undefined {
  for (let d = from; ; d = dirname(d)) {
    if (hasBoard(d)) return d;
    if (d === stop || dirname(d) === d) return undefined;
  }
}

/** For a folder in a linked worktree: the board found from the same place in the main worktree. */
function inMainWorkTree(cwd: string): string | undefined {
  const wt = mainWorkTree(cwd);
  if (!wt || wt.main === wt.top) return undefined;
  return nearestBoard(join(wt.main, relative(wt.top, cwd)), wt.main);
}
