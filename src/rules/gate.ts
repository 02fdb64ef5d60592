// The gate on acceptance: a task whose labels the policy lists under approval-required is
// accepted only with an approved request for it whose subject has not changed since, decided
// by someone who did not work on it. The CLI's accept and the judge behind `check --staged`
// and `verify` both ask gateProblem, so they refuse the same.

import type { ApprovalsLedger } from "../ledger/approvals.js";
import type { Hasher } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Approval } from "../model/approval.js";
import { sameParty } from "./identity.js";
import { taskContentHash } from "./subject.js";
import { workersOf } from "./workflow.js";

export function isStale(tasks: TasksLedger, approval: Approval, hasher: Hasher): boolean {
  const subject = approval.subject;
  // Stryker disable next-line ConditionalExpression: byId.has(undefined) below is false too; this tells TypeScript.
  if (subject === undefined) return false;
  if (approval.status !== "approved" || !tasks.byId.has(subject)) return false;
  const recorded = approval.fields.find((f) => f.key === "subject-hash")?.value;
  return recorded !== taskContentHash(tasks, subject, hasher);
}

export interface GateOptions {
  /** The labels that need an approval (default: the ledger's policy). */
  readonly required?: readonly string[];
  /** Labels the task had before the change being judged (a commit cannot drop one to pass). */
  readonly labelsBefore?: readonly string[] | undefined;
}

/** Why the task may not be accepted yet, naming the approval to get; undefined if it may. */
export function gateProblem(
  tasks: TasksLedger,
  approvals: ApprovalsLedger | undefined,
  id: string,
  hasher: Hasher,
  options: GateOptions = {},
): string | undefined {
  const task = tasks.byId.get(id)?.task;
  if (!task) return undefined;
  const required = options.required ?? tasks.policy.approvalRequired;
  // Stryker disable next-line ArrayDeclaration: a made-up label before is never a required one.
  const labels = [...new Set([...(options.labelsBefore ?? []), ...task.labels])];
  const needs = labels.filter((l) => required.includes(l));
  if (needs.length === 0) return undefined;
  // Stryker disable next-line ArrayDeclaration: a made-up request is about no task, so it is filtered out.
  const requests = (approvals?.approvals ?? [])
    .filter((a) => a.subject === id && a.status !== "superseded")
    .sort((a, b) => Number(b.id.slice(2)) - Number(a.id.slice(2)));
  const workers = workersOf(task);
  // An approver counts as a worker when they are one party (a person and their agents).
  const actors = approvals?.actors ?? new Map();
  const byWorker = (a: Approval) =>
    a.approver !== undefined && workers.some((w) => sameParty(actors, a.approver as string, w));
  if (requests.some((a) => a.status === "approved" && !isStale(tasks, a, hasher) && !byWorker(a))) return undefined;
  const head = `${id} has the label${needs.length > 1 ? "s" : ""} ${needs.join(", ")}, so accepting it needs an approved request`;
  const latest = requests[0];
  if (!latest) return `${head}; none exists: run taskgate approval request ${id}`;
  if (latest.status === "pending") {
    return `${head}; ${latest.id} is pending: an AUDIT actor other than its requester runs taskgate approve ${latest.id}`;
  }
  if (latest.status === "approved") {
    if (byWorker(latest)) {
      return `${head}; ${latest.id} was approved by ${latest.approver}, who worked on ${id} (four eyes): run taskgate approval request ${id}`;
    }
    return `${head}; ${latest.id} was approved, but ${id} changed since (stale): run taskgate approval request ${id}`;
  }
  return `${head}; ${latest.id} was rejected: run taskgate approval request ${id} once it is fixed`;
}
