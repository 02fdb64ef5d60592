// Where the ledgers are: --tasks/--approvals, --dir, TASKGATE_* variables, else the current
// folder or its nearest parent that has a TASKS.md (as git finds .git).

import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { LedgerPaths } from "../app/context.js";

export interface LocateOptions {
  readonly dir?: string | undefined;
  readonly tasks?: string | undefined;
  readonly approvals?: string | undefined;
}

export function locateLedgers(opts: LocateOptions, env: NodeJS.ProcessEnv, cwd: string): LedgerPaths {
  const explicitDir = opts.dir ?? env.TASKGATE_DIR;
  let dir: string;
  if (explicitDir) dir = resolve(cwd, explicitDir);
  else {
    dir = resolve(cwd);
    for (let d = dir; ; d = dirname(d)) {
      if (existsSync(join(d, "TASKS.md")) || existsSync(join(d, "APPROVALS.md"))) {
        dir = d;
        break;
      }
      if (dirname(d) === d) break; // none found: the current folder (for init)
    }
  }
  const tasks = resolve(cwd, opts.tasks ?? env.TASKGATE_TASKS ?? join(dir, "TASKS.md"));
  const approvals = resolve(cwd, opts.approvals ?? env.TASKGATE_APPROVALS ?? join(dirname(tasks), "APPROVALS.md"));
  const display = (p: string) => {
    const r = relative(cwd, p);
    return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
  };
  return { tasks, approvals, tasksDisplay: display(tasks), approvalsDisplay: display(approvals) };
}
