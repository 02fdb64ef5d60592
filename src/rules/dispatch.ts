// `next`: the best task for an actor: claimable now (READY, or DOING sent back for rework),
// dependencies DONE, not blocked, past its not-before time, within WIP limits, with the
// labels asked for; by priority, then age.

import type { TasksLedger } from "../ledger/tasks.js";
import type { Task } from "../model/task.js";
import { claimProblem, type Who } from "./workflow.js";

export interface NextOptions {
  readonly labels?: readonly string[];
}

export interface NextPick {
  readonly task: Task | undefined;
  /** Why nothing was picked (when task is undefined). */
  readonly why: string;
  readonly candidates: number;
}

export function pickNext(ledger: TasksLedger, who: Who, options: NextOptions, now: number): NextPick {
  const labels = options.labels ?? [];
  const limit = ledger.policy.wipLimit.DOING;
  const doing = ledger.tasks.filter((t) => t.state === "DOING").length;
  const candidates = ledger.tasks.filter(
    (t) =>
      (t.state === "READY" || (t.state === "DOING" && t.lease === undefined)) &&
      labels.every((l) => t.labels.includes(l)) &&
      claimProblem(ledger, t, who, now) === undefined,
  );
  candidates.sort(
    (a, b) =>
      a.priority.localeCompare(b.priority) ||
      (a.created ?? Number.POSITIVE_INFINITY) - (b.created ?? Number.POSITIVE_INFINITY) ||
      Number(a.id.slice(2)) - Number(b.id.slice(2)),
  );
  const task = candidates[0];
  let why = "";
  if (!task) {
    const ready = ledger.tasks.filter((t) => t.state === "READY").length;
    why =
      limit !== undefined && doing >= limit && ready > 0
        ? `DOING is at its WIP limit (${doing} of ${limit})`
        : ready === 0
          ? "no task is READY"
          : `none of the ${ready} READY task${ready === 1 ? "" : "s"} can be started by ${who.actor} now${labels.length ? ` with label ${labels.join(", ")}` : ""} (blocked, waiting for dependencies or a not-before time, or assigned to someone else)`;
  }
  return { task, why, candidates: candidates.length };
}
