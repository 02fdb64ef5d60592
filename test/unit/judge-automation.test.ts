// What justifies an automation actor's line in someone else's commit (judge-automation.ts),
// case by case (issue #31): recoveries, automatic accepts after run's own submit, adds from a
// schedule, schedule lines, rule-decided approvals (the rule, the rules hash, the verdict,
// four eyes) and the Roles line that follows one; and every other action refused.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import type { LogEntry } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { asPending, automationApprovalProblem, automationTaskProblem } from "../../src/rules/judge-automation.js";
import { taskContentHash } from "../../src/rules/subject.js";

const TASKS = `# Tasks

## Schedules
- nightly: every day at 02:00 add "Nightly check"

## T-1 Known
- state: REVIEW
- evidence: run.log sha256:aa

## Log
`;

const RULES = "- id: docs-only\n  approve: { labels: [docs] }\n";
const APPROVALS = (status = "pending", subjectHash = "sha256:0") => `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK
- robot: AUDIT (automation)

## Rules
\`\`\`yaml
${RULES}\`\`\`

## A-1 Docs
- status: ${status}
- subject: T-2
- subject-hash: ${subjectHash}
- requested-by: bob
- requested-at: 2026-11-24T08:00:00Z

## Log
`;

const entry = (over: Partial<LogEntry>): LogEntry => ({
  line: 20,
  time: 0,
  actor: "robot",
  role: "AUDIT",
  action: "accept",
  target: "T-1",
  details: {},
  hash: "000000000000",
  body: "",
  ...over,
});

const facts = (over: Partial<Parameters<typeof automationTaskProblem>[1]> = {}) => ({
  hasher: sha256Hex,
  appended: [],
  tasksBefore: readTasks("TASKS.md", TASKS),
  tasksAfter: readTasks("TASKS.md", TASKS),
  approvalsBefore: readApprovals("APPROVALS.md", APPROVALS()),
  approvalsAfter: readApprovals("APPROVALS.md", APPROVALS()),
  refused: new Set<number>(),
  ...over,
});

describe("automation's task lines", () => {
  it("a recovery of a task on the board before is justified (the replay judges the lease); of a new one, not", () => {
    expect(automationTaskProblem(entry({ action: "recover", target: "T-1" }), facts())).toBeUndefined();
    expect(automationTaskProblem(entry({ action: "recover", target: "T-9" }), facts())).toBe(
      "T-9 is new in this commit, so it has no lease to recover",
    );
    expect(
      automationTaskProblem(entry({ action: "recover", target: "T-9" }), facts({ refused: new Set([20]) })),
    ).toBeUndefined();
  });

  it("an automatic accept follows run's own submit with the evidence the task has", () => {
    const submit = entry({ line: 19, action: "submit", details: { via: "run", evidence: "run.log sha256:aa" } });
    const accept = entry({ action: "accept", details: { via: "run" } });
    expect(automationTaskProblem(accept, facts({ appended: [submit, accept] }))).toBeUndefined();
    const viaWork = { ...submit, details: { via: "work", evidence: "run.log sha256:aa" } };
    const acceptWork = entry({ action: "accept", details: { via: "work" } });
    expect(automationTaskProblem(acceptWork, facts({ appended: [viaWork, acceptWork] }))).toBeUndefined();
    expect(automationTaskProblem(entry({ action: "accept", details: {} }), facts({ appended: [submit] }))).toBe(
      "an automatic accept comes only from run or work --on-success done (via=run or via=work)",
    );
    expect(
      automationTaskProblem(
        accept,
        facts({ appended: [{ ...submit, details: { via: "work", evidence: "run.log sha256:aa" } }, accept] }),
      ),
    ).toBe("an automatic accept follows the run's own submit with its evidence, and T-1's line before it is not one");
    expect(
      automationTaskProblem(
        accept,
        facts({ appended: [{ ...submit, details: { via: "run", evidence: "x" } }, accept] }),
      ),
    ).toBe("T-1's evidence is not the one its run submitted");
    expect(automationTaskProblem(accept, facts({ tasksAfter: undefined }))).toBe("there is no board to accept on");
    // A submit after the accept, or about another task, is not the line before it.
    expect(automationTaskProblem(accept, facts({ appended: [{ ...submit, line: 21 }, accept] }))).toMatch(
      /T-1's line before it is not one$/,
    );
    expect(automationTaskProblem(accept, facts({ appended: [{ ...submit, target: "T-2" }, accept] }))).toMatch(
      /T-1's line before it is not one$/,
    );
  });

  it("the line before an automatic accept may be in the old log", () => {
    const submit =
      '- 2026-11-24T08:00:00Z robot WORK submit T-1 from=DOING to=REVIEW via=run evidence="run.log sha256:aa" ~ 000000000000';
    const before = readTasks("TASKS.md", `${TASKS}${submit}\n`);
    const accept = entry({ action: "accept", details: { via: "run" } });
    expect(automationTaskProblem(accept, facts({ tasksBefore: before }))).toBeUndefined();
    expect(automationTaskProblem(accept, facts({ tasksBefore: undefined }))).toMatch(/line before it is not one$/);
    const other = readTasks("TASKS.md", `${TASKS}${submit.replace(" T-1 ", " T-11 ")}\n`);
    expect(automationTaskProblem(accept, facts({ tasksBefore: other }))).toMatch(/line before it is not one$/);
  });

  it("an automatic add needs a later schedule line by the same actor naming the task", () => {
    const add = entry({ line: 20, action: "add", target: "T-2" });
    const schedule = entry({ line: 21, action: "schedule", target: "nightly", details: { task: "T-2" } });
    expect(automationTaskProblem(add, facts({ appended: [add, schedule] }))).toBeUndefined();
    const refused = "an automatic add comes only from a schedule, and no schedule line names T-2";
    expect(automationTaskProblem(add, facts({ appended: [add] }))).toBe(refused);
    expect(automationTaskProblem(add, facts({ appended: [add, { ...schedule, line: 19 }] }))).toBe(refused);
    expect(automationTaskProblem(add, facts({ appended: [add, { ...schedule, actor: "alice" }] }))).toBe(refused);
    expect(automationTaskProblem(add, facts({ appended: [add, { ...schedule, details: { task: "T-3" } }] }))).toBe(
      refused,
    );
    expect(automationTaskProblem(add, facts({ appended: [add, { ...schedule, action: "note" }] }))).toBe(refused);
  });

  it("a schedule line names a schedule of the board, before or after", () => {
    expect(automationTaskProblem(entry({ action: "schedule", target: "nightly" }), facts())).toBeUndefined();
    expect(
      automationTaskProblem(entry({ action: "schedule", target: "nightly" }), facts({ tasksBefore: undefined })),
    ).toBeUndefined();
    expect(
      automationTaskProblem(entry({ action: "schedule", target: "nightly" }), facts({ tasksAfter: undefined })),
    ).toBeUndefined();
    expect(automationTaskProblem(entry({ action: "schedule", target: "weekly" }), facts())).toBe(
      'there is no schedule "weekly" in ## Schedules',
    );
  });

  it("automation does nothing else to tasks", () => {
    expect(automationTaskProblem(entry({ action: "claim" }), facts())).toBe("automation does not claim tasks");
  });
});

describe("automation's approvals lines", () => {
  // The rules' hash as taskgate records it: of the YAML block's text.
  const rulesText = () => readApprovals("APPROVALS.md", APPROVALS()).rules?.text ?? "";
  const hashOf = () => `sha256:${sha256Hex(rulesText()).slice(0, 16)}`;
  const tasksWithT2 = (labels: string) =>
    readTasks("TASKS.md", TASKS.replace("## Log", `## T-2 Docs\n- state: REVIEW\n- labels: ${labels}\n\n## Log`));
  /** The request about T-2 bound to its content with the label docs. */
  const current = (status = "pending") =>
    readApprovals("APPROVALS.md", APPROVALS(status, taskContentHash(tasksWithT2("docs"), "T-2", sha256Hex)));
  const decide = (over: Partial<LogEntry>, f = {}) =>
    automationApprovalProblem(
      entry({ action: "approve", target: "A-1", details: { rule: "docs-only", "rules-hash": hashOf() }, ...over }),
      facts({ tasksAfter: tasksWithT2("docs"), approvalsBefore: current(), approvalsAfter: current(), ...f }),
    );

  it("an approval by the rule it names, under the rules it names, is justified", () => {
    expect(decide({})).toBeUndefined();
    // A request new in the commit is judged as it was before: pending.
    const noRequest = readApprovals("APPROVALS.md", APPROVALS().replace(/## A-1[\s\S]*?\n\n(?=## Log)/, ""));
    expect(noRequest.approvals).toEqual([]);
    expect(decide({}, { approvalsBefore: noRequest, approvalsAfter: current("approved") })).toBeUndefined();
    // Roles are the ones before the commit: with none, automation holds no role.
    expect(decide({}, { approvalsBefore: undefined, approvalsAfter: current("approved") })).toBe(
      "robot (no roles) may not approve; that takes the AUDIT role",
    );
    // ...and one whose subject changed since is not decided.
    expect(decide({}, { tasksAfter: tasksWithT2("docs, more") })).toMatch(/^T-2 changed after A-1 was requested/);
  });

  it("refuses a decision naming no rule, another rules hash, or a rule that does not decide so", () => {
    expect(decide({ details: { "rules-hash": hashOf() } })).toBe(
      "an automatic approve names the rule that decided it (rule=...), and this one names none",
    );
    expect(decide({ details: { rule: "docs-only", "rules-hash": "sha256:0" } })).toBe(
      `the rules as they were (${hashOf()}) are not the ones the line names (sha256:0)`,
    );
    expect(decide({ details: { rule: "docs-only" } })).toBe(
      `the rules as they were (${hashOf()}) are not the ones the line names (none)`,
    );
    expect(decide({}, { tasksAfter: tasksWithT2("prod") })).toBe(
      "rule docs-only does not approve A-1 as it was (no rule decides it)",
    );
    expect(decide({ action: "reject" })).toBe(
      "rule docs-only does not reject A-1 as it was (rule docs-only says approve)",
    );
    expect(decide({ details: { rule: "other", "rules-hash": hashOf() } })).toBe(
      "rule other does not approve A-1 as it was (rule docs-only says approve)",
    );
  });

  it("refuses a decision on a request that does not exist, or under broken rules", () => {
    expect(decide({ target: "A-9" })).toBe("there is no request A-9 to decide");
    expect(decide({}, { tasksAfter: undefined })).toBe("there is no request A-1 to decide");
    expect(decide({}, { approvalsBefore: undefined, approvalsAfter: undefined })).toBe(
      "there is no request A-1 to decide",
    );
    const broken = readApprovals("APPROVALS.md", APPROVALS().replace("approve: { labels: [docs] }", "approve: 3"));
    expect(decide({}, { approvalsBefore: broken })).toBe("the rules have errors, so no rule decides A-1");
  });

  it("a Roles line follows the same actor's earlier rule-decided approval it names", () => {
    const approve = entry({
      line: 19,
      action: "approve",
      target: "A-1",
      details: { rule: "docs-only", "rules-hash": hashOf() },
    });
    const roles = entry({ line: 20, action: "roles", target: "-", details: { via: "A-1" } });
    const f = { tasksAfter: tasksWithT2("docs"), approvalsBefore: current(), approvalsAfter: current() };
    expect(automationApprovalProblem(roles, facts({ ...f, appended: [approve, roles] }))).toBeUndefined();
    const not = "a Roles line by automation follows its own rule-decided approval of the change, and A-1 is not one";
    expect(automationApprovalProblem(roles, facts({ ...f, appended: [roles] }))).toBe(not);
    expect(automationApprovalProblem(roles, facts({ ...f, appended: [{ ...approve, line: 21 }, roles] }))).toBe(not);
    expect(automationApprovalProblem(roles, facts({ ...f, appended: [{ ...approve, actor: "alice" }, roles] }))).toBe(
      not,
    );
    expect(automationApprovalProblem(roles, facts({ ...f, appended: [{ ...approve, target: "A-2" }, roles] }))).toBe(
      not,
    );
    expect(automationApprovalProblem(roles, facts({ ...f, appended: [{ ...approve, action: "reject" }, roles] }))).toBe(
      not,
    );
    expect(
      automationApprovalProblem(roles, facts({ ...f, tasksAfter: tasksWithT2("prod"), appended: [approve, roles] })),
    ).toBe(not);
    expect(automationApprovalProblem({ ...roles, details: {} }, facts({ ...f, appended: [approve, roles] }))).toBe(
      "a Roles line by automation follows its own rule-decided approval of the change, and none is not one",
    );
  });

  it("automation does nothing else to approvals", () => {
    expect(automationApprovalProblem(entry({ action: "request" }), facts())).toBe(
      "automation does not request approvals",
    );
  });

  it("asPending is the request before its decision", () => {
    const a = readApprovals("APPROVALS.md", APPROVALS("approved")).approvals[0];
    if (!a) throw new Error("no request");
    expect(asPending({ ...a, approver: "alice", decidedAt: 5 })).toMatchObject({
      id: "A-1",
      status: "pending",
      approver: undefined,
      decidedAt: undefined,
    });
  });
});
