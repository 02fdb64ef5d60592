// The versioned JSON documents of the app's views (status, list, show, approvals, metrics): what
// `--json` prints and what serve's API answers, built once here for every face, so the two
// cannot drift (test/integration/serve.test.ts compares them byte for byte).

import type { Approval } from "../model/approval.js";
import type { Task } from "../model/task.js";
import { formatDuration, formatTime } from "../model/time.js";
import { phaseJson } from "../rules/phases.js";
import type { ApprovalRow } from "./approvals.js";
import type { Context } from "./context.js";
import type { MetricsView } from "./metrics.js";
import type { StatusView } from "./views.js";

/** The `version` of every document. */
export const SCHEMA_VERSION = 1;

export function doc(kind: string, body: Record<string, unknown>): Record<string, unknown> {
  return { schema: `taskgate.${kind}`, version: SCHEMA_VERSION, ...body };
}

export function taskDoc(t: Task): Record<string, unknown> {
  return {
    id: t.id,
    title: t.title,
    state: t.state,
    priority: t.priority,
    labels: t.labels,
    depends: t.depends,
    assignee: t.assignee ?? null,
    lease: t.lease
      ? {
          holder: t.lease.holder,
          token: t.lease.token,
          until: formatTime(t.lease.until),
          ttl: formatDuration(t.lease.ttl),
          session: t.lease.session ?? null,
        }
      : null,
    attempts: t.attempts,
    blocked: t.blocked ?? null,
    resolution: t.resolution ?? null,
    notBefore: t.notBefore === undefined ? null : formatTime(t.notBefore),
    created: t.created === undefined ? null : formatTime(t.created),
    fields: Object.fromEntries(t.fields.map((f) => [f.key, f.value])),
    line: t.line,
  };
}

export function statusDoc(
  ctx: Pick<Context, "paths"> & { readonly ports: Pick<Context["ports"], "board"> },
  v: StatusView,
): Record<string, unknown> {
  const s = v.summary;
  return doc("status", {
    files: { tasks: ctx.paths.tasksDisplay, approvals: v.approvalsFound ? ctx.paths.approvalsDisplay : null },
    ...(ctx.ports.board ? { board: ctx.ports.board.describe() } : {}),
    tasks: s.tasks,
    byState: s.byState,
    blocked: s.blocked,
    deadLetters: s.deadLetters,
    behindDeadLetter: s.behindDeadLetter,
    leases: {
      held: s.leases.held,
      expired: s.leases.expired.map((e) => ({
        id: e.id,
        holder: e.holder,
        session: e.session ?? null,
        expiredAt: new Date(e.since).toISOString(),
      })),
    },
    approvals: {
      pending: s.approvals.pending,
      overSla: s.approvals.overSla.map((a) => ({ id: a.id, waitingSeconds: Math.floor(a.waiting / 1000) })),
      stale: s.approvals.stale,
    },
    phases: v.phases.map(phaseJson),
    errors: v.errors,
    warnings: v.warnings,
  });
}

export function listDoc(ctx: Context, tasks: readonly Task[]): Record<string, unknown> {
  return doc("list", { file: ctx.paths.tasksDisplay, count: tasks.length, tasks: tasks.map(taskDoc) });
}

export function showDoc(task: Task, body: string): Record<string, unknown> {
  return doc("task", { task: taskDoc(task), body });
}

export function approvalDoc(a: Approval, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    subject: a.subject ?? null,
    requestedBy: a.requestedBy ?? null,
    requestedAt: a.requestedAt === undefined ? null : formatTime(a.requestedAt),
    approver: a.approver ?? null,
    decidedAt: a.decidedAt === undefined ? null : formatTime(a.decidedAt),
    fields: Object.fromEntries(a.fields.map((f) => [f.key, f.value])),
    ...extra,
  };
}

export function approvalsDoc(rows: readonly ApprovalRow[]): Record<string, unknown> {
  const list = rows.map((r) => approvalDoc(r.approval, { stale: r.stale, ageSeconds: Math.floor(r.age / 1000) }));
  return doc("approvals", { count: rows.length, approvals: list });
}

/** A day of the daily series: the date it covers (in m.timeZone), and whether only in part. */
const dayJson = (m: MetricsView["metrics"], i: number) => {
  const d = m.days[i];
  return { date: d?.date, partial: d?.partial };
};

export function metricsDoc(v: MetricsView): Record<string, unknown> {
  const m = v.metrics;
  return doc("metrics", {
    ...m,
    since: formatTime(m.since),
    until: formatTime(m.until),
    automation: {
      ...m.automation,
      daily: m.automation.daily.map(([, n, a], i) => ({ ...dayJson(m, i), steps: n, automated: a })),
    },
    days: m.days.map((d) => ({ date: d.date, start: formatTime(d.start), end: formatTime(d.end), partial: d.partial })),
    workDoneTwice: {
      ...m.workDoneTwice,
      recentOverlaps: m.workDoneTwice.recentOverlaps.map((o) => ({
        task: o.task,
        first: { actor: o.first.actor, start: formatTime(o.first.start), end: formatTime(o.first.end) },
        second: { actor: o.second.actor, start: formatTime(o.second.start) },
        bothMs: o.both,
      })),
      recentLostClaims: m.workDoneTwice.recentLostClaims.map((l) => ({
        ...l,
        start: formatTime(l.start),
        at: formatTime(l.at),
      })),
    },
    approvalWait: {
      ...m.approvalWait,
      decisions: m.approvalWait.decisions.map(([t, wait, auto]) => ({
        at: formatTime(t),
        waitMs: wait,
        automatic: auto,
      })),
    },
    flow: { ...m.flow, daily: m.flow.daily.map(([, n], i) => ({ ...dayJson(m, i), done: n })) },
  });
}

/**
 * What `--json` prints on stdout when a command fails (beside the sentence on stderr): a
 * stable `code` to branch on, the sentence, the place where there is one, and the exit code.
 */
export interface ErrorFacts {
  /** Stable, upper case: LEASE_HELD, NOT_FOUND, NO_BOARD, UNKNOWN_OPTION, INVALID_LEDGER, ... */
  readonly code: string;
  readonly message: string;
  readonly exitCode: number;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  /** What to do about it, one sentence (refusals). */
  readonly next?: string | undefined;
  readonly holder?: string | undefined;
  readonly retryAfter?: string | undefined;
  readonly diagnostics?: readonly Record<string, unknown>[] | undefined;
}

export function errorDoc(f: ErrorFacts): Record<string, unknown> {
  return doc("error", {
    code: f.code,
    message: f.message,
    file: f.file ?? null,
    line: f.line ?? null,
    exitCode: f.exitCode,
    ...(f.next ? { next: f.next } : {}),
    ...(f.holder ? { holder: f.holder } : {}),
    ...(f.retryAfter ? { retryAfter: f.retryAfter } : {}),
    diagnostics: f.diagnostics ?? [],
  });
}

/**
 * One line of `watch`, `run` or `work` with `--json`: a versioned document per event, its
 * facts as fields (`data`), the sentence a person reads as `why`.
 */
export function eventDoc(e: {
  readonly time: number;
  readonly event: string;
  readonly target: string;
  readonly why: string;
  readonly problem: boolean;
  readonly data?: Readonly<Record<string, unknown>> | undefined;
}): Record<string, unknown> {
  return doc("event", {
    time: formatTime(e.time),
    event: e.event,
    target: e.target,
    problem: e.problem,
    ...e.data,
    why: e.why,
  });
}

/** The CLI's layout: two-space indents and a final newline, so the bytes match `--json`'s. */
export function docText(d: Record<string, unknown>): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
