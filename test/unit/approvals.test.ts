// The approval gate's rules, decided purely: four eyes, content binding, the gate, and the
// rules table (approve, no match, soft and hard deny, malformed).

import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { applySplices } from "../../src/ledger/edit.js";
import { readTasks } from "../../src/ledger/tasks.js";
import type { Approval } from "../../src/model/approval.js";
import { type Approver, planAuto, planDecision, planRequest } from "../../src/rules/approval-plan.js";
import { evaluateRules, type Facts, parseRules, type Rule } from "../../src/rules/approval-rules.js";
import { gateProblem, isStale } from "../../src/rules/gate.js";
import { planTransition } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9);
const when = { now: T0, hasher: sha256Hex };
const bob: Approver = { actor: "bob", roles: ["WORK"], automation: false };
const carol: Approver = { actor: "carol", roles: ["WORK", "AUDIT"], automation: false };
const alice: Approver = { actor: "alice", roles: ["CMD", "AUDIT"], automation: false };
const watch: Approver = { actor: "taskgate-watch", roles: ["AUDIT"], automation: true };

const addLine = '2026-11-24T08:00:00Z dan CMD add T-1 title="Deploy the service"';
const TASKS = `# Tasks

## Policy
- approval-required: prod

## T-1 Deploy the service
- state: REVIEW
- labels: prod
- workers: bob

Runs the migration first.

## T-2 Write docs
- state: READY
- labels: docs

## Log
- ${addLine} ~ ${sha256Hex(`\n${addLine}`).slice(0, 12)}
`;

const RULES_YAML = `- id: docs-only
  approve: { labels: [docs], requester-role: WORK }
- id: never-auto-prod
  deny: { labels: [prod] }
- id: code-freeze
  deny: { labels: [freeze] }
  level: hard`;

const APPROVALS = `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK
- carol: WORK, AUDIT
- dan: CMD, AUDIT
- taskgate-watch: AUDIT (automation)

## Rules
\`\`\`yaml
${RULES_YAML}
\`\`\`

## Log
`;

function request(approvalsText: string, tasksText: string, subject: string, who: Approver): string {
  const a = readApprovals("APPROVALS.md", approvalsText);
  const plan = planRequest(a, readTasks("TASKS.md", tasksText), { subject }, who, when);
  if (!plan.ok) throw new Error(plan.message);
  return applySplices(approvalsText, plan.splices);
}

const rulesOf = (text: string) => {
  const a = readApprovals("APPROVALS.md", text);
  return { rules: parseRules("APPROVALS.md", a.rules).rules, hash: "sha256:test" };
};

function decide(approvalsText: string, tasksText: string, id: string, decision: "approve" | "reject", who: Approver) {
  return planDecision(
    readApprovals("APPROVALS.md", approvalsText),
    readTasks("TASKS.md", tasksText),
    { id, decision, reason: decision === "reject" ? "no" : undefined },
    who,
    when,
    rulesOf(approvalsText),
  );
}

const first = (text: string) => readApprovals("APPROVALS.md", text).approvals[0] as Approval;

describe("four eyes", () => {
  // Fixtures in beforeAll, not the describe body: a mutant that throws there must fail tests.
  let requested = "";
  beforeAll(() => {
    requested = request(APPROVALS, TASKS, "T-2", bob);
  });

  it("records the request with the subject's content hash", () => {
    const a = first(requested);
    expect(a).toMatchObject({ id: "A-1", status: "pending", subject: "T-2", requestedBy: "bob" });
    expect(a.fields.find((f) => f.key === "subject-hash")?.value).toMatch(/^sha256:[0-9a-f]{32}$/);
  });

  it("refuses self-approval, approval by a WORK-only actor, and by the subject's last modifier", () => {
    const self = decide(request(APPROVALS, TASKS, "T-2", carol), TASKS, "A-1", "approve", carol);
    expect(self).toEqual({
      ok: false,
      message: "carol requested A-1 and may not decide it; another AUDIT actor must (four eyes)",
    });
    expect(decide(requested, TASKS, "A-1", "approve", bob)).toEqual({
      ok: false,
      message: "bob (WORK) may not approve; that takes the AUDIT role",
    });
    const onT1 = request(APPROVALS, TASKS, "T-1", bob);
    const dan: Approver = { actor: "dan", roles: ["CMD", "AUDIT"], automation: false };
    const byModifier = decide(onT1, TASKS, "A-1", "approve", dan);
    expect(!byModifier.ok && byModifier.message).toMatch(
      /^dan last changed T-1 \(add at 2026-11-24T08:00:00Z\) and may not decide A-1/,
    );
    // bob worked on T-1 (its workers field), so even holding AUDIT he may not decide about it.
    const byWorker = decide(onT1, TASKS, "A-1", "reject", { actor: "bob", roles: ["AUDIT"], automation: false });
    expect(!byWorker.ok && byWorker.message).toMatch(/^bob (requested|worked on)/);
  });

  it("lets another AUDIT actor decide, once: a decision is final", () => {
    const plan = decide(requested, TASKS, "A-1", "approve", alice);
    expect(plan.ok).toBe(true);
    const approved = applySplices(requested, plan.ok ? plan.splices : []);
    expect(first(approved)).toMatchObject({ status: "approved", approver: "alice" });
    expect(decide(approved, TASKS, "A-1", "reject", carol)).toEqual({
      ok: false,
      message:
        "A-1 is already approved by alice at 2026-11-24T09:00:00Z; a decision is final (request again to start over)",
    });
  });

  it("a new request for the same subject supersedes the old one explicitly", () => {
    const twice = request(requested, TASKS, "T-2", bob);
    const [older, newer] = readApprovals("APPROVALS.md", twice).approvals;
    expect(older).toMatchObject({ status: "superseded" });
    expect(older?.fields.find((f) => f.key === "superseded-by")?.value).toBe("A-2");
    expect(newer?.fields.find((f) => f.key === "supersedes")?.value).toBe("A-1");
  });
});

describe("content binding and the gate", () => {
  let approvedT1 = "";
  beforeAll(() => {
    const r = request(APPROVALS, TASKS, "T-1", bob);
    const p = decide(r, TASKS, "A-1", "approve", alice);
    if (!p.ok) throw new Error(p.message);
    approvedT1 = applySplices(r, p.splices);
  });

  it("an approved request allows acceptance of a gated task", () => {
    const a = readApprovals("APPROVALS.md", approvedT1);
    expect(gateProblem(readTasks("TASKS.md", TASKS), a, "T-1", sha256Hex)).toBeUndefined();
  });

  it.each([
    ["one byte of the title", (t: string) => t.replace("Deploy the service", "Deploy the servicf")],
    ["one byte of the text", (t: string) => t.replace("Runs the migration first.", "Runs the migration first!")],
    ["a label", (t: string) => t.replace("- labels: prod", "- labels: prod, fast")],
  ])("changing %s makes the approval stale and the gate refuses", (_what, change) => {
    const tasks = readTasks("TASKS.md", change(TASKS));
    const a = readApprovals("APPROVALS.md", approvedT1);
    expect(isStale(tasks, first(approvedT1), sha256Hex)).toBe(true);
    expect(gateProblem(tasks, a, "T-1", sha256Hex)).toBe(
      "T-1 has the label prod, so accepting it needs an approved request; A-1 was approved, but T-1 changed since (stale): run taskgate approval request T-1",
    );
  });

  it("state, lease and workers are not content: moving the task does not make it stale", () => {
    const moved = TASKS.replace(
      "- state: REVIEW",
      "- state: DOING\n- lease: bob@h token=2 until=2026-11-24T10:00:00Z ttl=30m",
    );
    expect(isStale(readTasks("TASKS.md", moved), first(approvedT1), sha256Hex)).toBe(false);
  });

  it("names the approval to get when there is none or it is pending", () => {
    const tasks = readTasks("TASKS.md", TASKS);
    const none = readApprovals("APPROVALS.md", APPROVALS);
    expect(gateProblem(tasks, none, "T-1", sha256Hex)).toBe(
      "T-1 has the label prod, so accepting it needs an approved request; none exists: run taskgate approval request T-1",
    );
    const pending = readApprovals("APPROVALS.md", request(APPROVALS, TASKS, "T-1", bob));
    expect(gateProblem(tasks, pending, "T-1", sha256Hex)).toMatch(
      /A-1 is pending: an AUDIT actor other than its requester runs taskgate approve A-1$/,
    );
    expect(gateProblem(tasks, none, "T-2", sha256Hex)).toBeUndefined();
  });

  it("refuses to approve a request whose subject changed after it was made", () => {
    const r = request(APPROVALS, TASKS, "T-1", bob);
    const p = decide(r, TASKS.replace("Runs the migration first.", "Skips the migration."), "A-1", "approve", alice);
    expect(!p.ok && p.message).toMatch(/^T-1 changed after A-1 was requested/);
  });

  it("accept itself still refuses whoever worked the task (four eyes)", () => {
    const p = planTransition(
      readTasks("TASKS.md", TASKS),
      { action: "accept", id: "T-1" },
      { actor: "bob", roles: ["AUDIT"], automation: false, host: "h" },
      when,
    );
    expect(!p.ok && p.message).toMatch(/four eyes/);
  });
});

describe("rules", () => {
  const facts = (over: Partial<Facts>): Facts => ({
    subject: "task",
    labels: [],
    state: "REVIEW",
    attempts: 0,
    requesterRoles: ["WORK"],
    evidence: false,
    ...over,
  });
  let rules: Rule[] = [];
  beforeAll(() => {
    rules = parseRules("APPROVALS.md", { text: RULES_YAML, line: 10 }).rules;
  });

  it.each([
    ["approve: docs by a WORK requester", facts({ labels: ["docs"] }), "approve", "docs-only"],
    [
      "no match: docs by a CMD requester (deny by default)",
      facts({ labels: ["docs"], requesterRoles: ["CMD"] }),
      "none",
      undefined,
    ],
    ["no match: no labels", facts({}), "none", undefined],
    ["soft deny holds for a person: docs and prod", facts({ labels: ["docs", "prod"] }), "hold", "never-auto-prod"],
    ["hard deny beats approve and soft deny", facts({ labels: ["docs", "prod", "freeze"] }), "reject", "code-freeze"],
  ])("%s", (_name, f, decision, rule) => {
    const { verdict } = evaluateRules(rules, f);
    expect(verdict.decision).toBe(decision);
    expect("rule" in verdict ? verdict.rule.id : undefined).toBe(rule);
  });

  it("an unknown condition is a diagnostic with file:line, and such rules approve nothing", () => {
    const bad = "- id: docs-only\n  approve: { labels: [docs], colour: blue }\n";
    const parsed = parseRules("APPROVALS.md", { text: bad, line: 12 });
    expect(parsed.rules).toEqual([]);
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '13:30 Rule docs-only: unknown condition "colour"; known: labels, any-label, requester-role, subject-state, max-attempts, evidence, subject',
    ]);
  });

  it.each([
    ["not a list", "id: x\n", "Expected the rules to be a YAML list"],
    [
      "both approve and deny",
      "- id: x\n  approve: { labels: [a] }\n  deny: { labels: [b] }\n",
      "exactly one of approve: or deny:",
    ],
    [
      "a bad role",
      "- id: x\n  approve: { requester-role: BOSS }\n",
      'expected CMD, WORK or AUDIT, or a list of them for "requester-role"',
    ],
    ["broken YAML", "- id: [x\n", "Rules are not valid YAML"],
    ["a hard approve", "- id: x\n  approve: { labels: [a] }\n  level: hard\n", "level hard is for deny rules"],
  ])("reports %s", (_name, text, message) => {
    const parsed = parseRules("APPROVALS.md", { text, line: 1 });
    expect(parsed.rules).toEqual([]);
    expect(parsed.diagnostics[0]?.message).toContain(message);
  });

  it("auto decisions are made by the automation actor and record the rule and rules hash", () => {
    const frozen = TASKS.replace("- labels: prod", "- labels: prod, freeze");
    let text = request(APPROVALS, frozen, "T-2", bob);
    text = request(text, frozen, "T-1", bob);
    text = request(text, frozen, "Rotate the key", bob);
    const plan = planAuto(
      readApprovals("APPROVALS.md", text),
      readTasks("TASKS.md", frozen),
      watch,
      when,
      rulesOf(text),
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.result.outcomes.map((o) => [o.id, o.verdict.decision])).toEqual([
      ["A-1", "approve"],
      ["A-2", "reject"],
      ["A-3", "none"],
    ]);
    const after = applySplices(text, plan.splices);
    expect(after).toMatch(
      /taskgate-watch AUDIT approve A-1 subject=T-2 rule=docs-only rules-hash=sha256:test waited=0s auto=true ~ /,
    );
    expect(readApprovals("APPROVALS.md", after).approvals.map((a) => a.status)).toEqual([
      "approved",
      "rejected",
      "pending",
    ]);
    // A hard deny cannot be overridden by a person either.
    const byPerson = decide(request(APPROVALS, frozen, "T-1", bob), frozen, "A-1", "approve", alice);
    expect(!byPerson.ok && byPerson.message).toMatch(
      /^Rule code-freeze \(hard deny, APPROVALS\.md:\d+\) forbids approving A-1; nobody can override it$/,
    );
  });
});
