// Tasks in DOING or REVIEW far longer than usual, judged from the log: a task whose current
// spell in a state is longer than three times the median of that state's finished spells
// (and at least 15 minutes) is reported. With fewer than five finished spells there is no
// "usual" yet, and nothing is reported for that state.

import type { State, Task } from "../model/task.js";

export interface Stuck {
  readonly id: string;
  readonly state: State;
  readonly since: number;
  /** The median finished spell in this state, in ms. */
  readonly usual: number;
}

interface Transition {
  readonly time: number;
  readonly target: string;
  readonly details: Readonly<Record<string, string>>;
}

const WATCHED: readonly State[] = ["DOING", "REVIEW"];
const MIN_SAMPLES = 5;
const FACTOR = 3;
const FLOOR = 15 * 60_000;

export function findStuck(tasks: readonly Task[], log: readonly Transition[], now: number): Stuck[] {
  const entered = new Map<string, { state: string; time: number }>();
  const spells = new Map<string, number[]>(WATCHED.map((s) => [s, []]));
  for (const e of log) {
    const { from, to } = e.details;
    if (!to || to === from) continue;
    const open = entered.get(e.target);
    if (open && open.state === from) spells.get(open.state)?.push(e.time - open.time);
    entered.set(e.target, { state: to, time: e.time });
  }
  const usual = new Map<string, number>();
  for (const [state, xs] of spells) {
    if (xs.length < MIN_SAMPLES) continue;
    const sorted = [...xs].sort((a, b) => a - b);
    usual.set(state, sorted[Math.floor(sorted.length / 2)] as number);
  }
  const out: Stuck[] = [];
  for (const t of tasks) {
    const median = usual.get(t.state);
    const open = entered.get(t.id);
    if (median === undefined || !open || open.state !== t.state) continue;
    if (now - open.time > Math.max(FLOOR, FACTOR * median)) {
      out.push({ id: t.id, state: t.state, since: open.time, usual: median });
    }
  }
  return out;
}
