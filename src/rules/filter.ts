// Which tasks `list` shows.

import { phaseOf } from "../ledger/phases.js";
import type { Task } from "../model/task.js";

export interface TaskFilter {
  readonly states?: readonly string[];
  readonly labels?: readonly string[];
  readonly assignee?: string;
  /** Only the tasks of this phase (their `phase` field). */
  readonly phase?: string;
}

export function filterTasks(tasks: readonly Task[], f: TaskFilter): Task[] {
  return tasks.filter(matcher(f) ?? (() => true));
}

/** Whether a task passes the filter; undefined when the filter passes every task. */
export function matcher(f: TaskFilter): ((t: Task) => boolean) | undefined {
  if (!f.states?.length && !f.labels?.length && f.assignee === undefined && f.phase === undefined) return undefined;
  return (t) =>
    (!f.states?.length || f.states.includes(t.state)) &&
    (!f.labels?.length || f.labels.every((l) => t.labels.includes(l))) &&
    (f.assignee === undefined || t.assignee === f.assignee) &&
    (f.phase === undefined || phaseOf(t) === f.phase);
}
