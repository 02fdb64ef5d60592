// The tasks' log folded, line by line, into what the measures need that does not depend on the
// period asked for: the events (state changes, failures and what became of them, spells in a
// state, tasks done), each in log order with its time, and per task the little state the fold
// carries from line to line. A period is then answered from the events (metrics.ts) without
// going through the log again. The fold can be continued over lines appended to the log, and
// its state is numbers in typed arrays, so the log memo (io/log-memo.ts) keeps it with the log's
// columns: `metrics` on a long log then reads only the lines added since the last call.
// test/unit/log-fold.test.ts checks that a fold continued in pieces equals one made at once.

import { type LogTable, NONE, W } from "../ledger/log-facts.js";
import { TASK_KINDS, takeSteps } from "./steps.js";
import { Runs } from "./twice.js";

type Typed = Float64Array | Int32Array | Uint8Array;

/** A typed column that grows as values are added. */
class Column<T extends Typed> {
  length: number;

  constructor(
    public data: T,
    private readonly make: (n: number) => T,
    length = data.length,
  ) {
    this.length = length;
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const grown = this.make(Math.max(64, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  /** The values, without the room kept for more. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = (a?: Float64Array) => new Column(a ?? new Float64Array(0), (n) => new Float64Array(n));
const i32 = (a?: Int32Array) => new Column(a ?? new Int32Array(0), (n) => new Int32Array(n));
const u8 = (a?: Uint8Array) => new Column(a ?? new Uint8Array(0), (n) => new Uint8Array(n));

/** A per-target column: grown to the log's targets, new ones filled with `empty`. */
function perTarget<T extends Float64Array | Int32Array>(a: T, n: number, empty: number): T {
  if (a.length >= n) return a;
  const grown = new (a.constructor as new (n: number) => T)(n);
  grown.set(a);
  grown.fill(empty, a.length);
  return grown;
}

/** The five states by index (0 PLAN ... 4 DONE), as word codes of the log. */
export const STATE_CODES = [W.PLAN, W.READY, W.DOING, W.REVIEW, W.DONE] as const;

/** How a failure came about. */
export const RECOVERED_LEASE = 1;
export const FAILED_RUN = 2;

/** The fold's state as named columns and numbers, for the memo; see LogFold.parts. */
export interface FoldParts {
  readonly numbers: Record<string, number>;
  readonly columns: Record<string, Typed>;
}

export class LogFold {
  /** The log lines folded so far. */
  lines = 0;
  /** Whether the line times so far never go back (the events can then be searched by time). */
  inOrder = true;
  lastTime = Number.NEGATIVE_INFINITY;
  /** Per actor code: 1 when the actor was an automation actor when folded. */
  automationActors: Uint8Array;

  // Per target code.
  created = new Float64Array(0); // its first add line (NaN: none)
  firstClaim = new Float64Array(0); // its first move to DOING (NaN: none)
  enteredTime = new Float64Array(0); // when it entered its current state
  enteredState = new Int32Array(0); // its current state's word code (NONE: not seen)
  lastManual = new Int32Array(0); // the last line on it by a person (-1: none)
  failureHead = new Int32Array(0); // its newest failure not yet ended DONE (-1: none)
  stepTaken = new Int32Array(0); // per target and kind of step: the line that took it (steps.ts; -1: none)
  // Its runs, for work done twice (twice.ts).
  runs = new Runs();

  // State changes (new tasks, and lines that change a state): time, and the number of the
  // automated ones up to and including each.
  readonly changeTime = f64();
  readonly changeAutomatedUpTo = i32();
  // Failures: time, kind, line, the failure before it on its task (-1: none), when the work was
  // handed in again (NaN: not yet) and whether without a person, and whether the task then
  // ended DONE.
  readonly failureTime = f64();
  readonly failureKind = u8();
  readonly failureLine = i32();
  readonly failureNext = i32();
  readonly failureRedone = f64();
  readonly failureRedoneAuto = u8();
  readonly failureDone = u8();
  // Moves to DONE: time and target.
  readonly doneTime = f64();
  readonly doneTarget = i32();
  // Spells, per state: the time a task left the state (from it), and how long it was in it.
  readonly spellTime = STATE_CODES.map(() => f64());
  readonly spellLength = STATE_CODES.map(() => f64());

  constructor(automationActors: Uint8Array) {
    this.automationActors = automationActors;
  }

  /** Folds the lines of `log` from where the fold stopped to its end. */
  continue(log: LogTable): this {
    const n = log.targets.length;
    this.created = perTarget(this.created, n, Number.NaN);
    this.firstClaim = perTarget(this.firstClaim, n, Number.NaN);
    this.enteredTime = perTarget(this.enteredTime, n, Number.NaN);
    this.enteredState = perTarget(this.enteredState, n, NONE);
    this.lastManual = perTarget(this.lastManual, n, -1);
    this.failureHead = perTarget(this.failureHead, n, -1);
    this.stepTaken = perTarget(this.stepTaken, n * TASK_KINDS, -1);
    this.runs.targets(n);
    const autoActor = this.automationActors;
    let automated = this.changeAutomatedUpTo.length
      ? (this.changeAutomatedUpTo.data[this.changeAutomatedUpTo.length - 1] as number)
      : 0;
    for (let i = this.lines; i < log.length; i++) {
      const time = log.time[i] as number;
      const x = log.target[i] as number;
      const action = log.action[i] as number;
      const from = log.from[i] as number;
      const to = log.to[i] as number;
      const auto = log.marked[i] === 1 || autoActor[log.actor[i] as number] === 1;
      if (time < this.lastTime) this.inOrder = false;
      this.lastTime = time;
      takeSteps(log, i, auto, this.stepTaken);
      this.runs.line(log, i);
      const changed = action === W.add || (to !== NONE && to !== from);
      if (changed) {
        if (auto) automated++;
        this.changeTime.push(time);
        this.changeAutomatedUpTo.push(automated);
      }
      if (!auto) this.lastManual[x] = i;
      if (to === W.REVIEW || to === W.DONE) this.handedIn(x, time, to === W.DONE);
      if (action === W.recover || action === W.fail) {
        const p = this.failureTime.push(time);
        this.failureKind.push(action === W.recover ? RECOVERED_LEASE : FAILED_RUN);
        this.failureLine.push(i);
        this.failureNext.push(this.failureHead[x] as number);
        this.failureRedone.push(Number.NaN);
        this.failureRedoneAuto.push(0);
        this.failureDone.push(0);
        this.failureHead[x] = p;
      }
      if (action === W.add) {
        if (Number.isNaN(this.created[x])) this.created[x] = time;
        this.enteredState[x] = to === NONE ? W.PLAN : to;
        this.enteredTime[x] = time;
        continue;
      }
      if (!changed || to === NONE) continue;
      if (to === W.DOING && Number.isNaN(this.firstClaim[x])) this.firstClaim[x] = time;
      if (to === W.DONE) {
        this.doneTime.push(time);
        this.doneTarget.push(x);
      }
      const was = this.enteredState[x] as number;
      if (was !== NONE && was === from) {
        const k = (STATE_CODES as readonly number[]).indexOf(was);
        if (k >= 0) {
          (this.spellTime[k] as Column<Float64Array>).push(time);
          (this.spellLength[k] as Column<Float64Array>).push(time - (this.enteredTime[x] as number));
        }
      }
      this.enteredState[x] = to;
      this.enteredTime[x] = time;
    }
    this.lines = log.length;
    return this;
  }

  /**
   * Task x handed its work in (to REVIEW or DONE) at `time`: its failures still waiting are
   * redone, automatically when no person acted on the task since the failure; at DONE, all its
   * failures ended DONE.
   */
  private handedIn(x: number, time: number, done: boolean): void {
    const head = this.failureHead[x] as number;
    if (head < 0) return;
    const redone = this.failureRedone.data;
    const next = this.failureNext.data;
    // The failures still waiting are the newest ones, before the first already handed in.
    for (let p = head; p >= 0 && Number.isNaN(redone[p]); p = next[p] as number) {
      redone[p] = time;
      this.failureRedoneAuto.data[p] = (this.lastManual[x] as number) <= (this.failureLine.data[p] as number) ? 1 : 0;
    }
    if (!done) return;
    for (let p = head; p >= 0; p = next[p] as number) this.failureDone.data[p] = 1;
    this.failureHead[x] = -1;
  }

  /** The fold's state, for the memo. */
  parts(): FoldParts {
    const columns: Record<string, Typed> = {
      automationActors: this.automationActors,
      created: this.created,
      firstClaim: this.firstClaim,
      enteredTime: this.enteredTime,
      enteredState: this.enteredState,
      lastManual: this.lastManual,
      failureHead: this.failureHead,
      stepTaken: this.stepTaken,
    };
    for (const [name, c] of this.eventColumns()) columns[name] = c.view();
    for (const [name, c] of Object.entries(this.runs.parts())) columns[`runs.${name}`] = c;
    return {
      numbers: { lines: this.lines, inOrder: this.inOrder ? 1 : 0, lastTime: this.lastTime },
      columns,
    };
  }

  /** A fold from its parts, or undefined when they are not a fold's. */
  static fromParts(p: FoldParts): LogFold | undefined {
    const c = p.columns;
    const is = <T extends Typed>(name: string, kind: new (n: number) => T): T | undefined =>
      c[name] instanceof kind ? (c[name] as T) : undefined;
    const automationActors = is("automationActors", Uint8Array);
    if (!automationActors) return undefined;
    const fold = new LogFold(automationActors);
    const f = (name: string) => is(name, Float64Array);
    const i = (name: string) => is(name, Int32Array);
    const created = f("created");
    const firstClaim = f("firstClaim");
    const enteredTime = f("enteredTime");
    const enteredState = i("enteredState");
    const lastManual = i("lastManual");
    const failureHead = i("failureHead");
    const stepTaken = i("stepTaken");
    const runs = Runs.fromParts(
      Object.fromEntries(
        Object.entries(c)
          .filter(([name]) => name.startsWith("runs."))
          .map(([name, v]) => [name.slice(5), v]),
      ),
    );
    if (!created || !firstClaim || !enteredTime || !enteredState || !lastManual || !failureHead) return undefined;
    if (!stepTaken || !runs) return undefined;
    Object.assign(fold, { created, firstClaim, enteredTime, enteredState, lastManual, failureHead, stepTaken, runs });
    for (const [name, col] of fold.eventColumns()) {
      const data = c[name];
      if (!data || data.constructor !== col.data.constructor) return undefined;
      col.data = data as never;
      col.length = data.length;
    }
    const { lines, inOrder, lastTime } = p.numbers;
    if (typeof lines !== "number" || typeof lastTime !== "number") return undefined;
    fold.lines = lines;
    fold.inOrder = inOrder === 1;
    fold.lastTime = lastTime;
    return fold;
  }

  private eventColumns(): [string, Column<Typed>][] {
    const cols: [string, Column<Typed>][] = [
      ["changeTime", this.changeTime],
      ["changeAutomatedUpTo", this.changeAutomatedUpTo],
      ["failureTime", this.failureTime],
      ["failureKind", this.failureKind],
      ["failureLine", this.failureLine],
      ["failureNext", this.failureNext],
      ["failureRedone", this.failureRedone],
      ["failureRedoneAuto", this.failureRedoneAuto],
      ["failureDone", this.failureDone],
      ["doneTime", this.doneTime],
      ["doneTarget", this.doneTarget],
    ];
    STATE_CODES.forEach((_, k) => {
      cols.push([`spellTime${k}`, this.spellTime[k] as Column<Typed>]);
      cols.push([`spellLength${k}`, this.spellLength[k] as Column<Typed>]);
    });
    return cols;
  }
}

/**
 * The indexes [a, b) of the events whose times (in `times`, in log order) are in [since,
 * until): found by binary search when the log's times never go back, else undefined (the
 * caller then looks at each event's time).
 */
export function timeRange(
  times: Float64Array,
  inOrder: boolean,
  since: number,
  until: number,
): [number, number] | undefined {
  if (!inOrder) return undefined;
  return [firstAtOrAfter(times, since), firstAtOrAfter(times, until)];
}

function firstAtOrAfter(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
