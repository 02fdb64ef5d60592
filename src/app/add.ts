// taskgate add TITLE: a new task, numbered after the highest ID, recorded in the log.

import { type AddInput, planAddTask } from "../rules/plan-add.js";
import type { Context } from "./context.js";
import { RefusedError } from "./errors.js";
import { actingAs, applyChecked, parseApprovals, parseTasksLazily, requireValid } from "./ledgers.js";

export async function addTask(ctx: Context, input: AddInput): Promise<{ id: string }> {
  const { paths, ports } = ctx;
  const approvals = parseApprovals(ctx, ports.readText(paths.approvals));
  const by = actingAs(ctx, approvals, "add");
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const plan = planAddTask(ledger, input, { now, actor: by.actor, role: by.role, hasher: ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    const next = applyChecked("tasks", paths.tasksDisplay, text as string, plan.splices);
    return { writes: [{ path: paths.tasks, text: next }], result: plan.result };
  });
}
