// The measures a team lead asks for, computed from the ledgers' logs for a period
// [since, until): how much of the work automation did (steps of work, steps.ts), how long
// approvals wait, how often failed work recovered by itself (per failure and per task), work
// done twice (twice.ts), and how work flows, per calendar day in the policy's time zone
// (days.ts). Pure: facts in, numbers out. docs/metrics.md defines each measure with worked
// examples, which the tests read and check.

import { type LogTable, W } from "../ledger/log-facts.js";
import type { Actor } from "../model/approval.js";
import type { Policy, State, Task } from "../model/task.js";
import { STATES } from "../model/task.js";
import { type Day, dayIndex, daysOf } from "./days.js";
import { LogFold, RECOVERED_LEASE, timeRange } from "./log-fold.js";
import { eachStep, STEP_KINDS, type StepKind, type StepsInput } from "./steps.js";
import { isDeadLetter } from "./summary.js";
import { type WorkDoneTwice, workDoneTwice } from "./twice.js";

export interface MetricsInput {
  readonly tasksLog: LogTable;
  readonly approvalsLog: LogTable;
  /** tasksLog folded with foldTasksLog and these actors, when the caller has it (the log memo). */
  readonly tasksFold?: LogFold | undefined;
  /** The tasks as they are now: what the measures need of each (clean-ledger.ts TaskSummary). */
  readonly tasks: readonly Pick<Task, "id" | "state" | "created" | "blocked">[];
  readonly actors: ReadonlyMap<string, Actor>;
  readonly policy: Policy;
  readonly since: number;
  readonly until: number;
  /** The time "now" for the current state (WIP, ageing); usually until. */
  readonly now: number;
  /** Approvals automation may never decide (requests that change Roles, Policy or Rules). */
  readonly guardedApprovals?: ReadonlySet<string> | undefined;
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
  /** The zone the days are calendar days of: the policy's time-zone, else UTC. */
  readonly timeZone: string;
  /** The calendar days of the period, labelled by their date; the daily series follow them. */
  readonly days: readonly Day[];
  readonly automation: {
    /** Steps of work taken in the period (steps.ts), and how many automation took. */
    readonly steps: number;
    readonly automated: number;
    /** automated / steps; null when no step was taken. */
    readonly rate: number | null;
    /** The steps the Roles and policy let automation take, and how many it took. */
    readonly automatable: number;
    readonly automatableAutomated: number;
    /** automatableAutomated / automatable; null without automatable steps. */
    readonly automatableRate: number | null;
    /** Per kind of step: [steps, automated, automatable]. */
    readonly byKind: Readonly<Record<StepKind, readonly [number, number, number]>>;
    /** Per day of the period (as `days`): [day start, steps, automated]. */
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
    /** autoRecovered / failures: per failure; null without failures. */
    readonly rate: number | null;
    readonly timeToRecover: Spread;
    /** Per task: the tasks with a failure in the period, and those whose last one recovered by itself. */
    readonly tasks: number;
    readonly tasksAutoRecovered: number;
    readonly tasksRate: number | null;
    /** Open tasks blocked as dead letters now. */
    readonly deadLetters: readonly string[];
  };
  /** Runs of one task that overlapped, and claims lost mid-run, in the period. */
  readonly workDoneTwice: WorkDoneTwice;
  readonly flow: {
    readonly done: number;
    readonly throughputPerDay: number;
    /** Per day of the period (as `days`): [day start, tasks done]. */
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
    /** State changes (new tasks, moves) and approval decisions, by who acted (auto=true, or an automation actor). */
    readonly changes: number;
    readonly automated: number;
    readonly decisions: number;
    readonly autoDecisions: number;
    /** Steps of work, and those automation took. */
    readonly steps: number;
    readonly automatedSteps: number;
  };
  readonly goals: {
    readonly automation: GoalResult | undefined;
    readonly recovery: GoalResult | undefined;
    readonly approvalWait: GoalResult | undefined;
  };
}

const DAY = 86_400_000;

export function spread(values: ArrayLike<number>): Spread {
  return spreadOf(new Float64Array(values));
}

/** Durations in whole seconds up to this sort as 32-bit integers. */
const MAX_SECONDS = 2 ** 31 - 1;

/** The spread of xs, which it may sort. */
function spreadOf(xs: Float64Array): Spread {
  const n = xs.length;
  if (n === 0) return { count: 0, median: null, p90: null, sum: 0 };
  let sum = 0;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const v = xs[i] as number;
    sum += v;
    if (wholeSeconds && (v % 1000 !== 0 || Math.abs(v / 1000) > MAX_SECONDS)) wholeSeconds = false;
  }
  // Log times are whole seconds, so durations nearly always are: as 32-bit seconds they sort
  // in half the time (100,000 spells of a long log), with the same order.
  let at: (k: number) => number;
  if (wholeSeconds) {
    const seconds = new Int32Array(n);
    for (let i = 0; i < n; i++) seconds[i] = (xs[i] as number) / 1000;
    seconds.sort();
    at = (k) => (seconds[k] as number) * 1000;
  } else {
    xs.sort(); // a typed array sorts by number
    at = (k) => xs[k] as number;
  }
  // Nearest rank: the value at or below which q of the values lie.
  const rank = (q: number) => at(Math.max(0, Math.ceil(q * n) - 1));
  return { count: n, median: rank(0.5), p90: rank(0.9), sum };
}

/** Per actor code of a log: 1 when the actor is an automation actor in the Roles. */
function automationActors(log: LogTable, actors: ReadonlyMap<string, Actor>): Uint8Array {
  const auto = new Uint8Array(log.actors.length);
  log.actors.forEach((name, code) => {
    auto[code] = actors.get(name)?.automation === true ? 1 : 0;
  });
  return auto;
}

/** The log's code for each target, and NaN-filled per-target columns. */
const perTarget = (log: LogTable) => new Float64Array(log.targets.length).fill(Number.NaN);

/** State changes (including new tasks) and decisions over the whole log up to until: the counters. */
class ChangeCount {
  allChanges = 0;
  allAutomated = 0;

  constructor(readonly until: number) {}

  add(time: number, auto: boolean): void {
    if (time >= this.until) return;
    this.allChanges++;
    if (auto) this.allAutomated++;
  }

  /** The fold's state changes: counted by searching their times when the log is in time order. */
  addFolded(fold: LogFold): void {
    const times = fold.changeTime.view();
    const upTo = fold.changeAutomatedUpTo.view();
    if (!fold.inOrder) {
      for (let i = 0; i < times.length; i++) {
        this.add(times[i] as number, (upTo[i] as number) > (i > 0 ? (upTo[i - 1] as number) : 0));
      }
      return;
    }
    const b = (timeRange(times, true, this.until, this.until) as [number, number])[0];
    this.allChanges += b;
    this.allAutomated += b > 0 ? (upTo[b - 1] as number) : 0;
  }
}

/** The steps of the period: counted in all, per kind and per day, and over the whole log. */
function countSteps(input: StepsInput, days: readonly Day[], since: number) {
  const byKind = Object.fromEntries(STEP_KINDS.map((k) => [k, [0, 0, 0]])) as Record<
    StepKind,
    [number, number, number]
  >;
  const kinds = STEP_KINDS.map((k) => byKind[k]);
  const dailySteps = new Int32Array(days.length);
  const dailyAutomated = new Int32Array(days.length);
  let n = 0;
  let automated = 0;
  let automatable = 0;
  let automatableAutomated = 0;
  let all = 0;
  let allAutomated = 0;
  eachStep(input, (kind, log, line, auto, can) => {
    all++;
    if (auto) allAutomated++;
    const time = log.time[line] as number;
    if (time < since) return; // and before until: eachStep stops there
    n++;
    const k = kinds[kind] as [number, number, number];
    k[0]++;
    const d = dayIndex(days, time);
    dailySteps[d] = (dailySteps[d] as number) + 1;
    if (auto) {
      automated++;
      k[1]++;
      dailyAutomated[d] = (dailyAutomated[d] as number) + 1;
    }
    if (can) {
      automatable++;
      k[2]++;
      if (auto) automatableAutomated++;
    }
  });
  return {
    steps: n,
    automated,
    rate: n ? automated / n : null,
    automatable,
    automatableAutomated,
    automatableRate: automatable ? automatableAutomated / automatable : null,
    byKind,
    daily: days.map((day, d) => [day.start, dailySteps[d] as number, dailyAutomated[d] as number] as const),
    all,
    allAutomated,
  };
}

/** The events of the fold whose times are in [since, until): each index, in log order. */
function eachInPeriod(times: Float64Array, fold: LogFold, since: number, until: number, f: (i: number) => void) {
  const range = timeRange(times, fold.inOrder, since, until);
  if (range) for (let i = range[0]; i < range[1]; i++) f(i);
  else for (let i = 0; i < times.length; i++) if ((times[i] as number) >= since && (times[i] as number) < until) f(i);
}

/**
 * The failures of [since, until), and what became of them: counts, each time to recover, and
 * per task (of T) whether its last failure of the period recovered by itself.
 */
function failuresIn(fold: LogFold, T: LogTable, since: number, until: number) {
  const times = fold.failureTime.view();
  const kind = fold.failureKind.data;
  const done = fold.failureDone.data;
  const redoneAuto = fold.failureRedoneAuto.data;
  const redone = fold.failureRedone.data;
  const range = timeRange(times, fold.inOrder, since, until);
  const [a, b] = range ?? [0, times.length];
  const out = { failures: 0, leaseExpiries: 0, failedRuns: 0, autoRecovered: 0, recovered: 0 };
  const recoverTimes = new Float64Array(b - a);
  const lastOfTask = new Map<number, number>();
  const line = fold.failureLine.data;
  let n = 0;
  for (let p = a; p < b; p++) {
    const t = times[p] as number;
    if (!range && (t < since || t >= until)) continue;
    lastOfTask.set(T.target[line[p] as number] as number, p);
    out.failures++;
    if (kind[p] === RECOVERED_LEASE) out.leaseExpiries++;
    else out.failedRuns++;
    if (done[p] !== 1) continue;
    out.recovered++;
    if (redoneAuto[p] !== 1) continue;
    out.autoRecovered++;
    recoverTimes[n++] = (redone[p] as number) - t;
  }
  let tasksAutoRecovered = 0;
  for (const p of lastOfTask.values()) if (done[p] === 1 && redoneAuto[p] === 1) tasksAutoRecovered++;
  return { ...out, recoverTimes: recoverTimes.subarray(0, n), tasks: lastOfTask.size, tasksAutoRecovered };
}

/** The tasks' log folded (log-fold.ts), for the Roles' automation actors. */
export function foldTasksLog(log: LogTable, actors: ReadonlyMap<string, Actor>, from?: LogFold): LogFold {
  const automation = automationActors(log, actors);
  // A fold made with other automation actors counts other lines as automated: fold anew.
  if (from?.automationActors.every((v, i) => automation[i] === v) && from.lines <= log.length) {
    from.automationActors = automation;
    return from.continue(log);
  }
  return new LogFold(automation).continue(log);
}

export function computeMetrics(input: MetricsInput): Metrics {
  const { since, until, actors } = input;
  const inPeriod = (t: number) => t >= since && t < until;
  const timeZone = input.policy.timeZone ?? "UTC";
  const days = daysOf(since, until, timeZone);

  // Automation: steps of work, by who took them.
  const T = input.tasksLog;
  const A = input.approvalsLog;
  // The counters: the tasks' state changes and the approvals' decisions.
  const fold = input.tasksFold ?? foldTasksLog(T, actors);
  // The fold's steps and runs are the log's up to until when every line is before it (the usual
  // case, until now); else the log is read again for them.
  const whole = fold.inOrder && fold.lastTime < until && fold.lines === T.length;
  const steps = countSteps(
    {
      tasksLog: T,
      approvalsLog: A,
      actors,
      until,
      guardedApprovals: input.guardedApprovals,
      taken: whole ? fold.stepTaken : undefined,
    },
    days,
    since,
  );
  const changes = new ChangeCount(until);
  changes.addFolded(fold);
  let decisionsTotal = 0;
  let autoDecisionsTotal = 0;

  // Approval wait: from the request's log line to the decision's.
  const autoInA = automationActors(A, actors);
  const requested = perTarget(A);
  const current: [number, number, boolean][] = [];
  const previousWaits: number[] = [];
  const previousSince = since - (until - since);
  for (let i = 0; i < A.length; i++) {
    const action = A.action[i] as number;
    const time = A.time[i] as number;
    const target = A.target[i] as number;
    if (action === W.request) {
      if (Number.isNaN(requested[target])) requested[target] = time;
      continue;
    }
    if (action !== W.approve && action !== W.reject) continue;
    const auto = A.marked[i] === 1 || autoInA[A.actor[i] as number] === 1;
    changes.add(time, auto);
    if (time < until) {
      decisionsTotal++;
      if (auto) autoDecisionsTotal++;
    }
    const asked = requested[target] as number;
    if (Number.isNaN(asked)) continue;
    if (inPeriod(time)) current.push([time, time - asked, auto]);
    else if (time >= previousSince && time < since) previousWaits.push(time - asked);
  }
  const previous = spread(previousWaits);
  const all = spread(current.map((d) => d[1]));
  const change =
    all.median !== null && previous.median !== null && previous.median > 0
      ? (all.median - previous.median) / previous.median
      : null;
  const totals = {
    changes: changes.allChanges,
    automated: changes.allAutomated,
    decisions: decisionsTotal,
    autoDecisions: autoDecisionsTotal,
    steps: steps.all,
    automatedSteps: steps.allAutomated,
  };

  // Recovery: the failures of the period, and what became of them.
  const failed = failuresIn(fold, T, since, until);
  const { failures, leaseExpiries, failedRuns, autoRecovered, recovered, recoverTimes } = failed;

  // Flow: the tasks done in the period, with their lead and cycle times.
  // A task's creation: its `created` field, else its add line.
  const { created, firstClaim } = fold;
  const targetCode = new Map(T.targets.map((t, code) => [t, code]));
  const createdAt = new Float64Array(created);
  const createdOf = (t: MetricsInput["tasks"][number]) => {
    const x = targetCode.get(t.id);
    return t.created ?? (x === undefined || Number.isNaN(created[x]) ? undefined : (created[x] as number));
  };
  for (const t of input.tasks) {
    const x = targetCode.get(t.id);
    if (x !== undefined && t.created !== undefined) createdAt[x] = t.created;
  }
  const dailyDoneCount = new Int32Array(days.length);
  const lead: number[] = [];
  const cycle: number[] = [];
  let doneCount = 0;
  const doneTimes = fold.doneTime.view();
  const doneTarget = fold.doneTarget.data;
  eachInPeriod(doneTimes, fold, since, until, (k) => {
    const x = doneTarget[k] as number;
    const time = doneTimes[k] as number;
    doneCount++;
    const d = dayIndex(days, time);
    dailyDoneCount[d] = (dailyDoneCount[d] as number) + 1;
    if (!Number.isNaN(createdAt[x])) lead.push(time - (createdAt[x] as number));
    if (!Number.isNaN(firstClaim[x])) cycle.push(time - (firstClaim[x] as number));
  });
  const dailyDone = days.map((day, d) => [day.start, dailyDoneCount[d] as number] as const);
  /** How long tasks were in state k (0 PLAN ... 4 DONE), for the spells that ended in the period. */
  const spellsIn = (k: number): Float64Array => {
    const times = (fold.spellTime[k] as LogFold["changeTime"]).view();
    const lengths = (fold.spellLength[k] as LogFold["changeTime"]).data;
    const range = timeRange(times, fold.inOrder, since, until);
    if (range) return lengths.slice(range[0], range[1]);
    const out: number[] = [];
    eachInPeriod(times, fold, since, until, (i) => out.push(lengths[i] as number));
    return new Float64Array(out);
  };
  const wip = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  const ages: { id: string; age: number }[] = [];
  let blocked = 0;
  for (const t of input.tasks) {
    wip[t.state]++;
    if (t.state === "DONE") continue;
    if (t.blocked !== undefined) blocked++;
    const c = createdOf(t);
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
    timeZone,
    days,
    automation: {
      steps: steps.steps,
      automated: steps.automated,
      rate: steps.rate,
      automatable: steps.automatable,
      automatableAutomated: steps.automatableAutomated,
      automatableRate: steps.automatableRate,
      byKind: steps.byKind,
      daily: steps.daily,
    },
    approvalWait,
    recovery: {
      failures,
      leaseExpiries,
      failedRuns,
      autoRecovered,
      recovered,
      rate: recoveryRate,
      timeToRecover: spreadOf(recoverTimes),
      tasks: failed.tasks,
      tasksAutoRecovered: failed.tasksAutoRecovered,
      tasksRate: failed.tasks ? failed.tasksAutoRecovered / failed.tasks : null,
      deadLetters: input.tasks.filter(isDeadLetter).map((t) => t.id),
    },
    workDoneTwice: workDoneTwice(T, since, until, whole ? fold.runs : undefined),
    flow: {
      done: doneCount,
      throughputPerDay: doneCount / ((until - since) / DAY),
      daily: dailyDone,
      leadTime: spread(lead),
      cycleTime: spread(cycle),
      timeInState: Object.fromEntries(STATES.map((s, k) => [s, spreadOf(spellsIn(k))])) as Record<State, Spread>,
      wip,
      openAge: spread(ages.map((a) => a.age)),
      oldestOpen: ages.slice(0, 5),
      blocked,
    },
    totals,
    goals: {
      // The seed's automation target is about the work automation may do: automatable automated.
      automation: goal(input.policy.goals.automation, steps.automatableRate, "higher"),
      recovery: goal(input.policy.goals.recovery, recoveryRate, "higher"),
      approvalWait: goal(input.policy.goals.approvalWait, change, "lower"),
    },
  };
}
