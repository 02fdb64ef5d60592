// The replay of a commit's task lines with the planners (judge-replay.ts), line kind by line
// kind (issue #31): transitions as their actor on the lease's host, with the line's token,
// TTL and reason; watch's recoveries (role, lease named, expiry with the margin); set lines;
// adds and unknown tasks left unreplayed; and whoOf, lineNow on their own.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import type { LogEntry } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { lineNow, replayTaskLines, whoOf } from "../../src/rules/judge-replay.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

const BOARD = `# Tasks

## Policy
- clock-skew: 30s
- max-attempts: 5

## T-1 Ready
- state: READY

## T-2 Held
- state: DOING
- lease: bob@h token=4 until=2026-11-24T09:00:00Z ttl=10m
- fence: 4
- workers: bob

## Log
`;

const actors = () =>
  readApprovals(
    "APPROVALS.md",
    "# Approvals\n\n## Roles\n- alice: CMD, AUDIT\n- erin: AUDIT, CMD\n- bob: WORK\n- bob-bot: WORK (for bob)\n- carol: WORK\n- watch: CMD (automation)\n\n## Log\n",
  ).actors;

let n = 100;
const line = (
  actor: string,
  action: string,
  target: string,
  details: Record<string, string> = {},
  time = T0,
): LogEntry => ({
  line: n++,
  time,
  actor,
  role: "WORK",
  action,
  target,
  details,
  hash: "000000000000",
  body: "",
});

const replay = (lines: LogEntry[], text = BOARD) =>
  replayTaskLines(readTasks("TASKS.md", text), lines, { hasher: sha256Hex, actors: actors() });

describe("replaying transitions", () => {
  it("a claim is replayed as its actor on the host the line names, and the board follows", () => {
    const r = replay([line("carol", "claim", "T-1", { holder: "carol@box", ttl: "5m" })]);
    expect(r.refused).toEqual(new Map());
    expect(r.unreplayed).toEqual(new Set());
    expect(r.board.byId.get("T-1")?.task).toMatchObject({
      state: "DOING",
      lease: { holder: "carol@box", token: 1, ttl: 5 * 60_000, until: T0 + 999 + 5 * 60_000 + 1 },
    });
  });

  it("then the holder's submit with the token goes through; another's is refused and the task left unreplayed", () => {
    const claim = line("carol", "claim", "T-1", { holder: "carol@box" });
    const ok = replay([claim, line("carol", "submit", "T-1", { token: "1", evidence: "e" })]);
    expect(ok.refused).toEqual(new Map());
    expect(ok.board.byId.get("T-1")?.task).toMatchObject({ state: "REVIEW" });
    const bad = line("bob", "submit", "T-1", { token: "1" });
    const after = line("carol", "submit", "T-1", { token: "1" });
    const r = replay([claim, bad, after]);
    expect([...r.refused]).toEqual([[bad.line, "T-1 is leased to carol@box, not to bob@(unknown host)"]]);
    expect(r.unreplayed).toEqual(new Set(["T-1"]));
    // After a refusal the task's later lines are not replayed (the board is not theirs).
    expect(r.board.byId.get("T-1")?.task.state).toBe("DOING");
  });

  it("a claim of a live lease is refused at the end of the line's second, one past the margin is a takeover", () => {
    const live = line("carol", "claim", "T-2", { holder: "carol@c" }, T0 + 29_000);
    expect([...replay([live]).refused]).toEqual([
      [live.line, "T-2 is leased to bob@h until 2026-11-24T09:00:00Z (token 4)"],
    ]);
    const late = line("carol", "takeover", "T-2", { holder: "carol@c" }, T0 + 30_000);
    const r = replay([late]);
    expect(r.refused).toEqual(new Map());
    expect(r.board.byId.get("T-2")?.task).toMatchObject({ attempts: 1, lease: { holder: "carol@c", token: 5 } });
  });

  it("the line's token is used when it is a number, and the holder's host from the lease", () => {
    expect(replay([line("bob", "renew", "T-2", { token: "4" })]).refused).toEqual(new Map());
    const old = line("bob", "renew", "T-2", { token: "3" });
    expect([...replay([old]).refused]).toEqual([
      [
        old.line,
        "Your lease token 3 is older than T-2's (4, held by bob@h): the lease was taken over, so stop working on it",
      ],
    ]);
    expect(replay([line("bob", "renew", "T-2", { token: "x4" })]).refused).toEqual(new Map());
    const reasonless = line("carol", "block", "T-1", {});
    expect([...replay([reasonless]).refused]).toEqual([[reasonless.line, 'block needs a reason: --reason "..."']]);
    expect(replay([line("carol", "block", "T-1", { reason: "ops" })]).board.byId.get("T-1")?.task.blocked).toBe("ops");
  });

  it("a fail is replayed with its exit and output", () => {
    const r = replay([line("bob", "fail", "T-2", { token: "4", exit: "exit 2", output: "boom" })]);
    expect(r.refused).toEqual(new Map());
    expect(r.board.byId.get("T-2")?.task).toMatchObject({ state: "READY", attempts: 1 });
    expect(r.board.doc.text).toContain("- last-error: exit 2: boom\n");
    const bare = replay([line("bob", "fail", "T-2", { token: "4" })]);
    expect(bare.board.doc.text).toContain("- last-error: failed\n");
  });

  it("adds, unknown tasks and their later lines are left unreplayed; other lines change nothing", () => {
    const r = replay([
      line("alice", "add", "T-3"),
      line("carol", "claim", "T-3", { holder: "carol@c" }),
      line("carol", "claim", "T-9", { holder: "carol@c" }),
      line("watch", "schedule", "T-1"),
    ]);
    expect(r.refused).toEqual(new Map());
    expect(r.unreplayed).toEqual(new Set(["T-3", "T-9"]));
    expect(r.board.doc.text).toBe(BOARD);
  });

  it("an add line leaves its task unreplayed even when the ID is on the board", () => {
    const r = replay([line("alice", "add", "T-1"), line("carol", "claim", "T-1", { holder: "carol@c" })]);
    expect(r.unreplayed).toEqual(new Set(["T-1"]));
    expect(r.board.byId.get("T-1")?.task.state).toBe("READY");
  });

  it("a token is a number or ignored", () => {
    const wrong = line("bob", "renew", "T-2", { token: "44" });
    expect(replay([wrong]).refused.get(wrong.line)).toBe("Token 44 does not match T-2's lease (token 4)");
    expect(replay([line("bob", "renew", "T-2", { token: "4x" })]).refused).toEqual(new Map());
  });

  it("a line of another kind changes nothing, whatever its details", () => {
    const r = replay([line("alice", "note", "T-1", { priority: "P0", text: "hello" })]);
    expect(r.refused).toEqual(new Map());
    expect(r.unreplayed).toEqual(new Set());
    expect(r.board.doc.text).toBe(BOARD);
  });

  it("set lines are replayed with the actor's CMD role wherever it is listed", () => {
    expect(replay([line("erin", "set", "T-1", { priority: "P1" })]).refused).toEqual(new Map());
  });

  it("set lines are replayed with the actor's CMD role, else refused", () => {
    const ok = replay([line("alice", "set", "T-1", { priority: "P0" })]);
    expect(ok.refused).toEqual(new Map());
    expect(ok.board.byId.get("T-1")?.task.priority).toBe("P0");
    const bad = line("carol", "set", "T-1", { priority: "P0" });
    expect(replay([bad]).refused.get(bad.line)).toBe("carol (WORK) may not set; that takes the CMD role");
    const nobody = line("zed", "set", "T-1", { priority: "P0" });
    expect(replay([nobody]).refused.get(nobody.line)).toBe("zed (WORK) may not set; that takes the CMD role");
  });
});

describe("replaying recoveries", () => {
  const recover = (details: Record<string, string>, time = T0 + 31_000, actor = "watch") =>
    line(actor, "recover", "T-2", details, time);

  it("an expired lease named by holder and token is recovered by CMD", () => {
    const r = replay([recover({ holder: "bob@h", token: "4", "not-before": "2026-11-24T09:05:00Z" })]);
    expect(r.refused).toEqual(new Map());
    expect(r.board.byId.get("T-2")?.task).toMatchObject({
      state: "READY",
      lease: undefined,
      attempts: 1,
      notBefore: Date.UTC(2026, 10, 24, 9, 5),
    });
    expect(r.board.doc.text).toContain(
      "- last-error: lease expired: bob@h's lease ended 2026-11-24T09:00:00Z without renew, release or submit\n",
    );
  });

  it("a recovery at max-attempts blocks the task as a dead letter, counting the attempts the log lacks", () => {
    const last = BOARD.replace("- workers: bob\n", "- workers: bob\n- attempts: 4\n");
    const r = replay([recover({ holder: "bob@h", token: "4" })], last);
    expect(r.refused).toEqual(new Map());
    expect(r.board.byId.get("T-2")?.task).toMatchObject({ state: "READY", attempts: 5, lease: undefined });
    expect(r.board.byId.get("T-2")?.task.blocked).toMatch(
      /^dead letter: 5 failures: 4 not in the log, 1 lease expired \(max-attempts 5\); last error: lease expired: /,
    );
  });

  it("refuses a recovery by WORK, of another lease, of a live one, or with no lease", () => {
    const why = (e: LogEntry, text = BOARD) => replay([e], text).refused.get(e.line);
    expect(why(recover({ holder: "bob@h", token: "4" }, T0 + 31_000, "carol"))).toBe(
      "carol (WORK) may not recover; that takes the CMD role",
    );
    expect(why(recover({ holder: "bob@h", token: "3" }))).toBe(
      "T-2's lease is bob@h's with token 4, not the one the recovery names (bob@h, token 3)",
    );
    expect(why(recover({ holder: "bob@x", token: "4" }))).toBe(
      "T-2's lease is bob@h's with token 4, not the one the recovery names (bob@x, token 4)",
    );
    expect(why(recover({}))).toBe(
      "T-2's lease is bob@h's with token 4, not the one the recovery names (no holder, token none)",
    );
    expect(why(recover({ holder: "bob@h", token: "4" }, T0 + 29_000))).toBe(
      "T-2's lease runs until 2026-11-24T09:00:00Z (plus 30s clock-skew margin), so it had not expired at 2026-11-24T09:00:29Z and may not be recovered",
    );
    const unleased = BOARD.replace("- lease: bob@h token=4 until=2026-11-24T09:00:00Z ttl=10m\n", "");
    expect(why(recover({ holder: "bob@h", token: "4" }), unleased)).toBe("T-2 has no lease to recover");
    expect(why({ ...recover({}), target: "T-1" })).toBe("T-1 is READY; recover needs it DOING");
  });
});

describe("helpers", () => {
  it("whoOf: roles, automation and party from Roles, the host from the lease held", () => {
    expect(whoOf("bob", actors(), "bob@h", "s-1")).toEqual({
      actor: "bob",
      roles: ["WORK"],
      automation: false,
      party: ["bob", "bob-bot"],
      host: "h",
      session: "s-1",
    });
    expect(whoOf("watch", actors(), "bob@h")).toEqual({
      actor: "watch",
      roles: ["CMD"],
      automation: true,
      party: ["watch"],
      host: "(unknown host)",
      session: undefined,
    });
    expect(whoOf("bo", actors(), "bob@h").host).toBe("(unknown host)");
    expect(whoOf("zed", actors(), undefined)).toMatchObject({ roles: [], automation: false, host: "(unknown host)" });
  });

  it("lineNow is the end of the line's second", () => {
    expect(lineNow(line("a", "x", "T-1", {}, 5000))).toBe(5999);
  });
});

describe("replaying a claim over overlapping paths", () => {
  const OVERLAP = BOARD.replace(
    "## T-1 Ready\n- state: READY\n",
    "## T-1 Ready\n- state: READY\n- paths: src/**\n",
  ).replace("- workers: bob\n", "- workers: bob\n- paths: src/a.ts\n");
  it("is replayed when its line says overlap=, as `claim --overlap` wrote it", () => {
    const r = replay([line("carol", "claim", "T-1", { holder: "carol@box", overlap: "T-2" })], OVERLAP);
    expect(r.refused).toEqual(new Map());
    expect(r.board.byId.get("T-1")?.task.state).toBe("DOING");
  });

  it("is refused without overlap=: the line claims what a plain claim may not take", () => {
    const claim = line("carol", "claim", "T-1", { holder: "carol@box" });
    const r = replay([claim], OVERLAP);
    expect(r.refused.get(claim.line)).toMatch(/T-1's paths overlap those of T-2/);
    expect(r.unreplayed).toEqual(new Set(["T-1"]));
  });

  it("a takeover is replayed as a claim: its overlap= lets it past a path clash, none does not", () => {
    const expired = line("carol", "takeover", "T-1", { holder: "carol@box", overlap: "T-2" }, T0 + 3_600_000);
    expect(replay([expired], OVERLAP).refused).toEqual(new Map());
    const plain = line("carol", "takeover", "T-1", { holder: "carol@box" }, T0 + 3_600_000);
    expect(replay([plain], OVERLAP).refused.get(plain.line)).toMatch(/overlap/);
  });
});

describe("the token a line names", () => {
  it("a claim's token is not the new lease's fence: a claim line with token= still takes the next token", () => {
    const r = replay([line("carol", "claim", "T-1", { holder: "carol@box", token: "9" })]);
    expect(r.refused).toEqual(new Map());
    expect(r.board.byId.get("T-1")?.task.lease?.token).toBe(1);
  });

  it("a token that is not a number counts as none (the holder's submit without a token goes through); a wrong one is refused", () => {
    const odd = line("bob", "submit", "T-2", { token: "4x", evidence: "e" }, T0 - 60_000);
    expect(replay([odd]).refused).toEqual(new Map());
    expect(replay([odd]).board.byId.get("T-2")?.task.state).toBe("REVIEW");
    const wrong = line("bob", "submit", "T-2", { token: "3", evidence: "e" }, T0 - 60_000);
    expect(replay([wrong]).refused.get(wrong.line)).toMatch(/token/i);
  });
});
