// metrics, board and report: the ledgers read once, the measures computed for a period.

import { taskSummaries } from "../ledger/clean-ledger.js";
import type { LedgerText } from "../ledger/document.js";
import type { LogSection } from "../ledger/log.js";
import { emptyLogTable, type LogTable, logTable } from "../ledger/log-facts.js";
import { type Diagnostic, formatDiagnostic } from "../model/diagnostic.js";
import type { Task } from "../model/task.js";
import { parseTime } from "../model/time.js";
import { isTimeZone, startOfDate } from "../rules/days.js";
import { LogFold } from "../rules/log-fold.js";
import { computeMetrics, foldTasksLog, type Metrics } from "../rules/metrics.js";
import type { Context, Derived, LogMemo } from "./context.js";
import { InvalidLedgerError, UsageError } from "./errors.js";
import { missingLedger, parseApprovals, parseTasksLazily } from "./ledgers.js";

export interface Period {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

const DAY = 86_400_000;

/**
 * "2026-11-01" (the start of that date in `timeZone`, the policy's: UTC midnight without one),
 * "2026-11-01T09:00:00Z", or "30d" / "12h" before now.
 */
export function parseWhen(text: string, now: number, what: string, timeZone = "UTC"): number {
  const rel = /^(\d+)([dhm])$/.exec(text);
  if (rel) return now - Number(rel[1]) * { d: DAY, h: 3_600_000, m: 60_000 }[rel[2] as "d" | "h" | "m"];
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t = startOfDate(text, timeZone);
    if (t !== undefined) return t;
  }
  const t = parseTime(text);
  if (t === undefined) {
    throw new UsageError(
      `Expected ${what} as a date (2026-11-01), a UTC time (2026-11-01T09:00:00Z) or an age (30d, 12h), found "${text}"`,
    );
  }
  return t;
}

export interface MetricsView {
  readonly metrics: Metrics;
  readonly tasks: readonly Task[];
  readonly clockSkew: number;
  /** Errors in the ledgers: the figures are computed anyway, but may be wrong. */
  readonly errors: readonly Diagnostic[];
}

/** A ledger's log as columns, and folded when `fold` is given: through the log memo if there is one. */
export function logOf(
  memo: LogMemo | undefined,
  path: string,
  bytes: Uint8Array,
  doc: LedgerText,
  log: LogSection,
  fold?: Derived<LogFold>,
): { table: LogTable; derived: LogFold | undefined } {
  const s = log.section;
  if (!s) return { table: emptyLogTable(), derived: undefined };
  if (memo) return memo.table(path, doc.text, bytes, s.start, s.end, fold);
  const table = logTable(doc, s);
  return { table, derived: fold?.advance(table, undefined) };
}

export async function metricsView(ctx: Context, period: Period): Promise<MetricsView> {
  // A clean board is read lazily (its log is not read as fields); any other fully, with its errors.
  const tasksFile = ctx.ports.readSnapshot(ctx.paths.tasks);
  if (!tasksFile) throw missingLedger(ctx, "tasks");
  const tasks = parseTasksLazily(ctx, tasksFile.text);
  const zone = tasks.policy.timeZone ?? "UTC";
  if (!isTimeZone(zone)) {
    // Its shape was checked with the policy; whether the zone exists, only here (Intl's data).
    const before = tasksFile.text.slice(0, Math.max(0, tasksFile.text.search(/^- time-zone:/m)));
    const line = before.split("\n").length;
    const message = `Expected a time zone this system knows, like UTC or Europe/Berlin, for "time-zone", found "${zone}"`;
    const d: Diagnostic = {
      severity: "error",
      file: ctx.paths.tasksDisplay,
      line,
      column: 14,
      code: "bad-time-zone",
      message,
    };
    throw new InvalidLedgerError(formatDiagnostic(d), [d]);
  }
  const until = period.until ? parseWhen(period.until, ctx.now, "--until", zone) : ctx.now;
  const since = period.since ? parseWhen(period.since, ctx.now, "--since", zone) : until - 30 * DAY;
  if (since >= until) throw new UsageError("--since must be before --until");
  const approvalsFile = ctx.ports.readSnapshot(ctx.paths.approvals);
  const approvals = approvalsFile && parseApprovals(ctx, approvalsFile.text);
  const actors = approvals?.actors ?? new Map();
  const fold: Derived<LogFold> = {
    advance: (table, d) => foldTasksLog(table, actors, d),
    parts: (d) => d.parts(),
    fromParts: (p) => LogFold.fromParts(p),
  };
  const memo = await ctx.ports.logMemo?.();
  const tasksLog = logOf(memo, ctx.paths.tasks, tasksFile.bytes, tasks.doc, tasks.log, fold);
  const metrics = computeMetrics({
    tasksLog: tasksLog.table,
    tasksFold: tasksLog.derived,
    approvalsLog:
      approvalsFile && approvals
        ? logOf(memo, ctx.paths.approvals, approvalsFile.bytes, approvals.doc, approvals.log).table
        : emptyLogTable(),
    tasks: taskSummaries(tasks),
    actors,
    policy: tasks.policy,
    since,
    until,
    now: Math.min(ctx.now, until),
    // Requests to change Roles, Policy or Rules: automation never decides them.
    guardedApprovals: new Set(
      [...(approvals?.byId.values() ?? [])]
        .filter((e) => e.approval.fields.some((f) => f.key === "change"))
        .map((e) => e.approval.id),
    ),
  });
  const errors = [...tasks.diagnostics, ...(approvals?.diagnostics ?? [])].filter((d) => d.severity === "error");
  return {
    metrics,
    // Read only when asked for (report): the measures need only each task's summary.
    get tasks() {
      return tasks.tasks;
    },
    clockSkew: tasks.policy.clockSkew,
    errors,
  };
}
