// taskgate share: turn sharing on for this clone. Joins the shared board when the branch
// already exists (on the remote, or locally for a worktree of a clone that shares), else
// moves the in-tree board there byte for byte after checking it (log and chain intact).
// The setting goes into the clone's git config, which all its worktrees read.

import { existsSync, readFileSync } from "node:fs";
import { findGitDir } from "../io/git.js";
import { commonDirOf, gitOk, readBoard, readRef, runGit, type ShareSetting, writeBoardCommit } from "../io/git-ref.js";
import { GitBoardStore } from "../io/git-store.js";
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
  const store = new GitBoardStore({ share: setting, cwd: o.cwd, names: new Map(), author: () => undefined });
  const where = o.remote ? `branch ${o.branch} of remote ${o.remote}` : `branch ${o.branch}`;
  const ref = `refs/heads/${o.branch}`;
  const author = inTree.ports.actorName() ?? "taskgate";

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
  if (!commit) {
    commit = await moveInTreeBoard(inTree, o.cwd, author);
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
  return record(
    setting,
    o.cwd,
    action,
    commit,
    `${moved}${action === "joined" ? `Joined the shared board on ${where}. ` : ""}`.trim(),
  );
}

async function moveInTreeBoard(inTree: Context, cwd: string, author: string): Promise<string> {
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
      `The in-tree board has ${errors.length} error${errors.length === 1 ? "" : "s"} (run taskgate check); it was not moved`,
      errors,
    );
  }
  return commitFiles(cwd, commonDirOf(findGitDir(cwd) as string), tasks, approvals, author, inTree.now);
}

function commitFiles(
  cwd: string,
  commonDir: string,
  tasks: Buffer,
  approvals: Buffer,
  author: string,
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
