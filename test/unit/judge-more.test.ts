// More of the commit check (src/rules/judge.ts, issue #31): the kept-log shortcut's contract,
// the log-line walk of a first commit (a logged add without CMD, workers through claim,
// takeover and renew), the fields a hand-made state change may set and those it may not, the
// gate's arguments, the hand transitions' candidates and messages, and the merge check with
// missing ledgers, renumbered tasks, worker lists and Rules.

import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { judgeMerge, keptLog, type Ledgers } from "../../src/rules/judge.js";
import { APPROVALS, judge, ledgers, show, T0, TASKS, withLog } from "../support/judge-kit.js";

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("keptLog: the old log kept as the start of the new one", () => {
  const tasks = (text: string) => readTasks("TASKS.md", text);
  let one = "";
  let three = "";
  beforeAll(() => {
    one = withLog(TASKS, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }]);
    three = withLog(one, "tasks", [
      { actor: "alice", role: "CMD", action: "set", target: "T-2" },
      { actor: "alice", role: "CMD", action: "set", target: "T-1" },
    ]);
  });

  it("returns only the new lines and the old log's last hash", () => {
    const b = tasks(one);
    const a = tasks(three);
    const kept = keptLog(b, a);
    expect(kept).toBeDefined();
    expect(kept?.lastHash).toBe(one.trimEnd().slice(-12));
    expect(kept?.rest.lines.map((ln) => ln + 1)).toEqual([12, 13]);
    expect(kept?.rest.section).toBe(a.log.section);
    // Nothing appended: no new lines.
    expect(keptLog(b, tasks(one))?.rest.lines).toEqual([]);
  });

  it("an old log with no final newline, and a new one that ends where it ended, are kept", () => {
    const bare = one.slice(0, -1);
    expect(keptLog(tasks(bare), tasks(three))?.rest.lines.map((ln) => ln + 1)).toEqual([12, 13]);
    expect(keptLog(tasks(one), tasks(bare))?.rest.lines).toEqual([]);
  });

  it("a new log that goes on with CRLF endings is kept", () => {
    const crlf = `${one.slice(0, -1)}\r\n- 2026-11-24T09:00:00Z alice CMD set T-1 ~ 000000000000\r\n`;
    expect(keptLog(tasks(one), tasks(crlf))?.rest.lines.map((ln) => ln + 1)).toEqual([12]);
  });

  it("is undefined for a missing Log section, an edited old line, a longer last hash, a non-plain old log", () => {
    const noLog = TASKS.replace("\n## Log\n", "");
    expect(keptLog(tasks(noLog), tasks(one))).toBeUndefined();
    expect(keptLog(tasks(one), tasks(noLog))).toBeUndefined();
    expect(keptLog(tasks(one), tasks(three.replace(" set T-1 ~", " set T-9 ~")))).toBeUndefined();
    // One character appended to the last old hash: the old line is not kept.
    const longer = `${one.slice(0, -1)}0\n`;
    expect(keptLog(tasks(one), tasks(longer))).toBeUndefined();
    // A log line readLog reads, but not the plain form (a time with no Z): read whole.
    const odd = `${TASKS}- 2026-11-24T09:00:00+00:00 alice CMD set T-1 ~ 000000000000\n`;
    expect(keptLog(tasks(odd), tasks(`${odd}${three.slice(TASKS.length)}`))).toBeUndefined();
  });
});

describe("the log, judged as appended", () => {
  it("an appended log is judged from the old last hash, without the shortcut too", () => {
    const two = withLog(TASKS, "tasks", [
      { actor: "alice", role: "CMD", action: "set", target: "T-1" },
      { actor: "alice", role: "CMD", action: "set", target: "T-2" },
    ]);
    const four = withLog(two, "tasks", [
      { actor: "alice", role: "CMD", action: "set", target: "T-1" },
      { actor: "alice", role: "CMD", action: "set", target: "T-2" },
    ]);
    expect(judge([two, APPROVALS], [four, APPROVALS], "alice")).toEqual([]);
  });

  it("a first commit's broken chain is reported once", () => {
    const ready = TASKS.replace("- state: REVIEW\n- workers: carol", "- state: READY");
    const one = withLog(ready, "tasks", [{ actor: "alice", role: "CMD", action: "set", target: "T-1" }]);
    const bad = `${one.slice(0, -13)}000000000000\n`;
    expect(judge([undefined, undefined], [bad, APPROVALS], "alice")).toEqual([
      expect.stringMatching(/^TASKS.md:10: Log hash chain is broken: .* \[invalid\]$/),
    ]);
  });

  it("a line older than the one before it is only a warning, not a violation", () => {
    const t = withLog(TASKS, "tasks", [
      { actor: "alice", role: "CMD", action: "note", target: "T-1" },
      { actor: "alice", role: "CMD", action: "note", target: "T-1", time: T0 - 60_000 },
    ]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "alice")).toEqual([]);
  });

  it("the clock-skew margin is the board's Policy, on a first commit too", () => {
    const board = TASKS.replace("# Tasks\n", "# Tasks\n\n## Policy\n- clock-skew: 5m\n").replace(
      "- state: REVIEW\n- workers: carol",
      "- state: READY",
    );
    const late = withLog(board, "tasks", [{ actor: "alice", role: "CMD", action: "note", target: "T-1" }], T0 + 60_000);
    expect(judge([board, APPROVALS], [late, APPROVALS], "alice")).toEqual([]);
    expect(judge([undefined, undefined], [late, APPROVALS], "alice")).toEqual([]);
    const later = withLog(
      board,
      "tasks",
      [{ actor: "alice", role: "CMD", action: "note", target: "T-1" }],
      T0 + 600_000,
    );
    expect(judge([board, APPROVALS], [later, APPROVALS], "alice")).toEqual([
      "TASKS.md:13: This log line is dated 2026-11-24T09:10:00Z, after the change was made (2026-11-24T09:00:00Z, with 300s clock-skew margin); a log line is written before it is committed",
    ]);
  });

  it("a change with no Roles anywhere is judged (nobody has a role)", () => {
    const t = withLog(TASKS, "tasks", [{ actor: "alice", role: "CMD", action: "note", target: "T-1" }]);
    expect(judge([TASKS], [t], "alice")).toEqual([]);
  });

  it("a line by an actor not in Roles is forged in another's change", () => {
    const t = withLog(TASKS, "tasks", [{ actor: "zed", role: "CMD", action: "note", target: "T-1" }]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "alice")).toEqual([
      "TASKS.md:11: Log line by zed, but the change is alice's: only the committer or an automation actor may appear in new log lines (forged?)",
    ]);
  });

  it("an automation actor's approvals line is judged as an approvals line", () => {
    const a = withLog(APPROVALS, "approvals", [{ actor: "robot", role: "AUDIT", action: "note", target: "A-1" }]);
    expect(judge([TASKS, APPROVALS], [TASKS, a], "carol")).toContain(
      "APPROVALS.md:12: Log line by the automation actor robot in carol's change, but automation does not note approvals; only the committer's lines and justified automation lines may be committed (forged?)",
    );
  });
});

describe("guarded sections next to an invalid ledger", () => {
  const gated = TASKS.replace("# Tasks\n", "# Tasks\n\n## Policy\n- approval-required: prod\n");
  const brokenTasks = (t: string) => t.replace("- state: READY", "- state: READY\n- state: DONE");
  const brokenApprovals = APPROVALS.replace("- dan: WORK", "- dan: BOSS");
  const policyMessage = /^TASKS.md:\d+: .*approval-required/;

  it("a Policy change is judged when only the approvals ledger is invalid", () => {
    const v = judge([gated, APPROVALS], [TASKS, brokenApprovals], "alice");
    expect(v.some((x) => x.endsWith("[invalid]") && x.startsWith("APPROVALS.md:"))).toBe(true);
    expect(v.filter((x) => policyMessage.test(x))).toHaveLength(1);
  });

  it("an invalid approvals ledger's Rules are not judged", () => {
    const rules = brokenApprovals.replace(
      "## Log",
      "## Rules\n```yaml\n- id: docs\n  approve: { labels: [docs] }\n```\n\n## Log",
    );
    const v = judge([TASKS, APPROVALS], [TASKS, rules], "alice");
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.endsWith("[invalid]"))).toBe(true);
  });

  it("an invalid tasks ledger's Policy is not judged; the approvals' Rules still are", () => {
    const v = judge([gated, APPROVALS], [brokenTasks(TASKS), APPROVALS], "alice");
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.endsWith("[invalid]"))).toBe(true);
    const rules = APPROVALS.replace(
      "## Log",
      "## Rules\n```yaml\n- id: docs\n  approve: { labels: [docs] }\n```\n\n## Log",
    );
    const w = judge([TASKS, APPROVALS], [brokenTasks(TASKS), rules], "alice");
    expect(w.filter((x) => x.startsWith("APPROVALS.md:") && /Rules/.test(x))).toHaveLength(1);
  });

  it("both ledgers invalid: nothing but the invalid ones", () => {
    const v = judge([gated, APPROVALS], [brokenTasks(TASKS), brokenApprovals], "alice");
    expect(v.every((x) => x.endsWith("[invalid]"))).toBe(true);
  });
});

describe("the log-line walk (a first commit, or after a refusal)", () => {
  const board = (state: string, extra = "") => `# Tasks\n\n## T-1 First\n- state: ${state}${extra}\n\n## Log\n`;
  // As the CLI writes it (rules/plan-add.ts): the state it makes, not `to=`.
  const add = { actor: "alice", role: "CMD", action: "add", target: "T-1", details: { state: "READY" } } as const;
  const claim = (actor: string) =>
    ({ actor, role: "WORK", action: "claim", target: "T-1", details: { from: "READY", to: "DOING" } }) as const;
  const takeover = (actor: string) => ({ actor, role: "WORK", action: "takeover", target: "T-1" }) as const;
  const submit = (actor: string) =>
    ({ actor, role: "WORK", action: "submit", target: "T-1", details: { from: "DOING", to: "REVIEW" } }) as const;
  const accept = (actor: string) =>
    ({ actor, role: "AUDIT", action: "accept", target: "T-1", details: { from: "REVIEW", to: "DONE" } }) as const;
  const fourEyes = (v: string[]) => v.filter((x) => x.includes("four eyes"));

  it("the lines after a logged add are judged from the state it made: no accept of a task just added", () => {
    const planned = { ...add, details: { state: "PLAN" } };
    const t = withLog(board("DONE"), "tasks", [planned, accept("alice")]);
    expect(judge([undefined, undefined], [t, APPROVALS], "alice")).toEqual([
      "TASKS.md:8: T-1 is PLAN; accept needs it REVIEW",
    ]);
    // An add with no state= makes a PLAN task; one that says another state is refused itself.
    const bare = withLog(board("DONE"), "tasks", [{ ...add, details: {} }, accept("alice")]);
    expect(judge([undefined, undefined], [bare, APPROVALS], "alice")).toEqual([
      "TASKS.md:8: T-1 is PLAN; accept needs it REVIEW",
    ]);
    const odd = withLog(board("REVIEW"), "tasks", [{ ...add, details: { state: "REVIEW" } }]);
    expect(judge([undefined, undefined], [odd, APPROVALS], "alice")).toEqual([
      "TASKS.md:7: T-1 is new and REVIEW; a task starts in PLAN or READY",
    ]);
  });

  it("a logged add by someone without CMD is refused (issue #31, survivor #10)", () => {
    const t = withLog(board("READY"), "tasks", [{ ...add, actor: "carol" }]);
    expect(judge([undefined, undefined], [t, APPROVALS], "carol")).toEqual([
      "TASKS.md:7: carol (WORK, AUDIT) may not add; that takes the CMD role",
    ]);
    const byCmd = withLog(board("READY"), "tasks", [add]);
    expect(judge([undefined, undefined], [byCmd, APPROVALS], "alice")).toEqual([]);
  });

  it("a logged add of a task already on the board is refused, so it cannot stop the replay of the lines after it", () => {
    // dan (CMD, WORK) logs an add of T-1, then claims it from under carol's live lease: the
    // replay skips a task's lines after an add, so only the add's refusal stops the claim.
    const roles = APPROVALS.replace("- dan: WORK", "- dan: CMD, WORK");
    const lease = (who: string, token: number) =>
      `- state: DOING\n- lease: ${who}@h token=${token} until=2026-11-24T10:00:00Z ttl=1h\n- fence: ${token}\n- workers: ${who}`;
    const before = TASKS.replace("- state: READY", lease("carol", 1));
    const taken = withLog(TASKS.replace("- state: READY", lease("dan", 2)), "tasks", [
      { actor: "dan", role: "CMD", action: "add", target: "T-1" },
      { actor: "dan", role: "WORK", action: "claim", target: "T-1", details: { holder: "dan@h" } },
    ]);
    expect(judge([before, roles], [taken, roles], "dan")).toEqual([
      "TASKS.md:14: T-1 is on the board already (DOING); add makes a new task",
    ]);
    // Without the add, the replay refuses the claim itself.
    const claimOnly = withLog(TASKS.replace("- state: READY", lease("dan", 2)), "tasks", [
      { actor: "dan", role: "WORK", action: "claim", target: "T-1", details: { holder: "dan@h" } },
    ]);
    expect(judge([before, roles], [claimOnly, roles], "dan")).toEqual([
      "TASKS.md:14: This log line records a claim of T-1 that taskgate refuses dan: T-1 is leased to carol@h until 2026-11-24T10:00:00Z (token 1)",
    ]);
  });

  it("a takeover keeps the earlier workers: the first worker may not accept", () => {
    const t = withLog(board("DONE", "\n- resolution: done\n- workers: bob, carol"), "tasks", [
      add,
      claim("bob"),
      takeover("carol"),
      submit("carol"),
      accept("bob"),
    ]);
    expect(fourEyes(judge([undefined, undefined], [t, APPROVALS], "alice"))).toEqual([
      "TASKS.md:13: bob worked on T-1 in its last DOING spell and may not accept it (four eyes)",
    ]);
    // Nor may the one who took over.
    const u = withLog(board("DONE", "\n- resolution: done\n- workers: bob, carol"), "tasks", [
      add,
      claim("bob"),
      takeover("carol"),
      submit("carol"),
      accept("carol"),
    ]);
    expect(fourEyes(judge([undefined, undefined], [u, APPROVALS], "alice"))).toEqual([
      "TASKS.md:13: carol worked on T-1 in its last DOING spell and may not accept it (four eyes)",
    ]);
  });

  it("a fresh claim starts a new spell: an earlier worker may accept", () => {
    const t = withLog(board("DONE", "\n- resolution: done\n- workers: carol"), "tasks", [
      add,
      claim("bob"),
      { actor: "bob", role: "WORK", action: "release", target: "T-1", details: { from: "DOING", to: "READY" } },
      claim("carol"),
      submit("carol"),
      accept("bob"),
    ]);
    expect(fourEyes(judge([undefined, undefined], [t, APPROVALS], "alice"))).toEqual([]);
  });

  it("a line with no new state (a renew) keeps the state the walk reached", () => {
    const t = withLog(board("REVIEW", "\n- workers: bob"), "tasks", [
      add,
      claim("bob"),
      { actor: "bob", role: "WORK", action: "renew", target: "T-1" },
    ]);
    expect(judge([undefined, undefined], [t, APPROVALS], "alice")).toContain(
      "TASKS.md:4: alice (CMD, AUDIT) may not move T-1 from DOING to REVIEW; that takes WORK (submit)",
    );
  });

  it("a line refused by the replay is reported once, at its line", () => {
    const t = withLog(TASKS, "tasks", [{ actor: "alice", role: "WORK", action: "claim", target: "T-1" }]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "alice")).toEqual([
      expect.stringMatching(/^TASKS.md:11: This log line records a claim of T-1 that taskgate refuses alice: /),
    ]);
  });

  it("where the replay followed every line, the state is the replayed board's, not the lines' own", () => {
    const t = withLog(TASKS.replace("## T-1 First\n- state: READY", "## T-1 First\n- state: DOING"), "tasks", [
      { actor: "bob", role: "WORK", action: "claim", target: "T-1" },
    ]);
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "bob")).toEqual([]);
    // Committed by alice, bob's line is forged, but alice made no hand move (she may not claim).
    expect(judge([TASKS, APPROVALS], [t, APPROVALS], "alice")).toEqual([
      "TASKS.md:11: Log line by bob, but the change is alice's: only the committer or an automation actor may appear in new log lines (forged?)",
    ]);
  });

  it("each walked line is judged from the state the lines before it reached", () => {
    const t = withLog(board("REVIEW"), "tasks", [
      add,
      { actor: "bob", role: "WORK", action: "submit", target: "T-1", details: { from: "DOING", to: "REVIEW" } },
    ]);
    expect(judge([undefined, undefined], [t, APPROVALS], "alice")).toContain(
      "TASKS.md:8: T-1 is READY; submit needs it DOING",
    );
  });
});

describe("hand transitions", () => {
  it("the state line is the one reported, wherever it is among the fields", () => {
    const before = TASKS.replace("## T-1 First\n- state: READY", "## T-1 First\n- labels: ui\n- state: READY");
    const done = before.replace("- state: READY", "- state: DONE");
    expect(judge([before, APPROVALS], [done, APPROVALS], "alice")).toEqual([
      'TASKS.md:5: T-1 went from READY to DONE by hand: only a cancel does that, which also sets "resolution: cancelled" (taskgate cancel T-1)',
    ]);
  });

  it("a hand move by a change with no git identity names none", () => {
    const planned = TASKS.replace("- state: READY", "- state: PLAN");
    expect(judge([TASKS, APPROVALS], [planned, APPROVALS], undefined)).toEqual([
      "TASKS.md:4: (no git user.email) has no roles in APPROVALS.md, so may not move T-1 from READY to PLAN",
    ]);
  });

  it("DOING -> READY by hand is a release or a fail, never a recovery by CMD", () => {
    const doing = TASKS.replace(
      "- state: READY",
      "- state: DOING\n- lease: carol@h token=1 until=2026-11-24T10:00:00Z ttl=1h\n- fence: 1\n- workers: carol",
    );
    const back = TASKS.replace("- state: READY", "- state: READY\n- fence: 1\n- workers: carol");
    expect(judge([doing, APPROVALS], [back, APPROVALS], "alice")).toContain(
      "TASKS.md:4: alice (CMD, AUDIT) may not move T-1 from DOING to READY; that takes WORK (release or fail)",
    );
  });

  it("an earlier worker's hand claim is no self-accept; a worker's hand accept is one, whoever else worked", () => {
    const worked = TASKS.replace("- state: READY", "- state: READY\n- workers: carol");
    const claimed = worked.replace("- state: READY", "- state: DOING");
    expect(judge([worked, APPROVALS], [claimed, APPROVALS], "carol")).toEqual([]);
    const two = TASKS.replace("- workers: carol", "- workers: bob, carol");
    const accepted = two.replace("- state: REVIEW", "- state: DONE\n- resolution: done");
    expect(judge([two, APPROVALS], [accepted, APPROVALS], "carol")).toEqual([
      "TASKS.md:7: carol worked on T-2 in its last DOING spell and may not accept it (four eyes)",
    ]);
  });

  it("a move no action makes does not explain a rework field", () => {
    const back = TASKS.replace("- state: REVIEW", "- state: READY\n- rework: x");
    expect(judge([TASKS, APPROVALS], [back, APPROVALS], "alice")).toEqual([
      "TASKS.md:7: T-2 went from REVIEW to READY by hand, which no single action does (PLAN -> READY -> DOING -> REVIEW -> DONE); use taskgate's commands",
      "TASKS.md:8: The rework of T-2 changed with no log line and no state change that sets it; rework sets it (REVIEW -> DOING) and claim clears it",
    ]);
  });

  it("a resolution changed with no state change is refused", () => {
    const done = TASKS.replace("- state: READY", "- state: DONE\n- resolution: done");
    const cancelled = done.replace("- resolution: done", "- resolution: cancelled");
    expect(judge([done, APPROVALS], [cancelled, APPROVALS], "alice")).toEqual([
      "TASKS.md:5: The resolution of T-1 changed with no log line and no state change that sets it; accept and cancel set it (-> DONE)",
    ]);
  });
});

describe("a hand-made state change explains its own fields, nothing more", () => {
  const tracked = (key: string, id: string, line: number) =>
    `TASKS.md:${line}: The ${key} of ${id} changed with no log line; leases, fences, workers and attempts change only through taskgate's commands (claim, renew, release, submit)`;

  it("an accept by hand sets the resolution, not the workers", () => {
    const accepted = TASKS.replace(
      "- state: REVIEW\n- workers: carol",
      "- state: DONE\n- resolution: done\n- workers: done",
    );
    expect(judge([TASKS, APPROVALS], [accepted, APPROVALS], "alice")).toEqual([tracked("workers", "T-2", 9)]);
  });

  it("a rework by hand sets the rework field, not the workers, and does not clear it", () => {
    const rework = TASKS.replace(
      "- state: REVIEW\n- workers: carol",
      "- state: DOING\n- rework: tests\n- workers: dan",
    );
    expect(judge([TASKS, APPROVALS], [rework, APPROVALS], "alice")).toEqual([tracked("workers", "T-2", 9)]);
    const stale = TASKS.replace("- state: REVIEW", "- state: REVIEW\n- rework: old");
    const cleared = TASKS.replace("- state: REVIEW", "- state: DOING");
    expect(judge([stale, APPROVALS], [cleared, APPROVALS], "alice")).toEqual([
      'TASKS.md:7: T-2 went from REVIEW to DOING by hand, which is a rework that taskgate refuses alice: rework needs a reason: --reason "..."',
      "TASKS.md:6: The rework of T-2 changed with no log line and no state change that sets it; rework sets it (REVIEW -> DOING) and claim clears it",
    ]);
  });

  it("a claim by hand clears the rework field, not the fence", () => {
    const before = TASKS.replace("- state: READY", "- state: READY\n- fence: 1");
    const claimed = TASKS.replace("- state: READY", "- state: DOING");
    expect(judge([before, APPROVALS], [claimed, APPROVALS], "carol")).toEqual([tracked("fence", "T-1", 3)]);
  });

  it("a cancel by hand ends the lease and the rework, and changes nothing else", () => {
    const doing = TASKS.replace(
      "- state: READY",
      "- state: DOING\n- lease: carol@h token=1 until=2026-11-24T10:00:00Z ttl=1h\n- fence: 1\n- workers: carol",
    );
    const cancelled = (rest: string) =>
      TASKS.replace("- state: READY", `- state: DONE\n- resolution: cancelled${rest}`);
    expect(judge([doing, APPROVALS], [cancelled("\n- fence: 1\n- workers: cancelled"), APPROVALS], "alice")).toEqual([
      tracked("workers", "T-1", 7),
    ]);
    expect(judge([doing, APPROVALS], [cancelled("\n- fence: 1"), APPROVALS], "alice")).toEqual([
      tracked("workers", "T-1", 3),
    ]);
    // It removes a rework field, but sets none.
    const reworked = doing.replace("- workers: carol", "- workers: carol\n- rework: x");
    expect(
      judge([reworked, APPROVALS], [cancelled("\n- fence: 1\n- workers: carol\n- rework: y"), APPROVALS], "alice"),
    ).toEqual([
      "TASKS.md:8: The rework of T-1 changed with no log line and no state change that sets it; rework sets it (REVIEW -> DOING) and claim clears it",
    ]);
  });
});

describe("the gate's arguments", () => {
  const gated = (state: string, labels = "\n- labels: prod", policy = "- approval-required: prod\n") =>
    TASKS.replace("# Tasks\n", `# Tasks\n\n## Policy\n${policy}`).replace(
      "## T-2 Second\n- state: REVIEW",
      `## T-2 Second\n- state: ${state}${labels}`,
    );
  const gate =
    "T-2 went to DONE, but T-2 has the label prod, so accepting it needs an approved request; none exists: run taskgate approval request T-2";

  it("a labelled task's move that is not to DONE needs no approval", () => {
    expect(judge([gated("REVIEW"), APPROVALS], [gated("DOING\n- rework: tests"), APPROVALS], "alice")).toEqual([]);
  });

  it("a label removed in the accepting commit still counts", () => {
    const v = judge([gated("REVIEW"), APPROVALS], [gated("DONE\n- resolution: done", ""), APPROVALS], "alice");
    expect(v).toEqual([`TASKS.md:10: ${gate}`]);
  });

  it("a label dropped from approval-required in the accepting commit still counts", () => {
    const after = gated("DONE\n- resolution: done", "\n- labels: prod", "- approval-required: secret\n");
    const v = judge([gated("REVIEW"), APPROVALS], [after, APPROVALS], "alice");
    expect(v).toContain(`TASKS.md:10: ${gate}`);
  });
});

describe("the merge check, more", () => {
  const merge = (parents: Ledgers[], after: Ledgers, committer = "alice") =>
    judgeMerge(parents, after, { committer, hasher: sha256Hex, now: T0 }).map(show);
  const BOARD = TASKS.replace("- state: REVIEW\n- workers: carol", "- state: READY");
  const RULES = (id: string) => `## Rules\n\`\`\`yaml\n- id: ${id}\n  approve: { labels: [docs] }\n\`\`\`\n\n`;
  const withRules = (id: string) => APPROVALS.replace("## Log", `${RULES(id)}## Log`);
  let ours = "";
  let shared = "";
  beforeAll(() => {
    ours = withLog(BOARD, "tasks", [{ actor: "alice", role: "CMD", action: "note", target: "T-1" }]);
    shared = withLog(BOARD, "tasks", [{ actor: "carol", role: "WORK", action: "note", target: "T-1" }]);
  });

  it("a merge of boards with no approvals ledger, and of approvals with no board, is judged", () => {
    // T-1 has a log line (a note), so only T-2 counts as added by hand, by nobody with CMD.
    const v = merge([ledgers(ours), ledgers(BOARD)], ledgers(ours));
    expect(v).toEqual(["TASKS.md:6: alice (no roles) may not add; that takes the CMD role"]);
    expect(
      merge([ledgers(undefined, APPROVALS), ledgers(undefined, APPROVALS)], ledgers(undefined, APPROVALS)),
    ).toEqual([]);
    // Both parents had both ledgers; the result has only one of them.
    expect(merge([ledgers(BOARD, APPROVALS), ledgers(BOARD, APPROVALS)], ledgers(undefined, APPROVALS))).toEqual([]);
    expect(merge([ledgers(BOARD, APPROVALS), ledgers(BOARD, APPROVALS)], ledgers(BOARD))).toEqual([
      "TASKS.md:3: alice (no roles) may not add; that takes the CMD role",
      "TASKS.md:6: alice (no roles) may not add; that takes the CMD role",
    ]);
  });

  it("a parent without a ledger adds nothing to compare", () => {
    expect(merge([ledgers(undefined, undefined), ledgers(ours, APPROVALS)], ledgers(ours, APPROVALS))).toEqual([]);
    const granted = APPROVALS.replace("- dan: WORK", "- dan: WORK, AUDIT");
    expect(merge([ledgers(BOARD), ledgers(BOARD, granted)], ledgers(BOARD, granted))).toEqual([]);
    const req = APPROVALS.replace("## Log", "## A-1 Something\n- status: pending\n- requested-by: dan\n\n## Log");
    expect(merge([ledgers(BOARD), ledgers(BOARD, req)], ledgers(BOARD, req))).toEqual([]);
  });

  it("a parent's line by someone else is no new line", () => {
    expect(merge([ledgers(shared, APPROVALS), ledgers(BOARD, APPROVALS)], ledgers(shared, APPROVALS))).toEqual([]);
  });

  it("a new line by an actor not in Roles is forged", () => {
    const t = withLog(BOARD, "tasks", [{ actor: "zed", role: "CMD", action: "note", target: "T-1" }]);
    expect(merge([ledgers(BOARD, APPROVALS), ledgers(BOARD, APPROVALS)], ledgers(t, APPROVALS))).toEqual([
      "TASKS.md:10: Log line by zed first appears in a merge by alice (forged?)",
    ]);
  });

  it("an agent's new line is forged even when the agent is automation", () => {
    const roles = APPROVALS.replace("- bob-agent: WORK (for bob)", "- bob-agent: WORK (for bob, automation)");
    const t = withLog(BOARD, "tasks", [{ actor: "bob-agent", role: "WORK", action: "note", target: "T-1" }]);
    expect(merge([ledgers(BOARD, roles), ledgers(BOARD, roles)], ledgers(t, roles))).toEqual([
      "TASKS.md:10: Log line by bob-agent first appears in a merge by alice (forged?)",
    ]);
  });

  it("a renumbered task is found by title only in the same state", () => {
    const add = (id: string, state: string) => BOARD.replace("## Log", `## ${id} Theirs\n- state: ${state}\n\n## Log`);
    expect(
      merge(
        [ledgers(BOARD, APPROVALS), ledgers(add("T-3", "PLAN"), APPROVALS)],
        ledgers(add("T-4", "READY"), APPROVALS),
      ),
    ).toEqual([]);
    // New in the merge and in PLAN: fine.
    expect(
      merge([ledgers(BOARD, APPROVALS), ledgers(BOARD, APPROVALS)], ledgers(add("T-3", "PLAN"), APPROVALS)),
    ).toEqual([]);
  });

  it("the workers union is taken with the names trimmed", () => {
    const w = (list: string) => BOARD.replace("- state: READY", `- state: READY\n- workers: ${list}`);
    expect(
      merge([ledgers(w("bob, carol"), APPROVALS), ledgers(w("dan"), APPROVALS)], ledgers(w("carol, dan"), APPROVALS)),
    ).toEqual([]);
  });

  it("a lease is not a list: pieces of the parents' leases make no lease of theirs", () => {
    const leased = (lease: string) =>
      BOARD.replace("- state: READY", `- state: DOING\n- lease: ${lease} until=2026-11-24T10:00:00Z ttl=1h`);
    const v = merge(
      [ledgers(leased("carol@a,b token=1"), APPROVALS), ledgers(leased("dan@c,d token=2"), APPROVALS)],
      ledgers(leased("carol@a,d token=2"), APPROVALS),
    );
    expect(v.filter((x) => x.includes("in the merge is in neither parent"))).toEqual([
      "TASKS.md:5: The lease of T-1 in the merge is in neither parent, and no log line explains it",
    ]);
  });

  it("an approval's status a new line explains is taken", () => {
    const req = (status: string) =>
      APPROVALS.replace("## Log", `## A-1 Something\n- status: ${status}\n- requested-by: dan\n\n## Log`);
    const explained = withLog(req("superseded"), "approvals", [
      { actor: "alice", role: "CMD", action: "note", target: "A-1" },
    ]);
    const v = merge([ledgers(BOARD, req("pending")), ledgers(BOARD, req("pending"))], ledgers(BOARD, explained));
    expect(v.filter((x) => x.includes("in the merge but not in either parent"))).toEqual([]);
    const unexplained = merge(
      [ledgers(BOARD, req("pending")), ledgers(BOARD, req("pending"))],
      ledgers(BOARD, req("superseded")),
    );
    expect(unexplained.filter((x) => x.includes("in the merge but not in either parent"))).toEqual([
      "APPROVALS.md:11: A-1 is superseded in the merge but not in either parent, and no log line explains it",
    ]);
  });

  it("the Rules come from one parent; new Rules are reported at their first rule, gone Rules at line 1", () => {
    const a = withRules("one");
    const b = withRules("two");
    expect(merge([ledgers(BOARD, a), ledgers(BOARD, b)], ledgers(BOARD, b))).toEqual([]);
    const c = withRules("three");
    expect(merge([ledgers(BOARD, a), ledgers(BOARD, b)], ledgers(BOARD, c))).toContain(
      `APPROVALS.md:${lineOf(c, "- id: three")}: The Rules in the merge are in neither parent; change them through an approved request (taskgate rules request)`,
    );
    expect(merge([ledgers(BOARD, a), ledgers(BOARD, b)], ledgers(BOARD, APPROVALS))).toContain(
      "APPROVALS.md:1: The Rules in the merge are in neither parent; change them through an approved request (taskgate rules request)",
    );
  });
});
