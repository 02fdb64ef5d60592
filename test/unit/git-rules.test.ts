// The pure parts of the git integration: judging a change (as the hook and verify do), the
// three-way ledger merge, and the hook block that is added to an existing hook.

import { describe, expect, it } from "vitest";
import { withHookBlock } from "../../src/app/hooks.js";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { applySplices } from "../../src/ledger/edit.js";
import { formatLogLine, lastHash, parseLogLine, readLog } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { judgeChange, judgeMerge } from "../../src/rules/judge.js";
import { mergeLedger } from "../../src/rules/merge.js";
import { planRecovery } from "../../src/rules/recover.js";
import { taskContentHash } from "../../src/rules/subject.js";
import { planTransition, type Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

const APPROVALS = `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK
- carol: WORK, AUDIT

## Log
`;

const TASKS = `# Tasks

## T-1 First
- state: READY

## T-2 Second
- state: REVIEW
- workers: carol

Some text.

## Log
`;

const tasks = (text: string) => readTasks("TASKS.md", text);
const approvals = (text: string) => readApprovals("APPROVALS.md", text);
const judge = (before: string, after: string, committer: string, a = APPROVALS, b = APPROVALS) =>
  judgeChange(
    { tasks: tasks(before), approvals: approvals(a) },
    { tasks: tasks(after), approvals: approvals(b) },
    { committer, hasher: sha256Hex, now: T0 },
  ).map((v) => `${v.file}:${v.line}: ${v.message}`);

function withTransition(text: string, action: "claim" | "submit" | "accept", id: string, who: Who): string {
  const plan = planTransition(tasks(text), { action, id }, who, { now: T0, hasher: sha256Hex });
  if (!plan.ok) throw new Error(plan.message);
  return applySplices(text, plan.splices);
}
const bob: Who = { actor: "bob", roles: ["WORK"], automation: false, host: "h" };

describe("judging a change", () => {
  it("allows a hand-edited title and text", () => {
    const after = TASKS.replace("## T-1 First", "## T-1 First, renamed").replace("Some text.", "Other text.");
    expect(judge(TASKS, after, "bob")).toEqual([]);
  });

  it("judges a state change the log explains as the log's actor did it", () => {
    expect(judge(TASKS, withTransition(TASKS, "claim", "T-1", bob), "bob")).toEqual([]);
  });

  it("refuses a hand-made state change the committer's roles do not allow, and two steps at once", () => {
    expect(judge(TASKS, TASKS.replace("- state: READY", "- state: DOING"), "alice")).toEqual([
      "TASKS.md:4: alice (CMD, AUDIT) may not move T-1 from READY to DOING; that takes WORK (claim)",
    ]);
    expect(judge(TASKS, TASKS.replace("- state: READY", "- state: REVIEW"), "bob")).toEqual([
      "TASKS.md:4: T-1 went from READY to REVIEW by hand, which no single action does (PLAN -> READY -> DOING -> REVIEW -> DONE); use taskgate's commands",
    ]);
  });

  it("refuses a self-accept, and allows another AUDIT actor's", () => {
    const done = TASKS.replace("- state: REVIEW", "- state: DONE\n- resolution: done");
    expect(judge(TASKS, done, "carol")).toEqual([
      "TASKS.md:7: carol worked on T-2 in its last DOING spell and may not accept it (four eyes)",
    ]);
    expect(judge(TASKS, done, "alice")).toEqual([]);
  });

  it("refuses a lease written by hand, a removed task, and a new task that starts DONE", () => {
    const leased = TASKS.replace("- state: READY", "- state: READY\n- fence: 7");
    expect(judge(TASKS, leased, "alice")).toEqual([
      "TASKS.md:5: The fence of T-1 changed with no log line; leases, fences, workers and attempts change only through taskgate's commands (claim, renew, release, submit)",
    ]);
    const removed = TASKS.replace("## T-1 First\n- state: READY\n\n", "");
    expect(judge(TASKS, removed, "alice")[0]).toMatch(/T-1 was removed; tasks are never deleted/);
    const added = TASKS.replace("## Log", "## T-3 Third\n- state: DONE\n\n## Log");
    expect(judge(TASKS, added, "alice")).toEqual(["TASKS.md:12: T-3 is new and DONE; a task starts in PLAN or READY"]);
  });

  it("refuses a log that is not an append, a broken chain, and a line in someone else's name", () => {
    const one = withTransition(TASKS, "claim", "T-1", bob);
    const edited = one.replace(/(claim T-1 .*)ttl=30m/, "$1ttl=1h");
    expect(judge(TASKS, edited, "bob")).toEqual([
      expect.stringMatching(/^TASKS.md:\d+: Log hash chain is broken: expected ~ [0-9a-f]{12}, found/),
    ]);
    expect(judge(one, edited, "bob")).toEqual([
      expect.stringMatching(
        /^TASKS.md:\d+: This log line differs from the one before the change; the log is append-only/,
      ),
    ]);
    expect(judge(TASKS, one, "alice")).toEqual([
      expect.stringMatching(
        /^TASKS.md:\d+: Log line by bob, but the change is alice's: only the committer or an automation actor/,
      ),
    ]);
  });

  const request = (status: string, requester: string) =>
    `${APPROVALS.replace(
      "## Log",
      `## A-1 Grant AUDIT to bob
- status: ${status}
- subject: roles
- change: grant bob AUDIT
- requested-by: ${requester}

## Log`,
    )}`;

  it("refuses an approval decided by its requester or by someone without AUDIT", () => {
    expect(judge(TASKS, TASKS, "carol", request("pending", "carol"), request("approved", "carol"))).toEqual([
      "APPROVALS.md:9: A-1 was approved by its requester carol; another AUDIT actor must decide",
    ]);
    expect(judge(TASKS, TASKS, "bob", request("pending", "carol"), request("approved", "carol"))).toEqual([
      "APPROVALS.md:9: A-1 was approved by bob, who does not hold the AUDIT role",
    ]);
  });

  it("refuses a Roles change without an approved request for exactly that change", () => {
    const granted = (text: string) => text.replace("- bob: WORK", "- bob: WORK, AUDIT");
    expect(judge(TASKS, TASKS, "alice", APPROVALS, granted(APPROVALS))).toEqual([
      "APPROVALS.md:5: A Roles change (grant bob AUDIT) without an approved request; run taskgate roles grant bob AUDIT and have another AUDIT actor approve it",
    ]);
    expect(judge(TASKS, TASKS, "alice", request("pending", "carol"), granted(request("approved", "carol")))).toEqual(
      [],
    );
  });
});

describe("the gate, the replay and automation lines (issue 19)", () => {
  const ROLES = APPROVALS.replace("## Log", "").replace(
    "- carol: WORK, AUDIT\n",
    "- carol: WORK, AUDIT\n- taskgate-watch: CMD, AUDIT (automation)\n",
  );
  const BOARD = `# Tasks

## Policy
- approval-required: prod
- clock-skew: 30s

## T-1 Gated
- state: REVIEW
- labels: prod
- workers: bob

## T-2 Leased
- state: READY

## Log
`;
  const at = (now: number, before: string, after: string, committer: string, a = `${ROLES}## Log\n`, b = a) =>
    judgeChange(
      { tasks: tasks(before), approvals: approvals(a) },
      { tasks: tasks(after), approvals: approvals(b) },
      { committer, hasher: sha256Hex, now },
    ).map((v) => `${v.file}:${v.line}: ${v.message}`);
  const done = BOARD.replace("- state: REVIEW", "- state: DONE\n- resolution: done");
  const request = (status: string, approver: string) =>
    `${ROLES}## A-1 Approve T-1
- status: ${status}
- subject: T-1
- subject-hash: ${taskContentHash(tasks(BOARD), "T-1", sha256Hex)}
- requested-by: bob
${approver ? `- approver: ${approver}\n` : ""}
## Log
`;

  it("lets a gated task reach DONE by hand only with an approved, current request decided by a non-worker", () => {
    expect(at(T0, BOARD, done, "carol")).toEqual([
      "TASKS.md:8: T-1 went to DONE, but T-1 has the label prod, so accepting it needs an approved request; none exists: run taskgate approval request T-1",
    ]);
    expect(at(T0, BOARD, done, "carol", request("pending", ""))[0]).toMatch(/; A-1 is pending: /);
    expect(at(T0, BOARD, done, "carol", request("approved", "alice"))).toEqual([]);
    expect(at(T0, BOARD, done, "carol", request("approved", "bob"))[0]).toMatch(
      /A-1 was approved by bob, who worked on T-1 \(four eyes\)/,
    );
    // A cancel is not an accept: the gate does not apply.
    const cancelled = BOARD.replace("- state: REVIEW", "- state: DONE\n- resolution: cancelled");
    expect(at(T0, BOARD, cancelled, "alice")).toEqual([]);
  });

  /** The last log line of `text` dated `time` instead, re-chained from `before`'s log as a forger would. */
  const redate = (text: string, before: string, time: number) => {
    const lines = text.trimEnd().split("\n");
    const last = lines.pop() as string;
    const parsed = parseLogLine(last, 0);
    if (!parsed.ok) throw new Error("not a log line");
    const { actor, role, action, target, details } = parsed.entry;
    const b = tasks(before);
    const line = formatLogLine(sha256Hex, lastHash(b.doc, b.log), { time, actor, role, action, target, details });
    return `${[...lines, line].join("\n")}\n`;
  };

  it("replays a hand-written log line with the planner: a claim of a lease someone holds is refused", () => {
    const carol: Who = { actor: "carol", roles: ["WORK", "AUDIT"], automation: false, host: "h" };
    const leased = withTransition(BOARD, "claim", "T-2", bob);
    // carol's takeover, as taskgate makes it once bob's lease has expired: taken.
    const plan = planTransition(tasks(leased), { action: "claim", id: "T-2" }, carol, {
      now: T0 + 3_600_000,
      hasher: sha256Hex,
    });
    if (!plan.ok) throw new Error(plan.message);
    const takeover = applySplices(leased, plan.splices);
    expect(at(T0 + 3_600_000, leased, takeover, "carol")).toEqual([]);
    // The same takeover dated ten minutes after bob's claim: bob's lease still runs.
    const early = redate(takeover, leased, T0 + 600_000);
    expect(at(T0 + 3_600_000, leased, early, "carol")).toEqual([
      expect.stringMatching(
        /^TASKS.md:\d+: This log line records a takeover of T-2 that taskgate refuses carol: T-2 is leased to bob@h until 2026-11-24T09:30:00Z \(token 1\)$/,
      ),
    ]);
  });

  it("takes watch's recovery committed by anyone only when the lease had expired at the line's time", () => {
    const leased = withTransition(BOARD, "claim", "T-2", bob);
    const watch: Who = { actor: "taskgate-watch", roles: ["CMD", "AUDIT"], automation: true, host: "w" };
    const recovered = (now: number) => {
      const plan = planRecovery(tasks(leased), watch, { now, hasher: sha256Hex, random: () => 0 });
      if (!plan.ok || plan.splices.length === 0) throw new Error("nothing recovered");
      return applySplices(leased, plan.splices);
    };
    const later = T0 + 31 * 60_000;
    expect(at(later, leased, recovered(later), "alice")).toEqual([]);
    // The same line dated a minute earlier (re-chained as a forger would): inside the margin.
    const early = redate(recovered(later), leased, T0 + 30 * 60_000);
    expect(at(later, leased, early, "alice")).toEqual([
      expect.stringMatching(
        /^TASKS.md:\d+: This log line records a recover of T-2 that taskgate refuses taskgate-watch: T-2's lease runs until 2026-11-24T09:30:00Z \(plus 30s clock-skew margin\), so it had not expired at 2026-11-24T09:30:00Z/,
      ),
    ]);
    // Dated after the commit: refused whatever it says.
    expect(at(T0 + 10 * 60_000, leased, recovered(later), "alice")[0]).toMatch(
      /This log line is dated 2026-11-24T09:31:00Z, after the change was made \(2026-11-24T09:10:00Z, with 30s clock-skew margin\)/,
    );
  });
});

describe("the gate's Policy keys and the Rules (four eyes on what switches the gate off)", () => {
  const ROLES =
    "# Approvals\n\n## Roles\n- alice: WORK, AUDIT\n- carol: CMD, WORK, AUDIT\n- taskgate-watch: CMD, AUDIT (automation)\n";
  const BOARD =
    "# Tasks\n\n## Policy\n- approval-required: prod, security\n- clock-skew: 30s\n- max-attempts: 3\n\n## T-1 One\n- state: READY\n\n## Log\n";
  const RULES = "\n## Rules\n\n```yaml\n- id: all\n  approve: { labels: [prod] }\n```\n";
  const ruleChange = `rules sha256:${sha256Hex("- id: all\n  approve: { labels: [prod] }").slice(0, 16)}`;
  const request = (subject: string, change: string, approver: string, requester = "alice") =>
    `${ROLES}\n## A-1 Change\n- status: approved\n- subject: ${subject}\n- change: ${change}\n- subject-hash: sha256:0123456789ab\n- requested-by: ${requester}\n- approver: ${approver}\n`;
  const at = (before: string, after: string, committer: string, a: string, b = a) =>
    judgeChange(
      { tasks: tasks(before), approvals: approvals(`${a}\n## Log\n`) },
      { tasks: tasks(after), approvals: approvals(`${b}\n## Log\n`) },
      { committer, hasher: sha256Hex, now: T0 },
    ).map((v) => `${v.file}:${v.line}: ${v.message}`);
  const narrowed = BOARD.replace("prod, security", "security");

  it("refuses a label removed from approval-required without an approved request, and takes one decided by another person", () => {
    expect(at(BOARD, narrowed, "alice", ROLES)).toEqual([
      'TASKS.md:4: The Policy\'s approval-required changed to "security" without an approved request for that change; run taskgate policy request approval-required=security, have another AUDIT person (not alice, not automation) approve it, then commit (docs/approvals.md)',
    ]);
    const approved = request("policy", "policy approval-required=security", "carol");
    expect(at(BOARD, narrowed, "alice", approved)).toEqual([]);
    // A request for another value does not count.
    expect(at(BOARD, narrowed, "alice", request("policy", "policy approval-required=prod", "carol"))).toHaveLength(1);
  });

  it("does not count an approval by the committer or by automation", () => {
    expect(at(BOARD, narrowed, "carol", request("policy", "policy approval-required=security", "carol"))).toEqual([
      "TASKS.md:4: The Policy's approval-required changed to \"security\", but A-1 was approved by carol, who counts as the committer carol; a Policy or Rules change needs another person's approval (four eyes)",
    ]);
    expect(
      at(BOARD, narrowed, "alice", request("policy", "policy approval-required=security", "taskgate-watch"))[0],
    ).toMatch(/A-1 was approved by taskgate-watch, who is automation; /);
  });

  it("compares by meaning and lets tightening and the harmless keys through", () => {
    expect(at(BOARD, BOARD.replace("prod, security", "security, prod, prod"), "alice", ROLES)).toEqual([]);
    expect(at(BOARD, BOARD.replace("prod, security", "prod, security, pii"), "alice", ROLES)).toEqual([]);
    expect(at(BOARD, BOARD.replace("- max-attempts: 3", "- max-attempts: 9"), "alice", ROLES)).toEqual([]);
    expect(at(BOARD, BOARD.replace("- clock-skew: 30s", "- clock-skew: 10s"), "alice", ROLES)).toEqual([]);
    expect(at(BOARD, BOARD.replace("- clock-skew: 30s", "- clock-skew: 1m"), "alice", ROLES)).toEqual([
      'TASKS.md:5: The Policy\'s clock-skew changed to "60s" without an approved request for that change; run taskgate policy request clock-skew=60s, have another AUDIT person (not alice, not automation) approve it, then commit (docs/approvals.md)',
    ]);
    // The line removed is the default: no label gated.
    expect(at(BOARD, BOARD.replace("- approval-required: prod, security\n", ""), "alice", ROLES)[0]).toMatch(
      /The Policy's approval-required changed to "" without an approved request/,
    );
    const signed = BOARD.replace("## Policy\n", "## Policy\n- signed-commits: required\n");
    expect(at(BOARD, signed, "alice", ROLES)).toEqual([]);
    expect(at(signed, BOARD, "alice", ROLES)[0]).toMatch(/signed-commits changed to "optional" without/);
  });

  it("refuses a merge whose Policy is weaker than both parents' or whose Rules are neither parent's", () => {
    const merge = (parents: [string, string][], t: string, a: string) =>
      judgeMerge(
        parents.map(([pt, pa]) => ({ tasks: tasks(pt), approvals: approvals(`${pa}\n## Log\n`) })),
        { tasks: tasks(t), approvals: approvals(`${a}\n## Log\n`) },
        { committer: "carol", hasher: sha256Hex, now: T0 },
      ).map((v) => v.message);
    expect(
      merge(
        [
          [BOARD, ROLES],
          [narrowed, ROLES],
        ],
        narrowed,
        ROLES,
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [BOARD, ROLES],
          [BOARD, ROLES],
        ],
        narrowed,
        ROLES,
      ),
    ).toEqual([
      "The merge weakens the Policy (approval-required, signed-commits, clock-skew) from both parents; weaken it through an approved request (taskgate policy request)",
    ]);
    expect(
      merge(
        [
          [BOARD, ROLES],
          [BOARD, ROLES],
        ],
        BOARD,
        ROLES + RULES,
      ),
    ).toEqual([
      "The Rules in the merge are in neither parent; change them through an approved request (taskgate rules request)",
    ]);
  });

  it("refuses any change to the Rules without an approved request naming its hash", () => {
    expect(at(BOARD, BOARD, "alice", ROLES, ROLES + RULES)).toEqual([
      `APPROVALS.md:11: The Rules changed (${ruleChange}) without an approved request for that change; run taskgate rules request FILE, have another AUDIT person (not alice, not automation) approve it, then commit (docs/approvals.md)`,
    ]);
    const approved = request("rules", ruleChange, "carol");
    expect(at(BOARD, BOARD, "alice", approved, approved + RULES)).toEqual([]);
    // Removing the rules is a change too; a CRLF or trailing blank line is not.
    expect(at(BOARD, BOARD, "alice", ROLES + RULES, ROLES)[0]).toMatch(/The Rules changed \(rules sha256:/);
    expect(at(BOARD, BOARD, "alice", ROLES + RULES, ROLES + RULES.replace("```\n", "\n```\n"))).toEqual([]);
  });
});

describe("the three-way merge", () => {
  const base = `# Tasks

## T-1 First
- state: READY
- priority: P2

Text.

## T-2 Second
- state: DOING
- fence: 1
- attempts: 0
- workers: bob

## Log
`;
  const merge = (ours: string, theirs: string) => mergeLedger("tasks", base, ours, theirs, sha256Hex);

  it("applies different fields changed on each side, and is the identity when nothing changed", () => {
    expect(merge(base, base)).toMatchObject({ text: base, conflicts: 0 });
    const r = merge(base.replace("- priority: P2", "- priority: P0"), base.replace("Text.", "New text."));
    expect(r.conflicts).toBe(0);
    expect(r.text).toBe(base.replace("- priority: P2", "- priority: P0").replace("Text.", "New text."));
  });

  it("takes the larger fence and attempts and the union of workers", () => {
    const ours = base.replace("- fence: 1", "- fence: 2").replace("- workers: bob", "- workers: bob, carol");
    const theirs = base
      .replace("- fence: 1", "- fence: 3")
      .replace("- attempts: 0", "- attempts: 1")
      .replace("- workers: bob", "- workers: dave");
    const r = merge(ours, theirs);
    expect(r.conflicts).toBe(0);
    expect(r.text).toContain("- fence: 3\n- attempts: 1\n- workers: bob, carol, dave\n");
  });

  it("puts only the conflicting field line between markers", () => {
    const r = merge(base.replace("- priority: P2", "- priority: P0"), base.replace("- priority: P2", "- priority: P1"));
    expect(r.conflicts).toBe(1);
    expect(r.text).toContain(
      "- state: READY\n<<<<<<< ours\n- priority: P0\n=======\n- priority: P1\n>>>>>>> theirs\n\nText.",
    );
  });

  it("keeps entries both sides added, renumbering theirs, and re-chains the log in time order", () => {
    const add = (text: string, id: string, title: string, minute: number) => {
      const l = tasks(text);
      const line = formatLogLine(sha256Hex, lastHash(l.doc, l.log), {
        time: T0 + minute * 60_000,
        actor: "alice",
        role: "CMD",
        action: "add",
        target: id,
      });
      return text
        .replace("## Log\n", `## ${id} ${title}\n- state: PLAN\n\n## Log\n${line}\n`)
        .replace(/(## Log\n)((?:- .*\n)+)/, (_m, h, lines) => h + lines);
    };
    const ours = add(base, "T-3", "Ours", 2);
    const theirs = add(base, "T-3", "Theirs", 1);
    const r = merge(ours, theirs);
    expect(r.conflicts).toBe(0);
    expect(r.renumbered).toEqual(new Map([["T-3", "T-4"]]));
    const l = tasks(r.text);
    expect(l.tasks.map((t) => `${t.id} ${t.title}`)).toEqual(["T-1 First", "T-2 Second", "T-3 Ours", "T-4 Theirs"]);
    const log = readLog(l.doc, l.log, sha256Hex);
    expect(log.diagnostics).toEqual([]);
    expect(log.entries.map((e) => e.target)).toEqual(["T-4", "T-3"]); // theirs was earlier
  });
});

describe("the hook block", () => {
  const cmd = "/usr/bin/node /opt/taskgate.cjs check --staged";
  it("makes a hook, goes right after an existing hook's shebang, and replaces itself", () => {
    const fresh = withHookBlock(undefined, cmd);
    expect(fresh).toBe(
      `#!/bin/sh\n# >>> taskgate: judge the staged ledgers (added by taskgate hook install) >>>\n${cmd} || exit $?\n# <<< taskgate <<<\n`,
    );
    const existing = "#!/bin/bash\nnpm run lint\nexit 0\n";
    const added = withHookBlock(existing, cmd);
    expect(added.startsWith("#!/bin/bash\n# >>> taskgate")).toBe(true);
    expect(added.endsWith("# <<< taskgate <<<\nnpm run lint\nexit 0\n")).toBe(true);
    expect(withHookBlock(added, cmd)).toBe(added);
    expect(withHookBlock(added, "/new/node check --staged")).toBe(added.replace(cmd, "/new/node check --staged"));
  });
  it("refuses to add shell lines to a hook in another language", () => {
    expect(() => withHookBlock("#!/usr/bin/env python3\nprint('hi')\n", cmd)).toThrow(
      /^The pre-commit hook is not a shell script \(#!\/usr\/bin\/env python3\); add ".*check --staged" to it yourself/,
    );
    expect(withHookBlock("#!/usr/bin/env bash\necho hi\n", cmd)).toContain("# >>> taskgate");
  });
});
