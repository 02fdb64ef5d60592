// Leases, fencing, takeover, dispatch and four eyes, decided by the pure planner with the
// clock injected.

import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices } from "../../src/ledger/edit.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { pickNext } from "../../src/rules/dispatch.js";
import { planTransition, type TransitionInput, type Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const bob: Who = { actor: "bob", roles: ["WORK"], automation: false, host: "b1" };
const carol: Who = { actor: "carol", roles: ["WORK", "AUDIT"], automation: false, host: "c1" };
const alice: Who = { actor: "alice", roles: ["CMD", "AUDIT"], automation: false, host: "a1" };

const LEDGER = `# Tasks

## Policy
- lease: 10m
- clock-skew: 30s
- wip-limit: DOING=2

## T-1 First
- state: READY
- priority: P2
- created: 2026-11-20T00:00:00Z

## T-2 Urgent
- state: READY
- priority: P0
- created: 2026-11-22T00:00:00Z

## T-3 Waits for T-1
- state: READY
- priority: P0
- depends: T-1

## T-4 Later
- state: READY
- priority: P1
- not-before: 2026-11-24T12:00:00Z

## T-5 Blocked
- state: READY
- priority: P0
- blocked: waiting for ops

## Log
`;

/** Applies a transition and returns the new text, failing the test if it was refused. */
function apply(text: string, input: TransitionInput, who: Who, now: number): string {
  const plan = planTransition(readTasks("TASKS.md", text), input, who, { now, hasher: sha256Hex });
  if (!plan.ok) throw new Error(plan.message);
  return applySplices(text, plan.splices);
}

function refusal(text: string, input: TransitionInput, who: Who, now: number): string {
  const plan = planTransition(readTasks("TASKS.md", text), input, who, { now, hasher: sha256Hex });
  expect(plan.ok).toBe(false);
  return plan.ok ? "" : plan.message;
}

const task = (text: string, id: string) => readTasks("TASKS.md", text).byId.get(id)?.task;

describe("claim and leases", () => {
  it("claim writes a lease with token 1, expiry from the TTL, and the fence", () => {
    const text = apply(LEDGER, { action: "claim", id: "T-1", ttl: 2000 }, bob, T0);
    expect(task(text, "T-1")).toMatchObject({
      state: "DOING",
      lease: { holder: "bob@b1", token: 1, until: T0 + 2000, ttl: 2000 },
    });
    expect(text).toContain("- lease: bob@b1 token=1 until=2026-11-24T09:00:02Z ttl=2s\n- fence: 1\n- workers: bob\n");
    expect(text).toMatch(/bob WORK claim T-1 from=READY to=DOING token=1 ttl=2s holder=bob@b1 ~ /);
  });

  it("refuses tasks that are blocked, waiting for dependencies or a not-before time", () => {
    expect(refusal(LEDGER, { action: "claim", id: "T-5" }, bob, T0)).toBe("T-5 is blocked: waiting for ops");
    expect(refusal(LEDGER, { action: "claim", id: "T-3" }, bob, T0)).toBe("T-3 waits for T-1 to be DONE");
    expect(refusal(LEDGER, { action: "claim", id: "T-4" }, bob, T0)).toBe(
      "T-4 is not to be started before 2026-11-24T12:00:00Z",
    );
    expect(() => apply(LEDGER, { action: "claim", id: "T-4" }, bob, Date.UTC(2026, 10, 24, 12))).not.toThrow();
  });

  it("a live lease is never taken over inside TTL + clock skew; an expired one is, with token + 1", () => {
    const held = apply(LEDGER, { action: "claim", id: "T-1", ttl: 10 * MIN }, bob, T0);
    for (const t of [T0 + 1, T0 + 10 * MIN, T0 + 10 * MIN + 30_000]) {
      expect(refusal(held, { action: "claim", id: "T-1" }, carol, t)).toBe(
        "T-1 is leased to bob@b1 until 2026-11-24T09:10:00Z (token 1)",
      );
    }
    const taken = apply(held, { action: "claim", id: "T-1" }, carol, T0 + 10 * MIN + 30_001);
    expect(task(taken, "T-1")).toMatchObject({ state: "DOING", attempts: 1, lease: { holder: "carol@c1", token: 2 } });
    expect(taken).toMatch(/carol WORK takeover T-1 token=2 ttl=10m holder=carol@c1 previous=bob@b1 attempts=1 ~ /);
  });

  it("after a takeover the old holder's renew and submit with the old token are refused", () => {
    const held = apply(LEDGER, { action: "claim", id: "T-1", ttl: 2000 }, bob, T0);
    const taken = apply(held, { action: "claim", id: "T-1" }, carol, T0 + 40_000);
    for (const action of ["renew", "submit", "release"] as const) {
      expect(refusal(taken, { action, id: "T-1", token: 1 }, bob, T0 + 41_000)).toBe(
        "Your lease token 1 is older than T-1's (2, held by carol@c1): the lease was taken over, so stop working on it",
      );
      expect(refusal(taken, { action, id: "T-1" }, bob, T0 + 41_000)).toBe("T-1 is leased to carol@c1, not to bob@b1");
    }
  });

  it("the token only grows: release and claim again gives token 2", () => {
    let text = apply(LEDGER, { action: "claim", id: "T-1" }, bob, T0);
    text = apply(text, { action: "release", id: "T-1", token: 1 }, bob, T0 + 1000);
    expect(task(text, "T-1")).toMatchObject({ state: "READY", lease: undefined });
    text = apply(text, { action: "claim", id: "T-1" }, carol, T0 + 2000);
    expect(task(text, "T-1")?.lease?.token).toBe(2);
  });

  it("renew extends the holder's lease from now", () => {
    let text = apply(LEDGER, { action: "claim", id: "T-1", ttl: 60_000 }, bob, T0);
    text = apply(text, { action: "renew", id: "T-1", token: 1 }, bob, T0 + 50_000);
    expect(task(text, "T-1")?.lease).toMatchObject({ token: 1, until: T0 + 110_000 });
  });

  it("respects the WIP limit on DOING", () => {
    let text = apply(LEDGER, { action: "claim", id: "T-1" }, bob, T0);
    text = apply(text, { action: "claim", id: "T-2" }, carol, T0);
    const text2 = text.replace(
      "- state: READY\n- priority: P1\n- not-before: 2026-11-24T12:00:00Z",
      "- state: READY\n- priority: P1",
    );
    expect(refusal(text2, { action: "claim", id: "T-4" }, { ...bob, actor: "dan" }, T0)).toBe(
      "DOING is at its WIP limit (2 of 2)",
    );
  });
});

describe("review and four eyes", () => {
  // Built in beforeAll, not in the describe body: a mutant that makes this throw must fail
  // these tests, not the file before any test runs (which Stryker counts as survived).
  let submitted = "";
  beforeAll(() => {
    submitted = apply(LEDGER, { action: "claim", id: "T-1" }, carol, T0);
    submitted = apply(submitted, { action: "submit", id: "T-1", token: 1 }, carol, T0 + 1000);
  });

  it("refuses self-acceptance by whoever worked the last DOING spell", () => {
    expect(refusal(submitted, { action: "accept", id: "T-1" }, carol, T0 + 2000)).toBe(
      "carol worked on T-1 in its last DOING spell and may not accept it; another AUDIT actor must (four eyes)",
    );
  });

  it("another AUDIT actor may accept", () => {
    const done = apply(submitted, { action: "accept", id: "T-1" }, alice, T0 + 2000);
    expect(task(done, "T-1")).toMatchObject({ state: "DONE", resolution: "done" });
    expect(done).toMatch(/alice AUDIT accept T-1 from=REVIEW to=DONE ~ /);
  });

  it("rework needs a reason and sends the task back to DOING for a worker to claim", () => {
    expect(refusal(submitted, { action: "rework", id: "T-1" }, alice, T0)).toBe(
      'rework needs a reason: --reason "..."',
    );
    const back = apply(submitted, { action: "rework", id: "T-1", reason: "tests missing" }, alice, T0 + 2000);
    expect(task(back, "T-1")).toMatchObject({ state: "DOING", lease: undefined });
    expect(pickNext(readTasks("TASKS.md", back), bob, {}, T0 + 3000).task?.id).toBe("T-2");
    const again = apply(back, { action: "claim", id: "T-1" }, bob, T0 + 3000);
    expect(task(again, "T-1")?.lease?.token).toBe(2);
    const resubmitted = apply(again, { action: "submit", id: "T-1" }, bob, T0 + 4000);
    // The last spell was bob's: now carol may accept, bob may not.
    expect(refusal(resubmitted, { action: "accept", id: "T-1" }, { ...bob, roles: ["AUDIT"] }, T0 + 5000)).toMatch(
      /four eyes/,
    );
    expect(() => apply(resubmitted, { action: "accept", id: "T-1" }, carol, T0 + 5000)).not.toThrow();
  });
});

describe("next", () => {
  it("picks by priority then age, skipping what cannot start now", () => {
    const pick = pickNext(readTasks("TASKS.md", LEDGER), bob, {}, T0);
    expect(pick.task?.id).toBe("T-2");
    expect(pick.candidates).toBe(2);
  });

  it("says why there is nothing to do", () => {
    const none = pickNext(readTasks("TASKS.md", LEDGER), bob, { labels: ["prod"] }, T0);
    expect(none.task).toBeUndefined();
    expect(none.why).toMatch(/none of the 5 READY tasks can be started by bob now with label prod/);
  });
});

describe("claims over paths a DOING task holds (docs/paths.md)", () => {
  const text = `# Tasks

## T-1 Parser
- state: DOING
- lease: carol@c1 token=1 until=2026-11-24T10:00:00Z ttl=60m
- fence: 1
- workers: carol
- paths: src/ledger/**

## T-2 Reader
- state: READY
- paths: src/ledger/reader.ts

## T-3 Docs
- state: READY
- paths: docs/**

## Log
`;
  it("refuses a claim whose paths overlap, naming the task and how to go on anyway", () => {
    expect(refusal(text, { action: "claim", id: "T-2" }, bob, T0)).toBe(
      "T-2's paths overlap those of T-1 (held by carol@c1): src/ledger/reader.ts against src/ledger/**; claim it with --overlap to work on them at once anyway",
    );
  });

  it("--overlap takes it and the log line records which tasks it overlaps; paths apart need nothing", () => {
    const taken = apply(text, { action: "claim", id: "T-2", overlap: true }, bob, T0);
    expect(taken).toMatch(/## T-2 Reader\n- state: DOING/);
    expect(taken).toMatch(/ bob WORK claim T-2 .*overlap=T-1/);
    const apart = apply(text, { action: "claim", id: "T-3" }, bob, T0);
    expect(apart).toMatch(/## T-3 Docs\n- state: DOING/);
    expect(apart).not.toMatch(/overlap=/);
  });
});

describe("a transition that ends the task's worktree", () => {
  const text = `# Tasks

## T-1 Reviewed
- state: REVIEW
- workers: bob
- worktree: task/T-1-reviewed ../repo.worktrees/T-1-reviewed

## Log
`;
  it("clears the worktree field in the same write when asked to, and keeps it otherwise", () => {
    const dropped = apply(text, { action: "accept", id: "T-1", dropWorktree: true }, alice, T0);
    expect(dropped).toMatch(/## T-1 Reviewed\n- state: DONE/);
    expect(dropped).not.toMatch(/- worktree:/);
    const kept = apply(text, { action: "accept", id: "T-1" }, alice, T0);
    expect(kept).toMatch(/- worktree: task\/T-1-reviewed/);
  });
});
