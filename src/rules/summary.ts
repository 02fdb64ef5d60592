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
  readonly leases: LeaseFact[];
  /** Tasks blocked as dead letters, and the open tasks that wait for one of them. */
  readonly deadLetters: string[];
  readonly behindDeadLetter: string[];
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
  readonly deadLetters: string[];
  readonly behindDeadLetter: string[];
  readonly leases: {
    readonly held: number;
    /** When the first of the held leases ends; undefined when none is held. */
    readonly nextEnd?: number | undefined;
    readonly expired: { id: string; holder: string; session: string | undefined; since: number }[];
  };
  readonly approvals: {
    readonly pending: number;
    readonly overSla: { id: string; waiting: number }[];
    readonly stale: string[];
  };
}

export interface LeaseFact {
  readonly id: string;
  readonly holder: string;
  readonly until: number;
  readonly session?: string | undefined;
}

/** What status counts on the board itself. */
export interface BoardFacts {
  readonly tasks: number;
  readonly byState: Record<State, number>;
  readonly blocked: string[];
  readonly leases: LeaseFact[];
  /** Left out by the one-pass count of a clean board, which has no dead letter (views.ts reads those fully). */
  readonly deadLetters?: string[];
  readonly behindDeadLetter?: string[];
}

export function boardFacts(tasks: readonly Task[]): BoardFacts {
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const blocked: string[] = [];
  const leases: LeaseFact[] = [];
  for (const t of tasks) {
    byState[t.state]++;
    if (t.blocked !== undefined) blocked.push(t.id);
    if (t.lease) leases.push({ id: t.id, holder: t.lease.holder, until: t.lease.until, session: t.lease.session });
  }
  const dead = deadLetters(tasks);
  return {
    tasks: tasks.length,
    byState,
    blocked,
    leases,
    deadLetters: dead.deadLetters,
    behindDeadLetter: dead.behind.map((b) => b.id),
  };
}

/** The reason a task blocked at max-attempts starts with. */
export const DEAD_LETTER_PREFIX = "dead letter";

export function isDeadLetter(t: Pick<Task, "blocked" | "state">): boolean {
  return t.state !== "DONE" && (t.blocked?.startsWith(DEAD_LETTER_PREFIX) ?? false);
}

/**
 * The dead letters among open tasks, and every open task that waits for one, directly or
 * through other open tasks, with the dead letters it waits for (in file order). They stay
 * standing problems until someone unblocks or cancels the dead letter.
 */
export function deadLetters(tasks: readonly Task[]): {
  deadLetters: string[];
  behind: { id: string; deadLetters: string[] }[];
} {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const dead = tasks.filter(isDeadLetter).map((t) => t.id);
  if (dead.length === 0) return { deadLetters: [], behind: [] };
  const reach = new Map<string, Set<string>>();
  const visit = (id: string, path: Set<string>): Set<string> => {
    const known = reach.get(id);
    if (known) return known;
    const out = new Set<string>();
    const t = byId.get(id);
    if (!t || t.state === "DONE" || path.has(id)) return out; // a cycle is an error check reports
    path.add(id);
    for (const d of t.depends) {
      const dep = byId.get(d);
      if (!dep || dep.state === "DONE") continue;
      if (isDeadLetter(dep)) out.add(d);
      for (const x of visit(d, path)) out.add(x);
    }
    path.delete(id);
    reach.set(id, out);
    return out;
  };
  const behind: { id: string; deadLetters: string[] }[] = [];
  for (const t of tasks) {
    if (t.state === "DONE") continue;
    const found = visit(t.id, new Set());
    if (found.size) behind.push({ id: t.id, deadLetters: dead.filter((d) => found.has(d)) });
  }
  return { deadLetters: dead, behind };
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
    deadLetters: board.deadLetters ?? [],
    behindDeadLetter: board.behindDeadLetter ?? [],
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
  let nextEnd: number | undefined;
  const expired: StatusSummary["leases"]["expired"] = [];
  for (const l of facts.leases) {
    if (isLeaseExpired(l, now, facts.clockSkew))
      expired.push({ id: l.id, holder: l.holder, session: l.session, since: l.until });
    else {
      held++;
      if (nextEnd === undefined || l.until < nextEnd) nextEnd = l.until;
    }
  }
  const overSla = facts.pending
    .filter((a) => a.requestedAt !== null && now - a.requestedAt > facts.approvalSla)
    .map((a) => ({ id: a.id, waiting: now - (a.requestedAt as number) }));
  return {
    tasks: facts.tasks,
    byState: facts.byState,
    blocked: facts.blocked,
    deadLetters: facts.deadLetters ?? [],
    behindDeadLetter: facts.behindDeadLetter ?? [],
    leases: { held, nextEnd, expired },
    approvals: { pending: facts.pending.length, overSla, stale: facts.stale },
  };
}
