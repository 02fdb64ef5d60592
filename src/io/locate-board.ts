// Where the board lives: the shared branch when this clone shares one (`taskgate share` wrote
// taskgate.share.* into its config) and no file was named explicitly, else the files in-tree.

import { join } from "node:path";
import type { LedgerPaths } from "../app/context.js";
import { findWorkTree } from "./git.js";
import { readShareSetting, type ShareSetting } from "./git-ref.js";
import { type LocateOptions, locateLedgers } from "./locate.js";

export interface BoardPlace {
  readonly paths: LedgerPaths;
  /** Set when the board is the shared branch. */
  readonly share: ShareSetting | undefined;
  /** Whether the clone's setting was consulted (no file named, TASKGATE_SHARE not off). */
  readonly followsShare: boolean;
}

export function locateBoard(opts: LocateOptions, env: NodeJS.ProcessEnv, cwd: string): BoardPlace {
  const explicit =
    opts.dir ?? opts.tasks ?? opts.approvals ?? env.TASKGATE_DIR ?? env.TASKGATE_TASKS ?? env.TASKGATE_APPROVALS;
  const followsShare = !explicit && env.TASKGATE_SHARE !== "off";
  const share = followsShare ? readShareSetting(cwd) : undefined;
  if (!share) return { paths: locateLedgers(opts, env, cwd), share: undefined, followsShare };
  return { paths: sharedPaths(share, findWorkTree(cwd) ?? cwd), share, followsShare };
}

/**
 * The ledgers' paths on a shared board: named after the worktree's top (the app keys reads,
 * memos and lock folders by path), shown as git names them (`taskgate:TASKS.md`).
 */
export function sharedPaths(share: ShareSetting, top: string): LedgerPaths {
  return {
    tasks: join(top, "TASKS.md"),
    approvals: join(top, "APPROVALS.md"),
    tasksDisplay: `${share.branch}:TASKS.md`,
    approvalsDisplay: `${share.branch}:APPROVALS.md`,
  };
}
