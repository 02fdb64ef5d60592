// Why a use case said no, as a stable code an agent can branch on (LEASE_HELD, FOUR_EYES, ...)
// with the facts it needs to act (who holds the lease, until when) and what to do next. The
// sentence stays the one the use case gave; the code is read from the ledger with the same
// rules functions the planner used, so it never depends on the wording of a message.

import { type DiagnosticJson, diagnosticJson } from "../model/diagnostic.js";
import { formatTime } from "../model/time.js";
import { isLeaseExpired } from "../rules/lease.js";
import { MATRIX, type TaskAction } from "../rules/matrix.js";
import { holderOf, workersOf } from "../rules/workflow.js";
import type { Context } from "./context.js";
import { BusyError, InvalidLedgerError, RefusedError, TaskgateError, UsageError } from "./errors.js";
import { parseApprovals, parseTasksLazily } from "./ledgers.js";
import { NothingToDo, whoActs } from "./transition.js";

export const REFUSAL_CODES = [
  "LEASE_HELD",
  "STALE_TOKEN",
  "ROLE_DENIED",
  "FOUR_EYES",
  "NOT_FOUND",
  "WRONG_STATE",
  "NOTHING_TO_DO",
  "INVALID_ARGUMENT",
  "IDENTITY_FIXED",
  "INVALID_LEDGER",
  "BUSY",
  "REFUSED",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** What to do about it, one sentence. */
  readonly next: string;
  readonly holder?: string;
  /** When the lease in the way ends (ISO 8601): try again after it. */
  readonly retryAfter?: string;
  /** INVALID_LEDGER: where the first error is, and every error with file:line:column. */
  readonly file?: string;
  readonly line?: number;
  readonly diagnostics?: readonly DiagnosticJson[];
}

/** What the use case was asked to do when it refused, for the facts to read. */
export interface Attempt {
  readonly action?: TaskAction | undefined;
  readonly id?: string | undefined;
  readonly token?: number | undefined;
  /** A decision on an approval (its ID) rather than a task's transition. */
  readonly decision?:
    | { readonly id: string; readonly decision: "approve" | "reject"; readonly reasonGiven: boolean }
    | undefined;
}

/** The refusal behind `e` (a TaskgateError), or undefined for anything else (a bug). */
export function explainRefusal(ctx: Context, e: unknown, attempt: Attempt): Refusal | undefined {
  if (!(e instanceof TaskgateError)) return undefined;
  const message = e.message;
  if (e instanceof BusyError)
    return { code: "BUSY", message, next: "Another process holds the ledger; call the tool again in a moment." };
  if (e instanceof InvalidLedgerError) {
    const first = e.diagnostics.find((d) => d.severity === "error") ?? e.diagnostics[0];
    return {
      code: "INVALID_LEDGER",
      message,
      next: "A ledger has errors; ask a person to run `taskgate check` and fix what it lists.",
      ...(first ? { file: first.file, line: first.line } : {}),
      diagnostics: e.diagnostics.map(diagnosticJson),
    };
  }
  if (e instanceof NothingToDo)
    return { code: "NOTHING_TO_DO", message, next: "Nothing is ready for you; stop, or look again later." };
  if (e instanceof UsageError)
    return { code: "INVALID_ARGUMENT", message, next: "Correct the argument and call again." };
  if (!(e instanceof RefusedError)) return { code: "REFUSED", message, next: "Read the message; nothing was written." };
  return { message, ...(attempt.decision ? classifyDecision(ctx, attempt.decision) : classify(ctx, attempt)) };
}

/**
 * A refused decision, in the planner's order (rules/approval-plan.ts planDecision and
 * decisionProblem): an approval that is not there is NOT_FOUND whoever asks; a reject without
 * its reason and a decided approval are plain refusals; then the AUDIT role, then four eyes
 * for the requester (and whom they act for). The other four-eyes cases (the task's last
 * changer, one's own roles) stay REFUSED: their sentence says which.
 */
function classifyDecision(ctx: Context, attempt: NonNullable<Attempt["decision"]>): Omit<Refusal, "message"> {
  const refused = { code: "REFUSED", next: "Read the message; nothing was written." } as const;
  let approvals: ReturnType<typeof parseApprovals>;
  try {
    approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  } catch {
    return refused;
  }
  const found = approvals.byId.get(attempt.id)?.approval;
  if (!found) return { code: "NOT_FOUND", next: "Check the ID with taskgate approvals." };
  if ((attempt.decision === "reject" && !attempt.reasonGiven) || found.status !== "pending") return refused;
  let who: ReturnType<typeof whoActs>;
  try {
    who = whoActs(ctx, "AUDIT");
  } catch {
    return { code: "ROLE_DENIED", next: "This actor has no roles here; a CMD actor must grant one." };
  }
  if (!who.roles.includes("AUDIT")) return { code: "ROLE_DENIED", next: "Leave this to an actor with the AUDIT role." };
  if (found.requestedBy !== undefined && (who.party ?? [who.actor]).includes(found.requestedBy))
    return { code: "FOUR_EYES", next: "Another AUDIT actor must decide it; you asked for it." };
  return refused;
}

function classify(ctx: Context, attempt: Attempt): Omit<Refusal, "message"> {
  const refused = { code: "REFUSED", next: "Read the message; nothing was written." } as const;
  const { action, id } = attempt;
  let who: ReturnType<typeof whoActs>;
  try {
    who = whoActs(ctx, action ? MATRIX[action].role : "WORK");
  } catch {
    return { code: "ROLE_DENIED", next: "This actor has no roles here; a CMD actor must grant one." };
  }
  // In the planner's order (rules/workflow.ts): a task that is not there is NOT_FOUND whoever
  // asks, and only then is the role checked.
  let ledger: ReturnType<typeof parseTasksLazily> | undefined;
  if (id !== undefined) {
    try {
      ledger = parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks));
    } catch {
      ledger = undefined;
    }
    if (ledger && !ledger.byId.has(id))
      return { code: "NOT_FOUND", next: "Check the ID with board_summary or next_task." };
  }
  if (action && !who.roles.includes(MATRIX[action].role))
    return { code: "ROLE_DENIED", next: `Leave this to an actor with the ${MATRIX[action].role} role.` };
  const task = ledger && id !== undefined ? ledger.byId.get(id)?.task : undefined;
  if (!ledger || !task) return refused;
  if (action === "accept" && workersOf(task).includes(who.actor))
    return { code: "FOUR_EYES", next: "Another AUDIT actor must accept it; you worked on it." };
  const lease = task.lease;
  if (lease && attempt.token !== undefined && attempt.token < lease.token)
    return {
      code: "STALE_TOKEN",
      holder: lease.holder,
      next: "Your lease was taken over: stop working on this task and pick another.",
    };
  if (lease && lease.holder !== holderOf(who) && !isLeaseExpired(lease, ctx.now, ledger.policy.clockSkew))
    return {
      code: "LEASE_HELD",
      holder: lease.holder,
      retryAfter: formatTime(lease.until),
      next: "Someone else holds the lease; pick another task, or try after it ends.",
    };
  if (action && !MATRIX[action].from.includes(task.state))
    return {
      code: "WRONG_STATE",
      next: `${task.id} is ${task.state}; ${action} needs ${MATRIX[action].from.join(" or ")}.`,
    };
  return refused;
}
