// The numbers `status` shows: counts by state, leases held and expired, approvals pending.
// In two steps: the facts (which depend only on the ledgers' contents, so they can be kept
// in a memo keyed by those contents) and the summary at a given time.

import type { Approval } from "../model/approval.js";
import { type Policy, STATES, type State, type Task } from "../model/task.js";
import { isLeaseExpired } from "./lease.js";

export interface StatusFacts {
  readonly tasks: number;
  readonly byState: Record<State, number>;
  readonly blocked: string[];
  readonly leases: { readonly id: string; readonly holder: string; readonly until: number }[];
  readonly pending: { readonly id: string; readonly requestedAt: number | null }[];
  /** Approved, but the subject changed since: they no longer count. */
  readonly stale: string[];
  readonly clockSkew: number;
  readonly approvalSla: number;
}

export interface StatusSummary {
  readonly tasks: number;
  readonly byState: Record<State, number>;
  readonly blocked: string[];
  readonly leases: { readonly held: number; readonly expired: { id: string; holder: string; since: number }[] };
  readonly approvals: {
    readonly pending: number;
    readonly overSla: { id: string; waiting: number }[];
    readonly stale: string[];
  };
}

/** What status counts on the board itself. */
export interface BoardFacts {
  readonly tasks: number;
  readonly byState: Record<State, number>;
  readonly blocked: string[];
  readonly leases: { readonly id: string; readonly holder: string; readonly until: number }[];
}

export function boardFacts(tasks: readonly Task[]): BoardFacts {
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const blocked: string[] = [];
  const leases: { id: string; holder: string; until: number }[] = [];
  for (const t of tasks) {
    byState[t.state]++;
    if (t.blocked !== undefined) blocked.push(t.id);
    if (t.lease) leases.push({ id: t.id, holder: t.lease.holder, until: t.lease.until });
  }
  return { tasks: tasks.length, byState, blocked, leases };
}

export function statusFacts(
  tasks: readonly Task[] | BoardFacts,
  approvals: readonly Approval[],
  policy: Policy,
  isStale: (a: Approval) => boolean,
): StatusFacts {
  const board = Array.isArray(tasks) ? boardFacts(tasks) : (tasks as BoardFacts);
  return {
    tasks: board.tasks,
    byState: board.byState,
    blocked: board.blocked,
    leases: board.leases,
    pending: approvals
      .filter((a) => a.status === "pending")
      .map((a) => ({ id: a.id, requestedAt: a.requestedAt ?? null })),
    stale: approvals.filter((a) => a.status === "approved" && isStale(a)).map((a) => a.id),
    clockSkew: policy.clockSkew,
    approvalSla: policy.approvalSla,
  };
}

export function summarize(facts: StatusFacts, now: number): StatusSummary {
  let held = 0;
  const expired: { id: string; holder: string; since: number }[] = [];
  for (const l of facts.leases) {
    if (isLeaseExpired(l, now, facts.clockSkew)) expired.push({ id: l.id, holder: l.holder, since: l.until });
    else held++;
  }
  const overSla = facts.pending
    .filter((a) => a.requestedAt !== null && now - a.requestedAt > facts.approvalSla)
    .map((a) => ({ id: a.id, waiting: now - (a.requestedAt as number) }));
  return {
    tasks: facts.tasks,
    byState: facts.byState,
    blocked: facts.blocked,
    leases: { held, expired },
    approvals: { pending: facts.pending.length, overSla, stale: facts.stale },
  };
}
