// taskgate set ID key=value...: validated one-line field edits.

import { type Change, planSetFields } from "../rules/plan-set.js";
import type { Context } from "./context.js";
import { RefusedError } from "./errors.js";
import { actingAs, applyChecked, parseApprovals, parseTasksLazily, requireValid } from "./ledgers.js";

export async function setFields(
  ctx: Context,
  id: string,
  assignments: ReadonlyArray<readonly [string, string]>,
): Promise<{ changes: Change[] }> {
  const { paths, ports } = ctx;
  const approvals = parseApprovals(ctx, ports.readText(paths.approvals));
  const by = actingAs(ctx, approvals, "set");
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const plan = planSetFields(ledger, id, assignments, {
      now,
      actor: by.actor,
      role: by.role,
      hasher: ports.hasher,
    });
    if (!plan.ok) throw new RefusedError(plan.message);
    if (plan.splices.length === 0) return { writes: [], result: plan.result };
    const next = applyChecked("tasks", paths.tasksDisplay, text as string, plan.splices);
    return { writes: [{ path: paths.tasks, text: next }], result: plan.result };
  });
}
