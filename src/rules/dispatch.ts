// `next`: the best task for an actor: claimable now (READY, or DOING sent back for rework),
// dependencies DONE, not blocked, past its not-before time, within WIP limits, with the
// labels asked for; by priority, then age.

import type { TasksLedger } from "../ledger/tasks.js";
import type { Task } from "../model/task.js";
import { describeClash, type PathClash, pathClashes, reservations } from "./path-overlap.js";
import { claimProblem, type Who } from "./workflow.js";

export interface NextOptions {
  readonly labels?: readonly string[];
}

export interface NextPick {
  readonly task: Task | undefined;
  /** Why nothing was picked (when task is undefined). */
  readonly why: string;
  readonly candidates: number;
  /** Better-placed candidates passed over because their paths overlap a DOING task's, best first. */
  readonly skipped: ReadonlyArray<{ readonly id: string; readonly clashes: readonly PathClash[] }>;
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
  // Paths: the first candidate whose paths overlap no DOING task's. Reservations are read once,
  // and only when some task is DOING.
  let task: Task | undefined;
  const skipped: { id: string; clashes: PathClash[] }[] = [];
  const held = candidates.length && doing > 0 ? reservations(ledger, ledger.tasks) : [];
  for (const c of candidates) {
    const clashes = held.length ? pathClashes(c, held) : [];
    if (!clashes.length) {
      task = c;
      break;
    }
    skipped.push({ id: c.id, clashes });
  }
  let why = "";
  if (!task && skipped.length) {
    why = `the ${skipped.length} task${skipped.length === 1 ? "" : "s"} ${who.actor} could start overlap paths of DOING tasks: ${skipped
      .slice(0, 3)
      .map((s) => `${s.id} with ${s.clashes.map(describeClash).join("; ")}`)
      .join("; ")}${skipped.length > 3 ? "; ..." : ""}`;
  } else if (!task) {
    const ready = ledger.tasks.filter((t) => t.state === "READY").length;
    why =
      limit !== undefined && doing >= limit && ready > 0
        ? `DOING is at its WIP limit (${doing} of ${limit})`
        : ready === 0
          ? "no task is READY"
          : `none of the ${ready} READY task${ready === 1 ? "" : "s"} can be started by ${who.actor} now${labels.length ? ` with label ${labels.join(", ")}` : ""} (blocked, waiting for dependencies or a not-before time, or assigned to someone else)`;
  }
  return { task, why, candidates: candidates.length, skipped };
}
