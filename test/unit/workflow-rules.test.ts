// The planner's promises one condition at a time (issue #31, mutation testing): fencing
// tokens (equal, older, newer, missing) on every holder action, the live-lease guard on
// block, lease expiry at the clock-skew boundary, sessions, assignees, dependencies, the WIP
// limit, the role each transition takes, workers on claim and takeover, four eyes with
// delegation, reasons, evidence, and the log line's details. Fixtures are built inside the
// tests, so a mutant that throws fails a test instead of the file.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices } from "../../src/ledger/edit.js";
import { readTasks } from "../../src/ledger/tasks.js";
import type { Role } from "../../src/model/approval.js";
import { holderWithSession, isLeaseExpired, shortSession } from "../../src/rules/lease.js";
import {
  claimProblem,
  inHoldingSession,
  planTransition,
  type TransitionInput,
  type Who,
  workersOf,
} from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const who = (actor: string, roles: Role[], extra: Partial<Who> = {}): Who => ({
  actor,
  roles,
  automation: false,
  host: "h",
  ...extra,
});
const bob = who("bob", ["WORK"]);
const carol = who("carol", ["WORK", "AUDIT"]);
const alice = who("alice", ["CMD", "AUDIT"]);

/** A board whose T-1 is DOING under bob@h's lease, token 3, until T0 + 10m, with a fence of 3. */
function board(extra = "", lease = "- lease: bob@h token=3 until=2026-11-24T09:10:00Z ttl=10m"): string {
  return `# Tasks

## Policy
- lease: 10m
- clock-skew: 30s

## T-1 Held
- state: DOING
${lease}${lease ? "\n" : ""}- fence: 3
- workers: bob
${extra}
## T-2 Ready
- state: READY

## T-3 Review
- state: REVIEW
- workers: bob

## T-4 Plan
- state: PLAN

## Log
`;
}

function plan(text: string, input: TransitionInput, w: Who, now = T0) {
  return planTransition(readTasks("TASKS.md", text), input, w, { now, hasher: sha256Hex, random: () => 0 });
}
function apply(text: string, input: TransitionInput, w: Who, now = T0): string {
  const p = plan(text, input, w, now);
  if (!p.ok) throw new Error(p.message);
  return applySplices(text, p.splices);
}
function refusal(text: string, input: TransitionInput, w: Who, now = T0): string {
  const p = plan(text, input, w, now);
  return p.ok ? "(allowed)" : p.message;
}
const task = (text: string, id: string) => readTasks("TASKS.md", text).byId.get(id)?.task;
const field = (text: string, id: string, key: string) => task(text, id)?.fields.find((f) => f.key === key)?.value;
const lastLog = (text: string) => text.trimEnd().split("\n").pop() ?? "";

describe("fencing tokens on the holder's actions", () => {
  for (const action of ["renew", "release", "submit", "fail"] as const) {
    it(`${action}: the equal token is accepted, an older, a newer or none from another session refused`, () => {
      expect(() => apply(board(), { action, id: "T-1", token: 3 }, bob)).not.toThrow();
      expect(refusal(board(), { action, id: "T-1", token: 2 }, bob)).toBe(
        "Your lease token 2 is older than T-1's (3, held by bob@h): the lease was taken over, so stop working on it",
      );
      expect(refusal(board(), { action, id: "T-1", token: 4 }, bob)).toBe(
        "Token 4 does not match T-1's lease (token 3)",
      );
      // No token: the holder in the lease's session (or a lease without one) may act.
      expect(() => apply(board(), { action, id: "T-1" }, bob)).not.toThrow();
      const inSession = board("", "- lease: bob@h token=3 until=2026-11-24T09:10:00Z ttl=10m session=s-1");
      expect(() => apply(inSession, { action, id: "T-1" }, { ...bob, session: "s-1" })).not.toThrow();
      expect(refusal(inSession, { action, id: "T-1" }, { ...bob, session: "s-2" })).toBe(
        "T-1 is held by session s-1 of bob@h, not by this one (session s-2): to take it over, wait until the lease ends at 2026-11-24T09:10:00Z (plus the clock-skew margin), or act with its token (--token or TASKGATE_LEASE_TOKEN)",
      );
      expect(refusal(inSession, { action, id: "T-1" }, bob)).toBe(
        "T-1 is held by session s-1 of bob@h, not by this one (no session): to take it over, wait until the lease ends at 2026-11-24T09:10:00Z (plus the clock-skew margin), or act with its token (--token or TASKGATE_LEASE_TOKEN)",
      );
      // The token proves the lease across sessions.
      expect(() => apply(inSession, { action, id: "T-1", token: 3 }, { ...bob, session: "s-2" })).not.toThrow();
      // Another holder is refused with or without the right token; no lease at all, too.
      expect(refusal(board(), { action, id: "T-1", token: 3 }, carol)).toBe("T-1 is leased to bob@h, not to carol@h");
      expect(refusal(board(), { action, id: "T-1", token: 3 }, { ...bob, host: "other" })).toBe(
        "T-1 is leased to bob@h, not to bob@other",
      );
      expect(refusal(board("", ""), { action, id: "T-1", token: 3 }, bob)).toBe("T-1 has no lease; claim it first");
    });
  }

  it("renew keeps the token and extends from now by the asked or the lease's own TTL, rounded up to the second", () => {
    let text = apply(board(), { action: "renew", id: "T-1", token: 3 }, bob, T0 + 5 * MIN + 1);
    expect(task(text, "T-1")?.lease).toMatchObject({
      holder: "bob@h",
      token: 3,
      ttl: 10 * MIN,
      until: T0 + 15 * MIN + SEC,
    });
    expect(lastLog(text)).toMatch(/ bob WORK renew T-1 token=3 until=2026-11-24T09:15:01Z ~ /);
    text = apply(board(), { action: "renew", id: "T-1", token: 3, ttl: 90 * SEC }, bob, T0);
    expect(task(text, "T-1")?.lease).toMatchObject({ token: 3, ttl: 90 * SEC, until: T0 + 90 * SEC });
  });

  it("release and submit drop the lease and move the task; the log names the token", () => {
    const released = apply(board(), { action: "release", id: "T-1", token: 3 }, bob);
    expect(task(released, "T-1")).toMatchObject({ state: "READY", lease: undefined });
    expect(lastLog(released)).toMatch(/ bob WORK release T-1 from=DOING to=READY token=3 ~ /);
    const submitted = apply(board(), { action: "submit", id: "T-1", token: 3 }, bob);
    expect(task(submitted, "T-1")).toMatchObject({ state: "REVIEW", lease: undefined });
    expect(lastLog(submitted)).toMatch(/ bob WORK submit T-1 from=DOING to=REVIEW token=3 ~ /);
  });

  it("fail puts the task back with attempts + 1, the exit and the last line of output", () => {
    const failed = apply(
      board(),
      { action: "fail", id: "T-1", token: 3, failure: { exit: "exit 3", output: "one\n  two  \n\n" } },
      bob,
    );
    expect(task(failed, "T-1")).toMatchObject({ state: "READY", lease: undefined, attempts: 1 });
    expect(lastLog(failed)).toMatch(/ bob WORK fail T-1 from=DOING to=READY token=3 exit="exit 3" attempts=1 /);
    expect(lastLog(failed)).toMatch(/ output=/);
    expect(failed).toMatch(/- last-error: .*exit 3: two/);
    expect(lastLog(failed)).not.toMatch(/dead-letter/);
    // The backoff's jitter is the one given (0 here: the policy's minimum, 1m).
    expect(field(failed, "T-1", "not-before")).toBe("2026-11-24T09:01:00Z");
    const bare = apply(board(), { action: "fail", id: "T-1", token: 3 }, bob);
    expect(field(bare, "T-1", "last-error")).toBe("failed");
    const noOutput = apply(
      board(),
      { action: "fail", id: "T-1", token: 3, failure: { exit: "exit 4", output: "" } },
      bob,
    );
    expect(field(noOutput, "T-1", "last-error")).toBe("exit 4");
    const edge = apply(
      board(),
      { action: "fail", id: "T-1", token: 3, failure: { exit: "exit 1", output: "y".repeat(200) } },
      bob,
    );
    expect(field(edge, "T-1", "last-error")).toBe(`exit 1: ${"y".repeat(200)}`);
    const last = board()
      .replace("- workers: bob\n", "- workers: bob\n- attempts: 2\n")
      .replace("- clock-skew: 30s", "- clock-skew: 30s\n- max-attempts: 3");
    const dead = apply(last, { action: "fail", id: "T-1", token: 3, failure: { exit: "exit 1", output: "x" } }, bob);
    expect(lastLog(dead)).toMatch(/ attempts=3 dead-letter=true output=x ~ /);
    expect(field(dead, "T-1", "not-before")).toBeUndefined();
    expect(lastLog(bare)).toMatch(/ bob WORK fail T-1 from=DOING to=READY token=3 exit=failed attempts=1 not-before=/);
    expect(lastLog(bare)).not.toMatch(/ output=/);
    const long = apply(
      board(),
      { action: "fail", id: "T-1", token: 3, failure: { exit: "exit 1", output: "x".repeat(300) } },
      bob,
    );
    expect(long).toContain(`- last-error: exit 1: ${"x".repeat(197)}...\n`);
  });
});

describe("block under a lease", () => {
  it("while the lease lasts only its holder, with the token or in its session, may block", () => {
    expect(refusal(board(), { action: "block", id: "T-1", reason: "stuck" }, carol)).toBe(
      "T-1 is leased to bob@h; only the holder may block it while the lease lasts",
    );
    expect(task(apply(board(), { action: "block", id: "T-1", reason: "stuck" }, bob), "T-1")?.blocked).toBe("stuck");
    const inSession = board("", "- lease: bob@h token=3 until=2026-11-24T09:10:00Z ttl=10m session=s-1");
    expect(refusal(inSession, { action: "block", id: "T-1", reason: "stuck" }, { ...bob, session: "s-2" })).toMatch(
      /^T-1 is held by session s-1 of bob@h, not by this one \(session s-2\)/,
    );
    expect(() =>
      apply(inSession, { action: "block", id: "T-1", reason: "stuck", token: 3 }, { ...bob, session: "s-2" }),
    ).not.toThrow();
    expect(() =>
      apply(inSession, { action: "block", id: "T-1", reason: "stuck" }, { ...bob, session: "s-1" }),
    ).not.toThrow();
  });

  it("once the lease and the clock-skew margin are over, anyone with WORK may block", () => {
    const end = T0 + 10 * MIN + 30 * SEC;
    expect(refusal(board(), { action: "block", id: "T-1", reason: "stuck" }, carol, end)).toMatch(/only the holder/);
    expect(() => apply(board(), { action: "block", id: "T-1", reason: "stuck" }, carol, end + 1)).not.toThrow();
  });

  it("unblock clears it, and refuses a task that is not blocked", () => {
    const blocked = apply(board(), { action: "block", id: "T-2", reason: "ops" }, bob);
    expect(lastLog(blocked)).toMatch(/ bob WORK block T-2 reason=ops ~ /);
    const clear = apply(blocked, { action: "unblock", id: "T-2" }, alice);
    expect(task(clear, "T-2")?.blocked).toBeUndefined();
    expect(refusal(clear, { action: "unblock", id: "T-2" }, alice)).toBe("T-2 is not blocked");
  });
});

describe("lease expiry and the clock-skew margin", () => {
  it("isLeaseExpired: expired only after until + skew", () => {
    expect(isLeaseExpired({ until: 1000 }, 1000, 0)).toBe(false);
    expect(isLeaseExpired({ until: 1000 }, 1001, 0)).toBe(true);
    expect(isLeaseExpired({ until: 1000 }, 1500, 500)).toBe(false);
    expect(isLeaseExpired({ until: 1000 }, 1501, 500)).toBe(true);
  });

  it("claim refuses a live lease up to the margin's last millisecond, then takes it over", () => {
    const end = T0 + 10 * MIN + 30 * SEC;
    for (const t of [T0, T0 + 10 * MIN, end]) {
      expect(refusal(board(), { action: "claim", id: "T-1" }, carol, t)).toBe(
        "T-1 is leased to bob@h until 2026-11-24T09:10:00Z (token 3)",
      );
    }
    const taken = apply(board(), { action: "claim", id: "T-1" }, carol, end + 1);
    expect(task(taken, "T-1")).toMatchObject({
      state: "DOING",
      attempts: 1,
      lease: { holder: "carol@h", token: 4, ttl: 10 * MIN },
    });
    // The old worker goes, the new one is last; the fence follows the token.
    expect(field(taken, "T-1", "fence")).toBe("4");
    expect(field(taken, "T-1", "workers")).toBe("bob, carol");
    expect(plan(board(), { action: "claim", id: "T-1" }, carol, end + 1)).toMatchObject({
      ok: true,
      result: { id: "T-1", action: "takeover", from: "DOING", to: "DOING", lease: { holder: "carol@h", token: 4 } },
    });
    // A worker already listed who takes over moves to the end, once.
    const again = board().replace("- workers: bob\n", "- workers: carol, bob\n");
    expect(field(apply(again, { action: "claim", id: "T-1" }, carol, end + 1), "T-1", "workers")).toBe("bob, carol");
    expect(lastLog(taken)).toMatch(
      / carol WORK takeover T-1 token=4 ttl=10m holder=carol@h previous=bob@h attempts=1 ~ /,
    );
  });

  it("the holder's own session: renew instead of claim; another session waits for expiry, then takes over", () => {
    const inSession = board("", "- lease: bob@h token=3 until=2026-11-24T09:10:00Z ttl=10m session=s-1");
    expect(refusal(inSession, { action: "claim", id: "T-1" }, { ...bob, session: "s-1" })).toBe(
      "You already hold the lease on T-1; use renew to extend it",
    );
    expect(refusal(board(), { action: "claim", id: "T-1" }, bob)).toBe(
      "You already hold the lease on T-1; use renew to extend it",
    );
    expect(refusal(inSession, { action: "claim", id: "T-1" }, { ...bob, session: "s-2" })).toMatch(
      /^T-1 is held by session s-1 of bob@h, not by this one \(session s-2\)/,
    );
    const taken = apply(inSession, { action: "claim", id: "T-1" }, { ...bob, session: "s-2" }, T0 + 11 * MIN);
    expect(task(taken, "T-1")?.lease).toMatchObject({ holder: "bob@h", token: 4, session: "s-2" });
    expect(field(taken, "T-1", "workers")).toBe("bob");
    expect(lastLog(taken)).toMatch(/ bob WORK takeover T-1 .* session=s-2 ~ /);
  });

  it("the new token is above both the fence and the lease's token", () => {
    const fenced = board().replace("- fence: 3", "- fence: 17");
    expect(task(apply(fenced, { action: "claim", id: "T-1" }, carol, T0 + 11 * MIN), "T-1")?.lease?.token).toBe(18);
    const prefixed = board().replace("- fence: 3", "- fence: x9");
    expect(task(apply(prefixed, { action: "claim", id: "T-1" }, carol, T0 + 11 * MIN), "T-1")?.lease?.token).toBe(4);
    const low = board().replace("- fence: 3", "- fence: 1");
    expect(task(apply(low, { action: "claim", id: "T-1" }, carol, T0 + 11 * MIN), "T-1")?.lease?.token).toBe(4);
    const junk = board().replace("- fence: 3", "- fence: 9x");
    expect(task(apply(junk, { action: "claim", id: "T-1" }, carol, T0 + 11 * MIN), "T-1")?.lease?.token).toBe(4);
  });

  it("lease helpers: sessions shown short, a lease without a session is its holder's in any", () => {
    expect(shortSession("abcdefghijkl")).toBe("abcdefghijkl");
    expect(shortSession("abcdefghijklm")).toBe("abcdefgh");
    expect(holderWithSession("bob@h", undefined)).toBe("bob@h");
    expect(holderWithSession("bob@h", "0123456789abcdef")).toBe("bob@h (01234567)");
    const lease = { holder: "bob@h", token: 1, until: 0, ttl: 0 };
    expect(inHoldingSession(lease, bob)).toBe(true);
    expect(inHoldingSession({ ...lease, session: "s" }, { ...bob, session: "s" })).toBe(true);
    expect(inHoldingSession({ ...lease, session: "s" }, { ...bob, session: "t" })).toBe(false);
    expect(inHoldingSession({ ...lease, session: "s" }, bob)).toBe(false);
  });
});

describe("claim conditions", () => {
  it("an assignee's task is claimed only by the assignee", () => {
    const text = board().replace("## T-2 Ready\n- state: READY", "## T-2 Ready\n- state: READY\n- assignee: carol");
    expect(refusal(text, { action: "claim", id: "T-2" }, bob)).toBe("T-2 is assigned to carol");
    expect(() => apply(text, { action: "claim", id: "T-2" }, carol)).not.toThrow();
  });

  it("a claim writes lease, fence and workers, with the TTL asked or the policy's, rounded up", () => {
    const text = apply(board(), { action: "claim", id: "T-2", ttl: 1500 }, bob, T0 + 1);
    expect(task(text, "T-2")?.lease).toEqual({
      holder: "bob@h",
      token: 1,
      until: T0 + 2000,
      ttl: 1500,
      session: undefined,
    });
    expect(text).toContain(
      "## T-2 Ready\n- state: DOING\n- lease: bob@h token=1 until=2026-11-24T09:00:02Z ttl=1500ms\n- fence: 1\n- workers: bob\n",
    );
    const byPolicy = apply(board(), { action: "claim", id: "T-2" }, bob);
    expect(task(byPolicy, "T-2")?.lease).toMatchObject({ ttl: 10 * MIN, until: T0 + 10 * MIN });
    expect(lastLog(byPolicy)).toMatch(/ bob WORK claim T-2 from=READY to=DOING token=1 ttl=10m holder=bob@h ~ /);
  });

  it("a DOING task sent back for rework (no lease) is claimed by a new worker alone, without a takeover", () => {
    const text = board("- rework: tests missing\n", "");
    const claimed = apply(text, { action: "claim", id: "T-1" }, carol);
    expect(task(claimed, "T-1")).toMatchObject({ state: "DOING", lease: { holder: "carol@h", token: 4 } });
    expect(field(claimed, "T-1", "workers")).toBe("carol");
    expect(claimed).not.toContain("- rework:");
    expect(claimed).not.toContain("- attempts:");
    expect(lastLog(claimed)).toMatch(/ carol WORK claim T-1 token=4 ttl=10m holder=carol@h ~ /);
  });

  it("claimProblem on its own: blocked, dependencies, not-before boundary, WIP limit only for READY", () => {
    const text = `# Tasks

## Policy
- wip-limit: DOING=2

## T-1 Doing
- state: DOING

## T-2 Ready
- state: READY
- not-before: 2026-11-24T09:00:00Z

## T-3 Waits
- state: READY
- depends: T-4, T-5

## T-4 Done
- state: DONE

## T-5 Open
- state: READY

## T-6 Blocked
- state: DOING
- blocked: ops

## Log
`;
    const l = readTasks("TASKS.md", text);
    const t = (id: string) => l.byId.get(id)?.task as NonNullable<ReturnType<typeof task>>;
    expect(claimProblem(l, t("T-6"), bob, T0)).toBe("T-6 is blocked: ops");
    expect(claimProblem(l, t("T-3"), bob, T0)).toBe("T-3 waits for T-5 to be DONE");
    const two = readTasks("TASKS.md", text.replace("- depends: T-4, T-5", "- depends: T-5, T-6"));
    expect(claimProblem(two, two.byId.get("T-3")?.task as never, bob, T0)).toBe("T-3 waits for T-5, T-6 to be DONE");
    expect(claimProblem(l, t("T-2"), bob, T0 - 1)).toBe("T-2 is not to be started before 2026-11-24T09:00:00Z");
    expect(claimProblem(l, t("T-2"), bob, T0)).toBe("DOING is at its WIP limit (2 of 2)");
    // A DOING task (rework) is not counted against the limit it is already in.
    expect(claimProblem(l, t("T-1"), bob, T0)).toBeUndefined();
    const roomy = readTasks("TASKS.md", text.replace("DOING=2", "DOING=3"));
    expect(claimProblem(roomy, roomy.byId.get("T-2")?.task as never, bob, T0)).toBeUndefined();
    const unlimited = readTasks("TASKS.md", text.replace("- wip-limit: DOING=2\n", ""));
    expect(claimProblem(unlimited, unlimited.byId.get("T-2")?.task as never, bob, T0)).toBeUndefined();
  });
});

describe("roles per transition", () => {
  const cases: [TransitionInput, string, Who, string][] = [
    [{ action: "ready", id: "T-4" }, "T-4", bob, "bob (WORK) may not ready; that takes the CMD role"],
    [{ action: "plan", id: "T-2" }, "T-2", bob, "bob (WORK) may not plan; that takes the CMD role"],
    [{ action: "cancel", id: "T-2" }, "T-2", carol, "carol (WORK, AUDIT) may not cancel; that takes the CMD role"],
    [{ action: "unblock", id: "T-2" }, "T-2", bob, "bob (WORK) may not unblock; that takes the CMD role"],
    [{ action: "claim", id: "T-2" }, "T-2", alice, "alice (CMD, AUDIT) may not claim; that takes the WORK role"],
    [{ action: "renew", id: "T-1" }, "T-1", alice, "alice (CMD, AUDIT) may not renew; that takes the WORK role"],
    [{ action: "release", id: "T-1" }, "T-1", alice, "alice (CMD, AUDIT) may not release; that takes the WORK role"],
    [{ action: "submit", id: "T-1" }, "T-1", alice, "alice (CMD, AUDIT) may not submit; that takes the WORK role"],
    [{ action: "fail", id: "T-1" }, "T-1", alice, "alice (CMD, AUDIT) may not fail; that takes the WORK role"],
    [
      { action: "block", id: "T-2", reason: "x" },
      "T-2",
      alice,
      "alice (CMD, AUDIT) may not block; that takes the WORK role",
    ],
    [{ action: "accept", id: "T-3" }, "T-3", bob, "bob (WORK) may not accept; that takes the AUDIT role"],
    [{ action: "rework", id: "T-3", reason: "x" }, "T-3", bob, "bob (WORK) may not rework; that takes the AUDIT role"],
    [
      { action: "claim", id: "T-2" },
      "T-2",
      who("nobody", []),
      "nobody (no roles) may not claim; that takes the WORK role",
    ],
  ];
  it.each(cases)("%o is refused to the wrong role", (input, _id, w, message) => {
    expect(refusal(board(), input, w)).toBe(message);
  });

  it("and from the wrong state", () => {
    expect(refusal(board(), { action: "ready", id: "T-2" }, alice)).toBe("T-2 is READY; ready needs it PLAN");
    expect(refusal(board(), { action: "accept", id: "T-1" }, alice)).toBe("T-1 is DOING; accept needs it REVIEW");
    expect(refusal(board(), { action: "submit", id: "T-2" }, bob)).toBe("T-2 is READY; submit needs it DOING");
    expect(refusal(board(), { action: "ready", id: "T-9" }, alice)).toBe("There is no task T-9 in TASKS.md");
  });

  it("the right role moves it, and the log line records the role and the states", () => {
    const ready = apply(board(), { action: "ready", id: "T-4" }, alice);
    expect(task(ready, "T-4")?.state).toBe("READY");
    expect(lastLog(ready)).toMatch(/ alice CMD ready T-4 from=PLAN to=READY ~ /);
    const planned = apply(board(), { action: "plan", id: "T-2" }, alice);
    expect(task(planned, "T-2")?.state).toBe("PLAN");
    const cancelled = apply(board(), { action: "cancel", id: "T-1", reason: "dropped" }, alice);
    expect(task(cancelled, "T-1")).toMatchObject({ state: "DONE", resolution: "cancelled", lease: undefined });
    expect(lastLog(cancelled)).toMatch(/ alice CMD cancel T-1 from=DOING to=DONE reason=dropped ~ /);
    const stuck = board("- blocked: ops\n- rework: redo\n");
    const gone = apply(stuck, { action: "cancel", id: "T-1" }, alice);
    expect(task(gone, "T-1")).toMatchObject({ state: "DONE", blocked: undefined, lease: undefined });
    expect(field(gone, "T-1", "rework")).toBeUndefined();
    expect(lastLog(apply(board(), { action: "plan", id: "T-2" }, alice))).toMatch(
      / alice CMD plan T-2 from=READY to=PLAN ~ /,
    );
    // A cancel needs no reason.
    expect(() => apply(board(), { action: "cancel", id: "T-2" }, alice)).not.toThrow();
  });
});

describe("reasons, evidence and the log line's details", () => {
  it("block and rework need a reason (not only spaces); the others take none", () => {
    expect(refusal(board(), { action: "block", id: "T-2" }, bob)).toBe('block needs a reason: --reason "..."');
    expect(refusal(board(), { action: "block", id: "T-2", reason: "  " }, bob)).toBe(
      'block needs a reason: --reason "..."',
    );
    expect(refusal(board(), { action: "rework", id: "T-3" }, alice)).toBe('rework needs a reason: --reason "..."');
    expect(refusal(board(), { action: "claim", id: "T-2", reason: "why" }, bob)).toBe("claim takes no reason");
    expect(refusal(board(), { action: "ready", id: "T-4", reason: "why" }, alice)).toBe("ready takes no reason");
    expect(refusal(board(), { action: "block", id: "T-2", reason: "a\nb" }, bob)).toMatch(/reason/);
  });

  it("rework sends the task back to DOING with the reason, trimmed", () => {
    const back = apply(board(), { action: "rework", id: "T-3", reason: "  tests missing " }, alice);
    expect(task(back, "T-3")).toMatchObject({ state: "DOING" });
    expect(back).toContain("- rework: tests missing\n");
    expect(lastLog(back)).toMatch(/ alice AUDIT rework T-3 from=REVIEW to=DOING reason="tests missing" ~ /);
  });

  it("claim clears a passed not-before; evidence must be one line; evidence not given is kept", () => {
    const later = board().replace(
      "## T-2 Ready\n- state: READY",
      "## T-2 Ready\n- state: READY\n- not-before: 2026-11-24T08:00:00Z",
    );
    expect(field(apply(later, { action: "claim", id: "T-2" }, bob), "T-2", "not-before")).toBeUndefined();
    expect(refusal(board(), { action: "submit", id: "T-1", token: 3, evidence: "a\nb" }, bob)).toMatch(/evidence/);
    const kept = apply(board("- evidence: old.log\n"), { action: "submit", id: "T-1", token: 3 }, bob);
    expect(field(kept, "T-1", "evidence")).toBe("old.log");
  });

  it("evidence is set and logged; via, session and automation are logged", () => {
    const done = apply(
      board(),
      { action: "submit", id: "T-1", token: 3, evidence: "log.txt sha256:ab", via: "run" },
      { ...bob, automation: true, session: "s-9" },
    );
    expect(done).toContain("- evidence: log.txt sha256:ab\n");
    expect(lastLog(done)).toMatch(
      / bob WORK submit T-1 from=DOING to=REVIEW token=3 evidence="log.txt sha256:ab" via=run session=s-9 auto=true ~ /,
    );
    const plain = apply(board(), { action: "submit", id: "T-1", token: 3 }, bob);
    expect(lastLog(plain)).not.toMatch(/evidence=|via=|session=|auto=/);
    expect(plain).not.toContain("- evidence:");
  });

  it("a field already holding the value is not rewritten, a missing one not removed", () => {
    const text = board().replace("## T-2 Ready\n- state: READY", "## T-2 Ready\n- state: READY\n- workers: bob");
    const p = plan(text, { action: "claim", id: "T-2" }, bob);
    expect(p.ok && p.splices.length).toBe(4); // state, lease, fence and the log line: workers is already bob
    const q = plan(board(), { action: "release", id: "T-2" }, bob);
    expect(q.ok).toBe(false);
    const c = plan(board(), { action: "cancel", id: "T-2" }, alice);
    expect(c.ok && c.splices.length).toBe(3); // state, resolution and the log line
  });
});

describe("four eyes on accept", () => {
  it("refuses the last spell's workers and their party; accepts another AUDIT actor", () => {
    expect(refusal(board(), { action: "accept", id: "T-3" }, { ...carol, actor: "bob" })).toBe(
      "bob worked on T-3 in its last DOING spell and may not accept it; another AUDIT actor must (four eyes)",
    );
    expect(refusal(board(), { action: "accept", id: "T-3" }, { ...carol, party: ["carol", "bob"] })).toBe(
      "bob worked on T-3 in its last DOING spell and counts as carol (delegation), so carol may not accept it; another AUDIT actor must (four eyes)",
    );
    const done = apply(board(), { action: "accept", id: "T-3" }, carol);
    expect(task(done, "T-3")).toMatchObject({ state: "DONE", resolution: "done" });
    expect(lastLog(done)).toMatch(/ carol AUDIT accept T-3 from=REVIEW to=DONE ~ /);
  });

  it("workersOf reads the list, trimmed, without empty names", () => {
    const t = readTasks(
      "TASKS.md",
      board().replace("- workers: bob\n\n## T-2", "- workers:  bob , ,carol\n\n## T-2"),
    ).byId.get("T-1")?.task;
    expect(t && workersOf(t)).toEqual(["bob", "carol"]);
    const none = readTasks("TASKS.md", board()).byId.get("T-2")?.task;
    expect(none && workersOf(none)).toEqual([]);
  });
});
