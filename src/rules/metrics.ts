// The measures a team lead asks for, computed from the ledgers' logs for a period
// [since, until): how much was automated, how long approvals wait, how often failed work
// recovered by itself, and how work flows. Pure: facts in, numbers out. docs/metrics.md
// defines each measure; the tests work examples out by hand.

import type { LogFact } from "../ledger/log-facts.js";
import type { Actor } from "../model/approval.js";
import type { Policy, State, Task } from "../model/task.js";
import { STATES } from "../model/task.js";

export interface MetricsInput {
  readonly tasksLog: readonly LogFact[];
  readonly approvalsLog: readonly LogFact[];
  readonly tasks: readonly Task[];
  readonly actors: ReadonlyMap<string, Actor>;
  readonly policy: Policy;
  readonly since: number;
  readonly until: number;
  /** The time "now" for the current state (WIP, ageing); usually until. */
  readonly now: number;
}

export interface Spread {
  readonly count: number;
  /** Milliseconds; null without data. */
  readonly median: number | null;
  readonly p90: number | null;
  readonly sum: number;
}

export interface GoalResult {
  readonly target: number;
  readonly actual: number | null;
  /** null: no data to judge by. */
  readonly met: boolean | null;
}

export interface Metrics {
  readonly since: number;
  readonly until: number;
  readonly automation: {
    readonly changes: number;
    readonly automated: number;
    /** automated / changes; null when nothing changed. */
    readonly rate: number | null;
    /** Per day of the period: [day start, changes, automated]. */
    readonly daily: readonly (readonly [number, number, number])[];
  };
  readonly approvalWait: {
    readonly all: Spread;
    readonly automatic: Spread;
    readonly manual: Spread;
    readonly previous: Spread;
    /** (median - previous median) / previous median; null without both. */
    readonly change: number | null;
    /** Every decision of the period: [decided at, wait, automatic]. */
    readonly decisions: readonly (readonly [number, number, boolean])[];
  };
  readonly recovery: {
    readonly failures: number;
    readonly leaseExpiries: number;
    readonly failedRuns: number;
    /** Ended DONE, with the work redone without a person's action. */
    readonly autoRecovered: number;
    /** Ended DONE, however. */
    readonly recovered: number;
    readonly rate: number | null;
    readonly timeToRecover: Spread;
  };
  readonly flow: {
    readonly done: number;
    readonly throughputPerDay: number;
    /** Per day of the period: [day start, tasks done]. */
    readonly daily: readonly (readonly [number, number])[];
    readonly leadTime: Spread;
    readonly cycleTime: Spread;
    readonly timeInState: Readonly<Record<State, Spread>>;
    readonly wip: Readonly<Record<State, number>>;
    readonly openAge: Spread;
    readonly oldestOpen: readonly { readonly id: string; readonly age: number }[];
    readonly blocked: number;
  };
  /** Over the whole log up to until (for counters, which only grow). */
  readonly totals: {
    readonly changes: number;
    readonly automated: number;
    readonly decisions: number;
    readonly autoDecisions: number;
  };
  readonly goals: {
    readonly automation: GoalResult | undefined;
    readonly recovery: GoalResult | undefined;
    readonly approvalWait: GoalResult | undefined;
  };
}

const DAY = 86_400_000;

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, median: null, p90: null, sum: 0 };
  const xs = [...values].sort((a, b) => a - b);
  // Nearest rank: the value at or below which q of the values lie.
  const rank = (q: number) => xs[Math.max(0, Math.ceil(q * xs.length) - 1)] as number;
  return { count: xs.length, median: rank(0.5), p90: rank(0.9), sum: xs.reduce((a, b) => a + b, 0) };
}

export function computeMetrics(input: MetricsInput): Metrics {
  const { since, until, actors } = input;
  const inPeriod = (t: number) => t >= since && t < until;
  const automationActor = new Map<string, boolean>();
  const automated = (f: LogFact) => {
    if (f.marked) return true;
    let a = automationActor.get(f.actor);
    if (a === undefined) {
      a = actors.get(f.actor)?.automation === true;
      automationActor.set(f.actor, a);
    }
    return a;
  };
  const days = Math.max(1, Math.ceil((until - since) / DAY));
  const dayOf = (t: number) => Math.min(days - 1, Math.floor((t - since) / DAY));

  // One pass over each log (100,000 lines must take milliseconds).
  const isDecision = (f: LogFact) => f.action === "approve" || f.action === "reject";
  const totals = { changes: 0, automated: 0, decisions: 0, autoDecisions: 0 };
  let changesInPeriod = 0;
  let automatedCount = 0;
  const dailyAuto = Array.from({ length: days }, (_, i) => [since + i * DAY, 0, 0] as [number, number, number]);
  /** Automation: state changes (including new tasks) and approval decisions. */
  const countChange = (f: LogFact, auto: boolean, decision: boolean) => {
    if (f.time >= until) return;
    totals.changes++;
    if (auto) totals.automated++;
    if (decision) {
      totals.decisions++;
      if (auto) totals.autoDecisions++;
    }
    if (f.time < since) return;
    changesInPeriod++;
    const d = dailyAuto[dayOf(f.time)] as [number, number, number];
    d[1]++;
    if (auto) {
      automatedCount++;
      d[2]++;
    }
  };

  // Approval wait: from the request's log line to the decision's.
  const requested = new Map<string, number>();
  const current: [number, number, boolean][] = [];
  const previousWaits: number[] = [];
  const previousSince = since - (until - since);
  for (const f of input.approvalsLog) {
    if (f.action === "request") {
      if (!requested.has(f.target)) requested.set(f.target, f.time);
      continue;
    }
    if (!isDecision(f)) continue;
    const auto = automated(f);
    countChange(f, auto, true);
    const asked = requested.get(f.target);
    if (asked === undefined) continue;
    if (inPeriod(f.time)) current.push([f.time, f.time - asked, auto]);
    else if (f.time >= previousSince && f.time < since) previousWaits.push(f.time - asked);
  }
  const previous = spread(previousWaits);
  const all = spread(current.map((d) => d[1]));
  const change =
    all.median !== null && previous.median !== null && previous.median > 0
      ? (all.median - previous.median) / previous.median
      : null;

  // Recovery: each failure (an expired lease recovered by the watch, a failed run) of the
  // period, followed through its task's later lines.
  interface Pending {
    readonly time: number;
    readonly counted: boolean;
    auto: boolean;
    redone: number | undefined;
  }
  const open = new Map<string, Pending[]>();
  let failures = 0;
  let leaseExpiries = 0;
  let failedRuns = 0;
  let autoRecovered = 0;
  let recovered = 0;
  const recoverTimes: number[] = [];
  // Flow.
  const dailyDone = Array.from({ length: days }, (_, i) => [since + i * DAY, 0] as [number, number]);
  const doneInPeriod: LogFact[] = [];
  const created = new Map<string, number>();
  const firstClaim = new Map<string, number>();
  const spells = Object.fromEntries(STATES.map((s) => [s, [] as number[]])) as Record<State, number[]>;
  const entered = new Map<string, { state: string; time: number }>();

  for (const f of input.tasksLog) {
    const auto = automated(f);
    const changed = f.action === "add" || (f.to !== undefined && f.to !== f.from);
    if (changed) countChange(f, auto, false);

    const pending = open.get(f.target);
    if (pending) {
      for (const p of pending) if (p.redone === undefined && !auto) p.auto = false;
      if (f.to === "REVIEW" || f.to === "DONE") for (const p of pending) p.redone ??= f.time;
      if (f.to === "DONE") {
        for (const p of pending) {
          if (!p.counted) continue;
          recovered++;
          if (p.auto) {
            autoRecovered++;
            recoverTimes.push((p.redone as number) - p.time);
          }
        }
        open.delete(f.target);
      }
    }
    if (f.action === "recover" || f.action === "fail") {
      const counted = inPeriod(f.time);
      if (counted) {
        failures++;
        if (f.action === "recover") leaseExpiries++;
        else failedRuns++;
      }
      const p: Pending = { time: f.time, counted, auto: true, redone: undefined };
      if (pending) pending.push(p);
      else open.set(f.target, [p]);
    }

    if (f.action === "add") {
      if (!created.has(f.target)) created.set(f.target, f.time);
      entered.set(f.target, { state: f.to ?? "PLAN", time: f.time });
      continue;
    }
    if (!changed || f.to === undefined) continue;
    if (f.to === "DOING" && !firstClaim.has(f.target)) firstClaim.set(f.target, f.time);
    const inside = inPeriod(f.time);
    if (f.to === "DONE" && inside) {
      doneInPeriod.push(f);
      (dailyDone[dayOf(f.time)] as [number, number])[1]++;
    }
    const was = entered.get(f.target);
    if (was) {
      if (was.state === f.from && inside) spells[was.state as State]?.push(f.time - was.time);
      was.state = f.to;
      was.time = f.time;
    } else entered.set(f.target, { state: f.to, time: f.time });
  }
  const taskCreated = new Map(input.tasks.map((t) => [t.id, t.created ?? created.get(t.id)]));
  const lead: number[] = [];
  const cycle: number[] = [];
  for (const f of doneInPeriod) {
    const c = taskCreated.get(f.target) ?? created.get(f.target);
    if (c !== undefined) lead.push(f.time - c);
    const s = firstClaim.get(f.target);
    if (s !== undefined) cycle.push(f.time - s);
  }
  const wip = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const ages: { id: string; age: number }[] = [];
  for (const t of input.tasks) {
    wip[t.state]++;
    if (t.state === "DONE") continue;
    const c = taskCreated.get(t.id);
    if (c !== undefined) ages.push({ id: t.id, age: input.now - c });
  }
  ages.sort((a, b) => b.age - a.age);

  const approvalWait = {
    all,
    automatic: spread(current.filter((d) => d[2]).map((d) => d[1])),
    manual: spread(current.filter((d) => !d[2]).map((d) => d[1])),
    previous,
    change,
    decisions: current,
  };
  const automationRate = changesInPeriod ? automatedCount / changesInPeriod : null;
  const recoveryRate = failures ? autoRecovered / failures : null;
  const goal = (
    target: number | undefined,
    actual: number | null,
    better: "higher" | "lower",
  ): GoalResult | undefined =>
    target === undefined
      ? undefined
      : { target, actual, met: actual === null ? null : better === "higher" ? actual >= target : actual <= target };

  return {
    since,
    until,
    automation: { changes: changesInPeriod, automated: automatedCount, rate: automationRate, daily: dailyAuto },
    approvalWait,
    recovery: {
      failures,
      leaseExpiries,
      failedRuns,
      autoRecovered,
      recovered,
      rate: recoveryRate,
      timeToRecover: spread(recoverTimes),
    },
    flow: {
      done: doneInPeriod.length,
      throughputPerDay: doneInPeriod.length / ((until - since) / DAY),
      daily: dailyDone,
      leadTime: spread(lead),
      cycleTime: spread(cycle),
      timeInState: Object.fromEntries(STATES.map((s) => [s, spread(spells[s])])) as Record<State, Spread>,
      wip,
      openAge: spread(ages.map((a) => a.age)),
      oldestOpen: ages.slice(0, 5),
      blocked: input.tasks.filter((t) => t.blocked !== undefined && t.state !== "DONE").length,
    },
    totals,
    goals: {
      automation: goal(input.policy.goals.automation, automationRate, "higher"),
      recovery: goal(input.policy.goals.recovery, recoveryRate, "higher"),
      approvalWait: goal(input.policy.goals.approvalWait, change, "lower"),
    },
  };
}
