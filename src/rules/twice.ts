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

const HOW: readonly LostClaim["how"][] = ["recovered", "taken over", "lost"];
const NOT_LOST = 255;

/**
 * The runs of a log, as columns (a long log has tens of thousands): run r of task target[r]
 * started at start[r]; prev[r] is the task's run before it (-1: none), head[x] task x's newest.
 */
class Runs {
  n = 0;
  target: Int32Array;
  actor: Int32Array;
  session: Int32Array;
  prev: Int32Array;
  start: Float64Array;
  /** When the log moved the task out of DOING for it (NaN: not yet). */
  closed: Float64Array;
  /** When the run said it lost its lease (NaN: it did not). */
  noticed: Float64Array;
  /** How it was lost (an index into HOW; NOT_LOST), and when. */
  how: Uint8Array;
  lostAt: Float64Array;
  readonly head: Int32Array;

  constructor(targets: number, room: number) {
    this.head = new Int32Array(targets).fill(-1);
    this.target = new Int32Array(room);
    this.actor = new Int32Array(room);
    this.session = new Int32Array(room);
    this.prev = new Int32Array(room);
    this.start = new Float64Array(room);
    this.closed = new Float64Array(room);
    this.noticed = new Float64Array(room);
    this.how = new Uint8Array(room);
    this.lostAt = new Float64Array(room);
  }

  add(x: number, actor: number, session: number, start: number): void {
    if (this.n === this.target.length) this.grow();
    const r = this.n++;
    this.target[r] = x;
    this.actor[r] = actor;
    this.session[r] = session;
    this.prev[r] = this.head[x] as number;
    this.head[x] = r;
    this.start[r] = start;
    this.closed[r] = Number.NaN;
    this.noticed[r] = Number.NaN;
    this.how[r] = NOT_LOST;
    this.lostAt[r] = Number.NaN;
  }

  lose(r: number, how: number, t: number): void {
    if (this.how[r] !== NOT_LOST) return;
    this.how[r] = how;
    this.lostAt[r] = t;
  }

  private grow(): void {
    const n = Math.max(64, this.target.length * 2);
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.target = g(this.target);
    this.actor = g(this.actor);
    this.session = g(this.session);
    this.prev = g(this.prev);
    this.start = g(this.start);
    this.closed = g(this.closed);
    this.noticed = g(this.noticed);
    this.how = g(this.how);
    this.lostAt = g(this.lostAt);
  }
}

export function workDoneTwice(log: LogTable, since: number, until: number): WorkDoneTwice {
  const runs = new Runs(log.targets.length, 64);
  /** Per target: its runs not closed yet. */
  const openRuns = new Int32Array(log.targets.length);
  const close = (x: number, r: number, t: number) => {
    if (!Number.isNaN(runs.closed[r] as number)) return;
    runs.closed[r] = t;
    openRuns[x] = (openRuns[x] as number) - 1;
  };
  /**
   * The run line i of task x belongs to, among its open runs (or all with `any`): same
   * session (else same actor), the newest; else the newest; -1: none.
   */
  const runOf = (x: number, i: number, any: boolean): number => {
    const session = log.session[i] as number;
    const actor = log.actor[i] as number;
    let newest = -1;
    for (let r = runs.head[x] as number; r >= 0; r = runs.prev[r] as number) {
      if (!any && !Number.isNaN(runs.closed[r] as number)) continue;
      // The only open run is the one (the usual case: a watch's recovery names no session).
      if (!any && openRuns[x] === 1) return r;
      if (newest < 0) newest = r;
      if (session !== NONE ? runs.session[r] === session : runs.actor[r] === actor) return r;
    }
    return newest;
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
        for (let r = runs.head[x] as number; r >= 0; r = runs.prev[r] as number) {
          if (!Number.isNaN(runs.closed[r] as number)) continue;
          close(x, r, t);
          runs.lose(r, 1, t);
        }
      }
      runs.add(x, log.actor[i] as number, log.session[i] as number, t);
      openRuns[x] = (openRuns[x] as number) + 1;
    } else if (action === W.lost) {
      const r = runOf(x, i, true);
      if (r < 0) continue;
      runs.noticed[r] = t;
      close(x, r, t);
      runs.lose(r, 2, t);
    } else if (from === W.DOING && to !== NONE && to !== W.DOING) {
      const r = runOf(x, i, false);
      if (r < 0) continue;
      close(x, r, t);
      if (action === W.recover) runs.lose(r, 0, t);
    }
  }

  /** When run r really stopped: its close, or its notice of the loss if later; open: still going. */
  const end = (r: number) => {
    const c = runs.closed[r] as number;
    const n = runs.noticed[r] as number;
    return Math.max(Number.isNaN(c) ? until : c, Number.isNaN(n) ? 0 : n);
  };
  const lostInPeriod = (r: number) =>
    runs.how[r] !== NOT_LOST && (runs.lostAt[r] as number) >= since && (runs.lostAt[r] as number) < until;

  const overlaps: Overlap[] = [];
  let overlapTime = 0;
  const lostBy = { recovered: 0, takenOver: 0, lost: 0 };
  let lostClaims = 0;
  /** The RECENT newest loss times, in order. */
  const newest: number[] = [];
  const twice = new Uint8Array(log.targets.length);
  // Lost claims: each run once.
  for (let r = 0; r < runs.n; r++) {
    if (!lostInPeriod(r)) continue;
    const how = runs.how[r] as number;
    if (how === 0) lostBy.recovered++;
    else if (how === 1) lostBy.takenOver++;
    else lostBy.lost++;
    lostClaims++;
    const at = runs.lostAt[r] as number;
    if (newest.length < RECENT || at > (newest[0] as number)) {
      let k = newest.findIndex((v) => v > at);
      if (k < 0) k = newest.length;
      newest.splice(k, 0, at);
      if (newest.length > RECENT) newest.shift();
    }
    twice[runs.target[r] as number] = 1;
  }
  // Overlaps: per task, its runs in start order (log order), each against the earlier runs
  // still going when it started (one that stopped before a start stopped before every later one).
  const order: number[] = [];
  const going: number[] = [];
  for (let x = 0; x < runs.head.length; x++) {
    order.length = 0;
    for (let r = runs.head[x] as number; r >= 0; r = runs.prev[r] as number) order.push(r);
    if (order.length < 2) continue;
    going.length = 0;
    for (let j = order.length - 1; j >= 0; j--) {
      const b = order[j] as number;
      const bStart = runs.start[b] as number;
      let kept = 0;
      for (const a of going) if (end(a) > bStart) going[kept++] = a;
      going.length = kept;
      if (bStart >= since) {
        for (const a of going) {
          // One session is one process: its runs follow each other.
          if (runs.session[a] !== NONE && runs.session[a] === runs.session[b]) continue;
          const aEnd = end(a);
          const both = Math.min(aEnd, end(b)) - bStart;
          overlapTime += both;
          overlaps.push({
            task: log.targets[x] as string,
            first: { actor: log.actors[runs.actor[a] as number] as string, start: runs.start[a] as number, end: aEnd },
            second: { actor: log.actors[runs.actor[b] as number] as string, start: bStart },
            both,
          });
          twice[x] = 1;
        }
      }
      going.push(b);
    }
  }
  // The newest lost claims: those at or after the RECENT-th newest time, made into objects.
  const from = newest.length === RECENT ? (newest[0] as number) : Number.NEGATIVE_INFINITY;
  const recentLostClaims: LostClaim[] = [];
  for (let r = 0; r < runs.n; r++) {
    if (!lostInPeriod(r) || (runs.lostAt[r] as number) < from) continue;
    recentLostClaims.push({
      task: log.targets[runs.target[r] as number] as string,
      actor: log.actors[runs.actor[r] as number] as string,
      start: runs.start[r] as number,
      at: runs.lostAt[r] as number,
      how: HOW[runs.how[r] as number] as LostClaim["how"],
    });
  }
  recentLostClaims.sort((p, q) => p.at - q.at);
  overlaps.sort((p, q) => p.second.start - q.second.start);
  const tasks: string[] = [];
  twice.forEach((v, x) => {
    if (v) tasks.push(log.targets[x] as string);
  });
  return {
    overlaps: overlaps.length,
    overlapTime,
    lostClaims,
    lostBy,
    tasks,
    recentOverlaps: overlaps.slice(-RECENT),
    recentLostClaims: recentLostClaims.slice(-RECENT),
  };
}
