// The commit check (src/rules/judge.ts) check by check (issue #31): an invalid ledger, an
// edited or lost log line, an edited hash, lines dated after the change, forged lines (a
// person's, an agent's, automation's), a logged self-accept, a task added by hand without
// CMD, hand transitions and the fields they may set, and the merge check: lost lines, new
// lines by whom, states, tracked fields, approvals and roles from neither parent.

import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { judgeMerge } from "../../src/rules/judge.js";
import { APPROVALS, judge, ledgers, T0, TASKS, withLog } from "../support/judge-kit.js";

describe("the ledger and its log", () => {
  it("an invalid ledger is reported as invalid, and judged no further", () => {
    const broken = TASKS.replace("- state: READY", "- state: READY\n- state: DONE");
    const v = judge([TASKS, APPROVALS], [broken, APPROVALS], "alice");
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.endsWith("[invalid]") && x.startsWith("TASKS.md:"))).toBe(true);
    const badRoles = APPROVALS.replace("- dan: WORK", "- dan: BOSS");
    const w = judge([TASKS, APPROVALS], [TASKS, badRoles], "alice");
    expect(w).toEqual([expect.stringMatching(/^APPROVALS.md:8: Expected roles like .* \[invalid\]$/)]);
  });

  it("an edited hash on an old log line is refused, as is an edited body", () => {
    const before = withLog(TASKS, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }]);
    const hash = before.trimEnd().slice(-12);
    const forged = before.replace(
      hash,
      hash.replace(/^./, (c) => (c === "0" ? "1" : "0")),
    );
    expect(judge([before, APPROVALS], [forged, APPROVALS], "alice")).toEqual([
      "TASKS.md:11: This log line differs from the one before the change; the log is append-only (add lines at its end)",
    ]);
    const edited = before.replace(" set T-1", " set T-2");
    expect(judge([before, APPROVALS], [edited, APPROVALS], "alice")).toEqual([
      "TASKS.md:11: This log line differs from the one before the change; the log is append-only (add lines at its end)",
    ]);
  });

  it("a lost log line is refused", () => {
    const two = withLog(TASKS, "tasks", [
      { actor: "alice", role: "CMD", action: "set", target: "T-1" },
      { actor: "alice", role: "CMD", action: "set", target: "T-2" },
    ]);
    const one = two.split("\n").slice(0, -2).join("\n").concat("\n");
    expect(judge([two, APPROVALS], [one, APPROVALS], "alice")).toEqual([
      "TASKS.md:11: The log lost 1 line(s); the log is append-only",
    ]);
    expect(judge([two, APPROVALS], [TASKS, APPROVALS], "alice")).toEqual([
      "TASKS.md:1: The log lost 2 line(s); the log is append-only",
    ]);
  });

  it("a new line with a wrong hash breaks the chain", () => {
    const one = withLog(TASKS, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }]);
    const bad = `${one.slice(0, -13)}000000000000\n`;
    expect(judge([TASKS, APPROVALS], [bad, APPROVALS], "alice")).toEqual([
      expect.stringMatching(
        /^TASKS.md:11: Log hash chain is broken: expected ~ [0-9a-f]{12}, found ~ 000000000000 \(a log line was edited, removed or added by hand\) \[invalid\]$/,
      ),
    ]);
  });

  it("a line dated after the change (past the clock-skew margin) is refused", () => {
    const later = withLog(TASKS, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }], T0 + 31_000);
    expect(judge([TASKS, APPROVALS], [later, APPROVALS], "alice")).toEqual([
      "TASKS.md:11: This log line is dated 2026-11-24T09:00:31Z, after the change was made (2026-11-24T09:00:00Z, with 30s clock-skew margin); a log line is written before it is committed",
    ]);
    const edge = withLog(TASKS, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }], T0 + 30_000);
    expect(judge([TASKS, APPROVALS], [edge, APPROVALS], "alice")).toEqual([]);
  });
});

describe("whose lines", () => {
  const line = { actor: "alice", role: "CMD", action: "set", target: "T-1" } as const;

  it("a person's line in another's change, and in a change with no git identity, is forged", () => {
    const t = withLog(TASKS, "tasks", [line]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "carol")).toEqual([
      "TASKS.md:11: Log line by alice, but the change is carol's: only the committer or an automation actor may appear in new log lines (forged?)",
    ]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], undefined)).toEqual([
      "TASKS.md:11: Log line by alice, but the change is (no git user.email)'s: only the committer or an automation actor may appear in new log lines (forged?)",
    ]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "alice")).toEqual([]);
  });

  it("an agent's line may be committed only by its principal", () => {
    const t = withLog(TASKS, "tasks", [{ actor: "bob-agent", role: "WORK", action: "claim", target: "T-1" }]);
    const v = judge([TASKS, APPROVALS], [t, APPROVALS], "carol");
    expect(v).toContain(
      "TASKS.md:11: Log line by bob-agent, who works for bob, but the change is carol's: only bob may commit bob-agent's lines (forged?)",
    );
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "bob").some((x) => x.includes("forged"))).toBe(false);
  });

  it("an automation actor's line is taken only when automation explains it", () => {
    const t = withLog(TASKS, "tasks", [{ actor: "robot", role: "CMD", action: "set", target: "T-1" }]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "carol")).toEqual([
      expect.stringMatching(
        /^TASKS.md:11: Log line by the automation actor robot in carol's change, but .+; only the committer's lines and justified automation lines may be committed \(forged\?\)$/,
      ),
    ]);
  });

  it("a logged approval line by another person is forged too", () => {
    const a = withLog(APPROVALS, "approvals", [{ actor: "alice", role: "AUDIT", action: "note", target: "A-1" }]);
    expect(judge([TASKS, APPROVALS], [TASKS, a], "carol")).toContain(
      "APPROVALS.md:12: Log line by alice, but the change is carol's: only the committer or an automation actor may appear in new log lines (forged?)",
    );
  });
});

describe("tasks", () => {
  it("a logged self-accept is refused on a first commit too (no replay)", () => {
    const board = `# Tasks

## T-1 First
- state: DONE
- resolution: done
- workers: bob

## Log
`;
    const t = withLog(board, "tasks", [
      { actor: "bob", role: "CMD", action: "add", target: "T-1", details: { to: "READY" } },
      { actor: "bob", role: "WORK", action: "claim", target: "T-1", details: { from: "READY", to: "DOING" } },
      { actor: "bob", role: "WORK", action: "submit", target: "T-1", details: { from: "DOING", to: "REVIEW" } },
      { actor: "bob", role: "AUDIT", action: "accept", target: "T-1", details: { from: "REVIEW", to: "DONE" } },
    ]);
    const roles = APPROVALS.replace("- bob: WORK, AUDIT", "- bob: CMD, WORK, AUDIT");
    expect(judge([undefined, undefined], [t, roles], "bob")).toEqual([
      "TASKS.md:12: bob worked on T-1 in its last DOING spell and may not accept it (four eyes)",
    ]);
    // Accepted by someone else who committed it, it passes; a takeover makes its actor a worker too.
    const other = withLog(board.replace("- workers: bob", "- workers: bob, carol"), "tasks", [
      { actor: "carol", role: "WORK", action: "claim", target: "T-1", details: { from: "READY", to: "DOING" } },
      { actor: "carol", role: "WORK", action: "takeover", target: "T-1" },
      { actor: "carol", role: "WORK", action: "submit", target: "T-1", details: { from: "DOING", to: "REVIEW" } },
      { actor: "carol", role: "AUDIT", action: "accept", target: "T-1", details: { from: "REVIEW", to: "DONE" } },
    ]);
    const first = TASKS.replace("## T-1 First\n- state: READY", "## T-1 First\n- state: READY");
    expect(judge([first, roles], [other.replace("## T-2", "## T-9"), roles], "carol")).toEqual(
      expect.arrayContaining([
        "TASKS.md:12: carol worked on T-1 in its last DOING spell and may not accept it (four eyes)",
      ]),
    );
  });

  it("a task added by hand needs CMD and starts in PLAN or READY", () => {
    const added = TASKS.replace("## Log", "## T-3 Third\n- state: READY\n\n## Log");
    expect(judge([TASKS, APPROVALS], [added, APPROVALS], "alice")).toEqual([]);
    expect(judge([TASKS, APPROVALS], [added, APPROVALS], "carol")).toEqual([
      "TASKS.md:10: carol (WORK, AUDIT) may not add; that takes the CMD role",
    ]);
    expect(judge([TASKS, APPROVALS], [added, APPROVALS], undefined)).toEqual([
      "TASKS.md:10: (no git user.email) (no roles) may not add; that takes the CMD role",
    ]);
    const planned = added.replace("## T-3 Third\n- state: READY", "## T-3 Third\n- state: PLAN");
    expect(judge([TASKS, APPROVALS], [planned, APPROVALS], "alice")).toEqual([]);
    const doing = added.replace("## T-3 Third\n- state: READY", "## T-3 Third\n- state: DOING");
    expect(judge([TASKS, APPROVALS], [doing, APPROVALS], "alice")).toEqual([
      "TASKS.md:10: T-3 is new and DOING; a task starts in PLAN or READY",
    ]);
  });

  it("a task removed is refused", () => {
    const removed = TASKS.replace("## T-1 First\n- state: READY\n\n", "");
    expect(judge([TASKS, APPROVALS], [removed, APPROVALS], "alice")).toEqual([
      `TASKS.md:${removed.split("\n").length - 1}: T-1 was removed; tasks are never deleted (cancel it instead: taskgate cancel T-1)`,
    ]);
  });

  it("a hand transition: by a committer without roles, to DONE without a resolution, and as a cancel", () => {
    const done = TASKS.replace("- state: READY", "- state: DONE");
    expect(judge([TASKS, APPROVALS], [done, APPROVALS], "alice")).toEqual([
      'TASKS.md:4: T-1 went from READY to DONE by hand: only a cancel does that, which also sets "resolution: cancelled" (taskgate cancel T-1)',
    ]);
    const cancelled = TASKS.replace("- state: READY", "- state: DONE\n- resolution: cancelled");
    expect(judge([TASKS, APPROVALS], [cancelled, APPROVALS], "alice")).toEqual([]);
    expect(judge([TASKS, APPROVALS], [cancelled, APPROVALS], "zed")).toEqual([
      "TASKS.md:4: zed has no roles in APPROVALS.md, so may not move T-1 from READY to DONE",
    ]);
    expect(judge([TASKS, APPROVALS], [cancelled, APPROVALS], "dan")).toEqual([
      "TASKS.md:4: dan (WORK) may not move T-1 from READY to DONE; that takes CMD (cancel)",
    ]);
    const planned = TASKS.replace("- state: READY", "- state: PLAN");
    expect(judge([TASKS, APPROVALS], [planned, APPROVALS], "alice")).toEqual([]);
  });

  it("an accept by hand: refused to a worker and their agent's principal, taken from another AUDIT actor", () => {
    const accepted = TASKS.replace("- state: REVIEW", "- state: DONE\n- resolution: done");
    expect(judge([TASKS, APPROVALS], [accepted, APPROVALS], "carol")).toEqual([
      "TASKS.md:7: carol worked on T-2 in its last DOING spell and may not accept it (four eyes)",
    ]);
    expect(judge([TASKS, APPROVALS], [accepted, APPROVALS], "alice")).toEqual([]);
    const byAgent = TASKS.replace("- workers: carol", "- workers: bob-agent");
    const byAgentDone = accepted.replace("- workers: carol", "- workers: bob-agent");
    expect(judge([byAgent, APPROVALS], [byAgentDone, APPROVALS], "bob")).toEqual([
      "TASKS.md:7: bob worked on T-2 in its last DOING spell and may not accept it (four eyes)",
    ]);
  });

  it("a rework by hand sets the rework field; other hand edits of it are refused", () => {
    const rework = TASKS.replace("- state: REVIEW", "- state: DOING\n- rework: tests");
    expect(judge([TASKS, APPROVALS], [rework, APPROVALS], "alice")).toEqual([]);
    const noReason = TASKS.replace("- state: REVIEW", "- state: DOING");
    expect(judge([TASKS, APPROVALS], [noReason, APPROVALS], "alice")).toEqual([
      'TASKS.md:7: T-2 went from REVIEW to DOING by hand, which is a rework that taskgate refuses alice: rework needs a reason: --reason "..."',
    ]);
    const stray = TASKS.replace("- state: READY", "- state: READY\n- rework: why");
    expect(judge([TASKS, APPROVALS], [stray, APPROVALS], "alice")).toEqual([
      "TASKS.md:5: The rework of T-1 changed with no log line and no state change that sets it; rework sets it (REVIEW -> DOING) and claim clears it",
    ]);
  });

  it("lease, fence, workers and attempts change only with a log line", () => {
    for (const [key, value] of [
      ["fence", "2"],
      ["workers", "dan"],
      ["attempts", "1"],
    ]) {
      const edited = TASKS.replace("- state: READY", `- state: READY\n- ${key}: ${value}`);
      expect(judge([TASKS, APPROVALS], [edited, APPROVALS], "alice")).toEqual([
        `TASKS.md:5: The ${key} of T-1 changed with no log line; leases, fences, workers and attempts change only through taskgate's commands (claim, renew, release, submit)`,
      ]);
    }
  });

  it("a claim by hand is judged as the committer's claim now", () => {
    const leased = TASKS.replace("- state: READY", "- state: READY\n- assignee: carol");
    const claimed = leased.replace("- state: READY", "- state: DOING");
    expect(judge([leased, APPROVALS], [claimed, APPROVALS], "dan")).toEqual([
      "TASKS.md:4: T-1 went from READY to DOING by hand, which is a claim that taskgate refuses dan: T-1 is assigned to carol",
    ]);
  });
});

describe("hand edits a state change explains", () => {
  it("a claim by hand clears the rework field; nothing else", () => {
    const before = TASKS.replace("- state: READY", "- state: READY\n- rework: tests");
    const claimed = TASKS.replace("- state: READY", "- state: DOING");
    expect(judge([before, APPROVALS], [claimed, APPROVALS], "carol")).toEqual([]);
    const added = claimed.replace("- state: DOING", "- state: DOING\n- rework: x");
    expect(judge([TASKS, APPROVALS], [added, APPROVALS], "carol")).toEqual([
      "TASKS.md:5: The rework of T-1 changed with no log line and no state change that sets it; rework sets it (REVIEW -> DOING) and claim clears it",
    ]);
  });

  it("a refused hand change still explains its own fields, and is reported once", () => {
    // dan (WORK) may not rework: one refusal, and the rework field is the rework's.
    const rework = TASKS.replace("- state: REVIEW", "- state: DOING\n- rework: tests");
    expect(judge([TASKS, APPROVALS], [rework, APPROVALS], "dan")).toEqual([
      "TASKS.md:7: dan (WORK) may not move T-2 from REVIEW to DOING; that takes AUDIT (rework)",
    ]);
    // alice (CMD, AUDIT) may not claim: one refusal, and clearing rework is the claim's.
    const before = TASKS.replace("- state: READY", "- state: READY\n- rework: tests");
    const claimed = TASKS.replace("- state: READY", "- state: DOING");
    expect(judge([before, APPROVALS], [claimed, APPROVALS], "alice")).toEqual([
      "TASKS.md:4: alice (CMD, AUDIT) may not move T-1 from READY to DOING; that takes WORK (claim)",
    ]);
    // zed has no roles: a cancel's resolution and an accept's are theirs, reported once.
    const cancelled = TASKS.replace("- state: READY", "- state: DONE\n- resolution: cancelled");
    expect(judge([TASKS, APPROVALS], [cancelled, APPROVALS], "zed")).toHaveLength(1);
    const accepted = TASKS.replace("- state: REVIEW", "- state: DONE\n- resolution: done");
    expect(judge([TASKS, APPROVALS], [accepted, APPROVALS], "zed")).toEqual([
      "TASKS.md:7: zed has no roles in APPROVALS.md, so may not move T-2 from REVIEW to DONE",
    ]);
  });

  it("a cancel by hand ends the lease and the rework, and says why the task is DONE", () => {
    const doing = TASKS.replace(
      "- state: READY",
      "- state: DOING\n- lease: carol@h token=1 until=2026-11-24T10:00:00Z ttl=1h\n- fence: 1\n- workers: carol\n- rework: x",
    );
    const cancelled = TASKS.replace(
      "- state: READY",
      "- state: DONE\n- resolution: cancelled\n- fence: 1\n- workers: carol",
    );
    expect(judge([doing, APPROVALS], [cancelled, APPROVALS], "alice")).toEqual([]);
    const reworkKept = cancelled.replace("- workers: carol", "- workers: carol\n- rework: x");
    expect(judge([doing, APPROVALS], [reworkKept, APPROVALS], "alice")).toEqual([]);
  });

  it("the gate applies to a task reaching DONE, not to one already DONE or cancelled", () => {
    const gated = (state: string, extra = "") =>
      TASKS.replace("# Tasks\n", "# Tasks\n\n## Policy\n- approval-required: prod\n").replace(
        "## T-2 Second\n- state: REVIEW",
        `## T-2 Second\n- state: ${state}\n- labels: prod${extra}`,
      );
    expect(judge([gated("REVIEW"), APPROVALS], [gated("DONE", "\n- resolution: done"), APPROVALS], "alice")).toEqual([
      "TASKS.md:10: T-2 went to DONE, but T-2 has the label prod, so accepting it needs an approved request; none exists: run taskgate approval request T-2",
    ]);
    const done = gated("DONE", "\n- resolution: done");
    const renamed = done.replace("## T-2 Second", "## T-2 Second, renamed");
    expect(judge([done, APPROVALS], [renamed, APPROVALS], "alice")).toEqual([]);
    const cancelled = gated("DONE", "\n- resolution: cancelled");
    expect(judge([gated("REVIEW"), APPROVALS], [cancelled, APPROVALS], "alice")).toEqual([]);
  });

  it("a log line that does not parse makes the ledger invalid", () => {
    expect(judge([TASKS, APPROVALS], [`${TASKS}- garbage\n`, APPROVALS], "alice")).toEqual([
      expect.stringMatching(/^TASKS.md:11: .* \[invalid\]$/),
    ]);
  });

  it("an accept logged after a takeover counts the new worker and keeps the others", () => {
    const board = "# Tasks\n\n## T-1 First\n- state: DONE\n- resolution: done\n- workers: bob, carol\n\n## Log\n";
    const roles = APPROVALS.replace("- carol: WORK, AUDIT", "- carol: CMD, WORK, AUDIT");
    const lines = (accepter: string) =>
      withLog(board, "tasks", [
        { actor: "carol", role: "CMD", action: "add", target: "T-1", details: { to: "READY" } },
        { actor: "carol", role: "WORK", action: "claim", target: "T-1", details: { from: "READY", to: "DOING" } },
        { actor: "carol", role: "WORK", action: "takeover", target: "T-1" },
        { actor: "carol", role: "WORK", action: "submit", target: "T-1", details: { from: "DOING", to: "REVIEW" } },
        { actor: accepter, role: "AUDIT", action: "accept", target: "T-1", details: { from: "REVIEW", to: "DONE" } },
      ]);
    const v = judge([undefined, undefined], [lines("carol"), roles], "carol");
    expect(v).toContain("TASKS.md:13: carol worked on T-1 in its last DOING spell and may not accept it (four eyes)");
    expect(v.filter((x) => /may not (claim|submit|add)/.test(x))).toEqual([]);
  });
});

describe("the approvals ledger", () => {
  it("marking an actor automation needs an approved request for that change", () => {
    const marked = APPROVALS.replace("- dan: WORK", "- dan: WORK (automation)");
    expect(judge([TASKS, APPROVALS], [TASKS, marked], "alice")).toEqual([
      expect.stringMatching(/^APPROVALS.md:8: A Roles change \(mark dan automation\) without an approved request/),
    ]);
    const unmarked = APPROVALS.replace("- robot: CMD, WORK, AUDIT (automation)", "- robot: CMD, WORK, AUDIT");
    expect(judge([TASKS, APPROVALS], [TASKS, unmarked], "alice")).toEqual([
      expect.stringMatching(/^APPROVALS.md:9: A Roles change \(unmark robot automation\) without an approved request/),
    ]);
  });
});

describe("the merge check", () => {
  const merge = (parents: [string, string][], t: string, a = APPROVALS, committer: string | null = "alice") =>
    judgeMerge(
      parents.map(([pt, pa]) => ledgers(pt, pa)),
      ledgers(t, a),
      { committer: committer ?? undefined, hasher: sha256Hex, now: T0 },
    ).map((v) => `${v.file}:${v.line}: ${v.message}`);

  // A first commit's board (the merge result is judged as one too): no task past READY.
  const BOARD = TASKS.replace("- state: REVIEW\n- workers: carol", "- state: READY");
  // Made in the tests, not here: a mutant that throws in this describe body would fail the
  // file before any test ran, which Stryker counts as survived.
  let ours = "";
  let theirs = "";
  beforeAll(() => {
    ours = withLog(BOARD, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }]);
    theirs = withLog(BOARD, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-2" }], T0 + 1000);
  });

  it("a merge that keeps both parents' lines and states passes", () => {
    const both = withLog(ours, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-2" }], T0 + 1000);
    expect(
      merge(
        [
          [ours, APPROVALS],
          [theirs, APPROVALS],
        ],
        both,
      ),
    ).toEqual([]);
    // A renumbered target is the same line.
    const renumbered = withLog(
      ours,
      "tasks",
      [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }],
      T0 + 1000,
    );
    expect(
      merge(
        [
          [ours, APPROVALS],
          [theirs, APPROVALS],
        ],
        renumbered,
      ),
    ).toEqual([]);
  });

  it("a lost parent line is refused, at the end of the file", () => {
    expect(
      merge(
        [
          [ours, APPROVALS],
          [theirs, APPROVALS],
        ],
        ours,
      ),
    ).toEqual([
      expect.stringMatching(/^TASKS.md:\d+: The merge lost the log line "- 2026-11-24T09:00:01Z alice CMD set T-2"$/),
    ]);
  });

  it("a line new in the merge must be the committer's or automation's, never an agent's for someone else", () => {
    const extra = (actor: string) => withLog(BOARD, "tasks", [{ actor, role: "CMD", action: "note", target: "T-1" }]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        extra("carol"),
      ),
    ).toEqual(["TASKS.md:10: Log line by carol first appears in a merge by alice (forged?)"]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        extra("carol"),
        APPROVALS,
        null,
      ),
    ).toContain("TASKS.md:10: Log line by carol first appears in a merge by (no git user.email) (forged?)");
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        extra("alice"),
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        extra("robot"),
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        extra("bob-agent"),
      ),
    ).toEqual(["TASKS.md:10: Log line by bob-agent first appears in a merge by alice (forged?)"]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        extra("bob-agent"),
        APPROVALS,
        "bob",
      ),
    ).not.toContain("TASKS.md:10: Log line by bob-agent first appears in a merge by bob (forged?)");
  });

  it("an invalid merge result is reported alone", () => {
    const broken = BOARD.replace("- state: READY", "- state: READY\n- state: DONE");
    const v = judgeMerge([ledgers(ours, APPROVALS), ledgers(theirs, APPROVALS)], ledgers(broken, APPROVALS), {
      committer: "alice",
      hasher: sha256Hex,
      now: T0,
    });
    expect(v.length).toBeGreaterThan(0);
    // Judged no further: not even the lines the broken result lost.
    expect(v.every((x) => x.invalid === true && x.file === "TASKS.md")).toBe(true);
  });

  it("a state in neither parent is refused; one parent's state is taken", () => {
    const planned = BOARD.replace("- state: READY", "- state: PLAN");
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        planned,
      ),
    ).toEqual([
      "TASKS.md:4: T-1 is PLAN in the merge, but READY and READY in its parents; a merge may only combine them",
    ]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [planned, APPROVALS],
        ],
        planned,
      ),
    ).toEqual([]);
    // ...unless a line new in the merge explains it.
    const explained = withLog(planned, "tasks", [{ actor: "alice", role: "CMD", action: "note", target: "T-1" }]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        explained,
      ),
    ).toEqual([]);
  });

  it("fence and attempts may be the larger, workers the union; anything else is refused", () => {
    const withFields = (f: string) => BOARD.replace("- state: READY", `- state: READY\n${f}`);
    const a = withFields("- fence: 2\n- attempts: 1\n- workers: bob");
    const b = withFields("- fence: 5\n- attempts: 3\n- workers: carol");
    expect(
      merge(
        [
          [a, APPROVALS],
          [b, APPROVALS],
        ],
        withFields("- fence: 5\n- attempts: 3\n- workers: bob, carol"),
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [a, APPROVALS],
          [b, APPROVALS],
        ],
        withFields("- fence: 6\n- attempts: 2\n- workers: bob, dan"),
      ),
    ).toEqual([
      "TASKS.md:5: The fence of T-1 in the merge is in neither parent, and no log line explains it",
      "TASKS.md:7: The workers of T-1 in the merge is in neither parent, and no log line explains it",
      "TASKS.md:6: The attempts of T-1 in the merge is in neither parent, and no log line explains it",
    ]);
    // A field dropped by the merge is in neither parent either.
    expect(
      merge(
        [
          [a, APPROVALS],
          [b, APPROVALS],
        ],
        BOARD,
      ),
    ).toEqual([
      "TASKS.md:3: The fence of T-1 in the merge is in neither parent, and no log line explains it",
      "TASKS.md:3: The workers of T-1 in the merge is in neither parent, and no log line explains it",
      "TASKS.md:3: The attempts of T-1 in the merge is in neither parent, and no log line explains it",
    ]);
  });

  it("a task new in the merge starts in PLAN or READY; one the driver renumbered is found by title", () => {
    const add = (id: string, title: string, state: string) =>
      BOARD.replace("## Log", `## ${id} ${title}\n- state: ${state}\n\n## Log`);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        add("T-3", "New", "READY"),
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        add("T-3", "New", "DOING"),
      ),
    ).toEqual([
      "TASKS.md:9: T-3 is new and DOING; a task starts in PLAN or READY",
      "TASKS.md:9: T-3 is new in the merge and DOING; a task starts in PLAN or READY",
    ]);
    const theirsAdded = add("T-3", "Theirs", "READY\n- fence: 2");
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [theirsAdded, APPROVALS],
        ],
        add("T-4", "Theirs", "READY\n- fence: 2"),
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [theirsAdded, APPROVALS],
        ],
        add("T-4", "Theirs", "READY\n- fence: 9"),
      ),
    ).toEqual(["TASKS.md:11: The fence of T-4 in the merge is in neither parent, and no log line explains it"]);
  });

  it("an approval's status and an actor's roles come from a parent", () => {
    const req = (status: string) =>
      APPROVALS.replace("## Log", `## A-1 Something\n- status: ${status}\n- requested-by: dan\n\n## Log`);
    expect(
      merge(
        [
          [BOARD, req("pending")],
          [BOARD, req("pending")],
        ],
        BOARD,
        req("approved"),
      ),
    ).toEqual(["APPROVALS.md:11: A-1 is approved in the merge but not in either parent, and no log line explains it"]);
    expect(
      merge(
        [
          [BOARD, req("pending")],
          [BOARD, req("approved")],
        ],
        BOARD,
        req("approved"),
      ),
    ).toEqual([]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        BOARD,
        req("approved"),
      ),
    ).toEqual([]);
    const granted = APPROVALS.replace("- dan: WORK", "- dan: WORK, AUDIT");
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        BOARD,
        granted,
      ),
    ).toEqual([
      "APPROVALS.md:8: The roles of dan in the merge are in neither parent; change roles through an approved request",
    ]);
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, granted],
        ],
        BOARD,
        granted,
      ),
    ).toEqual([]);
    const marked = APPROVALS.replace("- dan: WORK", "- dan: WORK (automation)");
    expect(
      merge(
        [
          [BOARD, APPROVALS],
          [BOARD, APPROVALS],
        ],
        BOARD,
        marked,
      ),
    ).toEqual([
      "APPROVALS.md:8: The roles of dan in the merge are in neither parent; change roles through an approved request",
    ]);
  });
});
