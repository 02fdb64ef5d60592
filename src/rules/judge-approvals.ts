// The APPROVALS.md part of judging a change (judge.ts): decisions judged as taskgate's
// approve and reject judge them, decided requests kept final, and Roles changed only through
// an approved request for exactly that change. Pure.

import type { ApprovalsLedger } from "../ledger/approvals.js";
import { sectionByName } from "../ledger/document.js";
import type { LogEntry } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Actor, Role } from "../model/approval.js";
import { decisionProblem, factsFor } from "./approval-plan.js";
import { evaluateRules, parseRules } from "./approval-rules.js";
import { POLICY_SUBJECT, policyChanges, rulesChange } from "./guarded-sections.js";
import { partyOf, sameParty } from "./identity.js";
import type { Violation } from "./judge.js";
import { asPending } from "./judge-automation.js";

type RolesOf = (name: string | undefined) => readonly Role[];

const lastLine = (ledger: ApprovalsLedger): number => ledger.doc.scan.lineStarts.length;

export function judgeApprovals(
  before: ApprovalsLedger | undefined,
  after: ApprovalsLedger,
  tasks: TasksLedger | undefined,
  appended: LogEntry[],
  committer: string | undefined,
  rolesOf: RolesOf,
  hasher: (text: string) => string,
  out: Violation[],
  actors: ReadonlyMap<string, Actor> = new Map(),
): void {
  const file = after.doc.file;
  const who = committer ?? "(no git user.email)";
  const decisions = new Map<string, LogEntry>();
  for (const e of appended) if (e.action === "approve" || e.action === "reject") decisions.set(e.target, e);
  if (before) {
    for (const a of before.approvals) {
      if (!after.byId.has(a.id)) {
        out.push({ file, line: lastLine(after), message: `${a.id} was removed; approvals are never deleted` });
      }
    }
  }
  const rulesLedger = before ?? after;
  const parsedRules = parseRules(rulesLedger.doc.file, rulesLedger.rules);
  for (const a of after.approvals) {
    const was = before?.byId.get(a.id)?.approval;
    // Stryker disable next-line StringLiteral: with no request before, a.status is never "" nor, when decided, "pending".
    const decided = (was ? was.status : "pending") !== a.status && (a.status === "approved" || a.status === "rejected");
    const line = decisions.get(a.id);
    if (!decided && !line) {
      const changed =
        was && was.status !== "pending" ? FINAL.find((k) => fieldOf(was, k) !== fieldOf(a, k)) : undefined;
      if (changed && was) {
        const f = after.byId.get(a.id)?.section.fields.find((x) => x.key === changed);
        out.push({
          file,
          line: f ? f.line + 1 : a.line,
          message: `The ${changed} of ${a.id} changed, but ${a.id} was already ${was.status}; a decision is final (request again to start over)`,
        });
      }
      continue;
    }
    const actor = line?.actor ?? committer;
    const verb = a.status === "rejected" ? "rejected" : "approved";
    const statusLine = after.byId.get(a.id)?.section.fields.find((f) => f.key === "status")?.line;
    const at = line ? line.line + 1 : statusLine === undefined ? a.line : statusLine + 1;
    const n = out.length;
    if (actor !== undefined && a.requestedBy !== undefined && sameParty(actors, actor, a.requestedBy)) {
      out.push({
        file,
        line: at,
        message:
          actor === a.requestedBy
            ? `${a.id} was ${verb} by its requester ${actor}; another AUDIT actor must decide`
            : `${a.id} was ${verb} by ${actor}, who counts as its requester ${a.requestedBy} (delegation); another AUDIT actor must decide`,
      });
    }
    if (!rolesOf(actor).includes("AUDIT")) {
      out.push({
        file,
        line: at,
        message: `${a.id} was ${verb} by ${actor ?? who}, who does not hold the AUDIT role`,
      });
    }
    // Stryker disable next-line ConditionalExpression: no actor has no roles, so the AUDIT check above has already reported.
    if (out.length > n || !tasks || actor === undefined) continue;
    // The rest of what approve and reject refuse, on the request as it was before.
    const asWas = was ?? asPending(a);
    // Stryker disable next-line StringLiteral: decisionProblem and the rules treat anything but "approve" as a rejection.
    const decision = line ? (line.action as "approve" | "reject") : verb === "approved" ? "approve" : "reject";
    const problem = decisionProblem(
      tasks,
      asWas,
      decision,
      { actor, roles: rolesOf(actor), automation: false, party: partyOf(actors, actor) },
      hasher,
    );
    if (problem) {
      out.push({ file, line: at, message: `${a.id} was ${verb} by ${actor}, which taskgate refuses: ${problem}` });
      continue;
    }
    if (decision === "approve" && parsedRules.diagnostics.length === 0) {
      const { verdict } = evaluateRules(parsedRules.rules, factsFor(rulesLedger, tasks, asWas));
      if (verdict.decision === "reject") {
        out.push({
          file,
          line: at,
          message: `${a.id} was approved by ${actor}, but rule ${verdict.rule.id} (hard deny) forbids approving it; nobody can override it`,
        });
      }
    }
  }
  if (!before) return; // the first commit creates the roles
  const changes = roleChanges(before.actors, after.actors);
  const approvedChanges = new Set(
    after.approvals
      .filter((x) => x.status === "approved")
      .map((x) => x.fields.find((f) => f.key === "change")?.value)
      // Stryker disable next-line MethodExpression,ConditionalExpression: an undefined in the set matches no change anyway.
      .filter((v): v is string => v !== undefined),
  );
  for (const c of changes) {
    if (approvedChanges.has(c.change)) continue;
    out.push({
      file,
      line: c.line,
      message:
        c.change.startsWith("grant") || c.change.startsWith("revoke")
          ? `A Roles change (${c.change}) without an approved request; run taskgate roles ${c.change} and have another AUDIT actor approve it`
          : c.change.startsWith("identify ")
            ? `A Roles change (${c.change}: its git identities, delegation or keys) without an approved request whose change is "${c.change}"; another AUDIT actor must approve it (docs/trust.md)`
            : `A Roles change (${c.change}) without an approved request; change roles through taskgate roles grant/revoke`,
    });
  }
}

/** The fields a decision writes: once decided, a request keeps them. */
const FINAL = ["status", "approver", "decided-at", "reason", "rule", "rules-hash"] as const;
const fieldOf = (a: { fields: ReadonlyArray<{ key: string; value: string }> }, key: string) =>
  a.fields.find((f) => f.key === key)?.value;

/** Each role granted or revoked, and automation flags changed, between two Roles sections. */
function roleChanges(
  before: ReadonlyMap<string, Actor>,
  after: ReadonlyMap<string, Actor>,
): { change: string; line: number }[] {
  const out: { change: string; line: number }[] = [];
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const name of names) {
    const b = before.get(name);
    const a = after.get(name);
    const line = a?.line ?? 1;
    for (const r of a?.roles ?? []) if (!b?.roles.includes(r)) out.push({ change: `grant ${name} ${r}`, line });
    for (const r of b?.roles ?? []) if (!a?.roles.includes(r)) out.push({ change: `revoke ${name} ${r}`, line });
    if (a && b && a.automation !== b.automation) {
      out.push({ change: `${a.automation ? "mark" : "unmark"} ${name} automation`, line });
    }
    // Who an actor is in git, whom they work for and which keys sign for them are as much
    // theirs as their roles: adding an email or a key to someone else's line is a forgery.
    if (a && b && identityOf(a) !== identityOf(b)) out.push({ change: `identify ${name}`, line });
  }
  return out;
}

/** An actor's git identities, principal and keys, in one comparable string. */
function identityOf(a: Actor): string {
  // Stryker disable next-line ArrayDeclaration,StringLiteral: readApprovals always sets the lists; a missing "for" is "" on both sides.
  return JSON.stringify([a.emails ?? [], a.gitNames ?? [], a.for ?? "", a.keys ?? []]);
}

/**
 * A change to a guarded Policy key or to the Rules (guarded-sections.ts) needs an approved
 * request for exactly that change, decided by a person who is not the committer (nor counts as
 * them) and not by automation: otherwise one actor could switch the gate or its automatic
 * approvals off (docs/approvals.md, "Policy and Rules changes").
 */
export function judgeGuardedSections(
  before: { tasks?: TasksLedger | undefined; approvals?: ApprovalsLedger | undefined },
  after: { tasks?: TasksLedger | undefined; approvals?: ApprovalsLedger | undefined },
  committer: string | undefined,
  actors: ReadonlyMap<string, Actor>,
  hasher: (text: string) => string,
  out: Violation[],
): void {
  const wanted: { change: string; file: string; line: number; what: string; how: string }[] = [];
  if (before.tasks && after.tasks) {
    const policy = sectionByName(after.tasks.doc, "Policy") ?? sectionByName(before.tasks.doc, "Policy");
    for (const change of policyChanges(before.tasks.policy, after.tasks.policy)) {
      const [key, value] = change.slice(POLICY_SUBJECT.length + 1).split(/=(.*)/s) as [string, string];
      wanted.push({
        change,
        file: after.tasks.doc.file,
        line: keyLine(after.tasks, key) ?? (policy ? policy.headingLine + 1 : 1),
        what: `The Policy's ${key} changed to "${value}"`,
        how: `taskgate policy request ${key}=${value}`,
      });
    }
  }
  if (before.approvals && after.approvals) {
    const change = rulesChange(before.approvals, after.approvals, hasher);
    if (change) {
      const section = sectionByName(after.approvals.doc, "Rules");
      wanted.push({
        change,
        file: after.approvals.doc.file,
        line: after.approvals.rules?.line ?? (section ? section.headingLine + 1 : lastLine(after.approvals)),
        what: `The Rules changed (${change})`,
        how: "taskgate rules request FILE",
      });
    }
  }
  if (!wanted.length) return;
  const approvals = after.approvals?.approvals ?? [];
  const who = committer ?? "(no git user.email)";
  for (const w of wanted) {
    const candidates = approvals.filter(
      (a) => a.status === "approved" && a.fields.find((f) => f.key === "change")?.value === w.change,
    );
    const good = candidates.find(
      (a) =>
        a.approver !== undefined &&
        !actors.get(a.approver)?.automation &&
        (committer === undefined || !sameParty(actors, a.approver, committer)),
    );
    if (good) continue;
    const near = candidates[0];
    out.push({
      file: w.file,
      line: w.line,
      message: near
        ? `${w.what}, but ${near.id} was approved by ${near.approver ?? "nobody"}, who ${near.approver && actors.get(near.approver)?.automation ? "is automation" : `counts as the committer ${who}`}; a Policy or Rules change needs another person's approval (four eyes)`
        : `${w.what} without an approved request for that change; run ${w.how}, have another AUDIT person (not ${who}, not automation) approve it, then commit (docs/approvals.md)`,
    });
  }
}

/** The 1-based line of "- KEY:" in the Policy section, if there is one. */
function keyLine(tasks: TasksLedger, key: string): number | undefined {
  const section = sectionByName(tasks.doc, "Policy");
  if (!section) return undefined;
  const { lineStarts } = tasks.doc.scan;
  const text = tasks.doc.text;
  for (let ln = section.headingLine + 1; ln < lineStarts.length; ln++) {
    const start = lineStarts[ln] as number;
    if (start >= section.end) break;
    const line = text.slice(start, text.indexOf("\n", start) < 0 ? undefined : text.indexOf("\n", start));
    if (new RegExp(`^[-*]\\s+${key}\\s*:`).test(line)) return ln + 1;
  }
  return undefined;
}
