// metrics, board and report: the ledgers read once, the measures computed for a period.

import { emptyLogTable, logTable } from "../ledger/log-facts.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Task } from "../model/task.js";
import { parseTime } from "../model/time.js";
import { computeMetrics, type Metrics } from "../rules/metrics.js";
import type { Context } from "./context.js";
import { UsageError } from "./errors.js";
import { loadApprovals, loadTasks } from "./ledgers.js";

export interface Period {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

const DAY = 86_400_000;

/** "2026-11-01" (UTC midnight), "2026-11-01T09:00:00Z", or "30d" / "12h" before now. */
export function parseWhen(text: string, now: number, what: string): number {
  const rel = /^(\d+)([dhm])$/.exec(text);
  if (rel) return now - Number(rel[1]) * { d: DAY, h: 3_600_000, m: 60_000 }[rel[2] as "d" | "h" | "m"];
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t = parseTime(`${text}T00:00:00Z`);
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

export function metricsView(ctx: Context, period: Period): MetricsView {
  const until = period.until ? parseWhen(period.until, ctx.now, "--until") : ctx.now;
  const since = period.since ? parseWhen(period.since, ctx.now, "--since") : until - 30 * DAY;
  if (since >= until) throw new UsageError("--since must be before --until");
  const tasks = loadTasks(ctx);
  const approvals = loadApprovals(ctx);
  const metrics = computeMetrics({
    tasksLog: logTable(tasks.doc, tasks.log.section),
    approvalsLog: approvals ? logTable(approvals.doc, approvals.log.section) : emptyLogTable(),
    tasks: tasks.tasks,
    actors: approvals?.actors ?? new Map(),
    policy: tasks.policy,
    since,
    until,
    now: Math.min(ctx.now, until),
  });
  const errors = [...tasks.diagnostics, ...(approvals?.diagnostics ?? [])].filter((d) => d.severity === "error");
  return { metrics, tasks: tasks.tasks, clockSkew: tasks.policy.clockSkew, errors };
}
