// The APPROVALS.md part of the commit check (judge-approvals.ts), case by case (issue #31):
// a request removed, a decided request edited, a decision by its requester or their agent,
// by someone without AUDIT, one taskgate's approve would refuse (a stale subject), one a hard
// deny forbids, and Roles changes (grant, revoke, automation, identities) with and without an
// approved request for exactly that change.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { formatLogLine, lastHash } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { judgeChange } from "../../src/rules/judge.js";
import { taskContentHash } from "../../src/rules/subject.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

const TASKS = `# Tasks

## T-1 Deploy
- state: REVIEW
- labels: prod
- workers: dan

## Log
`;

const ROLES = `## Roles
- alice: CMD, AUDIT
- bob: WORK, AUDIT
- bob-agent: AUDIT (for bob)
- carol: WORK, AUDIT
- dan: WORK
`;

const hash = () => taskContentHash(readTasks("TASKS.md", TASKS), "T-1", sha256Hex) as string;

/** APPROVALS.md with one request A-1 about T-1. */
function approvals(status: string, extra = "", roles = ROLES, rules = "") {
  return `# Approvals

${roles}${rules}
## A-1 Deploy T-1
- status: ${status}
- subject: T-1
- subject-hash: ${hash()}
- requested-by: bob
- requested-at: 2026-11-24T08:00:00Z
${extra}
## Log
`;
}

const judge = (before: string | undefined, after: string, committer: string | undefined, tasks = TASKS) =>
  judgeChange(
    {
      tasks: readTasks("TASKS.md", TASKS),
      approvals: before === undefined ? undefined : readApprovals("APPROVALS.md", before),
    },
    { tasks: readTasks("TASKS.md", tasks), approvals: readApprovals("APPROVALS.md", after) },
    { committer, hasher: sha256Hex, now: T0 },
  ).map((v) => `${v.file}:${v.line}: ${v.message}`);

/** Appends a chained decision line by `actor` about A-1 to an APPROVALS.md text. */
function withLog(text: string, actor: string, action: string): string {
  const ledger = readApprovals("APPROVALS.md", text);
  return `${text}${formatLogLine(sha256Hex, lastHash(ledger.doc, ledger.log), { time: T0, actor, role: "AUDIT", action, target: "A-1" })}\n`;
}

const decided = (by: string, status = "approved") =>
  approvals(status, `- approver: ${by}\n- decided-at: 2026-11-24T08:30:00Z\n`);

describe("decisions by hand", () => {
  it("an approval by another AUDIT actor passes", () => {
    expect(judge(approvals("pending"), decided("alice"), "alice")).toEqual([]);
    expect(judge(approvals("pending"), decided("alice", "rejected"), "alice")).toEqual([]);
  });

  it("refuses a decision by its requester, by the requester's agent, or without AUDIT", () => {
    expect(judge(approvals("pending"), decided("bob"), "bob")).toEqual([
      "APPROVALS.md:11: A-1 was approved by its requester bob; another AUDIT actor must decide",
    ]);
    expect(judge(approvals("pending"), decided("bob", "rejected"), "bob")).toEqual([
      "APPROVALS.md:11: A-1 was rejected by its requester bob; another AUDIT actor must decide",
    ]);
    expect(judge(approvals("pending"), decided("bob-agent"), "bob-agent")).toEqual([
      "APPROVALS.md:11: A-1 was approved by bob-agent, who counts as its requester bob (delegation); another AUDIT actor must decide",
    ]);
    expect(judge(approvals("pending"), decided("dan"), "dan")).toEqual([
      "APPROVALS.md:11: A-1 was approved by dan, who does not hold the AUDIT role",
    ]);
    expect(judge(approvals("pending"), decided("dan"), undefined)).toEqual([
      "APPROVALS.md:11: A-1 was approved by (no git user.email), who does not hold the AUDIT role",
    ]);
  });

  it("refuses what approve itself refuses: a subject changed since the request", () => {
    const changed = TASKS.replace("## T-1 Deploy", "## T-1 Deploy it all");
    expect(judge(approvals("pending"), decided("alice"), "alice", changed)).toEqual([
      expect.stringMatching(
        /^APPROVALS.md:11: A-1 was approved by alice, which taskgate refuses: T-1 changed after A-1/,
      ),
    ]);
  });

  it("refuses an approval a hard deny rule forbids, and lets a rejection through", () => {
    const rules = "\n## Rules\n```yaml\n- id: freeze\n  deny: { labels: [prod] }\n  level: hard\n```\n";
    const pending = approvals("pending", "", ROLES, rules);
    const approved = approvals("approved", "- approver: alice\n- decided-at: 2026-11-24T08:30:00Z\n", ROLES, rules);
    expect(judge(pending, approved, "alice")).toEqual([
      "APPROVALS.md:18: A-1 was approved by alice, but rule freeze (hard deny) forbids approving it; nobody can override it",
    ]);
    const rejected = approvals("rejected", "- approver: alice\n- decided-at: 2026-11-24T08:30:00Z\n", ROLES, rules);
    expect(judge(pending, rejected, "alice")).toEqual([]);
    const soft = rules.replace("  level: hard\n", "");
    expect(
      judge(
        approvals("pending", "", ROLES, soft),
        approvals("approved", "- approver: alice\n- decided-at: 2026-11-24T08:30:00Z\n", ROLES, soft),
        "alice",
      ),
    ).toEqual([]);
  });

  it("a logged decision is judged as its line's actor, at its line", () => {
    const logged = (by: string, action = "approve") =>
      withLog(decided(by, action === "approve" ? "approved" : "rejected"), by, action);
    expect(judge(approvals("pending"), logged("alice"), "alice")).toEqual([]);
    expect(judge(approvals("pending"), logged("bob"), "bob")).toEqual([
      "APPROVALS.md:20: A-1 was approved by its requester bob; another AUDIT actor must decide",
    ]);
    expect(judge(approvals("pending"), logged("bob", "reject"), "bob")).toEqual([
      "APPROVALS.md:20: A-1 was rejected by its requester bob; another AUDIT actor must decide",
    ]);
    // A decision line on a request whose status did not change is judged too.
    expect(judge(approvals("pending"), withLog(approvals("pending"), "bob", "approve"), "bob")).toEqual([
      "APPROVALS.md:18: A-1 was approved by its requester bob; another AUDIT actor must decide",
    ]);
  });

  it("a request made and decided in one commit is a decision too", () => {
    const none = `# Approvals\n\n${ROLES}\n## Log\n`;
    expect(judge(none, decided("bob"), "bob")).toEqual([
      "APPROVALS.md:11: A-1 was approved by its requester bob; another AUDIT actor must decide",
    ]);
    expect(judge(none, decided("alice"), "alice")).toEqual([]);
  });

  it("a decision is final: its fields may not change afterwards", () => {
    expect(judge(decided("alice"), decided("carol"), "carol")).toEqual([
      "APPROVALS.md:16: The approver of A-1 changed, but A-1 was already approved; a decision is final (request again to start over)",
    ]);
    expect(judge(decided("alice"), decided("alice"), "carol")).toEqual([]);
  });

  it("a request may not be removed", () => {
    const none = `# Approvals\n\n${ROLES}\n## Log\n`;
    expect(judge(approvals("pending"), none, "alice")).toEqual([
      `APPROVALS.md:${none.split("\n").length - 1}: A-1 was removed; approvals are never deleted`,
    ]);
  });
});

describe("Roles changes", () => {
  const roleRequest = (change: string, status: string) =>
    approvals("pending").replace(
      "## Log",
      `## A-2 Roles\n- status: ${status}\n- subject: roles\n- change: ${change}\n- requested-by: bob\n- approver: alice\n\n## Log`,
    );

  it("grant and revoke need an approved request for exactly that change", () => {
    const granted = (t: string) => t.replace("- dan: WORK", "- dan: WORK, AUDIT");
    expect(judge(approvals("pending"), granted(approvals("pending")), "alice")).toEqual([
      "APPROVALS.md:8: A Roles change (grant dan AUDIT) without an approved request; run taskgate roles grant dan AUDIT and have another AUDIT actor approve it",
    ]);
    expect(
      judge(roleRequest("grant dan AUDIT", "pending"), granted(roleRequest("grant dan AUDIT", "approved")), "alice"),
    ).toEqual([]);
    expect(
      judge(roleRequest("grant dan CMD", "pending"), granted(roleRequest("grant dan CMD", "approved")), "alice"),
    ).toEqual([
      expect.stringMatching(/^APPROVALS.md:8: A Roles change \(grant dan AUDIT\) without an approved request/),
    ]);
    expect(
      judge(roleRequest("grant dan AUDIT", "pending"), granted(roleRequest("grant dan AUDIT", "rejected")), "alice"),
    ).toEqual([
      expect.stringMatching(/^APPROVALS.md:8: A Roles change \(grant dan AUDIT\) without an approved request/),
    ]);
    const revoked = approvals("pending").replace("- carol: WORK, AUDIT", "- carol: WORK");
    expect(judge(approvals("pending"), revoked, "alice")).toEqual([
      "APPROVALS.md:7: A Roles change (revoke carol AUDIT) without an approved request; run taskgate roles revoke carol AUDIT and have another AUDIT actor approve it",
    ]);
    const added = approvals("pending").replace("- dan: WORK\n", "- dan: WORK\n- erin: WORK\n");
    expect(judge(approvals("pending"), added, "alice")).toEqual([
      "APPROVALS.md:9: A Roles change (grant erin WORK) without an approved request; run taskgate roles grant erin WORK and have another AUDIT actor approve it",
    ]);
  });

  it("automation flags and identities are Roles changes too, each with its own sentence", () => {
    const marked = approvals("pending").replace("- dan: WORK", "- dan: WORK (automation)");
    expect(judge(approvals("pending"), marked, "alice")).toEqual([
      "APPROVALS.md:8: A Roles change (mark dan automation) without an approved request; change roles through taskgate roles grant/revoke",
    ]);
    const email = approvals("pending").replace("- dan: WORK", "- dan <dan@example.com>: WORK");
    expect(judge(approvals("pending"), email, "alice")).toEqual([
      'APPROVALS.md:8: A Roles change (identify dan: its git identities, delegation or keys) without an approved request whose change is "identify dan"; another AUDIT actor must approve it (docs/trust.md)',
    ]);
    expect(
      judge(
        roleRequest("identify dan", "pending"),
        roleRequest("identify dan", "approved").replace("- dan: WORK", "- dan <dan@example.com>: WORK"),
        "alice",
      ),
    ).toEqual([]);
  });

  it("the first commit creates the Roles without a request", () => {
    expect(judge(undefined, approvals("pending"), "alice")).toEqual([]);
  });
});

describe("what is and is not a decision (issue #31 survivors)", () => {
  it("a logged request is not a decision: its requester may log it", () => {
    const base = approvals("pending");
    const withRequest = base.replace(
      "## Log",
      "## A-2 Deploy again\n- status: pending\n- subject: T-1\n- requested-by: bob\n- requested-at: 2026-11-24T08:50:00Z\n\n## Log",
    );
    const ledger = readApprovals("APPROVALS.md", withRequest);
    const line = formatLogLine(sha256Hex, lastHash(ledger.doc, ledger.log), {
      time: T0,
      actor: "bob",
      role: "WORK",
      action: "request",
      target: "A-2",
    });
    expect(judge(base, `${withRequest}${line}\n`, "bob")).toEqual([]);
  });

  it("a pending request's fields may still change; only a decided one is final", () => {
    expect(judge(approvals("pending"), approvals("pending", "- reason: needed before Friday\n"), "carol")).toEqual([]);
    expect(
      judge(decided("alice"), decided("alice").replace("- decided-at:", "- reason: ok\n- decided-at:"), "carol"),
    ).toEqual([
      "APPROVALS.md:17: The reason of A-1 changed, but A-1 was already approved; a decision is final (request again to start over)",
    ]);
  });

  it("a decision by hand is reported at the status line, wherever it is in the request", () => {
    const moved = (text: string) => text.replace(/(- status: \w+\n)(- subject: T-1\n- subject-hash: [^\n]+\n)/, "$2$1");
    expect(moved(decided("bob")).split("\n")[12]).toBe("- status: approved");
    expect(judge(moved(approvals("pending")), moved(decided("bob")), "bob")).toEqual([
      "APPROVALS.md:13: A-1 was approved by its requester bob; another AUDIT actor must decide",
    ]);
  });

  it("a rejection by hand is not refused for a subject changed since the request (approve is)", () => {
    const changed = TASKS.replace("## T-1 Deploy", "## T-1 Deploy it all");
    expect(judge(approvals("pending"), decided("alice", "rejected"), "alice", changed)).toEqual([]);
  });

  it("a person may decide a Policy request by hand", () => {
    const policyRequest = (status: string, extra = "") =>
      approvals("pending").replace(
        "## Log",
        `## A-2 Policy\n- status: ${status}\n- subject: policy\n- change: policy approval-required=\n- requested-by: bob\n${extra}\n## Log`,
      );
    expect(
      judge(
        policyRequest("pending"),
        policyRequest("approved", "- approver: alice\n- decided-at: 2026-11-24T08:30:00Z\n"),
        "alice",
      ),
    ).toEqual([]);
  });
});

describe("Roles changes: identities and removals", () => {
  it("a changed git name, principal or signing key is an identify change", () => {
    const base = approvals("pending").replace("- dan: WORK", '- dan "Dan D": WORK (key ssh-ed25519 AAAAkey1)');
    const cases = [
      base.replace('"Dan D"', '"Daniel D"'),
      base.replace("AAAAkey1", "AAAAkey2"),
      base.replace("- bob-agent: AUDIT (for bob)", "- bob-agent: AUDIT (for carol)"),
    ];
    for (const after of cases) {
      expect(judge(base, after, "alice")).toEqual([
        expect.stringMatching(/^APPROVALS.md:\d+: A Roles change \(identify (dan|bob-agent): its git identities/),
      ]);
    }
  });

  it("an actor removed from Roles is a revoke of each role, reported at the first line", () => {
    const removed = approvals("pending").replace("- carol: WORK, AUDIT\n", "");
    expect(judge(approvals("pending"), removed, "alice")).toEqual([
      "APPROVALS.md:1: A Roles change (revoke carol WORK) without an approved request; run taskgate roles revoke carol WORK and have another AUDIT actor approve it",
      "APPROVALS.md:1: A Roles change (revoke carol AUDIT) without an approved request; run taskgate roles revoke carol AUDIT and have another AUDIT actor approve it",
    ]);
  });
});
