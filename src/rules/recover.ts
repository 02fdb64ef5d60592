// Recovery of stale work, as `watch` does it: every task whose lease expired (judged by the
// lease's own expiry plus the policy's clock-skew margin) goes back to READY with one more
// attempt and a not-before time from the policy's backoff; at max-attempts it is blocked
// instead (a dead letter) with the reason, and the tick reports an escalation. Pure: takes
// the ledger, who acts and the time, returns splices and what happened.

import { appendLog, removeField, type Splice, setField } from "../ledger/edit.js";
import { formatLogLine, HASH_LENGTH, type Hasher, lastHash } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Lease, Policy, Task } from "../model/task.js";
import { formatTime } from "../model/time.js";
import { backoffDelay } from "./backoff.js";
import { isLeaseExpired } from "./lease.js";
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

/**
 * What a failure (an expired lease, a failed run) does to a task going back to READY: one
 * more attempt and a not-before time from the backoff, or at max-attempts a block as a dead
 * letter with the reason and the last error.
 */
export function afterFailure(
  policy: Policy,
  task: Task,
  now: number,
  random: () => number,
  lastError: string,
  what: string,
): {
  attempts: number;
  notBefore: number | undefined;
  deadLetter: string | undefined;
  changes: [string, string | undefined][];
} {
  const attempts = task.attempts + 1;
  const dead = attempts >= policy.maxAttempts;
  const deadLetter = dead
    ? `dead letter: ${what} ${attempts} time${attempts === 1 ? "" : "s"} (max-attempts ${policy.maxAttempts}); last error: ${lastError}`
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
    ],
  };
}

export function planRecovery(ledger: TasksLedger, who: Who, when: RecoverWhen): Plan<Recovery[]> {
  const { policy } = ledger;
  const expired = ledger.tasks.filter(
    (t) => t.state === "DOING" && t.lease !== undefined && isLeaseExpired(t.lease, when.now, policy.clockSkew),
  );
  if (expired.length === 0) return { ok: true, splices: [], result: [] };
  const allowed = permits("recover", who.actor, who.roles, "DOING");
  if (!allowed.ok) return allowed;

  const splices: Splice[] = [];
  const lines: string[] = [];
  const done: Recovery[] = [];
  let previous = lastHash(ledger.doc, ledger.log);
  for (const task of expired) {
    const section = ledger.byId.get(task.id)?.section;
    if (!section) continue;
    const lease = task.lease as Lease;
    const f = afterFailure(
      policy,
      task,
      when.now,
      when.random,
      `${lease.holder}'s lease ended ${formatTime(lease.until)} without renew, release or submit`,
      "the lease expired",
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
