// Work done twice (docs/metrics.md): runs of one task that overlapped in time, and claims
// lost mid-run, read from the tasks' log. A run starts at a claim (or takeover) and ends at
// the line that moves its task out of DOING, or at its own `lost` line when it noticed the
// loss later: a run whose lease expired goes on until it notices, so a run started after the
// recovery and before that notice overlapped it. A line is matched to its run by its
// session (session=run-3f9a2c) when it has one, else by its actor. A claim is lost when its run
// ended without handing in, releasing or failing by itself: recovered after its lease expired,
// taken over, or ended by a `lost` line. Pure.

import { type LogTable, NONE, W } from "../ledger/log-facts.js";

export interface Overlap {
  readonly task: string;
  /** The run that was still going, and the one that started during it. */
  readonly first: { readonly actor: string; readonly start: number; readonly end: number };
  readonly second: { readonly actor: string; readonly start: number };
  /** How long both ran (ms). */
  readonly both: number;
}

export interface LostClaim {
  readonly task: string;
  readonly actor: string;
  /** When its run started and when the claim was lost. */
  readonly start: number;
  readonly at: number;
  readonly how: "recovered" | "taken over" | "lost";
}

export interface WorkDoneTwice {
  /** Pairs of runs of one task that overlapped, the later one started in the period. */
  readonly overlaps: readonly Overlap[];
  /** Claims lost in the period. */
  readonly lostClaims: readonly LostClaim[];
  /** The tasks with either, in log order. */
  readonly tasks: readonly string[];
}

interface Run {
  readonly actor: number;
  readonly session: number;
  readonly start: number;
  /** When the log moved the task out of DOING for it (NaN: not yet). */
  closed: number;
  /** When the run said it lost its lease (NaN: it did not). */
  noticed: number;
  lost: LostClaim["how"] | undefined;
  lostAt: number;
}

export function workDoneTwice(log: LogTable, since: number, until: number): WorkDoneTwice {
  const runs = new Map<number, Run[]>();
  const open = (x: number) => (runs.get(x) ?? []).filter((r) => Number.isNaN(r.closed));
  /** The run a line of task x belongs to: same session, else same actor; the newest. */
  const runOf = (candidates: Run[], i: number): Run | undefined => {
    const session = log.session[i] as number;
    const actor = log.actor[i] as number;
    for (let k = candidates.length - 1; k >= 0; k--) {
      const r = candidates[k] as Run;
      if (session !== NONE ? r.session === session : r.actor === actor) return r;
    }
    return candidates[candidates.length - 1];
  };
  const loseRun = (r: Run, how: LostClaim["how"], t: number) => {
    if (r.lost !== undefined) return;
    r.lost = how;
    r.lostAt = t;
  };

  for (let i = 0; i < log.length; i++) {
    const t = log.time[i] as number;
    if (t >= until) continue;
    const x = log.target[i] as number;
    const action = log.action[i] as number;
    const from = log.from[i] as number;
    const to = log.to[i] as number;
    if ((action === W.claim || action === W.takeover) && to === W.DOING) {
      if (action === W.takeover) {
        for (const r of open(x)) {
          r.closed = t;
          loseRun(r, "taken over", t);
        }
      }
      const list = runs.get(x) ?? [];
      list.push({
        actor: log.actor[i] as number,
        session: log.session[i] as number,
        start: t,
        closed: Number.NaN,
        noticed: Number.NaN,
        lost: undefined,
        lostAt: Number.NaN,
      });
      runs.set(x, list);
    } else if (action === W.lost) {
      const r = runOf(runs.get(x) ?? [], i);
      if (!r) continue;
      r.noticed = t;
      if (Number.isNaN(r.closed)) r.closed = t;
      loseRun(r, "lost", t);
    } else if (from === W.DOING && to !== NONE && to !== W.DOING) {
      const r = runOf(open(x), i);
      if (!r) continue;
      r.closed = t;
      if (action === W.recover) loseRun(r, "recovered", t);
    }
  }

  const overlaps: Overlap[] = [];
  const lostClaims: LostClaim[] = [];
  const tasks = new Set<string>();
  for (const [x, list] of runs) {
    const task = log.targets[x] as string;
    /** When a run really stopped: its close, or its notice of the loss if later; open: still going. */
    const end = (r: Run) =>
      Math.max(Number.isNaN(r.closed) ? until : r.closed, Number.isNaN(r.noticed) ? 0 : r.noticed);
    list.forEach((b, j) => {
      if (b.lost !== undefined && b.lostAt >= since && b.lostAt < until) {
        lostClaims.push({ task, actor: log.actors[b.actor] as string, start: b.start, at: b.lostAt, how: b.lost });
        tasks.add(task);
      }
      if (b.start < since) return;
      for (let k = 0; k < j; k++) {
        const a = list[k] as Run;
        const aEnd = end(a);
        // One session is one process: its runs follow each other.
        if ((a.session !== NONE && a.session === b.session) || aEnd <= b.start) continue;
        overlaps.push({
          task,
          first: { actor: log.actors[a.actor] as string, start: a.start, end: aEnd },
          second: { actor: log.actors[b.actor] as string, start: b.start },
          both: Math.min(aEnd, end(b)) - b.start,
        });
        tasks.add(task);
      }
    });
  }
  const order = new Map(log.targets.map((t, i) => [t, i]));
  overlaps.sort((p, q) => p.second.start - q.second.start);
  lostClaims.sort((p, q) => p.at - q.at);
  return { overlaps, lostClaims, tasks: [...tasks].sort((p, q) => (order.get(p) ?? 0) - (order.get(q) ?? 0)) };
}
