// Task transitions (claim, submit, accept, ...) and `next --claim`: who acts is read from
// APPROVALS.md, the decision is the pure planner's, the write is the store's.

import { SESSION } from "../ledger/fields.js";
import type { Role } from "../model/approval.js";
import { type NextPick, pickNext } from "../rules/dispatch.js";
import { gateProblem } from "../rules/gate.js";
import { MATRIX, permits } from "../rules/matrix.js";
import { identify } from "../rules/roles.js";
import { planTransition, type TransitionInput, type TransitionResult, type Who } from "../rules/workflow.js";
import type { Context } from "./context.js";
import { EXIT, RefusedError, TaskgateError, UsageError } from "./errors.js";
import { applyChecked, loadTasks, parseApprovals, parseTasksLazily, requireValid } from "./ledgers.js";

/** Nothing to do: its own exit code, for scripts that loop on `next --claim`. */
export class NothingToDo extends TaskgateError {
  constructor(
    message: string,
    /** Tasks passed over because their paths overlap a DOING task's (next --json lists them). */
    readonly skipped: NextPick["skipped"] = [],
  ) {
    super(message, EXIT.nothingToDo);
  }
}

export function whoActs(ctx: Context, hint: Role): Who {
  const approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  requireValid(ctx.paths.approvalsDisplay, approvals.diagnostics);
  const name = ctx.ports.actorName();
  if (!name) {
    throw new UsageError(
      'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"',
    );
  }
  const id = identify(approvals.actors, name, ctx.paths.approvalsDisplay, hint);
  if (!id.ok) throw new RefusedError(id.message);
  return {
    actor: id.actor,
    roles: id.roles,
    automation: id.automation,
    party: id.party,
    host: ctx.ports.host,
    session: sessionOf(ctx),
  };
}

/** The session acting, checked: it is written into leases and log lines. */
export function sessionOf(ctx: Context): string | undefined {
  const session = ctx.ports.session;
  if (session !== undefined && !SESSION.test(session)) {
    throw new UsageError(
      `Expected TASKGATE_SESSION to be a session name (up to 128 letters, digits and . _ : -, starting with a letter or digit), found "${session}"`,
    );
  }
  return session;
}

export async function transition(ctx: Context, input: TransitionInput): Promise<TransitionResult> {
  const who = whoActs(ctx, MATRIX[input.action].role);
  const { paths, ports } = ctx;
  // Accepting reads the approvals too (the gate), under their lock, so a decision cannot
  // change between the check and the write.
  const gated = input.action === "accept";
  return ports.update(gated ? [paths.tasks, paths.approvals] : [paths.tasks], ([text, approvalsText], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    if (gated) {
      const approvals = parseApprovals(ctx, approvalsText);
      const problem = gateProblem(ledger, approvals, input.id, ports.hasher);
      if (problem && permits("accept", who.actor, who.roles, ledger.byId.get(input.id)?.task.state).ok) {
        throw new RefusedError(problem);
      }
    }
    const plan = planTransition(ledger, input, who, { now, hasher: ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    const next = applyChecked("tasks", paths.tasksDisplay, text as string, plan.splices);
    return { writes: [{ path: paths.tasks, text: next }], result: plan.result };
  });
}

export interface NextInput {
  readonly labels: readonly string[];
  readonly claim: boolean;
  readonly ttl?: number | undefined;
  /** Which automation claims (work), recorded in the log line. */
  readonly via?: string | undefined;
}

export async function next(
  ctx: Context,
  input: NextInput,
): Promise<{ pick: NextPick; claimed: TransitionResult | undefined }> {
  const who = whoActs(ctx, "WORK");
  // The best task "for you" is one you may claim: after the ledger's errors (as claim judges
  // them), an actor without WORK is told so rather than offered a task or "nothing to do".
  const mayClaim = () => {
    const allowed = permits("claim", who.actor, who.roles, undefined);
    if (!allowed.ok) throw new RefusedError(allowed.message);
  };
  if (!input.claim) {
    const ledger = loadTasks(ctx);
    // As with --claim: a board with errors cannot say what is next (a task whose state line is
    // broken may be the READY one), so the answer is its errors with file:line, not "nothing".
    requireValid(ctx.paths.tasksDisplay, ledger.diagnostics);
    mayClaim();
    const pick = pickNext(ledger, who, { labels: input.labels }, ctx.now);
    if (!pick.task) throw new NothingToDo(`Nothing to do for ${who.actor}: ${pick.why}`, pick.skipped);
    return { pick, claimed: undefined };
  }
  const { paths, ports } = ctx;
  // Picking and claiming under one lock: two racing workers never get the same task.
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasksLazily(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    mayClaim();
    const pick = pickNext(ledger, who, { labels: input.labels }, now);
    if (!pick.task) throw new NothingToDo(`Nothing to do for ${who.actor}: ${pick.why}`, pick.skipped);
    const plan = planTransition(ledger, { action: "claim", id: pick.task.id, ttl: input.ttl, via: input.via }, who, {
      now,
      hasher: ports.hasher,
    });
    if (!plan.ok) throw new RefusedError(plan.message);
    const next = applyChecked("tasks", paths.tasksDisplay, text as string, plan.splices);
    return { writes: [{ path: paths.tasks, text: next }], result: { pick, claimed: plan.result } };
  });
}
