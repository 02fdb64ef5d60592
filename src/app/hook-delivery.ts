// Delivering the board's events to its hooks (docs/hooks.md), after the writes that logged
// them, never under a ledger's lock. The logs are the outbox: an event is a log line (a hash
// of its content, not its chain hash, is the event's id: the same after a merge re-chains), and each hook trusted on this machine keeps how far along each
// log it has delivered (io/hook-outbox.ts). One process at a time delivers for a hook (its
// lock), in log order, one event after the other, and moves the hook's cursor past an event
// only once it was delivered: a process killed after a write leaves its events for the next
// delivery, and two deliverers never send one line twice (save a crash between the
// receiver's answer and the cursor's write: then that one event goes again, with its id).

import { createHash } from "node:crypto";
import { dirname } from "node:path";
import {
  type Cursor,
  type Outbox,
  type OutboxState,
  openOutbox,
  programDigest,
  sendToProgram,
  sendToUrl,
} from "../io/hook-outbox.js";
import type { ApprovalsLedger } from "../ledger/approvals.js";
import { readApprovals } from "../ledger/approvals.js";
import { sectionByName } from "../ledger/document.js";
import { readLog } from "../ledger/log.js";
import { readTasks, schedulesOf, type TasksLedger } from "../ledger/tasks.js";
import {
  type EventPayload,
  eventIdText,
  eventOf,
  type Hook,
  type HookState,
  hookArgv,
  hookKey,
  hookProblems,
  type LedgerName,
  parseHooks,
  payloadOf,
  retryDelay,
  slaPayload,
} from "../rules/hooks.js";
import type { Context } from "./context.js";

const RECENT = 500;
/**
 * When a hook's cursor line is gone from its log (a merge re-chained it, or put lines before
 * it), the lines from this long before the cursor's time on whose id is not among the hook's
 * last RECENT delivered are delivered (docs/hooks.md, "After a merge").
 */
export const MERGE_WINDOW = 7 * 24 * 3600_000;

/** The digest of a run hook's program file, when it names one by a path (trust covers its content). */
function digestOf(ctx: Context, h: Hook): string | undefined {
  return h.kind === "run" ? programDigest(h.argv[0] as string, dirname(ctx.paths.tasks)) : undefined;
}

/** Whether a trusted hook's program file changed since it was trusted. */
function programChanged(ctx: Context, h: Hook, s: OutboxState): boolean {
  const d = digestOf(ctx, h);
  return d !== undefined && s.program !== d;
}

interface Board {
  readonly tasks: TasksLedger;
  readonly approvals: ApprovalsLedger | undefined;
  readonly hooks: Hook[];
  readonly bad: { line: number; message: string }[];
}

interface Line {
  readonly ledger: LedgerName;
  readonly hash: string;
  /** The event id: the line's content identity, the same after a merge re-chained the log. */
  readonly id: string;
  readonly time: number;
  /** The payload, when the line is an event. */
  readonly payload: EventPayload | undefined;
}

function readBoard(ctx: Context): Board | undefined {
  const text = ctx.ports.readText(ctx.paths.tasks);
  if (text === undefined) return undefined;
  const tasks = readTasks(ctx.paths.tasksDisplay, text);
  const section = sectionByName(tasks.doc, "Hooks");
  const { hooks, problems } = parseHooks(schedulesOf(section));
  const at = ctx.ports.readText(ctx.paths.approvals);
  const approvals = at === undefined ? undefined : readApprovals(ctx.paths.approvalsDisplay, at);
  return { tasks, approvals, hooks, bad: problems };
}

/** Whether TASKS.md's text has a Hooks section with a line in it (cheap: no parse). */
export function mayHaveHooks(text: string): boolean {
  return /(^|\n)## Hooks[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*[-*+] /.test(text);
}

/** Every line of both logs, each with its event's payload if it is one. */
function linesOf(ctx: Context, board: Board): { tasks: Line[]; approvals: Line[] } {
  const title = (id: string) => board.tasks.byId.get(id)?.task.title;
  const subject = (id: string) => board.approvals?.byId.get(id)?.approval.subject;
  const read = (ledger: LedgerName, l: TasksLedger | ApprovalsLedger | undefined, file: string): Line[] => {
    if (!l) return [];
    const { lineStarts, lineEnds } = l.doc.scan;
    const seen = new Map<string, number>();
    return readLog(l.doc, l.log, undefined).entries.map((e) => {
      const event = eventOf(ledger, e);
      const raw = l.doc.text.slice(lineStarts[e.line] as number, lineEnds[e.line] as number);
      const n = seen.get(e.body) ?? 0;
      seen.set(e.body, n + 1);
      const id = createHash("sha256")
        .update(eventIdText(ledger, e.body, n))
        .digest("hex")
        .slice(0, 12);
      return {
        ledger,
        hash: e.hash,
        id,
        time: e.time,
        payload: event && payloadOf(ledger, event, e, raw, { file, title, subject }, id),
      };
    });
  };
  return {
    tasks: read("tasks", board.tasks, ctx.paths.tasksDisplay),
    approvals: read("approvals", board.approvals, ctx.paths.approvalsDisplay),
  };
}

/**
 * The lines of one log after a cursor (all for null). When the cursor's line is gone (a merge
 * re-chained the log, and may have put the other clone's lines before it): the lines of the
 * window before the cursor's time, not counting those delivered already by their id.
 */
function after(lines: readonly Line[], cursor: Cursor | null, recent: readonly string[]): Line[] {
  if (cursor === null) return [...lines];
  const done = new Set(recent);
  const i = lines.findIndex((l) => l.hash === cursor.hash);
  // Lines delivered already are never sent again, whatever the cursor says.
  if (i >= 0) return lines.slice(i + 1).filter((l) => !done.has(l.id));
  let from = cursor.time - MERGE_WINDOW;
  // With the recent list full, lines older than its oldest may have been delivered: not before it.
  if (recent.length >= RECENT) {
    const oldest = lines.find((l) => l.id === recent[0]);
    if (oldest) from = Math.max(from, oldest.time);
  }
  return lines.filter((l) => l.time >= from && !done.has(l.id));
}

const wants = (h: Hook, p: EventPayload) => h.event === "all" || h.event === p.event;

interface Item {
  readonly ledger: LedgerName | "sla";
  readonly hash: string;
  readonly id: string;
  readonly time: number;
  readonly payload: EventPayload | undefined;
  /** For a past-sla event: the request. */
  readonly request?: string;
}

/** What a hook has still to deliver, in order (by time; TASKS.md's line first at the same second). */
function pendingFor(
  ctx: Context,
  board: Board,
  lines: { tasks: Line[]; approvals: Line[] },
  h: Hook,
  s: OutboxState,
): Item[] {
  const a = after(lines.tasks, s.cursors.tasks, s.recent);
  const b = after(lines.approvals, s.cursors.approvals, s.recent);
  const out: Item[] = [];
  // Lines that are no event for this hook are passed over in order too (the cursor moves past them).
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.time <= y.time)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  if ((h.event === "all" || h.event === "past-sla") && board.approvals) {
    const sla = board.tasks.policy.approvalSla;
    const fired = new Set(s.sla);
    const requestLine = new Map<string, Line>();
    for (const l of lines.approvals) if (l.payload?.action === "request") requestLine.set(l.payload.target, l);
    const title = (id: string) => board.tasks.byId.get(id)?.task.title;
    for (const ap of board.approvals.approvals) {
      if (ap.status !== "pending" || ap.requestedAt === undefined || fired.has(ap.id)) continue;
      if (ctx.now - ap.requestedAt <= sla) continue;
      const line = requestLine.get(ap.id);
      if (!line) continue;
      const payload = slaPayload(
        { id: ap.id, subject: ap.subject, requestedBy: ap.requestedBy, requestedAt: ap.requestedAt, hash: line.id },
        sla,
        ctx.now,
        ctx.paths.approvalsDisplay,
        title,
      );
      out.push({
        ledger: "sla",
        hash: payload.id,
        id: payload.id,
        time: ap.requestedAt + sla,
        payload,
        request: ap.id,
      });
    }
  }
  return out.map((it) => ({ ...it, payload: it.payload && wants(h, it.payload) ? it.payload : undefined }));
}

function advanced(s: OutboxState, it: Item, delivered: boolean): OutboxState {
  if (it.ledger === "sla") {
    return { ...s, sla: [...s.sla, it.request as string].slice(-1000), failure: undefined, delivered: s.delivered + 1 };
  }
  const cursor = { hash: it.hash, time: it.time };
  return {
    ...s,
    cursors: { ...s.cursors, [it.ledger]: cursor },
    recent: delivered ? [...s.recent, it.id].slice(-RECENT) : s.recent,
    failure: delivered ? undefined : s.failure,
    delivered: s.delivered + (delivered ? 1 : 0),
  };
}

export interface HookRun {
  readonly hook: Hook;
  readonly delivered: number;
  /** The failure this run ended with (or that keeps the hook waiting), if any. */
  readonly failure: OutboxState["failure"];
  /** Another process was delivering for this hook. */
  readonly busy: boolean;
  readonly pending: number;
}

export interface DeliverOptions {
  /** Respect each failing hook's next try time (watch, the deliverer a write starts); false: try now. */
  readonly due: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** How long to wait for a hook another process is delivering for, in ms (default 0: skip it). */
  readonly wait?: number | undefined;
}

/** Delivers every trusted hook's pending events; returns what happened per hook. */
export async function deliverHooks(ctx: Context, options: DeliverOptions): Promise<HookRun[]> {
  const board = readBoard(ctx);
  if (!board || board.hooks.length === 0) return [];
  const outbox = openOutbox(ctx.paths.tasks);
  const runs = new Map<string, HookRun>();
  // The real clock for failures and retries (deliveries take time; ctx.now is the start).
  const clock = Date.now;
  // A write that landed while a hook was locked by another deliverer, which had read the logs
  // before it: that one looks again after letting go (below), and this loop does too.
  for (let round = 0; round < 5; round++) {
    const now = round === 0 ? board : readBoard(ctx);
    if (!now) break;
    const lines = linesOf(ctx, now);
    let progressed = false;
    for (const h of uniqueHooks(now.hooks)) {
      const id = outbox.idOf(hookKey(h));
      const st = outbox.read(id);
      if (!st || programChanged(ctx, h, st)) continue; // not trusted here (or its program file changed since)
      const r = await deliverOne(ctx, now, lines, h, id, outbox, options, clock);
      const prev = runs.get(id);
      runs.set(id, { ...r, delivered: r.delivered + (prev?.delivered ?? 0) });
      if (r.delivered > 0) progressed = true;
    }
    if (!progressed) break;
  }
  return [...runs.values()];
}

function uniqueHooks(hooks: readonly Hook[]): Hook[] {
  const seen = new Set<string>();
  return hooks.filter((h) => {
    const k = hookKey(h);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Whether both of a hook's cursors are lines of these logs (or at their start). */
function covers(lines: { tasks: Line[]; approvals: Line[] }, s: OutboxState): boolean {
  const has = (ls: Line[], c: Cursor | null) => c === null || ls.some((l) => l.hash === c.hash);
  return has(lines.tasks, s.cursors.tasks) && has(lines.approvals, s.cursors.approvals);
}

async function deliverOne(
  ctx: Context,
  board: Board,
  lines: { tasks: Line[]; approvals: Line[] },
  h: Hook,
  id: string,
  outbox: Outbox,
  options: DeliverOptions,
  clock: () => number,
): Promise<HookRun> {
  let lock = outbox.lock(id);
  // Another deliverer holds the hook: it may have read the logs before this process's write.
  // Wait a little for it (it looks again before it ends, when it delivered anything).
  for (const end = Date.now() + (options.wait ?? 0); !lock && Date.now() < end; ) {
    await new Promise((r) => setTimeout(r, 50));
    lock = outbox.lock(id);
  }
  if (!lock) {
    const s = outbox.read(id);
    return { hook: h, delivered: 0, failure: s?.failure, busy: true, pending: 0 };
  }
  let delivered = 0;
  try {
    let s = outbox.read(id) as OutboxState;
    if (programChanged(ctx, h, s)) return { hook: h, delivered: 0, failure: s.failure, busy: false, pending: 0 };
    // Another deliverer may have moved the cursor past what this process read before it had
    // the lock: read the logs again, so the cursor is found and never moves back.
    if (!covers(lines, s)) {
      const fresh = readBoard(ctx);
      if (fresh) {
        board = fresh;
        lines = linesOf(ctx, fresh);
      }
    }
    const items = pendingFor(ctx, board, lines, h, s);
    const events = items.filter((it) => it.payload).length;
    if (s.failure && options.due && clock() < s.failure.nextTry) {
      return { hook: h, delivered: 0, failure: s.failure, busy: false, pending: events };
    }
    const cwd = dirname(ctx.paths.tasks);
    let left = events;
    let skipped = false;
    for (const it of items) {
      if (!it.payload) {
        s = advanced(s, it, false);
        skipped = true;
        continue;
      }
      const sent =
        h.kind === "run"
          ? await sendToProgram(hookArgv(h, it.payload), it.payload, h.timeout, cwd, options.env)
          : await sendToUrl(h.url, it.payload, h.timeout);
      if (!sent.ok) {
        const failures = s.failure?.event === it.payload.id ? s.failure.failures + 1 : 1;
        const at = clock();
        s = {
          ...s,
          failure: {
            event: it.payload.id,
            failures,
            error: sent.error,
            since: s.failure?.event === it.payload.id ? s.failure.since : at,
            nextTry: at + retryDelay(h, failures),
          },
        };
        outbox.write(id, s);
        return { hook: h, delivered, failure: s.failure, busy: false, pending: left };
      }
      s = advanced(s, it, true);
      outbox.write(id, s);
      skipped = false;
      delivered++;
      left--;
    }
    if (skipped) outbox.write(id, s);
    return { hook: h, delivered, failure: undefined, busy: false, pending: 0 };
  } finally {
    lock.release();
  }
}

/** Trusts the board's hooks on this machine: each new one starts after the logs' last lines. */
export function trustHooks(ctx: Context): { trusted: Hook[]; already: Hook[] } {
  const board = readBoard(ctx);
  if (!board) return { trusted: [], already: [] };
  const outbox = openOutbox(ctx.paths.tasks);
  const lines = linesOf(ctx, board);
  const end = (ls: Line[]): Cursor | null => {
    const l = ls[ls.length - 1];
    return l ? { hash: l.hash, time: l.time } : null;
  };
  const trusted: Hook[] = [];
  const already: Hook[] = [];
  for (const h of uniqueHooks(board.hooks)) {
    const id = outbox.idOf(hookKey(h));
    const program = digestOf(ctx, h);
    const was = outbox.read(id);
    if (was && was.program === program) {
      already.push(h);
      continue;
    }
    const lock = outbox.lock(id);
    if (!lock) continue;
    try {
      const s = outbox.read(id);
      if (s && s.program === program) {
        already.push(h);
        continue;
      }
      if (s) {
        // Its program file changed and this user trusts it again: it resumes where it stopped.
        outbox.write(id, { ...s, program });
        trusted.push(h);
        continue;
      }
      outbox.write(id, {
        v: 1,
        key: hookKey(h),
        trustedAt: ctx.now,
        cursors: { tasks: end(lines.tasks), approvals: end(lines.approvals) },
        recent: [],
        // Requests already past their SLA when the hook is trusted are not announced again.
        sla: (board.approvals?.approvals ?? [])
          .filter(
            (a) =>
              a.status === "pending" &&
              a.requestedAt !== undefined &&
              ctx.now - a.requestedAt > board.tasks.policy.approvalSla,
          )
          .map((a) => a.id),
        delivered: 0,
        program,
      });
      trusted.push(h);
    } finally {
      lock.release();
    }
  }
  return { trusted, already };
}

/** Each hook of the board with whether it is trusted here, its failure and how many events wait. */
export function hookStates(ctx: Context): { states: HookState[]; bad: { line: number; message: string }[] } {
  const board = readBoard(ctx);
  if (!board) return { states: [], bad: [] };
  if (board.hooks.length === 0) return { states: [], bad: board.bad };
  const outbox = openOutbox(ctx.paths.tasks);
  let lines: ReturnType<typeof linesOf> | undefined;
  const states = uniqueHooks(board.hooks).map((hook) => {
    const s = outbox.read(outbox.idOf(hookKey(hook)));
    if (!s) return { hook, trusted: false, failure: undefined, pending: 0 };
    if (programChanged(ctx, hook, s))
      return { hook, trusted: false, changed: hook.argv[0], failure: undefined, pending: 0 };
    lines ??= linesOf(ctx, board);
    const pending = pendingFor(ctx, board, lines, hook, s).filter((it) => it.payload).length;
    return { hook, trusted: true, failure: s.failure, pending };
  });
  return { states, bad: board.bad };
}

/** The hook problems of the board, one sentence each (for status and a health report). */
export function hookProblemLines(ctx: Context): string[] {
  const { states, bad } = hookStates(ctx);
  return hookProblems(ctx.paths.tasksDisplay, bad, states, ctx.now);
}
