// Event hooks (docs/hooks.md): the "## Hooks" section of TASKS.md, the events read from the
// logs' lines, their payload (schema "taskgate.event", version 1), the retry backoff, and the
// problems a hook has. Pure: the delivery itself (programs, HTTP, the outbox's files) is in
// io/hook-outbox.ts and app/hook-delivery.ts.
//
//   ## Hooks
//   - approval-requested: run notify-send taskgate {text}
//   - all: retry=30s..1h post https://hooks.slack.com/services/T000/B000/XXXX
//
// Each line is `- EVENT: [OPTION=VALUE ...] run PROGRAM [ARGUMENT ...]` or
// `- EVENT: [OPTION=VALUE ...] post URL`. EVENT is one of EVENTS or "all".

import type { LogEntry } from "../ledger/log.js";
import type { Schedule as SectionLine } from "../ledger/tasks.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { formatAge, formatDuration, formatTime, parseDuration } from "../model/time.js";
import { parseTemplate } from "./command-template.js";

export const EVENTS = [
  "claimed",
  "submitted",
  "accepted",
  "reworked",
  "released",
  "recovered",
  "dead-letter",
  "approval-requested",
  "decided",
  "past-sla",
  "schedule-ran",
] as const;
export type EventName = (typeof EVENTS)[number];

export const EVENT_SCHEMA = "taskgate.event";
export const EVENT_VERSION = 1;

export interface Hook {
  /** The event it is for, or "all". */
  readonly event: EventName | "all";
  readonly kind: "run" | "post";
  /** run: the program and its arguments ({event}, {id}, {target}, {text} replaced per event). */
  readonly argv: readonly string[];
  /** post: the http(s) URL. */
  readonly url: string;
  /** How long one delivery may take before it counts as failed. */
  readonly timeout: number;
  /** The wait after a failure: smallest..largest, doubling per failure in a row. */
  readonly retry: { readonly min: number; readonly max: number };
  /** 1-based line in TASKS.md. */
  readonly line: number;
  /** What the line says, without options: "claimed run notify-send ..." (for messages and the hook's id). */
  readonly text: string;
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_RETRY = { min: 10_000, max: 3_600_000 };

export type ParsedHook =
  | { ok: true; hook: Hook }
  | { ok: false; line: number; message: string; severity?: "error" | undefined };

/**
 * The flags after which a shell or interpreter takes its next word as code, per program
 * (its file name, lower-case, without ".exe"). A placeholder inside that word would make an
 * event's text (a title anyone can write) code: refused.
 */
const SCRIPT_FLAGS: Record<string, RegExp> = {
  sh: /^-[a-z]*c[a-z]*$/,
  bash: /^-[a-z]*c[a-z]*$/,
  zsh: /^-[a-z]*c[a-z]*$/,
  dash: /^-[a-z]*c[a-z]*$/,
  ksh: /^-[a-z]*c[a-z]*$/,
  fish: /^(-[a-z]*c[a-z]*|--command(=.*)?)$/,
  cmd: /^\/[ck]$/i,
  powershell: /^-(c|command|encodedcommand|ec)$/i,
  pwsh: /^-(c|command|encodedcommand|ec)$/i,
  node: /^(-e|--eval|-p|--print)$/,
  python: /^-c$/,
  python3: /^-c$/,
  perl: /^-[a-z]*[eE]$/,
  ruby: /^-[a-z]*e$/,
};

const PLACEHOLDER = /\{(event|id|target|text)\}/;

/** cmd and PowerShell join every word after the flag into the code they run. */
const REST_IS_CODE = new Set(["cmd", "powershell", "pwsh"]);

const nameOf = (w: string) => (w.split(/[\\/]/).pop() ?? "").toLowerCase().replace(/\.exe$/, "");

/** The sentence refusing a run hook that puts a placeholder into a shell's or interpreter's code, if it does. */
export function unsafePlaceholder(argv: readonly string[]): string | undefined {
  let start = 0;
  // `env [-i] [NAME=VALUE ...] PROGRAM ...` runs PROGRAM: look at that one.
  if (nameOf(argv[0] ?? "") === "env") {
    start = 1;
    while (start < argv.length && /^-|=/.test(argv[start] as string)) start++;
  }
  const program = argv[start];
  if (program === undefined) return undefined;
  const name = nameOf(program);
  const flag = SCRIPT_FLAGS[name];
  if (!flag) return undefined;
  for (let i = start + 1; i < argv.length - 1; i++) {
    const w = argv[i] as string;
    if (!flag.test(w)) continue;
    const code = REST_IS_CODE.has(name) ? argv.slice(i + 1) : [argv[i + 1] as string];
    for (const script of code) {
      const m = PLACEHOLDER.exec(script);
      if (m)
        return `The hook puts {${m[1]}} inside the code ${program} runs after ${w}, so an event's text would run as code; pass it as its own argument instead, like "run sh -c 'echo "$1" >> events.log' sh {text}"`;
    }
    return undefined;
  }
  return undefined;
}

const EXAMPLE = "- claimed: run notify-send taskgate {text}";

/** One line of "## Hooks" (key: the event; spec: the rest). */
export function parseHook(entry: SectionLine): ParsedHook {
  const bad = (message: string): ParsedHook => ({ ok: false, line: entry.line, message });
  const event = entry.name;
  if (event !== "all" && !(EVENTS as readonly string[]).includes(event)) {
    return bad(`Expected an event (${EVENTS.join(", ")}, or all) before the colon, found "${event}"`);
  }
  const words = parseTemplate(entry.spec);
  if (!words.ok) return bad(`${words.message} (a hook is like "${EXAMPLE}")`);
  let timeout = DEFAULT_TIMEOUT;
  let retry = DEFAULT_RETRY;
  let i = 0;
  for (; i < words.words.length; i++) {
    const w = words.words[i] as string;
    const m = /^([a-z]+)=(.*)$/.exec(w);
    if (!m) break;
    if (m[1] === "timeout") {
      const d = parseDuration(m[2] as string);
      if (d === undefined || d <= 0) return bad(`Expected a duration like 10s for timeout, found "${m[2]}"`);
      timeout = d;
    } else if (m[1] === "retry") {
      const [a, b] = (m[2] as string).split("..");
      const min = a === undefined ? undefined : parseDuration(a);
      const max = b === undefined ? undefined : parseDuration(b);
      if (min === undefined || max === undefined || min <= 0 || max < min)
        return bad(`Expected a range like 10s..1h (smallest..largest) for retry, found "${m[2]}"`);
      retry = { min, max };
    } else {
      return bad(`Expected the option timeout= or retry=, found "${w}"`);
    }
  }
  const kind = words.words[i];
  const rest = words.words.slice(i + 1);
  const text = `${event} ${words.words.slice(i).join(" ")}`;
  const base = { event: event as Hook["event"], timeout, retry, line: entry.line, text };
  if (kind === "run") {
    if (rest.length === 0) return bad(`Expected a program after "run", like "${EXAMPLE}"`);
    const unsafe = unsafePlaceholder(rest);
    if (unsafe) return { ok: false, line: entry.line, message: unsafe, severity: "error" };
    return { ok: true, hook: { ...base, kind: "run", argv: rest, url: "" } };
  }
  if (kind === "post") {
    const url = rest[0];
    if (rest.length !== 1 || url === undefined || !/^https?:\/\/[^\s/]+/i.test(url)) {
      return bad(
        `Expected one http:// or https:// URL after "post", like "- all: post https://example.com/hook", found "${rest.join(" ")}"`,
      );
    }
    return { ok: true, hook: { ...base, kind: "post", argv: [], url } };
  }
  return bad(`Expected "run PROGRAM ..." or "post URL" after the event, like "${EXAMPLE}", found "${entry.spec}"`);
}

/** The hooks of a section, and a sentence for each line that is not one. */
export function parseHooks(entries: readonly SectionLine[]): {
  hooks: Hook[];
  problems: { line: number; message: string; severity?: "error" | undefined }[];
} {
  const hooks: Hook[] = [];
  const problems: { line: number; message: string; severity?: "error" | undefined }[] = [];
  for (const e of entries) {
    const p = parseHook(e);
    if (p.ok) hooks.push(p.hook);
    else problems.push({ line: p.line, message: p.message, severity: p.severity });
  }
  return { hooks, problems };
}

/**
 * `check`'s findings for the Hooks section: a bad hook line is a warning (it never stops the
 * board, but is said); one that would run an event's text as code is an error. Neither runs.
 */
export function hookDiagnostics(file: string, entries: readonly SectionLine[]): Diagnostic[] {
  return parseHooks(entries).problems.map((p) => ({
    severity: p.severity ?? "warning",
    file,
    line: p.line,
    column: 3,
    code: "bad-hook",
    message: `${p.message}; this hook is not run`,
  }));
}

/** A hook's identity in the outbox: what it runs or posts to, and for which event (hashed by the caller). */
export function hookKey(h: Hook): string {
  return JSON.stringify([h.event, h.kind, h.argv, h.url]);
}

export type LedgerName = "tasks" | "approvals";

/**
 * What an event's id is the hash of: the log line without its chain hash (its body, the text
 * between "- " and " ~ "), with the ledger, and for the n-th line of one log with the same
 * body (n > 0), n. A merge that re-chains the log gives a line a new chain hash, never a new
 * id. (The hash function is the caller's: rules are pure.)
 */
export function eventIdText(ledger: LedgerName, body: string, occurrence: number): string {
  return occurrence === 0 ? `${ledger}\n${body}` : `${ledger}\n${body}\n${occurrence}`;
}

/** The log actions that may be an event (eventOf says which): a write logging none starts no delivery. */
export const EVENT_ACTIONS: readonly string[] = [
  "claim",
  "takeover",
  "submit",
  "accept",
  "rework",
  "release",
  "fail",
  "recover",
  "schedule",
  "request",
  "approve",
  "reject",
];

/** The event a log line is, or undefined for lines no hook hears about (add, set, renew, init, ...). */
export function eventOf(ledger: LedgerName, e: Pick<LogEntry, "action" | "details">): EventName | undefined {
  if (ledger === "approvals") {
    if (e.action === "request") return "approval-requested";
    if (e.action === "approve" || e.action === "reject") return "decided";
    return undefined;
  }
  const dead = e.details["dead-letter"] === "true";
  switch (e.action) {
    case "claim":
    case "takeover":
      return "claimed";
    case "submit":
      return "submitted";
    case "accept":
      return "accepted";
    case "rework":
      return "reworked";
    case "release":
      return "released";
    // A failed run gives the lease back for a retry, or makes the task a dead letter.
    case "fail":
      return dead ? "dead-letter" : "released";
    case "recover":
      return dead ? "dead-letter" : "recovered";
    case "schedule":
      return e.details.armed === "true" ? undefined : "schedule-ran";
    default:
      return undefined;
  }
}

export interface EventPayload {
  readonly schema: typeof EVENT_SCHEMA;
  readonly version: typeof EVENT_VERSION;
  readonly id: string;
  readonly event: EventName;
  readonly time: string;
  readonly ledger: LedgerName;
  readonly file: string;
  readonly action: string;
  readonly actor: string;
  readonly role: string;
  readonly target: string;
  readonly task: { readonly id: string; readonly title: string | null } | null;
  readonly approval: { readonly id: string; readonly subject: string | null } | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly details: Readonly<Record<string, string>>;
  readonly line: string | null;
  readonly text: string;
}

/** What the payload needs to know besides the line: the file as shown, titles and subjects. */
export interface PayloadContext {
  readonly file: string;
  readonly title: (taskId: string) => string | undefined;
  readonly subject: (approvalId: string) => string | undefined;
}

const SENTENCE: Record<EventName, string> = {
  claimed: "claimed",
  submitted: "submitted",
  accepted: "accepted",
  reworked: "sent back for rework",
  released: "released",
  recovered: "recovered",
  "dead-letter": "made a dead letter of",
  "approval-requested": "asked for approval",
  decided: "decided",
  "past-sla": "waits past its SLA:",
  "schedule-ran": "ran the schedule",
};

/**
 * The payload of the event a log line is (`raw`: the line as in the file; `id`: the line's
 * content identity, eventId, computed by the caller; the chain hash when not given).
 */
export function payloadOf(
  ledger: LedgerName,
  event: EventName,
  e: Pick<LogEntry, "time" | "actor" | "role" | "action" | "target" | "details" | "hash">,
  raw: string,
  ctx: PayloadContext,
  id: string = e.hash,
): EventPayload {
  const taskId =
    ledger === "tasks" && /^T-\d+$/.test(e.target)
      ? e.target
      : ledger === "approvals"
        ? e.details.subject && /^T-\d+$/.test(e.details.subject)
          ? e.details.subject
          : undefined
        : e.details.task;
  const task = taskId ? { id: taskId, title: ctx.title(taskId) ?? null } : null;
  const approval =
    ledger === "approvals" ? { id: e.target, subject: e.details.subject ?? ctx.subject(e.target) ?? null } : null;
  const name = task?.title ? `${e.target} "${task.title}"` : e.target;
  let text: string;
  if (event === "decided") {
    text = `${e.actor} ${e.action === "approve" ? "approved" : "rejected"} ${e.target}${approval?.subject ? ` (${approval.subject})` : ""}`;
  } else if (event === "approval-requested") {
    text = `${e.actor} asked for approval ${e.target}${approval?.subject ? ` of ${approval.subject}` : ""}`;
  } else if (event === "schedule-ran") {
    text = `schedule ${e.target} ran${e.details.task ? `: added ${e.details.task}` : e.details.problems ? `: ${e.details.problems} problem(s)` : ""}`;
  } else {
    text = `${e.actor} ${SENTENCE[event]} ${name}${e.details.from && e.details.to ? ` (${e.details.from} -> ${e.details.to})` : ""}`;
  }
  return {
    schema: EVENT_SCHEMA,
    version: EVENT_VERSION,
    id,
    event,
    time: formatTime(e.time),
    ledger,
    file: ctx.file,
    action: e.action,
    actor: e.actor,
    role: e.role,
    target: e.target,
    task,
    approval,
    from: e.details.from ?? null,
    to: e.details.to ?? null,
    details: e.details,
    line: raw,
    text: `taskgate: ${text}`,
  };
}

/** The "past-sla" event of a pending request: its id is the request line's id (`hash`) with "-sla". */
export function slaPayload(
  request: {
    id: string;
    subject: string | undefined;
    requestedBy: string | undefined;
    requestedAt: number;
    hash: string;
  },
  sla: number,
  now: number,
  file: string,
  title: (taskId: string) => string | undefined,
): EventPayload {
  const taskId = request.subject && /^T-\d+$/.test(request.subject) ? request.subject : undefined;
  return {
    schema: EVENT_SCHEMA,
    version: EVENT_VERSION,
    id: `${request.hash}-sla`,
    event: "past-sla",
    time: formatTime(request.requestedAt + sla),
    ledger: "approvals",
    file,
    action: "past-sla",
    actor: request.requestedBy ?? "-",
    role: "-",
    target: request.id,
    task: taskId ? { id: taskId, title: title(taskId) ?? null } : null,
    approval: { id: request.id, subject: request.subject ?? null },
    from: null,
    to: null,
    details: { sla: formatDuration(sla), waiting: formatAge(now - request.requestedAt) },
    line: null,
    text: `taskgate: ${request.id}${request.subject ? ` (${request.subject})` : ""} has waited past the approval SLA of ${formatDuration(sla)}`,
  };
}

/** The argument vector for one event: {event}, {id}, {target} and {text} replaced inside each word. */
export function hookArgv(h: Hook, p: EventPayload): string[] {
  const v: Record<string, string> = { event: p.event, id: p.id, target: p.target, text: p.text };
  return h.argv.map((w) => w.replace(/\{(event|id|target|text)\}/g, (_m, k: string) => v[k] as string));
}

/** The wait before the next try after `failures` failures in a row: smallest × 2^(n-1), at most largest. */
export function retryDelay(h: Pick<Hook, "retry">, failures: number): number {
  const n = Math.max(1, failures);
  return Math.min(h.retry.max, h.retry.min * 2 ** Math.min(n - 1, 40));
}

/** What the outbox keeps about a hook's failing delivery. */
export interface HookFailure {
  /** The event that could not be delivered (later ones wait behind it, to keep their order). */
  readonly event: string;
  readonly failures: number;
  readonly error: string;
  readonly since: number;
  readonly nextTry: number;
}

export interface HookState {
  readonly hook: Hook;
  /** undefined: not trusted on this machine (taskgate hooks trust). */
  readonly trusted: boolean;
  /** Trusted once, but its program file (this path) changed since: not run until trusted again. */
  readonly changed?: string | undefined;
  readonly failure: HookFailure | undefined;
  /** Events waiting for this hook. */
  readonly pending: number;
}

/**
 * Every hook problem as one sentence each (for `status` and a health report): lines that are
 * not hooks, hooks not trusted on this machine, and failing deliveries.
 */
export function hookProblems(
  file: string,
  bad: readonly { line: number; message: string }[],
  states: readonly HookState[],
  now: number,
): string[] {
  const out: string[] = [];
  for (const b of bad) out.push(`${file}:${b.line}: not a hook: ${b.message}`);
  for (const s of states) {
    const where = `${file}:${s.hook.line} (${s.hook.text})`;
    if (s.changed !== undefined) {
      out.push(
        `${where} is not run: its program file ${s.changed} changed since it was trusted; read it, then trust it again: taskgate hooks trust`,
      );
      continue;
    }
    if (!s.trusted) {
      out.push(`${where} is not run on this machine until trusted: taskgate hooks trust`);
      continue;
    }
    const f = s.failure;
    if (!f) continue;
    const when = f.nextTry <= now ? "due now" : `next try in ${formatAge(f.nextTry - now)}`;
    out.push(
      `${where} failing since ${formatTime(f.since)}: ${f.failures} failed ${f.failures === 1 ? "try" : "tries"} of event ${f.event}, ${s.pending} waiting (${when}); last error: ${f.error}`,
    );
  }
  return out;
}
