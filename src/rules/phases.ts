// Each phase's progress: done of total, and what blocks it (its blocked tasks, and its open
// tasks waiting on a dependency that is not DONE). Pure: the phases and tasks in, counts out.

import { type Phase, phaseOf } from "../ledger/phases.js";
import type { Task } from "../model/task.js";
import { formatTime } from "../model/time.js";

export interface PhaseProgress {
  readonly name: string;
  readonly due: number | undefined;
  readonly description: string | undefined;
  readonly total: number;
  readonly done: number;
  readonly cancelled: number;
  /** Tasks of the phase with a blocked mark, and why. */
  readonly blocked: readonly { readonly id: string; readonly reason: string }[];
  /** Open tasks of the phase waiting on a dependency that is not DONE, with those dependencies. */
  readonly waiting: readonly { readonly id: string; readonly on: readonly string[] }[];
}

export type PhaseTask = Pick<Task, "id" | "state" | "blocked" | "depends" | "resolution" | "fields">;

export function phaseProgress(phases: readonly Phase[], tasks: readonly PhaseTask[]): PhaseProgress[] {
  const stateOf = new Map<string, Task["state"]>();
  for (const t of tasks) if (!stateOf.has(t.id)) stateOf.set(t.id, t.state);
  const byName = new Map(
    phases.map((p) => [
      p.name,
      {
        name: p.name,
        due: p.due,
        description: p.description,
        total: 0,
        done: 0,
        cancelled: 0,
        blocked: [] as { id: string; reason: string }[],
        waiting: [] as { id: string; on: string[] }[],
      },
    ]),
  );
  for (const t of tasks) {
    const name = phaseOf(t);
    const p = name === undefined ? undefined : byName.get(name);
    if (!p) continue;
    p.total++;
    if (t.state === "DONE") {
      p.done++;
      if (t.resolution === "cancelled") p.cancelled++;
      continue;
    }
    if (t.blocked !== undefined) p.blocked.push({ id: t.id, reason: t.blocked });
    const on = t.depends.filter((d) => stateOf.get(d) !== "DONE");
    if (on.length) p.waiting.push({ id: t.id, on });
  }
  return [...byName.values()];
}

/** "automation: 12 of 20 done, due 2026-12-20T00:00:00Z; blocked: T-4 (waiting for keys); waiting: T-7 on T-3" */
export function phaseLine(p: PhaseProgress, formatTime: (t: number) => string): string {
  const parts = [`${p.name}: ${p.done} of ${p.total} done${p.due === undefined ? "" : `, due ${formatTime(p.due)}`}`];
  const few = <T>(xs: readonly T[], f: (x: T) => string) =>
    `${xs.slice(0, 5).map(f).join(", ")}${xs.length > 5 ? `, and ${xs.length - 5} more` : ""}`;
  if (p.blocked.length) parts.push(`blocked: ${few(p.blocked, (b) => `${b.id} (${b.reason})`)}`);
  if (p.waiting.length) parts.push(`waiting: ${few(p.waiting, (w) => `${w.id} on ${w.on.join(", ")}`)}`);
  return parts.join("; ");
}

/** A phase's progress as the --json documents give it (status, and serve's API). */
export function phaseJson(p: PhaseProgress): Record<string, unknown> {
  return {
    name: p.name,
    due: p.due === undefined ? null : formatTime(p.due),
    description: p.description ?? null,
    total: p.total,
    done: p.done,
    cancelled: p.cancelled,
    blocked: p.blocked,
    waiting: p.waiting,
  };
}
