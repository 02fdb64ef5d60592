// The read-only commands: status, list, show. They take no lock (writes are atomic renames,
// so a read always sees one whole version of a file).

import { cleanScanOf, tasksOf } from "../ledger/clean-ledger.js";
import { scanCleanTasks } from "../ledger/clean-scan.js";
import { ListRowCursor } from "../ledger/list-rows.js";
import { readPhases } from "../ledger/phases.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Task } from "../model/task.js";
import { matcher, type TaskFilter } from "../rules/filter.js";
import { isStale } from "../rules/gate.js";
import { type PhaseProgress, phaseProgress } from "../rules/phases.js";
import { type StatusFacts, statusFacts } from "../rules/summary.js";

const DEAD_LETTER_FIELD = /^[-*+] blocked: dead letter/m;

import type { Context } from "./context.js";
import { RefusedError } from "./errors.js";
import { missingLedger, parseApprovals, parseTasks, parseTasksLazily } from "./ledgers.js";
import { HOOKS_HEADING, STATUS_MEMO, type StatusView, statusMemo, statusOf, statusSources } from "./status-memo.js";

export type { StatusView } from "./status-memo.js";

/**
 * Counts by state, leases and approvals. What depends only on the ledgers' contents is kept
 * in a memo with the bytes it was derived from, so a board that did not change is not read
 * again (hooks and agents call status far more often than the board changes).
 */
export function statusView(ctx: Context): StatusView {
  const { ports } = ctx;
  const sources = statusSources(ctx);
  if (!sources) throw missingLedger(ctx, "tasks");
  const [tasksFile, approvalsFile] = sources;
  let memo = statusMemo(ctx, sources);
  if (!memo) {
    const approvals = approvalsFile ? parseApprovals(ctx, approvalsFile.text) : undefined;
    const approvalList = approvals?.approvals ?? [];
    // A clean board (the common case: writes never leave an error) is counted in one pass
    // without building its tasks; anything the reader would report sends it to readTasks.
    const scanned = scanCleanTasks(tasksFile.text);
    // Dead letters (rare) and the tasks behind them need every task's dependencies: read in full.
    const clean = scanned?.blocked.some((id) => DEAD_LETTER_FIELD.test(scanned.entryText(id) ?? ""))
      ? undefined
      : scanned;
    let facts: StatusFacts;
    let diagnostics: readonly Diagnostic[];
    // A board with phases is never clean (clean-scan.ts knows no Phases section).
    let phases: readonly PhaseProgress[] = [];
    if (clean) {
      diagnostics = approvals?.diagnostics ?? [];
      facts = statusFacts(clean, approvalList, clean.policy, (a) => {
        const entry = a.subject === undefined ? undefined : clean.entryText(a.subject);
        return entry !== undefined && isStale(parseTasks(ctx, entry), a, ports.hasher);
      });
    } else {
      const tasks = parseTasks(ctx, tasksFile.text);
      diagnostics = [...tasks.diagnostics, ...(approvals?.diagnostics ?? [])];
      facts = statusFacts(tasks.tasks, approvalList, tasks.policy, (a) => isStale(tasks, a, ports.hasher));
      const found = readPhases(tasks.doc, []);
      if (found.length) phases = phaseProgress(found, tasks.tasks);
    }
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    memo = {
      phases,
      facts,
      errors,
      warnings: diagnostics.length - errors,
      approvalsFound: approvals !== undefined,
      // Kept with the rest: a status the memo answers reads no text (a search of 16 MB for this
      // heading, after decoding it, was a third of a status at 50,000 tasks).
      hasHooks: HOOKS_HEADING.test(tasksFile.text),
    };
    ports.memo?.put(STATUS_MEMO, sources, memo);
  }
  return statusOf(memo, ctx.now);
}

/**
 * The tasks list shows, as serve and mcp list them (the CLI prints listRows'). A clean board's
 * come as a list that reads each task when asked for and keeps none (clean-ledger.ts tasksOf).
 */
export function listView(ctx: Context, filter: TaskFilter): { tasks: readonly Task[]; diagnostics: Diagnostic[] } {
  const ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
  return { tasks: tasksOf(ledger, matcher(filter)), diagnostics: ledger.diagnostics };
}

/** A row of list as listRows gives it: valid only during the call it is given to. */
export interface ListRow {
  /**
   * On a clean board, the entry's match of list-rows.ts's PLAIN_ROW when the entry is in
   * taskgate's usual shape (what list prints can be made from its text); null otherwise.
   */
  readonly plain: RegExpExecArray | null;
  /** 1-based line of the entry's heading. */
  readonly line: number;
  /** The task (read from its lines on a clean board, each time it is asked for). */
  task(): Task;
}

export interface ListRows {
  /** How many tasks list shows. */
  readonly count: number;
  /** Their IDs in order (the table's first column is as wide as the widest); made when asked for. */
  readonly ids: readonly string[];
  /**
   * Gives each task list shows, in order. A clean board's are read from their lines one at a
   * time as they are given and kept by none: list of 50,000 tasks holds one at a time.
   */
  forEach(each: (row: ListRow) => void): void;
  readonly diagnostics: Diagnostic[];
}

/** Tasks already read, as list's rows (none in its usual shape: each printed from its task). */
export function rowsOfTasks(tasks: readonly Task[]): Pick<ListRows, "count" | "ids" | "forEach"> {
  return {
    count: tasks.length,
    ids: tasks.map((t) => t.id),
    forEach(each) {
      for (const t of tasks) each({ plain: null, line: t.line, task: () => t });
    },
  };
}

/**
 * The tasks list shows (listView's), as rows to print one by one: on a clean board, each entry
 * read from its lines as it is printed (none is kept) and its text at hand for printing.
 */
export function listRows(ctx: Context, filter: TaskFilter): ListRows {
  const ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
  const keep = matcher(filter);
  const clean = cleanScanOf(ledger);
  if (!clean) return { ...rowsOfTasks(tasksOf(ledger, keep)), diagnostics: ledger.diagnostics };
  const cursor = new ListRowCursor(ledger.doc.text);
  let ranges = clean.sections().filter((r) => r.id !== undefined);
  if (keep) ranges = ranges.filter((r) => keep(cursor.moveTo(r.start, r.end).task()));
  return {
    count: ranges.length,
    get ids() {
      return ranges.map((r) => r.id as string);
    },
    forEach(each) {
      for (const r of ranges) each(cursor.moveTo(r.start, r.end));
    },
    diagnostics: ledger.diagnostics,
  };
}

export interface ShowView {
  readonly task: Task;
  /** The entry's text exactly as in the file, heading to the next section. */
  readonly text: string;
  readonly body: string;
  readonly clockSkew: number;
  /** The board's errors (none on a clean board): what is shown may be wrong where there are some. */
  readonly errors: readonly Diagnostic[];
}

export function showView(ctx: Context, id: string): ShowView {
  // One entry: a clean board is read only that far.
  const ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
  const found = ledger.byId.get(id);
  if (!found) throw new RefusedError(`There is no task ${id} in ${ctx.paths.tasksDisplay}`);
  const { section } = found;
  const text = ledger.doc.text.slice(section.start, section.end).replace(/(\r?\n)+$/, "");
  const body = ledger.doc.text
    .slice(section.fieldsEnd, section.end)
    .replace(/^(\r?\n)+/, "")
    .replace(/(\r?\n)+$/, "");
  const errors = ledger.diagnostics.filter((d) => d.severity === "error");
  return { task: found.task, text, body, clockSkew: ledger.policy.clockSkew, errors };
}
