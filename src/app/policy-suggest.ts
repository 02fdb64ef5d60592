// policy suggest: the ledgers and the tasks' log read once, then rules/policy-suggest.ts; with
// --request each suggestion becomes an approval request (text subject) for another AUDIT.
// Nothing is applied here: a person applies an approved suggestion as any other change.

import { logTable } from "../ledger/log-facts.js";
import { RECOVERED_LEASE } from "../rules/log-fold.js";
import { foldTasksLog } from "../rules/metrics.js";
import { type DecidedApproval, type Suggestion, suggestPolicy } from "../rules/policy-suggest.js";
import { TASK_SUBJECT } from "../rules/subject.js";
import { requestApproval } from "./approvals.js";
import type { Context } from "./context.js";
import { missingLedger, parseApprovals, parseTasks } from "./ledgers.js";

export function policySuggestions(ctx: Context): Suggestion[] {
  const tasksText = ctx.ports.readText(ctx.paths.tasks);
  if (tasksText === undefined) throw missingLedger(ctx, "tasks");
  const approvalsText = ctx.ports.readText(ctx.paths.approvals);
  if (approvalsText === undefined) throw missingLedger(ctx, "approvals");
  const tasks = parseTasks(ctx, tasksText);
  const approvals = parseApprovals(ctx, approvalsText);
  const table = logTable(tasks.doc);
  const fold = foldTasksLog(table, approvals.actors);
  const decided: DecidedApproval[] = [];
  for (const a of approvals.approvals) {
    if (a.status !== "approved" || a.decidedAt === undefined || !a.subject || !TASK_SUBJECT.test(a.subject)) continue;
    const byRule = a.fields.some((f) => f.key === "rule" && f.value.trim() !== "");
    const byAutomation = a.approver !== undefined && approvals.actors.get(a.approver)?.automation === true;
    decided.push({ id: a.id, task: a.subject, decidedAt: a.decidedAt, automatic: byRule || byAutomation });
  }
  let leaseExpiries = 0;
  for (const k of fold.failureKind.view()) if (k === RECOVERED_LEASE) leaseExpiries++;
  return suggestPolicy({
    approvals: decided,
    labelsOf: new Map(tasks.tasks.map((t) => [t.id, t.labels])),
    tasksLog: table,
    runLengths: (fold.spellLength[2] as (typeof fold.spellLength)[number]).view(),
    leaseExpiries,
    policy: tasks.policy,
  });
}

/** Files each suggestion as an approval request; returns the requests' IDs. */
export async function requestSuggestions(ctx: Context, suggestions: readonly Suggestion[]): Promise<string[]> {
  const ids: string[] = [];
  for (const s of suggestions) {
    const r = await requestApproval(ctx, {
      subject: s.change,
      title: `Suggested: ${s.change}`,
      evidence: [...s.evidence, `apply: ${s.apply.replace(/\n\s*/g, " ")}`],
    });
    ids.push(r.id);
  }
  return ids;
}
