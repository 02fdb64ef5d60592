// The read-only commands: status, list, show. They take no lock (writes are atomic renames,
// so a read always sees one whole version of a file).

import type { Approval } from "../model/approval.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Task } from "../model/task.js";
import { filterTasks, type TaskFilter } from "../rules/filter.js";
import { isStale } from "../rules/gate.js";
import { type StatusSummary, summarize } from "../rules/summary.js";
import type { Context } from "./context.js";
import { RefusedError } from "./errors.js";
import { loadApprovals, loadTasks } from "./ledgers.js";

export interface StatusView {
  readonly summary: StatusSummary;
  readonly diagnostics: Diagnostic[];
  readonly approvalsFound: boolean;
}

export function statusView(ctx: Context): StatusView {
  const tasks = loadTasks(ctx);
  const approvals = loadApprovals(ctx);
  const summary = summarize(tasks.tasks, approvals?.approvals ?? ([] as Approval[]), tasks.policy, ctx.now, (a) =>
    isStale(tasks, a, ctx.ports.hasher),
  );
  return {
    summary,
    diagnostics: [...tasks.diagnostics, ...(approvals?.diagnostics ?? [])],
    approvalsFound: approvals !== undefined,
  };
}

export function listView(ctx: Context, filter: TaskFilter): { tasks: Task[]; diagnostics: Diagnostic[] } {
  const ledger = loadTasks(ctx);
  return { tasks: filterTasks(ledger.tasks, filter), diagnostics: ledger.diagnostics };
}

export interface ShowView {
  readonly task: Task;
  /** The entry's text exactly as in the file, heading to the next section. */
  readonly text: string;
  readonly body: string;
  readonly clockSkew: number;
}

export function showView(ctx: Context, id: string): ShowView {
  const ledger = loadTasks(ctx);
  const found = ledger.byId.get(id);
  if (!found) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const { section } = found;
  const text = ledger.doc.text.slice(section.start, section.end).replace(/(\r?\n)+$/, "");
  const body = ledger.doc.text
    .slice(section.fieldsEnd, section.end)
    .replace(/^(\r?\n)+/, "")
    .replace(/(\r?\n)+$/, "");
  return { task: found.task, text, body, clockSkew: ledger.policy.clockSkew };
}
