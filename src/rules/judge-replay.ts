// A commit's new task log lines, replayed with taskgate's own planners on the board as it
// was before each line: a line stands only if the command it records would have been allowed
// for its actor at its time (the lease held or expired, the holder's token, the assignee,
// dependencies, not-before, the WIP limit, four eyes...). So what the CLI refuses, a hand-written
// log line cannot record. Also the automation justifications (docs/git.md): what an automation
// actor's line needs when someone else commits it. Pure.

import { readCleanTasks } from "../ledger/clean-ledger.js";
import { applySplices, removeField, type Splice, setField } from "../ledger/edit.js";
import type { Hasher, LogEntry } from "../ledger/log.js";
import { readTasks, type TasksLedger } from "../ledger/tasks.js";
import type { Actor, Role } from "../model/approval.js";
import type { Lease } from "../model/task.js";
import { formatTime, parseDuration } from "../model/time.js";
import { partyOf } from "./identity.js";
import { isLeaseExpired } from "./lease.js";
import { permits } from "./matrix.js";
import { planSetFields } from "./plan-set.js";
import { afterFailure, earlierFailures, leaseExpiredError } from "./recover.js";
import { planTransition, type TransitionAction, type Who } from "./workflow.js";

const TRANSITIONS: ReadonlySet<string> = new Set<TransitionAction | "takeover">([
  "ready",
  "plan",
  "cancel",
  "unblock",
  "claim",
  "takeover",
  "renew",
  "release",
  "submit",
  "block",
  "accept",
  "rework",
  "fail",
]);

/**
 * A log line's time is written to the second: the command ran within the second after it.
 * Judged at the end of that second, every time-based refusal (a lease still running, a
 * not-before time) is at its most lenient, so a line taskgate wrote is never refused.
 */
export const lineNow = (e: LogEntry): number => e.time + 999;

export interface Replay {
  /** The board after the replayed lines (no hand edit in it). */
  readonly board: TasksLedger;
  /** Tasks whose lines could not all be replayed (new in the commit, or a line refused). */
  readonly unreplayed: ReadonlySet<string>;
  /** Line index -> why taskgate would have refused the command that line records. */
  readonly refused: ReadonlyMap<number, string>;
}

export interface ReplayOptions {
  readonly hasher: Hasher;
  readonly actors: ReadonlyMap<string, Actor>;
}

function reread(board: TasksLedger, splices: readonly Splice[]): TasksLedger {
  const text = applySplices(board.doc.text, splices);
  return readCleanTasks(board.doc.file, text) ?? readTasks(board.doc.file, text);
}

/** The actor of a line as the planner sees it, on the host of the lease they name or hold. */
export function whoOf(
  actor: string,
  actors: ReadonlyMap<string, Actor>,
  holder: string | undefined,
  session?: string | undefined,
): Who {
  const a = actors.get(actor);
  const host = holder?.startsWith(`${actor}@`) ? holder.slice(actor.length + 1) : "(unknown host)";
  return {
    actor,
    roles: a?.roles ?? [],
    automation: a?.automation ?? false,
    party: partyOf(actors, actor),
    host,
    session,
  };
}

export function replayTaskLines(before: TasksLedger, lines: readonly LogEntry[], options: ReplayOptions): Replay {
  let board = before;
  const unreplayed = new Set<string>();
  const refused = new Map<number, string>();
  for (const e of lines) {
    const id = e.target;
    if (e.action === "add") {
      unreplayed.add(id);
      continue;
    }
    if (unreplayed.has(id)) continue;
    const found = board.byId.get(id);
    if (!found) {
      unreplayed.add(id);
      continue;
    }
    const d = e.details;
    let problem: string | undefined;
    let splices: Splice[] | undefined;
    if (TRANSITIONS.has(e.action)) {
      const action = (e.action === "takeover" ? "claim" : e.action) as TransitionAction;
      const holder = action === "claim" ? d.holder : found.task.lease?.holder;
      const token = d.token !== undefined && /^\d+$/.test(d.token) ? Number(d.token) : undefined;
      const plan = planTransition(
        board,
        {
          action,
          id,
          ttl: d.ttl !== undefined ? parseDuration(d.ttl) : undefined,
          token: action === "claim" ? undefined : token,
          reason: d.reason,
          evidence: d.evidence,
          failure: action === "fail" ? { exit: d.exit ?? "failed", output: d.output ?? "" } : undefined,
          via: d.via,
          overlap: action === "claim" && d.overlap !== undefined,
        },
        whoOf(e.actor, options.actors, holder, d.session),
        { now: lineNow(e), hasher: options.hasher, random: () => 0 },
      );
      if (plan.ok) splices = plan.splices;
      else problem = plan.message;
    } else if (e.action === "recover") {
      const r = recoverProblem(board, e, options.actors);
      if (typeof r === "string") problem = r;
      else splices = r;
    } else if (e.action === "set") {
      const roles = options.actors.get(e.actor)?.roles ?? [];
      const plan = planSetFields(board, id, Object.entries(d), {
        now: e.time,
        actor: e.actor,
        role: roles.includes("CMD") ? "CMD" : (roles[0] ?? "WORK"),
        hasher: options.hasher,
      });
      if (plan.ok) splices = plan.splices;
      else problem = plan.message;
    } else continue; // a line that changes nothing (lost, schedule, ...)
    if (problem !== undefined) {
      refused.set(e.line, problem);
      unreplayed.add(id);
    } else if (splices?.length) board = reread(board, splices);
  }
  return { board, unreplayed, refused };
}

/**
 * A recovery (watch's): by CMD, of a DOING task whose lease, the one the line names (holder
 * and token), had expired with the clock-skew margin at the line's time. Returns the edits
 * it makes (state READY, no lease, attempts + 1, not-before as the line says), or why not.
 */
function recoverProblem(board: TasksLedger, e: LogEntry, actors: ReadonlyMap<string, Actor>): string | Splice[] {
  const found = board.byId.get(e.target);
  if (!found) return `There is no task ${e.target}`;
  const { task, section } = found;
  const roles: readonly Role[] = actors.get(e.actor)?.roles ?? [];
  const p = permits("recover", e.actor, roles, task.state, task.id);
  if (!p.ok) return p.message;
  const lease = task.lease as Lease | undefined;
  if (!lease) return `${task.id} has no lease to recover`;
  if (e.details.holder !== lease.holder || e.details.token !== String(lease.token)) {
    return `${task.id}'s lease is ${lease.holder}'s with token ${lease.token}, not the one the recovery names (${e.details.holder ?? "no holder"}, token ${e.details.token ?? "none"})`;
  }
  const skew = board.policy.clockSkew;
  if (!isLeaseExpired(lease, lineNow(e), skew)) {
    return `${task.id}'s lease runs until ${formatTime(lease.until)} (plus ${Math.round(skew / 1000)}s clock-skew margin), so it had not expired at ${formatTime(e.time)} and may not be recovered`;
  }
  const f = afterFailure(
    board.policy,
    task,
    e.time,
    () => 0,
    { lease: true },
    leaseExpiredError(lease),
    () => earlierFailures(board, task),
  );
  const changes: [string, string | undefined][] = [
    ["state", "READY"],
    ["lease", undefined],
    ...f.changes.map(([k, v]): [string, string | undefined] => (k === "not-before" ? [k, e.details[k]] : [k, v])),
  ];
  const splices: Splice[] = [];
  for (const [key, value] of changes) {
    if (value === undefined) {
      const s = removeField(section, key);
      if (s) splices.push(s);
    } else splices.push(setField(board.doc, section, key, value));
  }
  return splices;
}

/**
 * An automatic accept (`run`/`work --on-success done`): the accept says via=run or via=work,
 * and the task's line before it is that run's submit, with the evidence now on the task.
 */
export function autoAcceptProblem(board: TasksLedger, e: LogEntry, previous: LogEntry | undefined): string | undefined {
  const via = e.details.via;
  if (via !== "run" && via !== "work") {
    return `an automatic accept comes only from run or work --on-success done (via=run or via=work)`;
  }
  if (previous?.action !== "submit" || previous.details.via !== via || !previous.details.evidence) {
    return `an automatic accept follows the ${via}'s own submit with its evidence, and ${e.target}'s line before it is not one`;
  }
  const evidence = board.byId.get(e.target)?.task.fields.find((f) => f.key === "evidence")?.value;
  if (evidence !== previous.details.evidence) {
    return `${e.target}'s evidence is not the one its ${via} submitted`;
  }
  return undefined;
}
