// Approval requests and decisions: four eyes, content binding, final decisions, explicit
// supersession, role changes that take effect only when approved, and automatic decisions
// by the rules. Pure: ledgers and time in, splices out.

import type { ApprovalsLedger } from "../ledger/approvals.js";
import type { Section } from "../ledger/document.js";
import { appendLog, insertEntry, removeField, type Splice, setField } from "../ledger/edit.js";
import { formatLogLine, type Hasher, lastHash, type NewLogLine } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Approval, Role } from "../model/approval.js";
import { formatTime } from "../model/time.js";
import { evaluateRules, type Facts, type Rule, type SubjectKind, type Verdict } from "./approval-rules.js";
import { POLICY_SUBJECT, policyChangeOf, RULES_SUBJECT } from "./guarded-sections.js";
import type { Plan } from "./plan-add.js";
import { lastModifier, TASK_SUBJECT, taskContentHash, textSubjectHash } from "./subject.js";
import { singleLineProblems } from "./values.js";
import { workersOf } from "./workflow.js";

export interface Approver {
  readonly actor: string;
  readonly roles: readonly Role[];
  readonly automation: boolean;
  /** Who counts as this actor for four eyes (identity.ts, partyOf); [actor] when absent. */
  readonly party?: readonly string[] | undefined;
}

export interface When {
  readonly now: number;
  readonly hasher: Hasher;
}

export const ROLES_SUBJECT = "roles";
/** Subjects whose requests name a change ("change:"); one pending or approved request per change. */
const CHANGE_SUBJECTS: readonly string[] = [ROLES_SUBJECT, POLICY_SUBJECT, RULES_SUBJECT];
const CHANGE = /^(grant|revoke) (\S+) (CMD|WORK|AUDIT)$/;
/** A change to an actor's git identities, delegation or keys: approved, the line may then be edited. */
const IDENTIFY = /^identify (\S+)$/;

export function subjectKind(a: Pick<Approval, "subject">): SubjectKind {
  if (a.subject === ROLES_SUBJECT) return "roles";
  return a.subject !== undefined && TASK_SUBJECT.test(a.subject) ? "task" : "text";
}

const field = (a: Approval, key: string) => a.fields.find((f) => f.key === key)?.value;

/** Log lines chained one after the other from the ledger's last hash. */
function chained(hasher: Hasher, previous: string, lines: readonly NewLogLine[]): string[] {
  const out: string[] = [];
  let prev = previous;
  for (const l of lines) {
    const text = formatLogLine(hasher, prev, l);
    out.push(text);
    prev = text.slice(-12);
  }
  return out;
}

function nextApprovalId(approvals: ApprovalsLedger): string {
  let max = 0;
  for (const a of approvals.approvals) max = Math.max(max, Number(a.id.slice(2)));
  return `A-${max + 1}`;
}

function roleForRequest(who: Approver): Role {
  return (["WORK", "CMD", "AUDIT"] as const).find((r) => who.roles.includes(r)) ?? "WORK";
}

export interface RequestInput {
  readonly subject: string;
  readonly title?: string | undefined;
  readonly evidence?: readonly string[] | undefined;
  /** For role changes: "grant bob AUDIT" / "revoke bob WORK". */
  readonly change?: string | undefined;
}

export function planRequest(
  approvals: ApprovalsLedger,
  tasks: TasksLedger,
  input: RequestInput,
  who: Approver,
  when: When,
): Plan<{ id: string; superseded: string[] }> {
  const valueProblem = singleLineProblems([
    ["subject", input.subject],
    ["title", input.title],
    ["change", input.change],
    ...(input.evidence ?? []).map((e) => ["evidence", e] as const),
  ]);
  if (valueProblem) return { ok: false, message: valueProblem };
  const subject = input.subject.trim();
  if (!subject || /[\r\n]/.test(subject)) return { ok: false, message: "A subject is a task ID or one line of text" };
  let hash: string;
  let title = input.title?.trim();
  let change = input.change;
  const identify = subject === ROLES_SUBJECT ? IDENTIFY.exec(input.change ?? "") : null;
  if (identify) {
    const name = identify[1] as string;
    if (!approvals.actors.has(name)) return { ok: false, message: `${name} is not listed under "## Roles"` };
    hash = textSubjectHash(`roles: ${input.change}`, when.hasher);
    title ??= `Change the git identities, delegation or keys of ${name}`;
  } else if (subject === ROLES_SUBJECT) {
    const m = CHANGE.exec(input.change ?? "");
    if (!m) return { ok: false, message: 'A roles request needs a change like "grant bob AUDIT" or "identify bob"' };
    const [, verb, name, role] = m as unknown as [string, string, string, Role];
    const has = approvals.actors.get(name)?.roles.includes(role) ?? false;
    if (verb === "grant" && has) return { ok: false, message: `${name} already holds ${role}` };
    if (verb === "revoke" && !has) return { ok: false, message: `${name} does not hold ${role}` };
    hash = textSubjectHash(`roles: ${input.change}`, when.hasher);
    title ??= `${verb === "grant" ? "Grant" : "Revoke"} ${role} ${verb === "grant" ? "to" : "from"} ${name}`;
  } else if (subject === POLICY_SUBJECT) {
    const c = policyChangeOf((input.change ?? "").replace(/^policy /, ""), tasks.policy);
    if ("problem" in c) return { ok: false, message: c.problem };
    change = c.change;
    hash = textSubjectHash(change, when.hasher);
    title ??= `Change the Policy: ${change.slice(POLICY_SUBJECT.length + 1)}`;
  } else if (subject === RULES_SUBJECT) {
    if (!/^rules sha256:[0-9a-f]{16}$/.test(input.change ?? "")) {
      return {
        ok: false,
        message: 'A rules request needs a change like "rules sha256:4be1c3f09a7d5e21" (taskgate rules request FILE)',
      };
    }
    hash = textSubjectHash(input.change as string, when.hasher);
    title ??= `Change the Rules to the text whose hash is ${(input.change as string).slice(6)}`;
  } else if (TASK_SUBJECT.test(subject)) {
    const task = tasks.byId.get(subject)?.task;
    if (!task) return { ok: false, message: `There is no task ${subject} in ${tasks.doc.file}` };
    hash = taskContentHash(tasks, subject, when.hasher) as string;
    title ??= `Approve ${subject}: ${task.title}`;
  } else {
    hash = textSubjectHash(subject, when.hasher);
    title ??= subject;
  }
  if (!title || /[\r\n]/.test(title) || /#+$/.test(title)) {
    return { ok: false, message: "A title is one line, not ending in #" };
  }
  const evidence = (input.evidence ?? []).map((e) => e.trim()).filter(Boolean);
  if (evidence.some((e) => /[\r\n]/.test(e))) return { ok: false, message: "Evidence is one line each" };

  const id = nextApprovalId(approvals);
  const older = approvals.approvals.filter(
    (a) =>
      a.subject === subject &&
      (a.status === "pending" || a.status === "approved") &&
      (!CHANGE_SUBJECTS.includes(subject) || field(a, "change") === change),
  );
  const splices: Splice[] = [];
  const logs: NewLogLine[] = [];
  for (const a of older) {
    const section = (approvals.byId.get(a.id) as { section: Section }).section;
    splices.push(
      setField(approvals.doc, section, "status", "superseded"),
      setField(approvals.doc, section, "superseded-by", id),
    );
    logs.push({
      time: when.now,
      actor: who.actor,
      role: roleForRequest(who),
      action: "supersede",
      target: a.id,
      details: { by: id },
    });
  }
  const lines = [
    `## ${id} ${title}`,
    "- status: pending",
    `- subject: ${subject}`,
    ...(change ? [`- change: ${change}`] : []),
    `- subject-hash: ${hash}`,
    `- requested-by: ${who.actor}`,
    `- requested-at: ${formatTime(when.now)}`,
    ...(evidence.length ? [`- evidence: ${evidence.join("; ")}`] : []),
    ...(older.length ? [`- supersedes: ${older.map((a) => a.id).join(", ")}`] : []),
  ];
  splices.push(insertEntry(approvals.doc, approvals.log, lines));
  logs.push({
    time: when.now,
    actor: who.actor,
    role: roleForRequest(who),
    action: "request",
    target: id,
    details: {
      subject,
      ...(change ? { change } : {}),
      hash,
      ...(who.automation ? { auto: "true" } : {}),
    },
  });
  splices.push(
    appendLog(approvals.doc, approvals.log, chained(when.hasher, lastHash(approvals.doc, approvals.log), logs)),
  );
  return { ok: true, splices, result: { id, superseded: older.map((a) => a.id) } };
}

export interface DecisionInput {
  readonly id: string;
  readonly decision: "approve" | "reject";
  readonly reason?: string | undefined;
}

export interface Decided {
  readonly id: string;
  readonly decision: "approve" | "reject";
  readonly rule: string | undefined;
}

/** Why `who` may not decide `approval` (four eyes, roles, finality, staleness), or undefined. */
export function decisionProblem(
  tasks: TasksLedger,
  approval: Approval,
  decision: "approve" | "reject",
  who: Approver,
  hasher: Hasher,
): string | undefined {
  if (approval.status !== "pending") {
    const by = approval.approver ? ` by ${approval.approver}` : "";
    const at = approval.decidedAt !== undefined ? ` at ${formatTime(approval.decidedAt)}` : "";
    return `${approval.id} is already ${approval.status}${by}${at}; a decision is final (request again to start over)`;
  }
  if (!who.roles.includes("AUDIT")) {
    return `${who.actor} (${who.roles.join(", ") || "no roles"}) may not ${decision}; that takes the AUDIT role`;
  }
  const party = who.party ?? [who.actor];
  const as = (name: string) => (name === who.actor ? "" : `, who counts as ${who.actor} (delegation),`);
  if (approval.requestedBy !== undefined && party.includes(approval.requestedBy)) {
    if (approval.requestedBy !== who.actor) {
      return `${approval.requestedBy}${as(approval.requestedBy)} requested ${approval.id} and ${who.actor} may not decide it; another AUDIT actor must (four eyes)`;
    }
    return `${who.actor} requested ${approval.id} and may not decide it; another AUDIT actor must (four eyes)`;
  }
  if ((approval.subject === POLICY_SUBJECT || approval.subject === RULES_SUBJECT) && who.automation) {
    return `${approval.id} changes the ${approval.subject === POLICY_SUBJECT ? "Policy" : "Rules"}, which only a person decides (four eyes; automation never does)`;
  }
  const kind = subjectKind(approval);
  if (kind === "roles") {
    const change = field(approval, "change") ?? "";
    const target = CHANGE.exec(change)?.[2] ?? IDENTIFY.exec(change)?.[1];
    if (target !== undefined && party.includes(target) && decision === "approve") {
      return `${who.actor} may not approve a change to their own roles; another AUDIT actor must (four eyes)`;
    }
  }
  if (kind === "task") {
    const id = approval.subject as string;
    const task = tasks.byId.get(id)?.task;
    if (!task) return decision === "approve" ? `${approval.id}'s subject ${id} is not in ${tasks.doc.file}` : undefined;
    const last = lastModifier(tasks, id);
    if (last && party.includes(last.actor)) {
      return `${last.actor}${as(last.actor)} last changed ${id} (${last.action} at ${formatTime(last.time)}) and may not decide ${approval.id}; another AUDIT actor must (four eyes)`;
    }
    const worker = workersOf(task).find((w) => party.includes(w));
    if (worker !== undefined) {
      return `${worker}${as(worker)} worked on ${id} and ${worker === who.actor ? "" : `${who.actor} `}may not decide ${approval.id}; another AUDIT actor must (four eyes)`;
    }
    if (decision === "approve" && taskContentHash(tasks, id, hasher) !== field(approval, "subject-hash")) {
      return `${id} changed after ${approval.id} was requested, so approving it would approve something unseen; request a new approval (taskgate approval request ${id})`;
    }
  }
  return undefined;
}

export function factsFor(approvals: ApprovalsLedger, tasks: TasksLedger, approval: Approval): Facts {
  const kind = subjectKind(approval);
  const task = kind === "task" ? tasks.byId.get(approval.subject as string)?.task : undefined;
  return {
    subject: kind,
    labels: task?.labels ?? [],
    state: task?.state,
    attempts: task?.attempts ?? 0,
    requesterRoles: approvals.actors.get(approval.requestedBy ?? "")?.roles ?? [],
    evidence: field(approval, "evidence") !== undefined,
  };
}

export function planDecision(
  approvals: ApprovalsLedger,
  tasks: TasksLedger,
  input: DecisionInput,
  who: Approver,
  when: When,
  rules: { readonly rules: readonly Rule[]; readonly hash: string },
): Plan<Decided> {
  const found = approvals.byId.get(input.id);
  if (!found) return { ok: false, message: `There is no approval ${input.id} in ${approvals.doc.file}` };
  const reasonProblem = singleLineProblems([["reason", input.reason]]);
  if (reasonProblem) return { ok: false, message: reasonProblem };
  const reason = input.reason?.trim();
  if (input.decision === "reject" && !reason) return { ok: false, message: 'reject needs a reason: --reason "..."' };
  if (reason && /[\r\n]/.test(reason)) return { ok: false, message: "A reason is one line" };
  const problem = decisionProblem(tasks, found.approval, input.decision, who, when.hasher);
  if (problem) return { ok: false, message: problem };
  if (input.decision === "approve") {
    const { verdict } = evaluateRules(rules.rules, factsFor(approvals, tasks, found.approval));
    if (verdict.decision === "reject") {
      return {
        ok: false,
        message: `Rule ${verdict.rule.id} (hard deny, ${approvals.doc.file}:${verdict.rule.line}) forbids approving ${input.id}; nobody can override it`,
      };
    }
  }
  const decided = decide(approvals, found, input.decision, reason, who, when, undefined);
  const log = appendLog(
    approvals.doc,
    approvals.log,
    chained(when.hasher, lastHash(approvals.doc, approvals.log), decided.logs),
  );
  return {
    ok: true,
    splices: [...decided.splices, log],
    result: { id: input.id, decision: input.decision, rule: undefined },
  };
}

/** The field edits and log lines of one decision (and, for an approved role change, the Roles edit). */
function decide(
  approvals: ApprovalsLedger,
  found: { approval: Approval; section: Section },
  decision: "approve" | "reject",
  reason: string | undefined,
  who: Approver,
  when: When,
  byRule: { rule: Rule; hash: string } | undefined,
): { splices: Splice[]; logs: NewLogLine[] } {
  const { approval, section } = found;
  const doc = approvals.doc;
  const splices: Splice[] = [
    setField(doc, section, "status", decision === "approve" ? "approved" : "rejected"),
    setField(doc, section, "approver", who.actor),
    setField(doc, section, "decided-at", formatTime(when.now)),
  ];
  if (reason) splices.push(setField(doc, section, "reason", reason));
  if (byRule)
    splices.push(setField(doc, section, "rule", byRule.rule.id), setField(doc, section, "rules-hash", byRule.hash));
  const waited =
    approval.requestedAt === undefined ? undefined : Math.max(0, Math.round((when.now - approval.requestedAt) / 1000));
  const logs: NewLogLine[] = [
    {
      time: when.now,
      actor: who.actor,
      role: "AUDIT",
      action: decision,
      target: approval.id,
      details: {
        subject: approval.subject,
        ...(reason ? { reason } : {}),
        ...(byRule ? { rule: byRule.rule.id, "rules-hash": byRule.hash } : {}),
        ...(waited !== undefined ? { waited: `${waited}s` } : {}),
        ...(who.automation ? { auto: "true" } : {}),
      },
    },
  ];
  if (decision === "approve" && subjectKind(approval) === "roles") {
    const change = rolesChange(approvals, field(approval, "change") ?? "");
    if (change) {
      splices.push(change.splice);
      logs.push({
        time: when.now,
        actor: who.actor,
        role: "AUDIT",
        action: "roles",
        target: change.name,
        details: { roles: change.value ?? "", via: approval.id },
      });
    }
  }
  return { splices, logs };
}

/** The Roles line edit an approved "grant NAME ROLE" / "revoke NAME ROLE" makes. */
function rolesChange(
  approvals: ApprovalsLedger,
  change: string,
): { splice: Splice; name: string; value: string | undefined } | undefined {
  const m = CHANGE.exec(change);
  const section = approvals.doc.sections.find((s) => s.kind === "reserved" && s.name === "Roles");
  if (!m || !section) return undefined;
  const [, verb, name, role] = m as unknown as [string, string, string, Role];
  const actor = approvals.actors.get(name);
  const roles = new Set<Role>(actor?.roles ?? []);
  if (verb === "grant") roles.add(role);
  else roles.delete(role);
  const ordered = (["CMD", "WORK", "AUDIT"] as const).filter((r) => roles.has(r));
  // The line keeps its git identities and tags (automation, for, keys): only the roles change.
  const key = actor?.key ?? name;
  if (ordered.length === 0) {
    const s = removeField(section, key);
    return s ? { splice: s, name, value: undefined } : undefined;
  }
  const value = `${ordered.join(", ")}${actor?.tags ? ` (${actor.tags})` : ""}`;
  return { splice: setField(approvals.doc, section, key, value), name, value };
}

export interface AutoOutcome {
  readonly id: string;
  readonly verdict: Verdict;
  /** Why nothing was decided although a rule matched (four eyes, stale subject). */
  readonly skipped?: string;
}

/** Every pending request judged by the rules; approvals and hard denials decided at once. */
export function planAuto(
  approvals: ApprovalsLedger,
  tasks: TasksLedger,
  automation: Approver,
  when: When,
  rules: { readonly rules: readonly Rule[]; readonly hash: string },
): Plan<{ outcomes: AutoOutcome[] }> {
  const splices: Splice[] = [];
  const logs: NewLogLine[] = [];
  const outcomes: AutoOutcome[] = [];
  const rolesTouched = new Set<string>();
  for (const approval of approvals.approvals) {
    if (approval.status !== "pending") continue;
    const found = approvals.byId.get(approval.id);
    if (!found || found.approval !== approval) continue; // a duplicate ID: check reports it
    const { verdict } = evaluateRules(rules.rules, factsFor(approvals, tasks, approval));
    if (verdict.decision !== "approve" && verdict.decision !== "reject") {
      outcomes.push({ id: approval.id, verdict });
      continue;
    }
    const decision = verdict.decision;
    const change = subjectKind(approval) === "roles" ? CHANGE.exec(field(approval, "change") ?? "")?.[2] : undefined;
    const problem =
      decisionProblem(tasks, approval, decision, automation, when.hasher) ??
      (change !== undefined && rolesTouched.has(change)
        ? `another change to ${change}'s roles was decided in this run; run again`
        : undefined);
    if (change !== undefined) rolesTouched.add(change);
    if (problem) {
      outcomes.push({ id: approval.id, verdict, skipped: problem });
      continue;
    }
    const reason = decision === "reject" ? `rule ${verdict.rule.id} (hard deny)` : undefined;
    const d = decide(approvals, found, decision, reason, automation, when, { rule: verdict.rule, hash: rules.hash });
    splices.push(...d.splices);
    logs.push(...d.logs);
    outcomes.push({ id: approval.id, verdict });
  }
  if (logs.length) {
    splices.push(
      appendLog(approvals.doc, approvals.log, chained(when.hasher, lastHash(approvals.doc, approvals.log), logs)),
    );
  }
  return { ok: true, splices, result: { outcomes } };
}
