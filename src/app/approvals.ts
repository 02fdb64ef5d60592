// The approval gate's use cases: request, approve, reject, automatic decisions, role changes,
// and the read views (list, show, explain).

import type { ApprovalsLedger } from "../ledger/approvals.js";
import type { Splice } from "../ledger/edit.js";
import type { TasksLedger } from "../ledger/tasks.js";
import { APPROVAL_STATUSES, type Approval, type Role } from "../model/approval.js";
import {
  type Approver,
  type AutoOutcome,
  type Decided,
  type DecisionInput,
  decisionProblem,
  factsFor,
  planAuto,
  planDecision,
  planRequest,
  type RequestInput,
} from "../rules/approval-plan.js";
import { evaluateRules, parseRules, type Rule, type RuleTrace, type Verdict } from "../rules/approval-rules.js";
import { isStale } from "../rules/gate.js";
import { POLICY_SUBJECT, RULES_SUBJECT, rulesChangeOf } from "../rules/guarded-sections.js";
import { partyOf } from "../rules/identity.js";
import type { Context } from "./context.js";
import { InvalidLedgerError, RefusedError, UsageError } from "./errors.js";
import { applyChecked, parseApprovals, parseTasks, requireValid } from "./ledgers.js";
import { whoActs } from "./transition.js";

/** The rules, validated: a rules section with any error approves nothing. */
export function loadRules(ctx: Context, approvals: ApprovalsLedger): { rules: Rule[]; hash: string } {
  const parsed = parseRules(approvals.doc.file, approvals.rules);
  if (parsed.diagnostics.length) {
    throw new InvalidLedgerError(
      `The rules in ${approvals.doc.file} have errors, so no request is approved by them:\n${parsed.diagnostics
        .map((d) => `${d.file}:${d.line}:${d.column}: error: ${d.message}`)
        .join("\n")}`,
      parsed.diagnostics,
    );
  }
  const text = (approvals.rules?.text ?? "").replace(/\r\n/g, "\n");
  return { rules: parsed.rules, hash: `sha256:${ctx.ports.hasher(text).slice(0, 16)}` };
}

function approverOf(ctx: Context, hint: Role): Approver {
  const who = whoActs(ctx, hint);
  return { actor: who.actor, roles: who.roles, automation: who.automation, party: who.party };
}

/** Both ledgers under their locks (a consistent view of both); only APPROVALS.md is written. */
function updateApprovals<T>(
  ctx: Context,
  plan: (approvals: ApprovalsLedger, tasks: TasksLedger, now: number) => { splices: Splice[]; result: T },
): Promise<T> {
  const { paths, ports } = ctx;
  return ports.update([paths.tasks, paths.approvals], ([tasksText, approvalsText], now) => {
    const tasks = parseTasks(ctx, tasksText);
    const approvals = parseApprovals(ctx, approvalsText);
    requireValid(paths.approvalsDisplay, approvals.diagnostics);
    requireValid(paths.tasksDisplay, tasks.diagnostics);
    const { splices, result } = plan(approvals, tasks, now);
    if (splices.length === 0) return { writes: [], result };
    const next = applyChecked("approvals", paths.approvalsDisplay, approvalsText as string, splices);
    return { writes: [{ path: paths.approvals, text: next }], result };
  });
}

export function requestApproval(ctx: Context, input: RequestInput): Promise<{ id: string; superseded: string[] }> {
  const who = approverOf(ctx, "WORK");
  return updateApprovals(ctx, (approvals, tasks, now) => {
    const plan = planRequest(approvals, tasks, input, who, { now, hasher: ctx.ports.hasher });
    if (!plan.ok) throw new RefusedError(plan.message);
    return plan;
  });
}

export function decideApproval(ctx: Context, input: DecisionInput): Promise<Decided> {
  const who = approverOf(ctx, "AUDIT");
  return updateApprovals(ctx, (approvals, tasks, now) => {
    const when = { now, hasher: ctx.ports.hasher };
    const plan = planDecision(approvals, tasks, input, who, when, loadRules(ctx, approvals));
    if (!plan.ok) throw new RefusedError(plan.message);
    return plan;
  });
}

function automationActors(approvals: ApprovalsLedger) {
  return [...approvals.actors.values()].filter((a) => a.automation && a.roles.includes("AUDIT"));
}

/** The automation actor who makes automatic decisions: --as if it is one, else the first listed. */
function automationActor(ctx: Context, approvals: ApprovalsLedger): Approver {
  const named = ctx.ports.actorName();
  const candidates = automationActors(approvals);
  const chosen = candidates.find((a) => a.name === named) ?? candidates[0];
  if (!chosen) {
    throw new RefusedError(
      `No automation actor with the AUDIT role in ${approvals.doc.file}; add a line like "- taskgate-watch: AUDIT (automation)" under "## Roles"`,
    );
  }
  return { actor: chosen.name, roles: chosen.roles, automation: true, party: partyOf(approvals.actors, chosen.name) };
}

export function autoApprove(ctx: Context): Promise<{ actor: string; outcomes: AutoOutcome[] }> {
  return updateApprovals(ctx, (approvals, tasks, now) => {
    const who = automationActor(ctx, approvals);
    const when = { now, hasher: ctx.ports.hasher };
    const plan = planAuto(approvals, tasks, who, when, loadRules(ctx, approvals));
    if (!plan.ok) throw new RefusedError(plan.message);
    return { splices: plan.splices, result: { actor: who.actor, outcomes: plan.result.outcomes } };
  });
}

/** A request to change NAME's git identities, delegation or keys (docs/trust.md); approved, the line may be edited. */
export function requestIdentityChange(ctx: Context, name: string): Promise<{ id: string; superseded: string[] }> {
  return requestApproval(ctx, { subject: "roles", change: `identify ${name}` });
}

export function requestRoleChange(
  ctx: Context,
  verb: "grant" | "revoke",
  name: string,
  role: string,
): Promise<{ id: string; superseded: string[] }> {
  if (!["CMD", "WORK", "AUDIT"].includes(role))
    throw new UsageError(`Expected a role CMD, WORK or AUDIT, found "${role}"`);
  return requestApproval(ctx, { subject: "roles", change: `${verb} ${name} ${role}` });
}

export interface ApprovalRow {
  readonly approval: Approval;
  readonly stale: boolean;
  readonly age: number;
}

function readBoth(ctx: Context): { tasks: TasksLedger; approvals: ApprovalsLedger } {
  return {
    tasks: parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks)),
    approvals: parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals)),
  };
}

const STATUS_ORDER = { pending: 0, approved: 1, rejected: 2, superseded: 3 } as const;

export function listApprovals(ctx: Context, filter: { status?: string[]; subject?: string }): ApprovalRow[] {
  // In any case, as list takes states; a mistyped one matched nothing, and "No approvals
  // match." hid the typo.
  const statuses = filter.status?.map((s) => s.toLowerCase());
  const wrong = statuses?.find((s) => !(APPROVAL_STATUSES as readonly string[]).includes(s));
  if (wrong !== undefined)
    throw new UsageError(`Unknown approval status "${wrong}"; expected ${APPROVAL_STATUSES.join("|")}`);
  const { tasks, approvals } = readBoth(ctx);
  return approvals.approvals
    .filter(
      (a) => (!statuses?.length || statuses.includes(a.status)) && (!filter.subject || a.subject === filter.subject),
    )
    .map((a) => ({
      approval: a,
      stale: isStale(tasks, a, ctx.ports.hasher),
      age: ctx.now - (a.requestedAt ?? ctx.now),
    }))
    .sort((x, y) => STATUS_ORDER[x.approval.status] - STATUS_ORDER[y.approval.status] || y.age - x.age);
}

export interface Explanation {
  readonly approval: Approval;
  readonly stale: boolean;
  readonly trace: RuleTrace[];
  readonly verdict: Verdict;
  /** What would stop the automation actor from deciding, even with a matching rule. */
  readonly blocked: string | undefined;
  readonly rulesHash: string;
}

export function showApproval(ctx: Context, id: string): Explanation {
  const { tasks, approvals } = readBoth(ctx);
  const found = approvals.byId.get(id);
  if (!found) throw new RefusedError(`There is no approval ${id} in ${ctx.paths.approvalsDisplay}`);
  const rules = loadRules(ctx, approvals);
  const { verdict, trace } = evaluateRules(rules.rules, factsFor(approvals, tasks, found.approval));
  let blocked: string | undefined;
  if (found.approval.status === "pending" && (verdict.decision === "approve" || verdict.decision === "reject")) {
    const auto = automationActors(approvals)[0];
    blocked = auto
      ? decisionProblem(
          tasks,
          found.approval,
          verdict.decision,
          { actor: auto.name, roles: auto.roles, automation: true },
          ctx.ports.hasher,
        )
      : "there is no automation actor with the AUDIT role";
  }
  return {
    approval: found.approval,
    stale: isStale(tasks, found.approval, ctx.ports.hasher),
    trace,
    verdict,
    blocked,
    rulesHash: rules.hash,
  };
}

/** A request to set a guarded Policy key (docs/approvals.md); once approved, edit TASKS.md and commit. */
export function requestPolicyChange(
  ctx: Context,
  assignment: string,
): Promise<{ id: string; superseded: string[]; change: string }> {
  if (!/^[a-z-]+=/.test(assignment.trim())) {
    throw new UsageError(`Expected KEY=VALUE, like approval-required=prod, security, found "${assignment}"`);
  }
  return requestApproval(ctx, { subject: POLICY_SUBJECT, change: assignment.trim() }).then((r) => ({
    ...r,
    change: changeOf(ctx, r.id),
  }));
}

/** A request to make the Rules exactly TEXT (the YAML inside the fenced block); once approved, paste it and commit. */
export async function requestRulesChange(
  ctx: Context,
  text: string,
): Promise<{ id: string; superseded: string[]; change: string }> {
  const change = rulesChangeOf(text, ctx.ports.hasher);
  const r = await requestApproval(ctx, { subject: RULES_SUBJECT, change });
  return { ...r, change };
}

function changeOf(ctx: Context, id: string): string {
  const a = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals)).byId.get(id)?.approval;
  return a?.fields.find((f) => f.key === "change")?.value ?? "";
}
