// A worktree per task (opt-in): `claim --worktree` and `work --worktree` make one on the
// task's branch and record it on the task; accept, cancel and `release --clean` remove it when
// it is clean, and refuse, changing nothing, while it holds uncommitted work (docs/paths.md).

import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { git, mainWorkTree } from "../io/git.js";
import type { WorktreeField } from "../ledger/fields.js";
import type { Task } from "../model/task.js";
import { MATRIX } from "../rules/matrix.js";
import { planWorktreeField, taskBranch, worktreeFolderName, worktreeOf } from "../rules/task-worktree.js";
import { planTransition, type TransitionInput, type TransitionResult } from "../rules/workflow.js";
import type { Context } from "./context.js";
import { RefusedError, UsageError } from "./errors.js";
import { applyChecked, loadTasks, parseTasks, requireValid } from "./ledgers.js";
import { transition, whoActs } from "./transition.js";

export interface TaskWorktree {
  readonly branch: string;
  /** The folder, absolute. */
  readonly folder: string;
  readonly reused: boolean;
}

/** The main worktree's top for the board (the folder worktree fields are relative to). */
export function boardTop(ctx: Context): string {
  const wt = mainWorkTree(dirname(resolve(ctx.paths.tasks))) ?? mainWorkTree(process.cwd());
  if (!wt) throw new UsageError(`A worktree per task needs git: ${ctx.paths.tasksDisplay} is not in a git repository`);
  return wt.main;
}

/** Where a task's worktree folder goes: TASKGATE_WORKTREES, else "<repo>.worktrees" beside the repository. */
function worktreesRoot(top: string, env: NodeJS.ProcessEnv): string {
  return env.TASKGATE_WORKTREES ? resolve(env.TASKGATE_WORKTREES) : join(dirname(top), `${basename(top)}.worktrees`);
}

const slashed = (p: string) => p.split(sep).join("/");

/** The recorded folder, absolute. */
export const folderOf = (top: string, w: WorktreeField): string => resolve(top, w.path);

/**
 * The commit a task's new branch starts from: `base`, else HEAD where the command runs. Asked
 * before the claim too, so a bad --base (or a repository with no commit yet) refuses the
 * command before anything is logged.
 */
export function worktreeBase(base: string | undefined): string {
  try {
    return git(process.cwd(), [
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${base ?? "HEAD"}^{commit}`,
    ]).trim();
  } catch {
    throw new UsageError(
      base === undefined
        ? "Expected a commit to start the task's branch from, but HEAD names none here (a repository with no commit yet?); commit first or give --base"
        : `Expected --base to name a commit git knows, found "${base}"`,
    );
  }
}

/**
 * Makes (or finds again) the worktree of a task the caller just claimed with `token`, and records
 * it on the task. The branch is made from `base` (default: HEAD where the command runs) unless
 * it exists already (a task released earlier keeps its branch), then checked out as it is.
 */
export async function ensureTaskWorktree(
  ctx: Context,
  id: string,
  token: number,
  base: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<TaskWorktree> {
  const top = boardTop(ctx);
  const task = loadTasks(ctx).byId.get(id)?.task;
  if (!task) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const recorded = worktreeOf(task.fields);
  if (recorded && existsSync(folderOf(top, recorded))) {
    return { branch: recorded.branch, folder: folderOf(top, recorded), reused: true };
  }
  const branch = taskBranch(id, task.title);
  const folder = join(worktreesRoot(top, env), worktreeFolderName(branch));
  if (existsSync(folder)) {
    throw new RefusedError(
      `Cannot make ${id}'s worktree: ${folder} exists already and is not recorded on ${id}; remove it (git worktree remove) or set TASKGATE_WORKTREES to another folder`,
    );
  }
  const sha = worktreeBase(base);
  let exists = true;
  try {
    git(top, ["show-ref", "--verify", "--quiet", `refs/heads/${branch}`]);
  } catch {
    exists = false;
  }
  try {
    git(top, ["worktree", "add", "--quiet", ...(exists ? [folder, branch] : ["-b", branch, folder, sha])]);
  } catch (e) {
    throw new RefusedError(`git could not make ${id}'s worktree ${folder}: ${(e as Error).message}`);
  }
  const rel = relative(top, folder);
  const value: WorktreeField = { branch, path: slashed(isAbsolute(rel) ? folder : rel) };
  const who = whoActs(ctx, "WORK");
  await ctx.ports.update([ctx.paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
    const plan = planWorktreeField(ledger, id, value, who, token, { now, hasher: ctx.ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    return {
      writes: [
        { path: ctx.paths.tasks, text: applyChecked("tasks", ctx.paths.tasksDisplay, text as string, plan.splices) },
      ],
      result: undefined,
    };
  });
  return { branch, folder, reused: false };
}

/** What the worktree of a task about to leave DOING or end holds: nothing to do, clean, or gone. */
export interface WorktreeCheck {
  readonly field: WorktreeField;
  readonly folder: string;
  /** The folder is there, to be removed after the transition. */
  readonly present: boolean;
}

/**
 * Before accept, cancel or release --clean: the task's worktree, checked clean. A worktree
 * with uncommitted work (changed, staged, untracked or ignored files) refuses the command, nothing
 * written, unless `keep` (then the folder and its field stay).
 */
export function checkTaskWorktree(ctx: Context, input: TransitionInput, keep: boolean): WorktreeCheck | undefined {
  const { id, action } = input;
  const ledger = loadTasks(ctx);
  const task: Task | undefined = ledger.byId.get(id)?.task;
  const field = task && worktreeOf(task.fields);
  if (!field || keep) return undefined;
  // The ledger and the rules first, as the transition will judge them: a WORK actor's accept,
  // a task in the wrong state or a ledger with errors is refused for that, not sent off to
  // clean a worktree first (nothing is written here; the transition plans again under its lock).
  requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
  const plan = planTransition(ledger, input, whoActs(ctx, MATRIX[action].role), {
    now: ctx.now,
    hasher: ctx.ports.hasher,
  });
  if (!plan.ok) throw new RefusedError(plan.message);
  const top = boardTop(ctx);
  const folder = folderOf(top, field);
  if (!existsSync(folder)) return { field, folder, present: false };
  const dirty = uncommitted(folder);
  if (dirty.length) {
    const shown = dirty.slice(0, 5).join(", ") + (dirty.length > 5 ? `, and ${dirty.length - 5} more` : "");
    throw new RefusedError(
      `${id}'s worktree ${folder} has uncommitted work (${shown}), and a worktree is never removed with uncommitted work: commit it on ${field.branch} or discard it, then run ${action} again, or ${action === "release" ? "release without --clean" : `add --keep-worktree to ${action}`} to keep the folder; nothing was changed`,
    );
  }
  return { field, folder, present: true };
}

/**
 * The files `git status` lists in a worktree (changed, staged, untracked, and ignored: a .env
 * or local notes are work git does not track, and `git worktree remove` would delete them), as
 * "M src/a.ts" or "!! .env".
 */
function uncommitted(folder: string): string[] {
  return git(folder, ["status", "--porcelain", "--untracked-files=normal", "--ignored=traditional"])
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => `${l.slice(0, 2).trim()} ${l.slice(3)}`);
}

/**
 * After the transition: removes the clean worktree (its branch stays, with the work). A folder
 * that became dirty since the check is kept (git refuses) and the sentence says so.
 */
export function removeTaskWorktree(ctx: Context, id: string, check: WorktreeCheck): string {
  if (!check.present) return `${id}'s worktree ${check.folder} was gone already; its record is cleared`;
  const top = boardTop(ctx);
  try {
    git(top, ["worktree", "remove", check.folder]);
  } catch (e) {
    return `${id}'s worktree ${check.folder} was kept: ${(e as Error).message} (it changed since it was checked; remove it with git worktree remove once its work is committed)`;
  }
  return `Removed ${id}'s worktree ${check.folder}; its branch ${check.field.branch} stays`;
}

/**
 * A transition that ends a task's worktree (accept, cancel, release with `clean`): the worktree
 * is checked clean first (refused, nothing written, while it holds uncommitted work, unless
 * `keep`), its field cleared in the transition's write, then the folder removed. Returns the
 * sentence saying what became of it (undefined: the task had none, or `keep`).
 */
export async function transitionEndingWorktree(
  ctx: Context,
  input: TransitionInput,
  options: { readonly keep: boolean },
): Promise<{ result: TransitionResult; worktree: string | undefined }> {
  const check = checkTaskWorktree(ctx, input, options.keep);
  const result = await transition(ctx, { ...input, dropWorktree: check !== undefined });
  return { result, worktree: check ? removeTaskWorktree(ctx, input.id, check) : undefined };
}

/** The task whose recorded worktree holds `dir` (status in a task's worktree), or undefined. */
export function taskOfWorktree(ctx: Context, dir: string): { id: string; branch: string } | undefined {
  const wt = mainWorkTree(dir);
  if (!wt || wt.main === wt.top) return undefined;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const here = real(wt.top);
  const top = boardTop(ctx);
  for (const t of loadTasks(ctx).tasks) {
    const w = t.state === "DONE" ? undefined : worktreeOf(t.fields);
    if (w && real(folderOf(top, w)) === here) return { id: t.id, branch: w.branch };
  }
  return undefined;
}
