// Which tasks `list` shows.

import type { Task } from "../model/task.js";

export interface TaskFilter {
  readonly states?: readonly string[];
  readonly labels?: readonly string[];
  readonly assignee?: string;
}

export function filterTasks(tasks: readonly Task[], f: TaskFilter): Task[] {
  return tasks.filter(
    (t) =>
      (!f.states?.length || f.states.includes(t.state)) &&
      (!f.labels?.length || f.labels.every((l) => t.labels.includes(l))) &&
      (f.assignee === undefined || t.assignee === f.assignee),
  );
}
