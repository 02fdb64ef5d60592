// When will the remaining work be done, and how sure are we: a Monte Carlo simulation over the
// board's own daily throughput. Pure: times in, a forecast out; the clock and the seed are
// passed in, so the same board, time and seed give the same answer. docs/forecast.md explains
// the method and each "cannot know" answer; test/unit/forecast.test.ts checks it against
// histories where the truth is known.
//
// The method: the window is the last WINDOW_DAYS calendar days before now (fewer when the log
// is younger). Each day of it is one sample: the tasks moved to DONE that day. A trial draws
// days from the samples, with replacement, until the remaining tasks are done; the number of
// days drawn is the trial's finish. Each trial first draws its own window from the window (a
// bootstrap of the history), so that the uncertainty of the rate is in the answer too. TRIALS trials give the distribution, read at 50%, 85% and
// 95%, and the share of trials that finish by the due time.

export const FORECAST_DEFAULTS = {
  /** Calendar days of history sampled (weekends included: their zeros are part of the rate). */
  windowDays: 30,
  /** Simulated futures. */
  trials: 10_000,
  /** Fewer tasks done in the window than this, and the forecast says it cannot know. */
  minDone: 10,
  /** A trial still running after this many days is counted as "later than that". */
  horizonDays: 3650,
} as const;

const DAY = 86_400_000;

/** A small seeded generator (mulberry32): uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ForecastInput {
  /** When each of the counted tasks moved to DONE (any order; times outside the window are ignored). */
  readonly doneTimes: ArrayLike<number>;
  /** When each of the counted tasks was added (for scope growth). */
  readonly addedTimes: ArrayLike<number>;
  /** Tasks not DONE yet. */
  readonly remaining: number;
  readonly now: number;
  /** The time of the log's first line: the window does not reach before it. */
  readonly since: number | undefined;
  readonly due?: number | undefined;
  readonly seed: number;
  readonly windowDays?: number;
  readonly trials?: number;
  readonly minDone?: number;
  readonly horizonDays?: number;
}

export type CannotKnow = "little-history" | "no-throughput" | "scope-growing";

interface Common {
  readonly remaining: number;
  /** The window: [start, now), in whole days. */
  readonly windowStart: number;
  readonly windowDays: number;
  readonly doneInWindow: number;
  /** Added to this scope in the window after its first task was done in the window. */
  readonly addedInWindow: number;
  readonly due: number | undefined;
}

export type Forecast =
  | (Common & { readonly kind: "done" })
  | (Common & { readonly kind: "unknown"; readonly reason: CannotKnow; readonly sentence: string })
  | (Common & {
      readonly kind: "forecast";
      readonly trials: number;
      readonly seed: number;
      /** Finish times at 50%, 85% and 95% likelihood; null: later than the horizon. */
      readonly p50: number | null;
      readonly p85: number | null;
      readonly p95: number | null;
      /** The share of trials finished by the due time; null without one. */
      readonly onTime: number | null;
      /** The distribution: [days from now, trials that finished then], by day; later than the horizon is left out. */
      readonly histogram: readonly (readonly [number, number])[];
      readonly beyondHorizon: number;
      readonly horizonDays: number;
    });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function forecast(input: ForecastInput): Forecast {
  const o = { ...FORECAST_DEFAULTS, ...definedOnly(input) };
  const { now, remaining } = input;
  // The window: whole days back from now, no further than the log's first line.
  const age = input.since === undefined ? o.windowDays : Math.ceil((now - input.since) / DAY);
  const windowDays = Math.max(1, Math.min(o.windowDays, age));
  const windowStart = now - windowDays * DAY;
  const daily = new Int32Array(windowDays);
  let doneInWindow = 0;
  let firstDone = Number.POSITIVE_INFINITY;
  for (let i = 0; i < input.doneTimes.length; i++) {
    const t = input.doneTimes[i] as number;
    if (t < windowStart || t >= now) continue;
    const d = Math.floor((t - windowStart) / DAY);
    daily[d] = (daily[d] as number) + 1;
    doneInWindow++;
    if (t < firstDone) firstDone = t;
  }
  let addedInWindow = 0;
  for (let i = 0; i < input.addedTimes.length; i++) {
    const t = input.addedTimes[i] as number;
    if (t > firstDone && t < now) addedInWindow++;
  }
  const common: Common = { remaining, windowStart, windowDays, doneInWindow, addedInWindow, due: input.due };
  if (remaining <= 0) return { ...common, kind: "done" };
  const window = `the last ${plural(windowDays, "day")}`;
  if (doneInWindow === 0) {
    return {
      ...common,
      kind: "unknown",
      reason: "no-throughput",
      sentence: `Cannot forecast: no task was done in ${window}, so there is no rate to project ${plural(remaining, "remaining task")} from.`,
    };
  }
  if (doneInWindow < o.minDone) {
    return {
      ...common,
      kind: "unknown",
      reason: "little-history",
      sentence: `Cannot forecast: only ${plural(doneInWindow, "task")} done in ${window}, fewer than the ${o.minDone} needed; with so few, one task more or less moves the rate by a tenth or more, so any date would be a guess.`,
    };
  }
  if (addedInWindow > doneInWindow) {
    return {
      ...common,
      kind: "unknown",
      reason: "scope-growing",
      sentence: `Cannot forecast: the scope is growing faster than it is done (${addedInWindow} tasks added and ${doneInWindow} done in ${window}), so the remaining work is not yet known.`,
    };
  }
  const random = seededRandom(input.seed);
  const finish = new Int32Array(o.trials);
  const horizon = o.horizonDays;
  const own = new Int32Array(windowDays);
  for (let k = 0; k < o.trials; k++) {
    // The trial's own history: the window's days drawn again (the rate itself is only
    // estimated from a few weeks, and a long forecast depends far more on the rate than on
    // day-to-day noise; without this the 85% date came true in only 64% of the backtests).
    let ownSum = 0;
    for (let i = 0; i < windowDays; i++) {
      own[i] = daily[Math.floor(random() * windowDays)] as number;
      ownSum += own[i] as number;
    }
    if (ownSum === 0) {
      // A history without a task done never finishes: no need to draw ten years of days.
      finish[k] = horizon + 1;
      continue;
    }
    let left = remaining;
    let d = 0;
    while (left > 0 && d <= horizon) {
      left -= own[Math.floor(random() * windowDays)] as number;
      d++;
    }
    finish[k] = left > 0 ? horizon + 1 : d;
  }
  finish.sort();
  const at = (q: number) => {
    const d = finish[Math.max(0, Math.ceil(q * o.trials) - 1)] as number;
    return d > horizon ? null : now + d * DAY;
  };
  const histogram: [number, number][] = [];
  let beyondHorizon = 0;
  let onTimeCount = 0;
  for (let k = 0; k < o.trials; k++) {
    const d = finish[k] as number;
    if (d > horizon) {
      beyondHorizon++;
      continue;
    }
    if (input.due !== undefined && now + d * DAY <= input.due) onTimeCount++;
    const last = histogram[histogram.length - 1];
    if (last && last[0] === d) last[1]++;
    else histogram.push([d, 1]);
  }
  return {
    ...common,
    kind: "forecast",
    trials: o.trials,
    seed: input.seed,
    p50: at(0.5),
    p85: at(0.85),
    p95: at(0.95),
    onTime: input.due === undefined ? null : onTimeCount / o.trials,
    histogram,
    beyondHorizon,
    horizonDays: horizon,
  };
}

function definedOnly(i: ForecastInput): Partial<typeof FORECAST_DEFAULTS> {
  const out: Record<string, number> = {};
  for (const k of ["windowDays", "trials", "minDone", "horizonDays"] as const) {
    const v = i[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
