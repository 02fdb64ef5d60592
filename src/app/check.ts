// taskgate check: every problem in both ledgers at once, including the log's hash chain;
// --strict also compares the line reader with remark on every section.

import { sectionByName } from "../ledger/document.js";
import { lintLedger } from "../ledger/lint.js";
import { schedulesOf } from "../ledger/tasks.js";
import { compareDiagnostics, type Diagnostic } from "../model/diagnostic.js";
import { formatAge, formatDuration } from "../model/time.js";
import { parseRules } from "../rules/approval-rules.js";
import { isStale } from "../rules/gate.js";
import type { Context } from "./context.js";
import { missingLedger } from "./ledgers.js";

export interface CheckOptions {
  readonly strict?: boolean;
  /** Report pending approvals past the policy's approval-sla as errors (for scheduled runs). */
  readonly sla?: boolean;
}

export async function checkLedgers(
  ctx: Context,
  options: CheckOptions = {},
): Promise<{ diagnostics: Diagnostic[]; files: string[] }> {
  const { paths, ports } = ctx;
  const tasksText = ports.readText(paths.tasks);
  if (tasksText === undefined) throw missingLedger(ctx, "tasks");
  const approvalsText = ports.readText(paths.approvals);
  if (approvalsText === undefined) throw missingLedger(ctx, "approvals");
  const tasks = lintLedger("tasks", paths.tasksDisplay, tasksText, ports.hasher);
  const approvals = lintLedger("approvals", paths.approvalsDisplay, approvalsText, ports.hasher);
  const diagnostics: Diagnostic[] = [...tasks.diagnostics, ...approvals.diagnostics];
  for (const l of [tasks, approvals]) {
    const future = l.log.find((e) => e.time > ctx.now + 5 * 60_000);
    if (future) {
      diagnostics.push({
        severity: "warning",
        file: l.ledger.doc.file,
        line: future.line + 1,
        column: 3,
        code: "log-in-future",
        message: "This log line is dated in the future (is a clock wrong?)",
      });
    }
  }
  const { actors } = approvals.ledger;
  const reported = new Set<string>();
  for (const t of tasks.ledger.tasks) {
    if (t.assignee === undefined || actors.has(t.assignee) || reported.has(t.assignee)) continue;
    reported.add(t.assignee);
    diagnostics.push({
      severity: "warning",
      file: paths.tasksDisplay,
      line: t.line,
      column: 1,
      code: "unknown-assignee",
      message: `${t.id} is assigned to ${t.assignee}, who has no roles in ${paths.approvalsDisplay}`,
    });
  }
  const rules = parseRules(paths.approvalsDisplay, approvals.ledger.rules);
  diagnostics.push(...rules.diagnostics);
  const sla = tasks.ledger.policy.approvalSla;
  for (const a of approvals.ledger.approvals) {
    const at = { file: paths.approvalsDisplay, line: a.line, column: 1 };
    if (isStale(tasks.ledger, a, ports.hasher)) {
      diagnostics.push({
        ...at,
        severity: "warning",
        code: "stale-approval",
        message: `${a.id} was approved, but ${a.subject} changed since, so it no longer counts (stale); request a new approval`,
      });
    }
    if (
      a.status === "pending" &&
      a.subject !== undefined &&
      /^T-/.test(a.subject) &&
      !tasks.ledger.byId.has(a.subject)
    ) {
      diagnostics.push({
        ...at,
        severity: "warning",
        code: "unknown-subject",
        message: `${a.id} asks about ${a.subject}, which is not in ${paths.tasksDisplay}`,
      });
    }
    if (a.status === "pending" && a.requestedAt !== undefined && ctx.now - a.requestedAt > sla) {
      diagnostics.push({
        ...at,
        severity: options.sla ? "error" : "warning",
        code: "approval-sla",
        message: `${a.id} has waited ${formatAge(ctx.now - a.requestedAt)}, past the approval SLA of ${formatDuration(sla)}`,
      });
    }
  }
  if (tasks.ledger.schedules.length) {
    // Loaded only when there are schedules: the cron parser is not needed otherwise.
    const { scheduleDiagnostics } = await import("../rules/schedules.js");
    diagnostics.push(...scheduleDiagnostics(paths.tasksDisplay, tasks.ledger.schedules));
  }
  const hooks = sectionByName(tasks.ledger.doc, "Hooks");
  if (hooks) {
    const { hookDiagnostics } = await import("../rules/hooks.js");
    diagnostics.push(...hookDiagnostics(paths.tasksDisplay, schedulesOf(hooks)));
  }
  if (options.strict) {
    const { compareWithRemark } = await import("../ledger/oracle.js");
    diagnostics.push(...compareWithRemark(tasks.ledger.doc), ...compareWithRemark(approvals.ledger.doc));
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, files: [paths.tasksDisplay, paths.approvalsDisplay] };
}
