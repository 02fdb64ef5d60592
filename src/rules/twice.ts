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

type Column = Int32Array | Float64Array | Uint8Array;
const COLUMNS = ["target", "actor", "session", "prev", "start", "closed", "noticed", "how", "lostAt"] as const;

/**
 * The runs of a log, as columns (a long log has tens of thousands): run r of task target[r]
 * started at start[r]; prev[r] is the task's run before it (-1: none), head[x] task x's newest.
 * Built line by line (line()), by the log fold (log-fold.ts, kept in the memo) or by a scan.
 */
export class Runs {
  n = 0;
  target = new Int32Array(64);
  actor = new Int32Array(64);
  session = new Int32Array(64);
  prev = new Int32Array(64);
  start = new Float64Array(64);
  /** When the log moved the task out of DOING for it (NaN: not yet). */
  closed = new Float64Array(64);
  /** When the run said it lost its lease (NaN: it did not). */
  noticed = new Float64Array(64);
  /** How it was lost (an index into HOW; NOT_LOST), and when. */
  how = new Uint8Array(64);
  lostAt = new Float64Array(64);
  /** Per target: its newest run (-1: none), and its runs not closed yet. */
  head = new Int32Array(0);
  open = new Int32Array(0);

  /** Room for the log's targets. */
  targets(n: number): void {
    if (this.head.length >= n) return;
    const head = new Int32Array(n).fill(-1);
    head.set(this.head);
    const open = new Int32Array(n);
    open.set(this.open);
    this.head = head;
    this.open = open;
  }

  /** Line i of the log: a claim starts a run, a move out of DOING or a `lost` line ends one. */
  line(log: LogTable, i: number): void {
    const t = log.time[i] as number;
    const x = log.target[i] as number;
    const action = log.action[i] as number;
    const from = log.from[i] as number;
    const to = log.to[i] as number;
    if ((action === W.claim || action === W.takeover) && to === W.DOING) {
      if (action === W.takeover) {
        for (let r = this.head[x] as number; r >= 0; r = this.prev[r] as number) {
          if (!Number.isNaN(this.closed[r] as number)) continue;
          this.close(r, t);
          this.lose(r, 1, t);
        }
      }
      this.add(x, log.actor[i] as number, log.session[i] as number, t);
    } else if (action === W.lost) {
      const r = this.runOf(log, i, true);
      if (r < 0) return;
      this.noticed[r] = t;
      this.close(r, t);
      this.lose(r, 2, t);
    } else if (from === W.DOING && to !== NONE && to !== W.DOING) {
      const r = this.runOf(log, i, false);
      if (r < 0) return;
      this.close(r, t);
      if (action === W.recover) this.lose(r, 0, t);
    }
  }

  /**
   * The run line i belongs to, among its task's open runs (or all with `any`): same session
   * (else same actor), the newest; else the newest; -1: none.
   */
  private runOf(log: LogTable, i: number, any: boolean): number {
    const x = log.target[i] as number;
    const session = log.session[i] as number;
    const actor = log.actor[i] as number;
    let newest = -1;
    for (let r = this.head[x] as number; r >= 0; r = this.prev[r] as number) {
      if (!any && !Number.isNaN(this.closed[r] as number)) continue;
      // The only open run is the one (the usual case: a watch's recovery names no session).
      if (!any && this.open[x] === 1) return r;
      if (newest < 0) newest = r;
      if (session !== NONE ? this.session[r] === session : this.actor[r] === actor) return r;
    }
    return newest;
  }

  private add(x: number, actor: number, session: number, start: number): void {
    if (this.n === this.target.length) this.grow(Math.max(64, this.n * 2));
    const r = this.n++;
    this.target[r] = x;
    this.actor[r] = actor;
    this.session[r] = session;
    this.prev[r] = this.head[x] as number;
    this.head[x] = r;
    this.open[x] = (this.open[x] as number) + 1;
    this.start[r] = start;
    this.closed[r] = Number.NaN;
    this.noticed[r] = Number.NaN;
    this.how[r] = NOT_LOST;
    this.lostAt[r] = Number.NaN;
  }

  private close(r: number, t: number): void {
    if (!Number.isNaN(this.closed[r] as number)) return;
    this.closed[r] = t;
    const x = this.target[r] as number;
    this.open[x] = (this.open[x] as number) - 1;
  }

  private lose(r: number, how: number, t: number): void {
    if (this.how[r] !== NOT_LOST) return;
    this.how[r] = how;
    this.lostAt[r] = t;
  }

  private grow(n: number): void {
    for (const name of COLUMNS) {
      const a = this[name] as Column;
      const b = new (a.constructor as new (n: number) => Column)(n);
      b.set(a.subarray(0, Math.min(a.length, n)));
      (this as Record<string, unknown>)[name] = b;
    }
  }

  /** The columns, for the memo. */
  parts(): Record<string, Column> {
    const out: Record<string, Column> = { head: this.head, open: this.open };
    for (const name of COLUMNS) out[name] = (this[name] as Column).subarray(0, this.n);
    return out;
  }

  /** Runs from their parts, or undefined when they are not. */
  static fromParts(c: Record<string, Column | undefined>): Runs | undefined {
    const runs = new Runs();
    const n = c.target?.length;
    if (n === undefined || !(c.head instanceof Int32Array) || !(c.open instanceof Int32Array)) return undefined;
    for (const name of COLUMNS) {
      const a = c[name];
      if (!a || a.length !== n || a.constructor !== (runs[name] as Column).constructor) return undefined;
      (runs as unknown as Record<string, unknown>)[name] = a;
    }
    runs.n = n;
    runs.head = c.head as Int32Array<ArrayBuffer>;
    runs.open = c.open as Int32Array<ArrayBuffer>;
    return runs;
  }
}

/**
 * Work done twice in [since, until). `folded`: the log's runs as the log fold made them, when
 * every line of the log is before until (else the log is read for its runs up to until).
 */
export function workDoneTwice(log: LogTable, since: number, until: number, folded?: Runs): WorkDoneTwice {
  let runs = folded;
  if (!runs) {
    runs = new Runs();
    runs.targets(log.targets.length);
    for (let i = 0; i < log.length; i++) if ((log.time[i] as number) < until) runs.line(log, i);
  }
  const R = runs;

  /** When run r really stopped: its close, or its notice of the loss if later; open: still going. */
  const end = (r: number) => {
    const c = R.closed[r] as number;
    const n = R.noticed[r] as number;
    return Math.max(Number.isNaN(c) ? until : c, Number.isNaN(n) ? 0 : n);
  };
  const lostInPeriod = (r: number) =>
    R.how[r] !== NOT_LOST && (R.lostAt[r] as number) >= since && (R.lostAt[r] as number) < until;

  const overlaps: Overlap[] = [];
  let overlapTime = 0;
  const lostBy = { recovered: 0, takenOver: 0, lost: 0 };
  let lostClaims = 0;
  const lostTimes = new Float64Array(R.n);
  const twice = new Uint8Array(log.targets.length);
  // One pass over the runs (in log order): the lost claims, and the tasks where a run started
  // before an earlier one had stopped (only those are looked at for overlaps below).
  const suspect = new Uint8Array(log.targets.length);
  const latestEnd = new Float64Array(log.targets.length).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < R.n; r++) {
    const x = R.target[r] as number;
    if ((latestEnd[x] as number) > (R.start[r] as number)) suspect[x] = 1;
    const e = end(r);
    if (e > (latestEnd[x] as number)) latestEnd[x] = e;
    if (!lostInPeriod(r)) continue;
    const how = R.how[r] as number;
    if (how === 0) lostBy.recovered++;
    else if (how === 1) lostBy.takenOver++;
    else lostBy.lost++;
    lostTimes[lostClaims++] = R.lostAt[r] as number;
    twice[x] = 1;
  }
  // Overlaps: per task, its runs in start order (log order), each against the earlier runs
  // still going when it started (one that stopped before a start stopped before every later one).
  const order: number[] = [];
  const going: number[] = [];
  for (let x = 0; x < R.head.length; x++) {
    if (!suspect[x]) continue;
    order.length = 0;
    for (let r = R.head[x] as number; r >= 0; r = R.prev[r] as number) order.push(r);
    if (order.length < 2) continue;
    going.length = 0;
    for (let j = order.length - 1; j >= 0; j--) {
      const b = order[j] as number;
      const bStart = R.start[b] as number;
      let kept = 0;
      for (const a of going) if (end(a) > bStart) going[kept++] = a;
      going.length = kept;
      if (bStart >= since) {
        for (const a of going) {
          // One session is one process: its runs follow each other.
          if (R.session[a] !== NONE && R.session[a] === R.session[b]) continue;
          const aEnd = end(a);
          const both = Math.min(aEnd, end(b)) - bStart;
          overlapTime += both;
          overlaps.push({
            task: log.targets[x] as string,
            first: { actor: log.actors[R.actor[a] as number] as string, start: R.start[a] as number, end: aEnd },
            second: { actor: log.actors[R.actor[b] as number] as string, start: bStart },
            both,
          });
          twice[x] = 1;
        }
      }
      going.push(b);
    }
  }
  // The newest lost claims: those at or after the RECENT-th newest time, made into objects.
  const newest = lostTimes.subarray(0, lostClaims).sort();
  const from = lostClaims > RECENT ? (newest[lostClaims - RECENT] as number) : Number.NEGATIVE_INFINITY;
  const recentLostClaims: LostClaim[] = [];
  for (let r = 0; r < R.n; r++) {
    if (!lostInPeriod(r) || (R.lostAt[r] as number) < from) continue;
    recentLostClaims.push({
      task: log.targets[R.target[r] as number] as string,
      actor: log.actors[R.actor[r] as number] as string,
      start: R.start[r] as number,
      at: R.lostAt[r] as number,
      how: HOW[R.how[r] as number] as LostClaim["how"],
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
