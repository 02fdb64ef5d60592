// Recovery of stale work, as `watch` does it: every task whose lease expired (judged by the
// lease's own expiry plus the policy's clock-skew margin) goes back to READY with one more
// attempt and a not-before time from the policy's backoff; at max-attempts it is blocked
// instead (a dead letter) with the reason, and the tick reports an escalation. Pure: takes
// the ledger, who acts and the time, returns splices and what happened.

import { appendLog, removeField, type Splice, setField } from "../ledger/edit.js";
import { formatLogLine, HASH_LENGTH, type Hasher, lastHash, readLog } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Lease, Policy, Task } from "../model/task.js";
import { formatTime } from "../model/time.js";
import { backoffDelay } from "./backoff.js";
import { holderWithSession, isLeaseExpired } from "./lease.js";
import { permits } from "./matrix.js";
import type { Plan } from "./plan-add.js";
import type { Who } from "./workflow.js";

export interface Recovery {
  readonly id: string;
  readonly holder: string;
  readonly expiredAt: number;
  readonly attempts: number;
  /** Set when the task goes back to READY. */
  readonly notBefore: number | undefined;
  /** Set when max-attempts is reached: the task is blocked with this reason. */
  readonly deadLetter: string | undefined;
}

export interface RecoverWhen {
  readonly now: number;
  readonly hasher: Hasher;
  /** Uniform in [0, 1): the backoff's jitter. */
  readonly random: () => number;
}

/** One failed attempt: a failed run ("exit 3", "signal SIGKILL") or an expired lease. */
export type Failure = { readonly run: string } | { readonly lease: true };

/** The kind an attempt is counted under: "run exited 1", "run killed by SIGKILL", "lease expired". */
export function failureKind(f: Failure): string {
  if ("lease" in f) return "lease expired";
  const exit = /^exit (\d+)$/.exec(f.run);
  if (exit) return `run exited ${exit[1]}`;
  const signal = /^signal (\S+)$/.exec(f.run);
  return signal ? `run killed by ${signal[1]}` : "run failed";
}

/**
 * The kinds of a task's earlier failed attempts, oldest first, from its log: fail lines (the
 * run's exit), recover and takeover lines (an expired lease). Read only when a dead letter is
 * made. Attempts the log does not show (edited by hand, or cut) count as "not in the log".
 */
export function earlierFailures(ledger: TasksLedger, task: Task): string[] {
  const kinds: string[] = [];
  if (task.attempts === 0) return kinds;
  for (const e of readLog(ledger.doc, ledger.log, undefined).entries) {
    if (e.target !== task.id || e.details.attempts === undefined) continue;
    if (e.action === "fail") kinds.push(failureKind({ run: e.details.exit ?? "failed" }));
    // Stryker disable next-line BooleanLiteral: failureKind asks only whether the key "lease" is there.
    else if (e.action === "recover" || e.action === "takeover") kinds.push(failureKind({ lease: true }));
  }
  const last = kinds.slice(-task.attempts);
  return [...Array<string>(task.attempts - last.length).fill("not in the log"), ...last];
}

/** "2 failures: 1 run exited 1, 1 lease expired", kinds in order of first appearance. */
export function tallyFailures(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${n === 1 ? k : k.replace(/^(run|lease) /, "$1s ")}`);
  return `${kinds.length} failure${kinds.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

const ERROR_PART = / \| (?=(?:exit \d+|signal \S+|failed|lease expired)\b)/;

/**
 * last-error keeps the latest error of each kind: the last failed run's and the last expired
 * lease's, joined by " | " ("exit 1: boom | lease expired: bob@build-7's lease ended ...").
 */
export function mergeLastError(previous: string | undefined, error: string): string {
  const isLease = (part: string) => part.startsWith("lease expired");
  const kept = (previous ?? "").split(ERROR_PART).filter((p) => p.trim() !== "" && isLease(p) !== isLease(error));
  return [error, ...kept].join(" | ");
}

/**
 * What a failure (an expired lease, a failed run) does to a task going back to READY: one
 * more attempt and a not-before time from the backoff, or at max-attempts a block as a dead
 * letter whose reason counts the attempts by kind. `error` is this failure's error as
 * last-error keeps it; `earlier` gives the kinds of the task's earlier attempts.
 */
export function afterFailure(
  policy: Policy,
  task: Task,
  now: number,
  random: () => number,
  failure: Failure,
  error: string,
  earlier: () => readonly string[],
): {
  attempts: number;
  notBefore: number | undefined;
  deadLetter: string | undefined;
  changes: [string, string | undefined][];
} {
  const attempts = task.attempts + 1;
  const dead = attempts >= policy.maxAttempts;
  const lastError = mergeLastError(task.fields.find((f) => f.key === "last-error")?.value, error);
  const deadLetter = dead
    ? `dead letter: ${tallyFailures([...earlier(), failureKind(failure)])} (max-attempts ${policy.maxAttempts}); last error: ${error}`
    : undefined;
  const notBefore = dead ? undefined : now + backoffDelay(policy.backoff, attempts, random());
  return {
    attempts,
    notBefore,
    deadLetter,
    changes: [
      ["attempts", String(attempts)],
      ["not-before", notBefore === undefined ? undefined : formatTime(notBefore)],
      ["blocked", deadLetter],
      ["last-error", lastError],
    ],
  };
}

/** The error an expired lease leaves in last-error (watch writes it; the commit check replays it). */
export function leaseExpiredError(lease: Lease): string {
  return `lease expired: ${holderWithSession(lease.holder, lease.session)}'s lease ended ${formatTime(lease.until)} without renew, release or submit`;
}

/** A DOING task whose lease expired (a DOING task sent back for rework has none). */
function leaseExpired(t: Task, now: number, clockSkew: number): boolean {
  // Stryker disable next-line ConditionalExpression: a valid ledger has a lease only on a DOING task.
  if (t.state !== "DOING") return false;
  return t.lease !== undefined && isLeaseExpired(t.lease, now, clockSkew);
}

export function planRecovery(ledger: TasksLedger, who: Who, when: RecoverWhen): Plan<Recovery[]> {
  const { policy } = ledger;
  const expired = ledger.tasks.filter((t) => leaseExpired(t, when.now, policy.clockSkew));
  if (expired.length === 0) return { ok: true, splices: [], result: [] };
  const allowed = permits("recover", who.actor, who.roles, "DOING");
  if (!allowed.ok) return allowed;

  const splices: Splice[] = [];
  const lines: string[] = [];
  const done: Recovery[] = [];
  let previous = lastHash(ledger.doc, ledger.log);
  for (const task of expired) {
    // Stryker disable next-line OptionalChaining: every task of the ledger is in byId; this is for TypeScript.
    const section = ledger.byId.get(task.id)?.section;
    // Stryker disable next-line ConditionalExpression: as above.
    if (!section) continue;
    const lease = task.lease as Lease;
    // Stryker disable next-line BooleanLiteral: failureKind asks only whether the key "lease" is there.
    const f = afterFailure(policy, task, when.now, when.random, { lease: true }, leaseExpiredError(lease), () =>
      earlierFailures(ledger, task),
    );
    const { attempts, notBefore, deadLetter } = f;
    const dead = deadLetter !== undefined;
    const changes: [string, string | undefined][] = [["state", "READY"], ["lease", undefined], ...f.changes];
    for (const [key, value] of changes) {
      if (value === undefined) {
        const s = removeField(section, key);
        if (s) splices.push(s);
      } else splices.push(setField(ledger.doc, section, key, value));
    }
    const line = formatLogLine(when.hasher, previous, {
      time: when.now,
      actor: who.actor,
      role: allowed.role,
      action: "recover",
      target: task.id,
      details: {
        from: "DOING",
        to: "READY",
        holder: lease.holder,
        token: lease.token,
        expired: formatTime(lease.until),
        attempts,
        "not-before": notBefore === undefined ? undefined : formatTime(notBefore),
        "dead-letter": dead ? "true" : undefined,
        auto: who.automation ? "true" : undefined,
      },
    });
    previous = line.slice(-HASH_LENGTH);
    lines.push(line);
    done.push({ id: task.id, holder: lease.holder, expiredAt: lease.until, attempts, notBefore, deadLetter });
  }
  splices.push(appendLog(ledger.doc, ledger.log, lines));
  return { ok: true, splices, result: done };
}
