// The versioned JSON documents of the app's views (status, list, show, approvals, metrics): what
// `--json` prints and what serve's API answers, built once here for every face, so the two
// cannot drift (test/integration/serve.test.ts compares them byte for byte).

import { JOINED_ITEMS, listItems, PLAIN_GROUPS, PLAIN_KEYS } from "../ledger/list-rows.js";
import type { Approval } from "../model/approval.js";
import type { Task } from "../model/task.js";
import { formatDuration, formatTime, parseTime } from "../model/time.js";
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

/**
 * The text of JSON.stringify(taskDoc(t), null, 2) with every line after the first indented by
 * `pad`, made without building the document or re-indenting it: list --json writes one for
 * each of 50,000 tasks. test/unit/json-stream.test.ts compares the two on random tasks.
 */
export function taskDocText(t: Task, pad: string): string {
  const p = `${pad}  `;
  const lease = t.lease;
  return `{
${p}"id": ${JSON.stringify(t.id)},
${p}"title": ${JSON.stringify(t.title)},
${p}"state": ${JSON.stringify(t.state)},
${p}"priority": ${JSON.stringify(t.priority)},
${p}"labels": ${stringsText(t.labels, p)},
${p}"depends": ${stringsText(t.depends, p)},
${p}"assignee": ${t.assignee === undefined ? "null" : JSON.stringify(t.assignee)},
${p}"lease": ${
    lease
      ? `{
${p}  "holder": ${JSON.stringify(lease.holder)},
${p}  "token": ${numberText(lease.token)},
${p}  "until": ${JSON.stringify(formatTime(lease.until))},
${p}  "ttl": ${JSON.stringify(formatDuration(lease.ttl))},
${p}  "session": ${lease.session === undefined ? "null" : JSON.stringify(lease.session)}
${p}}`
      : "null"
  },
${p}"attempts": ${numberText(t.attempts)},
${p}"blocked": ${t.blocked === undefined ? "null" : JSON.stringify(t.blocked)},
${p}"resolution": ${t.resolution === undefined ? "null" : JSON.stringify(t.resolution)},
${p}"notBefore": ${t.notBefore === undefined ? "null" : timeText(t.notBefore, t.fields, "not-before")},
${p}"created": ${t.created === undefined ? "null" : timeText(t.created, t.fields, "created")},
${p}"fields": ${fieldsText(t.fields, p)},
${p}"line": ${numberText(t.line)}
${pad}}`;
}

/**
 * A character JSON.stringify writes otherwise than as itself, or a surrogate (paired or not),
 * but for the line breaks between the lines of a PLAIN_ROW match (no value holds one).
 */
const ESCAPED = /[^\n !#-[\]-\ud7ff\ue000-\uffff]/;

/** The group of a PLAIN_ROW match holding a field's value (the first, for resolution). */
const group = (key: (typeof PLAIN_KEYS)[number]): number => PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf(key);
const G = {
  state: group("state"),
  priority: group("priority"),
  labels: group("labels"),
  depends: group("depends"),
  resolution: group("resolution"),
  created: group("created"),
  assignee: group("assignee"),
  lease: group("lease"),
  notBefore: group("not-before"),
  attempts: group("attempts"),
  blocked: group("blocked"),
  lateResolution: PLAIN_GROUPS.firstField + PLAIN_KEYS.lastIndexOf("resolution"),
};

/**
 * taskDocText of the task an entry in taskgate's usual shape holds, made from the text of its
 * heading and field lines (`m`, list-rows.ts's PLAIN_ROW match; `line`, its heading's line)
 * without the task. Undefined where the text alone does not do: a character JSON escapes, a
 * lease (which the document gives decoded), a time formatTime would not give back as written,
 * a second resolution. test/unit/list-rows.test.ts compares it with the full reader's.
 */
export function plainRowDocText(m: RegExpExecArray, line: number, pad: string): string | undefined {
  if (m[G.lease] !== undefined || ESCAPED.test(m[0])) return undefined;
  const early = m[G.resolution];
  const late = m[G.lateResolution];
  if (early !== undefined && late !== undefined) return undefined;
  const resolution = early ?? late;
  const created = m[G.created];
  const notBefore = m[G.notBefore];
  if (created !== undefined && !asWritten(created)) return undefined;
  if (notBefore !== undefined && !asWritten(notBefore)) return undefined;
  const k = rowTemplate(pad);
  const state = m[G.state];
  const priority = m[G.priority];
  const labels = m[G.labels];
  const depends = m[G.depends];
  const assignee = m[G.assignee];
  const attempts = m[G.attempts];
  const blocked = m[G.blocked];
  let fields = "";
  for (let f = 0; f < PLAIN_KEYS.length; f++) {
    const value = m[PLAIN_GROUPS.firstField + f];
    if (value !== undefined) fields += (fields ? k.nextField[f] : k.firstField[f]) + value;
  }
  return (
    k.id +
    m[PLAIN_GROUPS.idNumber] +
    k.title +
    m[PLAIN_GROUPS.title] +
    k.state +
    (state ?? "PLAN") +
    k.priority +
    (priority ?? "P2") +
    k.labels +
    (labels === undefined ? "[]" : plainItemsText(labels, k.p)) +
    k.depends +
    (depends === undefined ? "[]" : plainItemsText(depends, k.p)) +
    k.assignee +
    (assignee === undefined ? "null" : `"${assignee}"`) +
    k.attempts +
    (attempts === undefined ? "0" : numberText(Number(attempts))) +
    k.blocked +
    (blocked === undefined ? "null" : `"${blocked.trim()}"`) +
    k.resolution +
    (resolution === undefined ? "null" : `"${resolution}"`) +
    k.notBefore +
    (notBefore === undefined ? "null" : `"${notBefore}"`) +
    k.created +
    (created === undefined ? "null" : `"${created}"`) +
    k.fields +
    (fields ? fields + k.fieldsEnd : "{}") +
    k.line +
    line +
    k.end
  );
}

/**
 * The constant text between the values of plainRowDocText's document at indent `pad`, each
 * piece in one string: a task's text is then made of half as many pieces.
 */
function rowTemplate(pad: string): RowTemplate {
  let k = rowTemplates.get(pad);
  if (k === undefined) {
    k = makeRowTemplate(pad);
    rowTemplates.set(pad, k);
  }
  return k;
}

function makeRowTemplate(pad: string) {
  const p = `${pad}  `;
  const key = (name: string) => `,\n${p}"${name}": `;
  return {
    p,
    id: `{\n${p}"id": "T-`,
    title: `",\n${p}"title": "`,
    state: `",\n${p}"state": "`,
    priority: `",\n${p}"priority": "`,
    labels: `"${key("labels")}`,
    depends: key("depends"),
    assignee: key("assignee"),
    attempts: `${key("lease")}null${key("attempts")}`,
    blocked: key("blocked"),
    resolution: key("resolution"),
    notBefore: key("notBefore"),
    created: key("created"),
    fields: key("fields"),
    firstField: PLAIN_KEYS.map((name) => `{\n${p}  "${name}": "`),
    nextField: PLAIN_KEYS.map((name) => `",\n${p}  "${name}": "`),
    fieldsEnd: `"\n${p}}`,
    line: key("line"),
    end: `\n${pad}}`,
  };
}
type RowTemplate = ReturnType<typeof makeRowTemplate>;
const rowTemplates = new Map<string, RowTemplate>();

/**
 * A time field's text is what formatTime gives back for the time it is (see timeText): checked
 * by one match where the day is one every month has, by parseTime otherwise.
 */
const asWritten = (raw: string): boolean =>
  COMMON_TIME.test(raw) || (raw.length === 20 && !raw.startsWith("00") && parseTime(raw) !== undefined);

/** A time as formatTime writes it, from the year 0100 on, on a day from the 1st to the 28th. */
const COMMON_TIME = /^(?!00)\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/** stringsText of a label or depends value's items, none of which JSON escapes. */
function plainItemsText(value: string, p: string): string {
  if (JOINED_ITEMS.test(value)) return `[\n${p}  "${value.replaceAll(", ", `",\n${p}  "`)}"\n${p}]`;
  const items = listItems(value);
  if (items.length === 0) return "[]";
  return `[\n${p}  "${items.join(`",\n${p}  "`)}"\n${p}]`;
}

/** A number as JSON.stringify writes it. */
const numberText = (n: number): string => (Number.isFinite(n) ? String(n) : "null");

/** A list of strings as JSON.stringify(list, null, 2) writes it at indent `p`. */
function stringsText(items: readonly string[], p: string): string {
  if (items.length === 0) return "[]";
  let s = "[";
  for (let i = 0; i < items.length; i++) s += `${i ? "," : ""}\n${p}  ${JSON.stringify(items[i])}`;
  return `${s}\n${p}]`;
}

/**
 * formatTime(ms) as a JSON string: the field's own text when it is what formatTime gives back
 * (seconds, a year of four digits from 0100: Date.UTC reads years below 100 as 19xx), which
 * spares a Date for each task.
 */
function timeText(ms: number, fields: Task["fields"], key: string): string {
  let raw: string | undefined;
  for (const f of fields) if (f.key === key) raw = f.value;
  if (raw !== undefined && raw.length === 20 && !raw.startsWith("00") && parseTime(raw) === ms) return `"${raw}"`;
  return JSON.stringify(formatTime(ms));
}

/** A key Object.fromEntries and JSON.stringify would not keep in insertion order: an array index. */
const INDEX_LIKE = /^\d/;

/**
 * Object.fromEntries(fields) as JSON.stringify(…, null, 2) writes it at indent `p`; written
 * directly when every key is new and none is ordered before the others (an array index).
 */
function fieldsText(fields: Task["fields"], p: string): string {
  if (fields.length === 0) return "{}";
  let s = "{";
  for (let i = 0; i < fields.length; i++) {
    const { key, value } = fields[i] as { key: string; value: string };
    if (INDEX_LIKE.test(key)) return reindented(fields, p);
    for (let j = 0; j < i; j++) if ((fields[j] as { key: string }).key === key) return reindented(fields, p);
    s += `${i ? "," : ""}\n${p}  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  }
  return `${s}\n${p}}`;
}

function reindented(fields: Task["fields"], p: string): string {
  const object = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  return JSON.stringify(object, null, 2).replace(/\n/g, `\n${p}`);
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
