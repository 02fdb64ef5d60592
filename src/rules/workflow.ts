// Task transitions: the role matrix, leases with fencing tokens, takeover of expired leases,
// and four eyes on acceptance. Pure: takes the ledger and the time, returns splices.

import { appendLog, removeField, type Splice, setField } from "../ledger/edit.js";
import { encodeLease } from "../ledger/fields.js";
import { formatLogLine, type Hasher, lastHash } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Role } from "../model/approval.js";
import type { Lease, State, Task } from "../model/task.js";
import { formatDuration, formatTime } from "../model/time.js";
import { isLeaseExpired, shortSession } from "./lease.js";
import { permits, type TaskAction } from "./matrix.js";
import { describeClash, pathClashes, pathsOf, reservations } from "./path-overlap.js";
import type { Plan } from "./plan-add.js";
import { afterFailure, earlierFailures } from "./recover.js";
import { singleLineProblems } from "./values.js";

export interface Who {
  readonly actor: string;
  readonly roles: readonly Role[];
  readonly automation: boolean;
  /** Who counts as this actor for four eyes (identity.ts, partyOf); [actor] when absent. */
  readonly party?: readonly string[] | undefined;
  /** The machine, for the lease holder "actor@host". */
  readonly host: string;
  /**
   * The session acting (TASKGATE_SESSION, or the run or work loop's own); undefined for a
   * plain terminal. A lease taken in a session is acted on from that session or with its token.
   */
  readonly session?: string | undefined;
}

export interface When {
  readonly now: number;
  readonly hasher: Hasher;
  /** Uniform in [0, 1): the backoff's jitter after a failed run (default Math.random). */
  readonly random?: () => number;
}

export type TransitionAction = Exclude<TaskAction, "add" | "set" | "recover">;

export interface TransitionInput {
  readonly action: TransitionAction;
  readonly id: string;
  /** Lease length for claim and renew; default: the policy's lease (renew: the lease's own TTL). */
  readonly ttl?: number | undefined;
  /** The fencing token the caller holds (--token, TASKGATE_LEASE_TOKEN). */
  readonly token?: number | undefined;
  readonly reason?: string | undefined;
  /** What the work produced (a run's log file and its hash), set on the task. */
  readonly evidence?: string | undefined;
  /** For fail: how the run ended ("exit 3", "signal SIGKILL") and the last lines of its output. */
  readonly failure?: { readonly exit: string; readonly output: string } | undefined;
  /** Which automation made the change (run, work), recorded in the log line. */
  readonly via?: string | undefined;
  /** claim: take the task though its paths overlap a DOING task's (recorded as overlap=T-3,T-7). */
  readonly overlap?: boolean | undefined;
  /** accept, cancel, release: the task's worktree is being removed, so its field goes too. */
  readonly dropWorktree?: boolean | undefined;
}

export interface TransitionResult {
  readonly id: string;
  readonly action: TransitionAction | "takeover";
  readonly from: State;
  readonly to: State;
  readonly lease: Lease | undefined;
}

const REASON_REQUIRED: ReadonlySet<TransitionAction> = new Set(["block", "rework"]);

export const holderOf = (who: Who): string => `${who.actor}@${who.host}`;

export function planTransition(
  ledger: TasksLedger,
  input: TransitionInput,
  who: Who,
  when: When,
): Plan<TransitionResult> {
  const found = ledger.byId.get(input.id);
  if (!found) return { ok: false, message: `There is no task ${input.id} in ${ledger.doc.file}` };
  const { task, section } = found;
  const allowed = permits(input.action, who.actor, who.roles, task.state, task.id);
  if (!allowed.ok) return allowed;
  const valueProblem = singleLineProblems([
    ["reason", input.reason],
    ["evidence", input.evidence],
  ]);
  if (valueProblem) return { ok: false, message: valueProblem };
  const reason = input.reason?.trim();
  if (REASON_REQUIRED.has(input.action) && !reason) {
    return { ok: false, message: `${input.action} needs a reason: --reason "..."` };
  }

  const { now } = when;
  const policy = ledger.policy;
  const changes: [string, string | undefined][] = [];
  const details: Record<string, string | number | undefined> = {};
  let action: TransitionResult["action"] = input.action;
  let to: State = task.state;
  let lease: Lease | undefined;

  const refuse = (message: string): Plan<TransitionResult> => ({ ok: false, message });

  switch (input.action) {
    case "ready":
      to = "READY";
      break;
    case "plan":
      to = "PLAN";
      break;
    case "cancel":
      to = "DONE";
      changes.push(["resolution", "cancelled"], ["lease", undefined], ["blocked", undefined], ["rework", undefined]);
      break;
    case "unblock":
      if (task.blocked === undefined) return refuse(`${task.id} is not blocked`);
      changes.push(["blocked", undefined]);
      break;
    case "block": {
      if (task.lease && !isLeaseExpired(task.lease, now, policy.clockSkew)) {
        if (task.lease.holder !== holderOf(who)) {
          return refuse(
            `${task.id} is leased to ${task.lease.holder}; only the holder may block it while the lease lasts`,
          );
        }
        if (input.token !== task.lease.token && !inHoldingSession(task.lease, who)) {
          return refuse(otherSession(task, task.lease, who));
        }
      }
      changes.push(["blocked", reason]);
      break;
    }
    case "claim": {
      const problem = claimProblem(ledger, task, who, now);
      if (problem) return refuse(problem);
      // The DOING tasks are read only for a task that declares paths.
      const clashes = pathsOf(task).length ? pathClashes(task, reservations(ledger)) : [];
      if (clashes.length && !input.overlap) {
        return refuse(
          `${task.id}'s paths overlap those of ${clashes.map(describeClash).join("; ")}; claim it with --overlap to work on them at once anyway`,
        );
      }
      if (clashes.length) details.overlap = clashes.map((c) => c.id).join(",");
      const ttl = input.ttl ?? policy.lease;
      const token = Math.max(fenceOf(task), task.lease?.token ?? 0) + 1;
      lease = { holder: holderOf(who), token, until: leaseEnd(now, ttl), ttl, session: who.session };
      to = "DOING";
      // Stryker disable next-line ConditionalExpression: a valid ledger has a lease only on a DOING task.
      const takeover = task.state === "DOING" && task.lease !== undefined;
      const workers = takeover ? [...workersOf(task).filter((w) => w !== who.actor), who.actor] : [who.actor];
      changes.push(
        ["lease", encodeLease(lease)],
        ["fence", String(token)],
        ["workers", workers.join(", ")],
        ["not-before", undefined],
        ["rework", undefined],
      );
      details.token = token;
      details.ttl = formatDuration(ttl);
      details.holder = lease.holder;
      if (takeover) {
        action = "takeover";
        // Stryker disable next-line OptionalChaining: a takeover has a lease; the ?. is for TypeScript.
        details.previous = task.lease?.holder;
        details.attempts = task.attempts + 1;
        changes.push(["attempts", String(task.attempts + 1)]);
      }
      break;
    }
    case "renew":
    case "release":
    case "fail":
    case "submit": {
      const problem = holderProblem(task, who, input.token);
      if (problem) return refuse(problem);
      const held = task.lease as Lease;
      details.token = held.token;
      if (input.action === "renew") {
        const ttl = input.ttl ?? held.ttl;
        lease = { ...held, until: leaseEnd(now, ttl), ttl };
        changes.push(["lease", encodeLease(lease)]);
        details.until = formatTime(lease.until);
      } else if (input.action === "fail") {
        to = "READY";
        const exit = input.failure?.exit ?? "failed";
        const output = input.failure?.output ?? "";
        const f = afterFailure(
          policy,
          task,
          now,
          when.random ?? Math.random,
          { run: exit },
          `${exit}${output ? `: ${lastLine(output)}` : ""}`,
          () => earlierFailures(ledger, task),
        );
        changes.push(["lease", undefined], ...f.changes);
        details.exit = exit;
        details.attempts = f.attempts;
        if (f.notBefore !== undefined) details["not-before"] = formatTime(f.notBefore);
        if (f.deadLetter !== undefined) details["dead-letter"] = "true";
        if (output) details.output = output;
      } else {
        to = input.action === "release" ? "READY" : "REVIEW";
        changes.push(["lease", undefined]);
      }
      break;
    }
    case "accept": {
      const workers = workersOf(task);
      const party = who.party ?? [who.actor];
      const worker = workers.find((w) => party.includes(w));
      if (worker !== undefined) {
        return refuse(
          worker === who.actor
            ? `${who.actor} worked on ${task.id} in its last DOING spell and may not accept it; another AUDIT actor must (four eyes)`
            : `${worker} worked on ${task.id} in its last DOING spell and counts as ${who.actor} (delegation), so ${who.actor} may not accept it; another AUDIT actor must (four eyes)`,
        );
      }
      to = "DONE";
      changes.push(["resolution", "done"]);
      break;
    }
    case "rework":
      to = "DOING";
      changes.push(["rework", reason]);
      break;
  }
  if (reason && !REASON_REQUIRED.has(input.action) && input.action !== "cancel") {
    return refuse(`${input.action} takes no reason`);
  }
  // Stryker disable next-line ConditionalExpression: an undefined detail is left out of the log line anyway.
  if (reason) details.reason = reason;
  if (input.evidence !== undefined) {
    changes.push(["evidence", input.evidence]);
    details.evidence = input.evidence;
  }
  // Stryker disable next-line ConditionalExpression: an undefined detail is left out of the log line anyway.
  if (input.via) details.via = input.via;
  if (input.dropWorktree) changes.push(["worktree", undefined]);
  // Kept in the log, so the work of two sessions of one actor on one task can be told apart.
  // Stryker disable next-line ConditionalExpression: an undefined detail is left out of the log line anyway.
  if (who.session !== undefined) details.session = who.session;
  if (who.automation) details.auto = "true";
  // Stryker disable next-line ConditionalExpression: a field set to the value it has is not written (below).
  if (to !== task.state) changes.unshift(["state", to]);

  const splices: Splice[] = [];
  for (const [key, value] of changes) {
    if (value === undefined) {
      const s = removeField(section, key);
      if (s) splices.push(s);
    } else if (section.fields.find((f) => f.key === key)?.value !== value) {
      splices.push(setField(ledger.doc, section, key, value));
    }
  }
  const logLine = formatLogLine(when.hasher, lastHash(ledger.doc, ledger.log), {
    time: now,
    actor: who.actor,
    role: allowed.role,
    action,
    target: task.id,
    details: { ...(task.state === to ? {} : { from: task.state, to }), ...details },
  });
  splices.push(appendLog(ledger.doc, ledger.log, [logLine]));
  return { ok: true, splices, result: { id: task.id, action, from: task.state, to, lease } };
}

/** The last non-empty line of some output, trimmed and cut to 200 characters, for a field. */
function lastLine(output: string): string {
  // Stryker disable next-line OptionalChaining,StringLiteral: split always gives a last element; this is for TypeScript.
  const line = output.trimEnd().split("\n").pop()?.trim() ?? "";
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** Leases are written to the second; round up so a lease is never shorter than asked. */
function leaseEnd(now: number, ttl: number): number {
  return Math.ceil((now + ttl) / 1000) * 1000;
}

function fenceOf(task: Task): number {
  const f = task.fields.find((x) => x.key === "fence");
  return f && /^\d+$/.test(f.value) ? Number(f.value) : 0;
}

export function workersOf(task: Task): string[] {
  const f = task.fields.find((x) => x.key === "workers");
  return f
    ? f.value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** Why `who` may not claim `task` now, or undefined when it may. */
export function claimProblem(ledger: TasksLedger, task: Task, who: Who, now: number): string | undefined {
  const { policy } = ledger;
  if (task.blocked !== undefined) return `${task.id} is blocked: ${task.blocked}`;
  // Stryker disable next-line ConditionalExpression: a valid ledger has a lease only on a DOING task.
  if (task.state === "DOING") {
    if (task.lease) {
      if (task.lease.holder === holderOf(who)) {
        if (!inHoldingSession(task.lease, who) && !isLeaseExpired(task.lease, now, policy.clockSkew)) {
          return otherSession(task, task.lease, who);
        }
        if (inHoldingSession(task.lease, who))
          return `You already hold the lease on ${task.id}; use renew to extend it`;
        return undefined; // another session's expired lease: takeover
      }
      if (!isLeaseExpired(task.lease, now, policy.clockSkew)) {
        return `${task.id} is leased to ${task.lease.holder} until ${formatTime(task.lease.until)} (token ${task.lease.token})`;
      }
      return undefined; // an expired lease: takeover
    }
    // DOING without a lease: sent back for rework, waiting for a worker.
  }
  if (task.assignee !== undefined && task.assignee !== who.actor) return `${task.id} is assigned to ${task.assignee}`;
  const open = task.depends.filter((d) => ledger.byId.get(d)?.task.state !== "DONE");
  if (open.length) return `${task.id} waits for ${open.join(", ")} to be DONE`;
  // Stryker disable next-line ConditionalExpression: now < undefined is false too; this is for TypeScript.
  if (task.notBefore !== undefined && now < task.notBefore) {
    return `${task.id} is not to be started before ${formatTime(task.notBefore)}`;
  }
  const limit = policy.wipLimit.DOING;
  // Stryker disable next-line ConditionalExpression: doing >= undefined is false too; this is for TypeScript.
  if (task.state === "READY" && limit !== undefined) {
    // Counted only under a limit: a clean board's tasks are read only when asked for.
    const doing = ledger.tasks.filter((t) => t.state === "DOING").length;
    if (doing >= limit) return `DOING is at its WIP limit (${doing} of ${limit})`;
  }
  return undefined;
}

function holderProblem(task: Task, who: Who, token: number | undefined): string | undefined {
  if (!task.lease) return `${task.id} has no lease; claim it first`;
  // Stryker disable next-line ConditionalExpression: undefined < token is false too; this is for TypeScript.
  if (token !== undefined && token < task.lease.token) {
    return `Your lease token ${token} is older than ${task.id}'s (${task.lease.token}, held by ${task.lease.holder}): the lease was taken over, so stop working on it`;
  }
  if (task.lease.holder !== holderOf(who)) {
    return `${task.id} is leased to ${task.lease.holder}, not to ${holderOf(who)}`;
  }
  if (token !== undefined && token !== task.lease.token) {
    return `Token ${token} does not match ${task.id}'s lease (token ${task.lease.token})`;
  }
  if (token === undefined && !inHoldingSession(task.lease, who)) return otherSession(task, task.lease, who);
  return undefined;
}

/** Whether `who` acts in the session holding `lease`; a lease without a session belongs to its holder in any. */
export function inHoldingSession(lease: Lease, who: Who): boolean {
  return lease.session === undefined || lease.session === who.session;
}

/** The refusal for a session of the holder's actor other than the one holding the lease. */
function otherSession(task: Task, lease: Lease, who: Who): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: only called for a lease held in a session; the test is for TypeScript.
  const held = lease.session === undefined ? "" : `session ${shortSession(lease.session)} of `;
  const mine = who.session === undefined ? "no session" : `session ${shortSession(who.session)}`;
  return `${task.id} is held by ${held}${lease.holder}, not by this one (${mine}): to take it over, wait until the lease ends at ${formatTime(lease.until)} (plus the clock-skew margin), or act with its token (--token or TASKGATE_LEASE_TOKEN)`;
}
