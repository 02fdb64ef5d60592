// The commit check on TASKS.md's guarded Policy keys and APPROVALS.md's Rules
// (judgeGuardedSections in judge-approvals.ts, docs/approvals.md "Policy and Rules changes"),
// case by case (issue #31): a weakening needs an approved request for exactly that change,
// decided by a person who is neither the committer (nor their agent) nor automation; the
// violation points at the changed line, or where the line was when it is gone.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { rulesChangeOf } from "../../src/rules/guarded-sections.js";
import { judgeChange } from "../../src/rules/judge.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

const POLICY = `## Policy
- lease: 30m
- approval-required: prod, security
- signed-commits: required
- clock-skew: 30s
`;

const tasksText = (policy = POLICY) => `# Tasks

${policy}
## T-1 Deploy
- state: READY

## Log
`;

const ROLES = `## Roles
- alice: CMD, AUDIT
- alice-agent: AUDIT (for alice)
- bob: WORK, AUDIT
- robot: AUDIT (automation)
`;

const RULES = "## Rules\n```yaml\n- id: docs\n  approve: { labels: [docs] }\n```\n";

/** A request for a guarded change: status, change, and its approver when there is one. */
const request = (id: string, status: string, change: string, approver?: string) =>
  `## ${id} Guarded change
- status: ${status}
- subject: ${change.startsWith("rules") ? "rules" : "policy"}
- change: ${change}
- requested-by: bob
${approver ? `- approver: ${approver}\n- decided-at: 2026-11-24T08:30:00Z\n` : ""}
`;

const approvalsText = (requests = "", rules = RULES) => `# Approvals

${ROLES}
${rules}
${requests}## Log
`;

function judge(
  before: { tasks?: string; approvals?: string },
  after: { tasks?: string; approvals?: string },
  committer: string | null = "alice",
): string[] {
  const read = (l: { tasks?: string; approvals?: string }) => ({
    tasks: readTasks("TASKS.md", l.tasks ?? tasksText()),
    approvals: readApprovals("APPROVALS.md", l.approvals ?? approvalsText()),
  });
  const b = read(before);
  const a = read(after);
  for (const l of [b, a]) {
    expect(l.tasks.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(l.approvals.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  }
  return judgeChange(b, a, { committer: committer ?? undefined, hasher: sha256Hex, now: T0 }).map(
    (v) => `${v.file}:${v.line}: ${v.message}`,
  );
}

const lineOf = (text: string, start: string) => text.split("\n").findIndex((l) => l.startsWith(start)) + 1;

describe("guarded Policy keys", () => {
  const weaker = tasksText(POLICY.replace("prod, security", "security"));
  const change = "policy approval-required=security";

  it("a label dropped from approval-required without a request is refused at that key's line", () => {
    expect(judge({}, { tasks: weaker })).toEqual([
      `TASKS.md:${lineOf(weaker, "- approval-required")}: The Policy's approval-required changed to "security" without an approved request for that change; run taskgate policy request approval-required=security, have another AUDIT person (not alice, not automation) approve it, then commit (docs/approvals.md)`,
    ]);
  });

  it("passes with an approved request for exactly that change by another person", () => {
    const approved = approvalsText(request("A-1", "approved", change, "bob"));
    expect(judge({ approvals: approved }, { tasks: weaker, approvals: approved })).toEqual([]);
    // Any approved candidate will do, not only the first.
    const two = approvalsText(request("A-1", "approved", change, "alice") + request("A-2", "approved", change, "bob"));
    expect(judge({ approvals: two }, { tasks: weaker, approvals: two })).toEqual([]);
  });

  it("a pending or rejected request, or one for another value, does not count", () => {
    for (const requests of [
      request("A-1", "pending", change),
      request("A-1", "rejected", change, "bob"),
      request("A-1", "approved", "policy approval-required=prod", "bob"),
    ]) {
      const approvals = approvalsText(requests);
      expect(judge({ approvals }, { tasks: weaker, approvals })).toEqual([
        expect.stringMatching(/: The Policy's approval-required changed to "security" without an approved request/),
      ]);
    }
  });

  it("an approval by the committer, their agent, automation or nobody is named as such (four eyes)", () => {
    const cases: [string | undefined, string][] = [
      ["alice", "alice, who counts as the committer alice"],
      ["alice-agent", "alice-agent, who counts as the committer alice"],
      ["robot", "robot, who is automation"],
      [undefined, "nobody, who counts as the committer alice"],
    ];
    for (const [approver, who] of cases) {
      const approvals = approvalsText(request("A-1", "approved", change, approver));
      expect(judge({ approvals }, { tasks: weaker, approvals })).toEqual([
        `TASKS.md:${lineOf(weaker, "- approval-required")}: The Policy's approval-required changed to "security", but A-1 was approved by ${who}; a Policy or Rules change needs another person's approval (four eyes)`,
      ]);
    }
  });

  it("without a git identity, any non-automation approver will do, and the message says who is missing", () => {
    const approved = approvalsText(request("A-1", "approved", change, "alice"));
    expect(judge({ approvals: approved }, { tasks: weaker, approvals: approved }, null)).toEqual([]);
    expect(judge({}, { tasks: weaker }, null)).toEqual([
      expect.stringContaining("have another AUDIT person (not (no git user.email), not automation) approve it"),
    ]);
  });

  it("each weakened key is its own change; tightening and unguarded keys need nothing", () => {
    const looser = tasksText(
      POLICY.replace("signed-commits: required", "signed-commits: optional").replace("30s", "2m"),
    );
    expect(judge({}, { tasks: looser })).toEqual([
      expect.stringMatching(
        new RegExp(
          `^TASKS.md:${lineOf(looser, "- signed-commits")}: The Policy's signed-commits changed to "optional"`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^TASKS.md:${lineOf(looser, "- clock-skew")}: The Policy's clock-skew changed to "120s"`),
      ),
    ]);
    const tighter = tasksText(POLICY.replace("prod, security", "prod, security, docs").replace("30s", "10s"));
    expect(judge({}, { tasks: tighter })).toEqual([]);
    expect(judge({}, { tasks: tasksText(POLICY.replace("lease: 30m", "lease: 2h")) })).toEqual([]);
  });

  it("a key whose line is gone is reported at the Policy heading", () => {
    const gone = tasksText(POLICY.replace("- approval-required: prod, security\n", ""));
    expect(judge({}, { tasks: gone })).toEqual([
      `TASKS.md:${lineOf(gone, "## Policy")}: The Policy's approval-required changed to "" without an approved request for that change; run taskgate policy request approval-required=, have another AUDIT person (not alice, not automation) approve it, then commit (docs/approvals.md)`,
    ]);
    // The whole Policy section gone: the line is its heading's before.
    const none = tasksText("");
    const v = judge({}, { tasks: none });
    expect(v).toHaveLength(2); // clock-skew is back to its default, 30s: no change
    expect(v.every((x) => x.startsWith(`TASKS.md:${lineOf(tasksText(), "## Policy")}: The Policy's `))).toBe(true);
  });

  it("finds the key's own line however the Policy is laid out", () => {
    // The key last in a Policy that is the last section, with no newline at the end of the file.
    const last = "# Tasks\n\n## T-1 Deploy\n- state: READY\n\n## Policy\n- lease: 30m\n- approval-required: prod";
    const lastWeaker = last.replace("prod", "");
    expect(judge({ tasks: last }, { tasks: lastWeaker })).toEqual([
      expect.stringMatching(/^TASKS.md:8: The Policy's approval-required changed to ""/),
    ]);
    // A key spelled like a guarded one in the section after the Policy is not its line: the
    // Policy lost the key, reported at its heading.
    const after = `# Tasks\n\n## Policy\n- lease: 30m\n\n## T-1 Deploy\n- state: READY\n- approval-required: prod\n\n## Log\n`;
    const before = `# Tasks\n\n## Policy\n- lease: 30m\n- approval-required: prod\n\n## T-1 Deploy\n- state: READY\n\n## Log\n`;
    const v = judge({ tasks: before }, { tasks: after });
    expect(v.filter((x) => x.includes("The Policy's"))).toEqual([
      expect.stringMatching(/^TASKS.md:3: The Policy's approval-required changed to ""/),
    ]);
  });
});

describe("the Rules", () => {
  const newRules = "- id: docs\n  approve: { labels: [docs, readme] }";
  const changed = RULES.replace("[docs]", "[docs, readme]");
  const change = rulesChangeOf(newRules, sha256Hex);

  it("any change to the rules text needs an approved request for exactly that text", () => {
    const after = approvalsText("", changed);
    expect(judge({}, { approvals: after })).toEqual([
      `APPROVALS.md:${lineOf(after, "- id: docs")}: The Rules changed (${change}) without an approved request for that change; run taskgate rules request FILE, have another AUDIT person (not alice, not automation) approve it, then commit (docs/approvals.md)`,
    ]);
    const approved = (rules: string) => approvalsText(request("A-1", "approved", change, "bob"), rules);
    expect(judge({ approvals: approved(RULES) }, { approvals: approved(changed) })).toEqual([]);
    const byMe = (rules: string) => approvalsText(request("A-1", "approved", change, "alice"), rules);
    expect(judge({ approvals: byMe(RULES) }, { approvals: byMe(changed) })).toEqual([
      expect.stringMatching(
        /: The Rules changed \(rules sha256:[0-9a-f]{16}\), but A-1 was approved by alice, who counts/,
      ),
    ]);
  });

  it("the Rules removed: reported at the Rules heading, or at the last line when the heading is gone too", () => {
    const emptied = approvalsText("", "## Rules\n");
    expect(judge({}, { approvals: emptied })).toEqual([
      expect.stringMatching(
        new RegExp(`^APPROVALS.md:${lineOf(emptied, "## Rules")}: The Rules changed \\(rules sha256:`),
      ),
    ]);
    const gone = approvalsText("", "");
    expect(judge({}, { approvals: gone })).toEqual([
      expect.stringMatching(
        new RegExp(
          `^APPROVALS.md:${gone.split("\n").length - 1}: The Rules changed \\(${rulesChangeOf("", sha256Hex)}\\)`,
        ),
      ),
    ]);
  });

  it("the same rules text with other line ends or trailing blanks is no change", () => {
    const crlf = approvalsText("", RULES.replace("```\n", "\n\n```\n"));
    expect(judge({}, { approvals: crlf })).toEqual([]);
  });
});
