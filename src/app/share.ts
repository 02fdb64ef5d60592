// taskgate share: turn sharing on for this clone. Joins the shared board when the branch
// already exists (on the remote, or locally for a worktree of a clone that shares), else
// moves the in-tree board there byte for byte after checking it (log and chain intact).
// The setting goes into the clone's git config, which all its worktrees read.

import { existsSync, readFileSync } from "node:fs";
import { findGitDir, gitIdentity } from "../io/git.js";
import { commonDirOf, gitOk, readBoard, readRef, runGit, type ShareSetting, writeBoardCommit } from "../io/git-ref.js";
import { GitBoardStore } from "../io/git-store.js";
import { decodeUtf8 } from "../io/text.js";
import { formatDiagnostic } from "../model/diagnostic.js";
import { checkLedgers } from "./check.js";
import type { Context } from "./context.js";
import { BusyError, InvalidLedgerError, RefusedError, UnreachableError, UsageError } from "./errors.js";

export interface ShareOptions {
  readonly branch: string;
  readonly remote: string | undefined;
  /** The command's folder. */
  readonly cwd: string;
}

export interface ShareResult {
  readonly action: "moved" | "joined" | "published" | "already";
  readonly commit: string;
  readonly message: string;
}

/** `inTree`: a context on the in-tree files (whatever the clone's setting), for the move. */
export async function shareBoard(inTree: Context, o: ShareOptions): Promise<ShareResult> {
  const gitDir = findGitDir(o.cwd);
  if (!gitDir) throw new UsageError(`${o.cwd} is not in a git repository; taskgate share shares a board through git`);
  const commonDir = commonDirOf(gitDir);
  if (runGit(o.cwd, ["check-ref-format", "--branch", o.branch]).status !== 0)
    throw new UsageError(`"${o.branch}" is not a valid branch name`);
  if (o.remote && runGit(o.cwd, ["remote", "get-url", o.remote]).status !== 0)
    throw new UsageError(`This clone has no remote named "${o.remote}" (see git remote -v)`);
  const setting: ShareSetting = { branch: o.branch, remote: o.remote, gitDir, commonDir };
  const store = new GitBoardStore({ share: setting, cwd: o.cwd, names: new Map(), author: () => gitIdentity(o.cwd) });
  const where = o.remote ? `branch ${o.branch} of remote ${o.remote}` : `branch ${o.branch}`;
  const ref = `refs/heads/${o.branch}`;
  // The move is by git's identity of this clone, as every commit on the branch (docs/share.md).
  const author = gitIdentity(o.cwd);

  if (o.remote) {
    const f = store.fetch();
    if (f !== "ok") throw new UnreachableError(`remote "${o.remote}" cannot be reached (${f}); nothing was changed`);
    const tip = readRef(commonDir, store.readRefName);
    if (tip) return record(setting, o.cwd, "joined", tip, `Joined the shared board on ${where} (${tip.slice(0, 10)}).`);
  }
  const local = readRef(commonDir, ref);
  const already = readShare(o.cwd);
  if (local && already?.branch === o.branch && already.remote === o.remote)
    return {
      action: "already",
      commit: local,
      message: `This clone already shares its board on ${where}; nothing to do.`,
    };
  let commit = local;
  let action: ShareResult["action"] = "joined";
  let moved = "";
  let movedBytes: { tasks: Buffer; approvals: Buffer } | undefined;
  if (!commit) {
    const m = await moveInTreeBoard(inTree, o.cwd, author);
    commit = m.commit;
    movedBytes = m;
    const swap = runGit(o.cwd, ["update-ref", "-m", "taskgate share", ref, commit, ""]);
    if (swap.status !== 0)
      throw new BusyError(
        `branch ${o.branch} was created by someone else meanwhile; run taskgate share again to join it`,
      );
    action = "moved";
    moved = `Moved ${inTree.paths.tasksDisplay} and ${inTree.paths.approvalsDisplay} byte for byte (log and hash chain checked: ok) to branch ${o.branch} as commit ${commit.slice(0, 10)}. `;
  }
  if (o.remote) {
    const r = runGit(o.cwd, [
      "push",
      "--porcelain",
      "--no-verify",
      `--force-with-lease=${ref}:`,
      o.remote,
      `${commit}:${ref}`,
    ]);
    if (r.status !== 0) {
      const f = store.fetch();
      if (f !== "ok")
        throw new UnreachableError(`remote "${o.remote}" cannot be reached (${f}); sharing was not turned on`);
      if (readRef(commonDir, store.readRefName))
        throw new BusyError(`another clone shared a board on ${where} meanwhile; run taskgate share again to join it`);
      throw new RefusedError(`remote "${o.remote}" refused branch ${o.branch}: ${r.stderr.replace(/\s+/g, " ")}`);
    }
    runGit(o.cwd, ["update-ref", store.readRefName, commit]);
    if (action === "joined") action = "published";
    moved += `Published it to remote ${o.remote}. `;
  }
  const result = record(
    setting,
    o.cwd,
    action,
    commit,
    `${moved}${action === "joined" ? `Joined the shared board on ${where}. ` : ""}`.trim(),
  );
  if (movedBytes) await confirmMoved(inTree, movedBytes, setting, commit, o.cwd);
  return result;
}

/**
 * The in-tree files, read again under their locks now that the setting is on (a writer checks
 * it under the same locks, so none can land after this): still the bytes moved, or a write
 * landed during the move and would be lost, so sharing is turned off again and the branch
 * removed (compare-and-swap: only if still the moved commit).
 */
async function confirmMoved(
  inTree: Context,
  moved: { tasks: Buffer; approvals: Buffer },
  setting: ShareSetting,
  commit: string,
  cwd: string,
): Promise<void> {
  const { paths } = inTree;
  const same = await inTree.ports.update([paths.tasks, paths.approvals], (texts) => ({
    writes: [],
    result:
      texts[0] === decodeUtf8(paths.tasksDisplay, moved.tasks) &&
      texts[1] === decodeUtf8(paths.approvalsDisplay, moved.approvals),
  }));
  if (same) return;
  runGit(cwd, ["config", "--unset", "taskgate.share.branch"]);
  runGit(cwd, ["config", "--unset", "taskgate.share.remote"]);
  const ref = `refs/heads/${setting.branch}`;
  if (setting.remote) {
    runGit(cwd, [
      "push",
      "--porcelain",
      "--no-verify",
      `--force-with-lease=${ref}:${commit}`,
      setting.remote,
      `:${ref}`,
    ]);
    runGit(cwd, ["update-ref", "-d", `refs/remotes/${setting.remote}/${setting.branch}`, commit]);
  }
  runGit(cwd, ["update-ref", "-d", ref, commit]);
  throw new BusyError(
    `${paths.tasksDisplay} or ${paths.approvalsDisplay} was written while the board was being moved; sharing was not turned on and the in-tree files are as they are: run taskgate share again`,
  );
}

async function moveInTreeBoard(
  inTree: Context,
  cwd: string,
  author: { name: string; email: string },
): Promise<{ commit: string; tasks: Buffer; approvals: Buffer }> {
  const { paths } = inTree;
  if (!existsSync(paths.tasks) || !existsSync(paths.approvals)) {
    throw new RefusedError(
      `There is no board here to share and no shared board to join (${paths.tasksDisplay} or ${paths.approvalsDisplay} is missing): run "taskgate init" first`,
    );
  }
  // The bytes are read once, checked, and committed as read: the branch starts with the same
  // entries and a chain that verifies. A board with errors is not moved.
  const tasks = readFileSync(paths.tasks);
  const approvals = readFileSync(paths.approvals);
  const checked: Context = {
    ...inTree,
    ports: {
      ...inTree.ports,
      readText: (p) => (p === paths.tasks ? tasks : p === paths.approvals ? approvals : undefined)?.toString("utf8"),
    },
  };
  const { diagnostics } = await checkLedgers(checked);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) {
    throw new InvalidLedgerError(
      `The in-tree board has ${errors.length} error${errors.length === 1 ? "" : "s"}, so it was not moved; fix ${errors.length === 1 ? "it" : "them"} first:\n${errors.slice(0, 10).map(formatDiagnostic).join("\n")}`,
      errors,
    );
  }
  const commit = commitFiles(cwd, commonDirOf(findGitDir(cwd) as string), tasks, approvals, author, inTree.now);
  return { commit, tasks, approvals };
}

function commitFiles(
  cwd: string,
  commonDir: string,
  tasks: Buffer,
  approvals: Buffer,
  author: { name: string; email: string },
  now: number,
): string {
  const empty = readBoard(cwd, undefined, []);
  return writeBoardCommit(
    cwd,
    commonDir,
    empty,
    new Map([
      ["TASKS.md", tasks],
      ["APPROVALS.md", approvals],
    ]),
    "taskgate share: the board moved here from the working tree",
    author,
    now,
  );
}

function readShare(cwd: string): { branch: string; remote: string | undefined } | undefined {
  const branch = runGit(cwd, ["config", "--get", "taskgate.share.branch"]).stdout.toString().trim();
  if (!branch) return undefined;
  const remote = runGit(cwd, ["config", "--get", "taskgate.share.remote"]).stdout.toString().trim();
  return { branch, remote: remote || undefined };
}

function record(
  setting: ShareSetting,
  cwd: string,
  action: ShareResult["action"],
  commit: string,
  said: string,
): ShareResult {
  gitOk(cwd, ["config", "taskgate.share.branch", setting.branch]);
  if (setting.remote) gitOk(cwd, ["config", "taskgate.share.remote", setting.remote]);
  else runGit(cwd, ["config", "--unset", "taskgate.share.remote"]);
  return {
    action,
    commit,
    message: `${said} Every command in every worktree of this clone now uses it (git config taskgate.share.branch=${setting.branch}${setting.remote ? `, taskgate.share.remote=${setting.remote}` : ""}); the in-tree files are no longer read (remove them with git rm when you are ready; TASKGATE_SHARE=off reads them again).`,
  };
}
