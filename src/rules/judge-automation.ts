// What justifies a log line in an automation actor's name when someone else commits it
// (docs/git.md, "Automation actors"): the line must be one the automation would have written,
// judged on the ledgers as they were before it. Anything else is reported like a forged line.
// Pure.

import type { ApprovalsLedger } from "../ledger/approvals.js";
import { type LogEntry, parseLogLine } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Approval } from "../model/approval.js";
import { decisionProblem, factsFor } from "./approval-plan.js";
import { evaluateRules, parseRules } from "./approval-rules.js";
import { autoAcceptProblem } from "./judge-replay.js";

export interface AutomationFacts {
  readonly hasher: (text: string) => string;
  /** The commit's new lines of the same ledger, in order. */
  readonly appended: readonly LogEntry[];
  readonly tasksBefore: TasksLedger | undefined;
  readonly tasksAfter: TasksLedger | undefined;
  readonly approvalsBefore: ApprovalsLedger | undefined;
  readonly approvalsAfter: ApprovalsLedger | undefined;
  /** Task lines the replay refused (reported on their own). */
  readonly refused: ReadonlySet<number>;
}

/** Why an automation actor's task line is not justified; undefined when it is. */
export function automationTaskProblem(e: LogEntry, f: AutomationFacts): string | undefined {
  switch (e.action) {
    case "recover":
      // Justified when the replay found the named lease expired at the line's time (it
      // reports its own refusal otherwise); a recovery of a task new in the commit is not.
      if (f.refused.has(e.line)) return undefined;
      return f.tasksBefore?.byId.has(e.target)
        ? undefined
        : `${e.target} is new in this commit, so it has no lease to recover`;
    case "accept": {
      if (!f.tasksAfter) return "there is no board to accept on";
      return autoAcceptProblem(f.tasksAfter, e, previousLine(e, f.appended, f.tasksBefore));
    }
    case "add": {
      const recorded = f.appended.some(
        (x) => x.action === "schedule" && x.actor === e.actor && x.details.task === e.target && x.line > e.line,
      );
      return recorded
        ? undefined
        : `an automatic add comes only from a schedule, and no schedule line names ${e.target}`;
    }
    case "schedule": {
      const known = [f.tasksBefore, f.tasksAfter].some((l) => l?.schedules.some((s) => s.name === e.target));
      return known ? undefined : `there is no schedule "${e.target}" in ## Schedules`;
    }
    default:
      return `automation does not ${e.action} tasks`;
  }
}

/** Why an automation actor's approvals line is not justified; undefined when it is. */
export function automationApprovalProblem(e: LogEntry, f: AutomationFacts): string | undefined {
  if (e.action === "approve" || e.action === "reject") return ruleDecisionProblem(e, f);
  if (e.action === "roles") {
    // The Roles edit an approved role change makes, right after the approval that makes it.
    const via = e.details.via;
    const approval = f.appended.find(
      (x) => x.action === "approve" && x.actor === e.actor && x.target === via && x.line < e.line,
    );
    return approval && ruleDecisionProblem(approval, f) === undefined
      ? undefined
      : `a Roles line by automation follows its own rule-decided approval of the change, and ${via ?? "none"} is not one`;
  }
  return `automation does not ${e.action} approvals`;
}

/**
 * An automatic decision: the rule it names decides the request as it was before the line
 * (the rules as they were before the commit, their hash as the line records it), and the
 * automation actor may decide it (four eyes, a current subject).
 */
function ruleDecisionProblem(e: LogEntry, f: AutomationFacts): string | undefined {
  const ruleId = e.details.rule;
  if (!ruleId) return `an automatic ${e.action} names the rule that decided it (rule=...), and this one names none`;
  const rulesLedger = f.approvalsBefore ?? f.approvalsAfter;
  const afterApproval = f.approvalsAfter?.byId.get(e.target)?.approval;
  const was = f.approvalsBefore?.byId.get(e.target)?.approval ?? (afterApproval && asPending(afterApproval));
  if (!rulesLedger || !was || !f.tasksAfter) return `there is no request ${e.target} to decide`;
  const parsed = parseRules(rulesLedger.doc.file, rulesLedger.rules);
  if (parsed.diagnostics.length) return `the rules have errors, so no rule decides ${e.target}`;
  const text = (rulesLedger.rules?.text ?? "").replace(/\r\n/g, "\n");
  const hash = `sha256:${f.hasher(text).slice(0, 16)}`;
  if (e.details["rules-hash"] !== hash) {
    return `the rules as they were (${hash}) are not the ones the line names (${e.details["rules-hash"] ?? "none"})`;
  }
  const { verdict } = evaluateRules(parsed.rules, factsFor(rulesLedger, f.tasksAfter, was));
  const want = e.action === "approve" ? "approve" : "reject";
  if (verdict.decision !== want || verdict.rule.id !== ruleId) {
    const said =
      verdict.decision === "none" ? "no rule decides it" : `rule ${verdict.rule.id} says ${verdict.decision}`;
    return `rule ${ruleId} does not ${want} ${e.target} as it was (${said})`;
  }
  const problem = decisionProblem(
    f.tasksAfter,
    was,
    want,
    { actor: e.actor, roles: f.approvalsBefore?.actors.get(e.actor)?.roles ?? [], automation: true },
    f.hasher,
  );
  return problem;
}

/** A request new in the commit, as it was before its decision. */
export function asPending(a: Approval): Approval {
  return { ...a, status: "pending", approver: undefined, decidedAt: undefined };
}

/** The task's log line before `e`: among the commit's new lines, else the last in the old log. */
function previousLine(
  e: LogEntry,
  appended: readonly LogEntry[],
  before: TasksLedger | undefined,
): LogEntry | undefined {
  for (let i = appended.length - 1; i >= 0; i--) {
    const x = appended[i] as LogEntry;
    if (x.line < e.line && x.target === e.target) return x;
  }
  if (!before) return undefined;
  const { doc, log } = before;
  const needle = ` ${e.target} `;
  for (let i = log.lines.length - 1; i >= 0; i--) {
    const ln = log.lines[i] as number;
    const text = doc.text.slice(doc.scan.lineStarts[ln], doc.scan.lineEnds[ln]);
    if (!text.includes(needle)) continue;
    const parsed = parseLogLine(text, ln);
    if (parsed.ok && parsed.entry.target === e.target) return parsed.entry;
  }
  return undefined;
}
