// Steps of work: what the automation rate counts (docs/metrics.md, "Automation rate").
// Each task's life has a few steps, each counted once however often it was tried: plan (the
// add), make ready (PLAN to READY), claim and run (the claim that led to the work handed in),
// hand in (to REVIEW), review (accept, or send back for rework), and each approval decided.
// A step is automated when the line that took it (its last attempt) was written by an
// automation actor or decided by a rule (auto=true, or an actor marked `(automation)` in
// Roles); which command was used (via=run) does not matter. A retry adds no step: a failed
// run and the run after it are one step of claim and run, taken by whoever ran it last. A
// recovery is a step only when a person had to take it (a person's `recover`); automation
// recovering is the run step retried. Pure.

import { type LogTable, W } from "../ledger/log-facts.js";
import type { Actor } from "../model/approval.js";

export const STEP_KINDS = ["plan", "ready", "run", "handIn", "review", "recover", "approve"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Step {
  readonly kind: StepKind;
  /** The task or approval it belongs to. */
  readonly target: string;
  /** When it was taken: its last attempt's line. */
  readonly time: number;
  readonly actor: string;
  readonly automated: boolean;
  /** The policy and Roles allow automation to take it (see automatableKinds). */
  readonly automatable: boolean;
}

export interface StepsInput {
  readonly tasksLog: LogTable;
  readonly approvalsLog: LogTable;
  readonly actors: ReadonlyMap<string, Actor>;
  /** Approvals automation may never decide (requests to change Roles, Policy or Rules). */
  readonly guardedApprovals?: ReadonlySet<string> | undefined;
  /** Lines at or after this are not looked at. */
  readonly until: number;
  /**
   * The tasks' steps as takeSteps left them after every line before until, when the caller
   * has them (the log fold); else the log is read for them.
   */
  readonly taken?: Int32Array | undefined;
}

/**
 * Which kinds of step automation may take, from the Roles: run and hand in with an automation
 * actor holding WORK (an agent), review and approve with one holding AUDIT (an automatic
 * accept, of work run or work handed in: eachStep checks that; a rule's decision), recover
 * with one holding CMD (the watch). Plan and
 * make ready are a person's decisions: automation adds tasks only from schedules, and never
 * makes work ready; a step automation did take always counts as automatable.
 */
export function automatableKinds(actors: ReadonlyMap<string, Actor>): ReadonlySet<StepKind> {
  const roles = new Set<string>();
  for (const a of actors.values()) if (a.automation) for (const r of a.roles) roles.add(r);
  const out = new Set<StepKind>();
  if (roles.has("WORK")) out.add("run").add("handIn");
  if (roles.has("AUDIT")) out.add("review").add("approve");
  if (roles.has("CMD")) out.add("recover");
  return out;
}

/** Per actor code: 1 when the actor is an automation actor in the Roles. */
function automationCodes(log: LogTable, actors: ReadonlyMap<string, Actor>): Uint8Array {
  const auto = new Uint8Array(log.actors.length);
  log.actors.forEach((name, code) => {
    auto[code] = actors.get(name)?.automation === true ? 1 : 0;
  });
  return auto;
}

/** The kinds of a task's steps (plan ... recover), per task in a `taken` table. */
export const TASK_KINDS = 6;
const K = { plan: 0, ready: 1, run: 2, handIn: 3, review: 4, recover: 5 } as const;

/**
 * Line i of the tasks' log takes the steps it takes: taken[target * TASK_KINDS + kind] = i (the
 * last attempt wins; a person's recovery is taken once). `auto`: automation wrote the line.
 * The log fold (log-fold.ts) calls this line by line, so that a call of metrics reads only the
 * lines added since the last one.
 */
export function takeSteps(T: LogTable, i: number, auto: boolean, taken: Int32Array): void {
  const at = (T.target[i] as number) * TASK_KINDS;
  const action = T.action[i] as number;
  const from = T.from[i] as number;
  const to = T.to[i] as number;
  if (action === W.add) {
    taken[at + K.plan] = i;
    if (to === W.READY) taken[at + K.ready] = i;
  } else if (from === W.PLAN && to === W.READY) taken[at + K.ready] = i;
  else if ((action === W.claim || action === W.takeover) && to === W.DOING) taken[at + K.run] = i;
  else if (from === W.DOING && (to === W.REVIEW || to === W.DONE)) taken[at + K.handIn] = i;
  else if (from === W.REVIEW && (to === W.DONE || to === W.DOING || to === W.READY)) taken[at + K.review] = i;
  else if (action === W.recover && !auto && taken[at + K.recover] === -1) taken[at + K.recover] = i;
}

/**
 * Calls `visit` for every step of work taken before `until`: its kind (an index into
 * STEP_KINDS), the log and line that took it, and whether automation took it and may take it.
 * Tasks' steps first (in the order the log first names the tasks), then approvals'. No object
 * per step: a long log has tens of thousands.
 */
export function eachStep(
  input: StepsInput,
  visit: (kind: number, log: LogTable, line: number, automated: boolean, automatable: boolean) => void,
): void {
  const { tasksLog: T, approvalsLog: A, until } = input;
  const can = automatableKinds(input.actors);
  const canKind = STEP_KINDS.map((k) => can.has(k));

  const autoT = automationCodes(T, input.actors);
  let taken = input.taken;
  if (!taken) {
    taken = new Int32Array(T.targets.length * TASK_KINDS).fill(-1);
    for (let i = 0; i < T.length; i++) {
      if ((T.time[i] as number) >= until) continue;
      takeSteps(T, i, T.marked[i] === 1 || autoT[T.actor[i] as number] === 1, taken);
    }
  }
  for (let c = 0; c < taken.length; c++) {
    const i = taken[c] as number;
    if (i < 0) continue;
    const k = c % TASK_KINDS;
    const automated = T.marked[i] === 1 || autoT[T.actor[i] as number] === 1;
    let can = canKind[k] as boolean;
    if (k === K.review) {
      // Automation accepts only what run or work handed in (--on-success done).
      const handIn = taken[c - K.review + K.handIn] as number;
      can &&= handIn >= 0 && T.fromRun[handIn] === 1;
    }
    visit(k, T, i, automated, automated || can);
  }

  // Approvals: each request decided is one step, taken by its last decision.
  const autoA = automationCodes(A, input.actors);
  const decided = new Int32Array(A.targets.length).fill(-1);
  for (let i = 0; i < A.length; i++) {
    if ((A.time[i] as number) >= until) continue;
    const action = A.action[i] as number;
    if (action === W.approve || action === W.reject) decided[A.target[i] as number] = i;
  }
  const approve = STEP_KINDS.indexOf("approve");
  for (let x = 0; x < decided.length; x++) {
    const i = decided[x] as number;
    if (i < 0) continue;
    const automated = A.marked[i] === 1 || autoA[A.actor[i] as number] === 1;
    const guarded = input.guardedApprovals?.has(A.targets[x] as string) === true;
    visit(approve, A, i, automated, automated || (can.has("approve") && !guarded));
  }
}

/** Every step of work taken before `until`, as objects (for tests and for reading). */
export function stepsOfWork(input: StepsInput): Step[] {
  const out: Step[] = [];
  eachStep(input, (k, log, i, automated, automatable) => {
    out.push({
      kind: STEP_KINDS[k] as StepKind,
      target: log.targets[log.target[i] as number] as string,
      time: log.time[i] as number,
      actor: log.actors[log.actor[i] as number] as string,
      automated,
      automatable,
    });
  });
  return out;
}
