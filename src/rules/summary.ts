// The numbers `status` shows: counts by state, leases held and expired, approvals pending.

import type { Approval } from "../model/approval.js";
import { type Policy, STATES, type State, type Task } from "../model/task.js";
import { isLeaseExpired } from "./lease.js";

export interface StatusSummary {
  readonly tasks: number;
  readonly byState: Record<State, number>;
  readonly blocked: string[];
  readonly leases: { readonly held: number; readonly expired: { id: string; holder: string; since: number }[] };
  readonly approvals: {
    readonly pending: number;
    readonly overSla: { id: string; waiting: number }[];
    /** Approved, but the subject changed since: they no longer count. */
    readonly stale: string[];
  };
}

export function summarize(
  tasks: readonly Task[],
  approvals: readonly Approval[],
  policy: Policy,
  now: number,
  isStale: (a: Approval) => boolean,
): StatusSummary {
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const blocked: string[] = [];
  let held = 0;
  const expired: { id: string; holder: string; since: number }[] = [];
  for (const t of tasks) {
    byState[t.state]++;
    if (t.blocked !== undefined) blocked.push(t.id);
    if (t.lease) {
      if (isLeaseExpired(t.lease, now, policy.clockSkew))
        expired.push({ id: t.id, holder: t.lease.holder, since: t.lease.until });
      else held++;
    }
  }
  let pending = 0;
  const overSla: { id: string; waiting: number }[] = [];
  const stale = approvals.filter((a) => a.status === "approved" && isStale(a)).map((a) => a.id);
  for (const a of approvals) {
    if (a.status !== "pending") continue;
    pending++;
    if (a.requestedAt !== undefined && now - a.requestedAt > policy.approvalSla) {
      overSla.push({ id: a.id, waiting: now - a.requestedAt });
    }
  }
  return { tasks: tasks.length, byState, blocked, leases: { held, expired }, approvals: { pending, overSla, stale } };
}
