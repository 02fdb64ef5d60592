// The DONE column of `board` and the report: the most recent work, and a count of the rest
// (with 300 tasks, 216 DONE lines pushed everything else off the screen). Recent is when the
// task became DONE by the log (its last line with to=DONE); a DONE task the log does not show
// (a hand edit, a trimmed log) counts as older than all of those, in the file's order.

import type { Task } from "../model/task.js";

export const DONE_SHOWN = 10;

export interface DoneCut {
  /** The tasks to show: every task not DONE, and the most recent DONE ones, in the file's order. */
  readonly tasks: Task[];
  /** DONE tasks left out. */
  readonly hidden: number;
}

export function recentDone(
  tasks: readonly Task[],
  log: readonly {
    readonly target: string;
    readonly time: number;
    readonly details: Readonly<Record<string, string>>;
  }[],
  limit: number = DONE_SHOWN,
): DoneCut {
  const done = tasks.filter((t) => t.state === "DONE");
  if (done.length <= limit) return { tasks: [...tasks], hidden: 0 };
  const doneAt = new Map<string, number>();
  for (const e of log) if (e.details.to === "DONE") doneAt.set(e.target, e.time);
  const order = new Map(tasks.map((t, i) => [t.id, i]));
  const recent = [...done]
    .sort(
      (a, b) =>
        (doneAt.get(b.id) ?? Number.NEGATIVE_INFINITY) - (doneAt.get(a.id) ?? Number.NEGATIVE_INFINITY) ||
        (order.get(b.id) ?? 0) - (order.get(a.id) ?? 0),
    )
    .slice(0, limit);
  const keep = new Set(recent.map((t) => t.id));
  return { tasks: tasks.filter((t) => t.state !== "DONE" || keep.has(t.id)), hidden: done.length - limit };
}
