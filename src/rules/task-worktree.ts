// A task's own git worktree: the branch named for it, and the plan that records (or clears)
// the `worktree` field by the lease's holder. Pure; creating and removing the folder is
// app/worktree.ts's.

import { appendLog, type Splice, setField } from "../ledger/edit.js";
import { decodeWorktree, encodeWorktree, type WorktreeField } from "../ledger/fields.js";
import { formatLogLine, type Hasher, lastHash } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Plan } from "./plan-add.js";
import { holderOf, type Who } from "./workflow.js";

const SLUG_MAX = 40;

/**
 * "Fix the log reader!" -> "fix-the-log-reader": ASCII letters and digits joined by "-", accents
 * dropped, at most 40 characters cut at a "-"; "" when the title has none (a Japanese title).
 */
export function titleSlug(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= SLUG_MAX) return ascii;
  const cut = ascii.slice(0, SLUG_MAX + 1);
  const dash = cut.lastIndexOf("-");
  return (dash > 0 ? cut.slice(0, dash) : cut.slice(0, SLUG_MAX)).replace(/-+$/, "");
}

/** task/T-12-short-title, or task/T-12 when the title gives no ASCII word: always a valid branch name. */
export function taskBranch(id: string, title: string): string {
  const slug = titleSlug(title);
  return slug ? `task/${id}-${slug}` : `task/${id}`;
}

/** The folder name for the task's worktree: the branch without "task/". */
export const worktreeFolderName = (branch: string): string => branch.slice("task/".length);

/** The task's worktree field, read (undefined without one, or one check reports as bad). */
export function worktreeOf(fields: ReadonlyArray<{ key: string; value: string }>): WorktreeField | undefined {
  const v = fields.find((f) => f.key === "worktree")?.value;
  const d = v ? decodeWorktree(v) : undefined;
  return d?.ok ? d.value : undefined;
}

/**
 * Records the worktree made for a task its holder just claimed (value) in a `worktree` log line;
 * only by the lease's holder, with its token.
 */
export function planWorktreeField(
  ledger: TasksLedger,
  id: string,
  value: WorktreeField,
  who: Who,
  token: number,
  when: { now: number; hasher: Hasher },
): Plan<undefined> {
  const found = ledger.byId.get(id);
  if (!found) return { ok: false, message: `There is no task ${id} in ${ledger.doc.file}` };
  const { task, section } = found;
  if (task.state !== "DOING" || task.lease?.holder !== holderOf(who) || task.lease.token !== token) {
    return {
      ok: false,
      message: `${id} is no longer leased to ${holderOf(who)} with token ${token}, so its worktree is not recorded`,
    };
  }
  const splices: Splice[] = [];
  const text = encodeWorktree(value);
  if (section.fields.find((f) => f.key === "worktree")?.value !== text) {
    splices.push(setField(ledger.doc, section, "worktree", text));
  }
  const line = formatLogLine(when.hasher, lastHash(ledger.doc, ledger.log), {
    time: when.now,
    actor: who.actor,
    role: "WORK",
    action: "worktree",
    target: id,
    details: { token, branch: value.branch, path: value.path },
  });
  splices.push(appendLog(ledger.doc, ledger.log, [line]));
  return { ok: true, splices, result: undefined };
}
