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
  readonly overlaps: number;
  /** How long both runs of those pairs ran, summed (ms). */
  readonly overlapTime: number;
  /** Claims lost in the period, and how. */
  readonly lostClaims: number;
  readonly lostBy: { readonly recovered: number; readonly takenOver: number; readonly lost: number };
  /** The tasks with either, in the order the log first names them (codes are given in that order). */
  readonly tasks: readonly string[];
  /** The newest of each (up to RECENT), oldest first: to look at. */
  readonly recentOverlaps: readonly Overlap[];
  readonly recentLostClaims: readonly LostClaim[];
}

/** How many of each kind are listed. */
export const RECENT = 10;

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
  /** Per target code: its runs in order (most tasks have a few). */
  const runs: (Run[] | undefined)[] = new Array(log.targets.length);
  /**
   * The run a line of task x belongs to, among its open runs (or all with `any`): same
   * session, else same actor, the newest; else the newest.
   */
  const runOf = (x: number, i: number, any: boolean): Run | undefined => {
    const list = runs[x];
    if (!list) return undefined;
    const session = log.session[i] as number;
    const actor = log.actor[i] as number;
    let newest: Run | undefined;
    for (let k = list.length - 1; k >= 0; k--) {
      const r = list[k] as Run;
      if (!any && !Number.isNaN(r.closed)) continue;
      newest ??= r;
      if (session !== NONE ? r.session === session : r.actor === actor) return r;
    }
    return newest;
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
      const list = runs[x] ?? [];
      if (action === W.takeover) {
        for (const r of list) {
          if (!Number.isNaN(r.closed)) continue;
          r.closed = t;
          loseRun(r, "taken over", t);
        }
      }
      runs[x] = list;
      list.push({
        actor: log.actor[i] as number,
        session: log.session[i] as number,
        start: t,
        closed: Number.NaN,
        noticed: Number.NaN,
        lost: undefined,
        lostAt: Number.NaN,
      });
    } else if (action === W.lost) {
      const r = runOf(x, i, true);
      if (!r) continue;
      r.noticed = t;
      if (Number.isNaN(r.closed)) r.closed = t;
      loseRun(r, "lost", t);
    } else if (from === W.DOING && to !== NONE && to !== W.DOING) {
      const r = runOf(x, i, false);
      if (!r) continue;
      r.closed = t;
      if (action === W.recover) loseRun(r, "recovered", t);
    }
  }

  const overlaps: Overlap[] = [];
  let overlapTime = 0;
  const lostBy = { recovered: 0, takenOver: 0, lost: 0 };
  const lostTimes: number[] = [];
  const tasks: number[] = [];
  /** When a run really stopped: its close, or its notice of the loss if later; open: still going. */
  const end = (r: Run) => Math.max(Number.isNaN(r.closed) ? until : r.closed, Number.isNaN(r.noticed) ? 0 : r.noticed);
  const lostInPeriod = (r: Run) => r.lost !== undefined && r.lostAt >= since && r.lostAt < until;
  for (let x = 0; x < runs.length; x++) {
    const list = runs[x];
    if (!list) continue;
    let twice = false;
    // The earlier runs still going when the next one starts (runs are in start order, so one
    // that stopped before a start stopped before every later one).
    const going: Run[] = [];
    for (let j = 0; j < list.length; j++) {
      const b = list[j] as Run;
      let kept = 0;
      for (const a of going) if (end(a) > b.start) going[kept++] = a;
      going.length = kept;
      if (lostInPeriod(b)) {
        if (b.lost === "recovered") lostBy.recovered++;
        else if (b.lost === "taken over") lostBy.takenOver++;
        else lostBy.lost++;
        lostTimes.push(b.lostAt);
        twice = true;
      }
      const earlier = going.slice();
      going.push(b);
      if (b.start < since) continue;
      for (const a of earlier) {
        const aEnd = end(a);
        // One session is one process: its runs follow each other.
        if (a.session !== NONE && a.session === b.session) continue;
        const both = Math.min(aEnd, end(b)) - b.start;
        overlapTime += both;
        overlaps.push({
          task: log.targets[x] as string,
          first: { actor: log.actors[a.actor] as string, start: a.start, end: aEnd },
          second: { actor: log.actors[b.actor] as string, start: b.start },
          both,
        });
        twice = true;
      }
    }
    if (twice) tasks.push(x);
  }
  // The newest lost claims: those at or after the RECENT-th newest time, made into objects.
  const sorted = Float64Array.from(lostTimes).sort();
  const from = sorted.length > RECENT ? (sorted[sorted.length - RECENT] as number) : Number.NEGATIVE_INFINITY;
  const recentLostClaims: LostClaim[] = [];
  for (let x = 0; x < runs.length; x++) {
    for (const r of runs[x] ?? []) {
      if (!lostInPeriod(r) || r.lostAt < from) continue;
      const how = r.lost as LostClaim["how"];
      recentLostClaims.push({
        task: log.targets[x] as string,
        actor: log.actors[r.actor] as string,
        start: r.start,
        at: r.lostAt,
        how,
      });
    }
  }
  recentLostClaims.sort((p, q) => p.at - q.at);
  overlaps.sort((p, q) => p.second.start - q.second.start);
  return {
    overlaps: overlaps.length,
    overlapTime,
    lostClaims: lostTimes.length,
    lostBy,
    tasks: tasks.map((x) => log.targets[x] as string),
    recentOverlaps: overlaps.slice(-RECENT),
    recentLostClaims: recentLostClaims.slice(-RECENT),
  };
}
