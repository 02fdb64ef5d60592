// The gate on acceptance, case by case (issue #31): approved, pending, rejected, stale,
// approved by a worker or their agent, about another task, superseded, the latest of several,
// labels dropped by the change, and isStale on its own. Every answer is compared whole, so a
// changed condition or message fails here and not only end to end.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { readTasks, type TasksLedger } from "../../src/ledger/tasks.js";
import type { Approval } from "../../src/model/approval.js";
import { gateProblem, isStale } from "../../src/rules/gate.js";
import { taskContentHash } from "../../src/rules/subject.js";

const TASKS = `# Tasks

## Policy
- approval-required: prod, pci

## T-1 Deploy the service
- state: REVIEW
- labels: prod
- workers: bob

Runs the migration first.

## T-2 Deploy the other service
- state: REVIEW
- labels: prod
- workers: dan

## T-3 Write docs
- state: REVIEW
- labels: docs
- workers: bob

## T-5 Pair work
- state: REVIEW
- labels: prod
- workers: dan, carol

## T-4 Card data
- state: REVIEW
- labels: prod, pci
- workers: bob

## Log
`;

interface Req {
  readonly id: string;
  readonly subject?: string;
  readonly status: "pending" | "approved" | "rejected" | "superseded";
  readonly approver?: string;
  /** The subject hash recorded; default: the subject's current one. */
  readonly hash?: string;
}

function approvalsText(tasks: TasksLedger, reqs: readonly Req[]): string {
  const sections = reqs.map((r) => {
    const lines = [`## ${r.id} Release`, `- status: ${r.status}`];
    if (r.subject) lines.push(`- subject: ${r.subject}`);
    const hash = r.hash ?? (r.subject ? taskContentHash(tasks, r.subject, sha256Hex) : undefined);
    if (hash) lines.push(`- subject-hash: ${hash}`);
    lines.push("- requested-by: erin", "- requested-at: 2026-11-24T08:00:00Z");
    if (r.approver) lines.push(`- approver: ${r.approver}`, "- decided-at: 2026-11-24T08:30:00Z");
    return lines.join("\n");
  });
  return `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK, AUDIT
- bob-agent: WORK (for bob)
- carol: WORK, AUDIT
- dan: WORK
- erin: WORK

${sections.join("\n\n")}

## Log
`;
}

function gate(id: string, reqs: readonly Req[], tasksText = TASKS, options = {}) {
  const tasks = readTasks("TASKS.md", tasksText);
  const approvals = readApprovals("APPROVALS.md", approvalsText(readTasks("TASKS.md", TASKS), reqs));
  expect(approvals.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return gateProblem(tasks, approvals, id, sha256Hex, options);
}

const head = (id: string) => `${id} has the label prod, so accepting it needs an approved request`;

describe("gateProblem", () => {
  it("opens for an approved, current request decided by someone who did not work on the task", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "approved", approver: "alice" }])).toBeUndefined();
  });

  it("does not open for an approved request about another task", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-2", status: "approved", approver: "alice" }])).toBe(
      `${head("T-1")}; none exists: run taskgate approval request T-1`,
    );
    // ...nor for one about no task (free text).
    expect(gate("T-1", [{ id: "A-1", status: "approved", approver: "alice" }])).toBe(
      `${head("T-1")}; none exists: run taskgate approval request T-1`,
    );
  });

  it("names a pending request", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "pending" }])).toBe(
      `${head("T-1")}; A-1 is pending: an AUDIT actor other than its requester runs taskgate approve A-1`,
    );
  });

  it("names a rejected request", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "rejected", approver: "alice" }])).toBe(
      `${head("T-1")}; A-1 was rejected: run taskgate approval request T-1 once it is fixed`,
    );
  });

  it("refuses a stale approval: the subject changed after it was approved", () => {
    const changed = TASKS.replace("Runs the migration first.", "Skips the migration.");
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "approved", approver: "alice" }], changed)).toBe(
      `${head("T-1")}; A-1 was approved, but T-1 changed since (stale): run taskgate approval request T-1`,
    );
  });

  it("refuses an approval by a worker, and by an agent of a worker (four eyes)", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "approved", approver: "bob" }])).toBe(
      `${head("T-1")}; A-1 was approved by bob, who worked on T-1 (four eyes): run taskgate approval request T-1`,
    );
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "approved", approver: "bob-agent" }])).toBe(
      `${head("T-1")}; A-1 was approved by bob-agent, who worked on T-1 (four eyes): run taskgate approval request T-1`,
    );
  });

  it("any one of several workers counts", () => {
    expect(gate("T-5", [{ id: "A-1", subject: "T-5", status: "approved", approver: "carol" }])).toBe(
      `${head("T-5")}; A-1 was approved by carol, who worked on T-5 (four eyes): run taskgate approval request T-5`,
    );
    expect(gate("T-5", [{ id: "A-1", subject: "T-5", status: "approved", approver: "alice" }])).toBeUndefined();
  });

  it("an approved request without an approver does not count as a worker's", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "approved" }])).toBeUndefined();
  });

  it("ignores superseded requests, and names the latest of the others by number (A-10 after A-9)", () => {
    expect(gate("T-1", [{ id: "A-1", subject: "T-1", status: "superseded", approver: "alice" }])).toBe(
      `${head("T-1")}; none exists: run taskgate approval request T-1`,
    );
    expect(
      gate("T-1", [
        { id: "A-9", subject: "T-1", status: "rejected", approver: "alice" },
        { id: "A-10", subject: "T-1", status: "pending" },
      ]),
    ).toMatch(/; A-10 is pending/);
    expect(
      gate("T-1", [
        { id: "A-10", subject: "T-1", status: "pending" },
        { id: "A-9", subject: "T-1", status: "rejected", approver: "alice" },
      ]),
    ).toMatch(/; A-10 is pending/);
    // Any current approval opens it, even when a later request is pending.
    expect(
      gate("T-1", [
        { id: "A-1", subject: "T-1", status: "approved", approver: "alice" },
        { id: "A-2", subject: "T-1", status: "pending" },
      ]),
    ).toBeUndefined();
  });

  it("a task without a required label, or no such task, needs nothing", () => {
    expect(gate("T-3", [])).toBeUndefined();
    expect(gate("T-9", [])).toBeUndefined();
    const tasks = readTasks("TASKS.md", TASKS);
    expect(gateProblem(tasks, undefined, "T-3", sha256Hex)).toBeUndefined();
    expect(gateProblem(tasks, undefined, "T-1", sha256Hex)).toBe(
      `${head("T-1")}; none exists: run taskgate approval request T-1`,
    );
  });

  it("names every required label, in the plural", () => {
    expect(gate("T-4", [])).toBe(
      "T-4 has the labels prod, pci, so accepting it needs an approved request; none exists: run taskgate approval request T-4",
    );
  });

  it("takes the required labels from the options over the policy", () => {
    expect(gate("T-3", [], TASKS, { required: ["docs"] })).toBe(
      "T-3 has the label docs, so accepting it needs an approved request; none exists: run taskgate approval request T-3",
    );
    expect(gate("T-1", [], TASKS, { required: ["docs"] })).toBeUndefined();
  });

  it("a change cannot drop a required label to pass: the labels before count", () => {
    expect(gate("T-3", [], TASKS, { labelsBefore: ["prod"] })).toBe(
      "T-3 has the label prod, so accepting it needs an approved request; none exists: run taskgate approval request T-3",
    );
    expect(gate("T-3", [], TASKS, { labelsBefore: ["docs"] })).toBeUndefined();
  });
});

describe("isStale", () => {
  const approval = (tasks: TasksLedger, r: Req): Approval => {
    const a = readApprovals("APPROVALS.md", approvalsText(tasks, [r])).approvals[0];
    if (!a) throw new Error("no approval");
    return a;
  };

  it("an approved request is stale when its recorded hash is not the subject's", () => {
    const tasks = readTasks("TASKS.md", TASKS);
    expect(isStale(tasks, approval(tasks, { id: "A-1", subject: "T-1", status: "approved" }), sha256Hex)).toBe(false);
    const other = approval(tasks, { id: "A-1", subject: "T-1", status: "approved", hash: "sha256:0" });
    expect(isStale(tasks, other, sha256Hex)).toBe(true);
  });

  it("an approved request with no recorded hash is stale", () => {
    const tasks = readTasks("TASKS.md", TASKS);
    const text = approvalsText(tasks, [{ id: "A-1", subject: "T-1", status: "approved" }]).replace(
      /- subject-hash: .*\n/,
      "",
    );
    const a = readApprovals("APPROVALS.md", text).approvals[0] as Approval;
    expect(isStale(tasks, a, sha256Hex)).toBe(true);
  });

  it("only an approved request about a task on the board can be stale", () => {
    const tasks = readTasks("TASKS.md", TASKS);
    for (const status of ["pending", "rejected", "superseded"] as const) {
      expect(isStale(tasks, approval(tasks, { id: "A-1", subject: "T-1", status, hash: "sha256:0" }), sha256Hex)).toBe(
        false,
      );
    }
    expect(isStale(tasks, approval(tasks, { id: "A-1", status: "approved", hash: "sha256:0" }), sha256Hex)).toBe(false);
    expect(
      isStale(tasks, approval(tasks, { id: "A-1", subject: "T-9", status: "approved", hash: "sha256:0" }), sha256Hex),
    ).toBe(false);
  });
});
