// Sessions and failures as the pure rules see them: the lease field with and without a
// session, who may act on a session's lease, the dead letter's tally of attempts by kind,
// last-error keeping the latest of each kind, and the tasks waiting behind a dead letter.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices } from "../../src/ledger/edit.js";
import { decodeLease, encodeLease } from "../../src/ledger/fields.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { holderWithSession } from "../../src/rules/lease.js";
import { failureKind, mergeLastError, tallyFailures } from "../../src/rules/recover.js";
import { deadLetters } from "../../src/rules/summary.js";
import { planTransition, type TransitionInput, type Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const bob = (session?: string): Who => ({ actor: "bob", roles: ["WORK"], automation: false, host: "b1", session });

const board = `# Tasks

## Policy
- max-attempts: 3

## T-1 One
- state: READY

## T-2 Two
- state: READY
- depends: T-1

## T-3 Three
- state: READY
- depends: T-2

## T-4 Four
- state: READY

## Log
`;

function act(text: string, input: TransitionInput, who: Who, now = T0) {
  const plan = planTransition(readTasks("TASKS.md", text), input, who, { now, hasher: sha256Hex, random: () => 0 });
  return plan.ok ? { text: applySplices(text, plan.splices), refused: undefined } : { text, refused: plan.message };
}

describe("the lease field", () => {
  it("reads a lease written before sessions, and writes it back byte for byte", () => {
    const old = "bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m";
    const d = decodeLease(old);
    expect(d).toEqual({
      ok: true,
      value: { holder: "bob@build-7", token: 4, until: Date.parse("2026-11-24T10:30:00Z"), ttl: 1_800_000 },
    });
    expect(d.ok && encodeLease(d.value)).toBe(old);
  });

  it("reads and writes the session as the last part", () => {
    const text = "bob@build-7 token=4 until=2026-11-24T10:30:00Z ttl=30m session=run-3f9a2c";
    const d = decodeLease(text);
    expect(d.ok && d.value.session).toBe("run-3f9a2c");
    expect(d.ok && encodeLease(d.value)).toBe(text);
  });

  it("refuses a session with characters a session name cannot have", () => {
    expect(decodeLease("bob@b token=4 until=2026-11-24T10:30:00Z ttl=30m session=/x").ok).toBe(false);
    expect(decodeLease("bob@b token=4 until=2026-11-24T10:30:00Z ttl=30m session=").ok).toBe(false);
  });

  it("shows a long session (a harness's UUID) short beside its holder", () => {
    expect(holderWithSession("bob@b1", "0f4c2a9e-7b1d-4c55-9a0e-2f8d7c6b5a41")).toBe("bob@b1 (0f4c2a9e)");
    expect(holderWithSession("bob@b1", "run-3f9a2c")).toBe("bob@b1 (run-3f9a2c)");
    expect(holderWithSession("bob@b1", undefined)).toBe("bob@b1");
  });
});

describe("acting on a session's lease", () => {
  const claimed = act(board, { action: "claim", id: "T-1" }, bob("s-a")).text;

  it("the claim records the session in the lease and the log line", () => {
    expect(claimed).toMatch(/^- lease: bob@b1 token=1 until=\S+ ttl=\S+ session=s-a$/m);
    expect(claimed).toMatch(/claim T-1 .*session=s-a ~/);
  });

  it("its own session acts without the token; another session of bob only with it", () => {
    for (const action of ["renew", "release", "submit", "fail"] as const) {
      expect(act(claimed, { action, id: "T-1" }, bob("s-a")).refused).toBeUndefined();
      for (const other of [bob("s-b"), bob(undefined)]) {
        expect(act(claimed, { action, id: "T-1" }, other).refused).toMatch(/^T-1 is held by session s-a of bob@b1/);
        expect(act(claimed, { action, id: "T-1", token: 1 }, other).refused).toBeUndefined();
      }
    }
    expect(act(claimed, { action: "block", id: "T-1", reason: "x" }, bob("s-b")).refused).toMatch(
      /held by session s-a/,
    );
    expect(act(claimed, { action: "block", id: "T-1", reason: "x", token: 1 }, bob("s-b")).refused).toBeUndefined();
  });

  it("another session may not claim it while it lasts, and takes it over once it expired", () => {
    expect(act(claimed, { action: "claim", id: "T-1" }, bob("s-b")).refused).toMatch(/wait until the lease ends/);
    expect(act(claimed, { action: "claim", id: "T-1" }, bob("s-a")).refused).toMatch(/You already hold the lease/);
    const later = act(claimed, { action: "claim", id: "T-1" }, bob("s-b"), T0 + 120 * MIN);
    expect(later.refused).toBeUndefined();
    expect(later.text).toMatch(/^- lease: bob@b1 token=2 .* session=s-b$/m);
  });

  it("a lease without a session belongs to its holder in any session, as before", () => {
    const plain = act(board, { action: "claim", id: "T-1" }, bob(undefined)).text;
    expect(plain).not.toContain("session");
    expect(act(plain, { action: "submit", id: "T-1" }, bob("s-x")).refused).toBeUndefined();
  });
});

describe("failures by kind", () => {
  it("names the kinds and counts them in order of first appearance", () => {
    expect(failureKind({ run: "exit 1" })).toBe("run exited 1");
    expect(failureKind({ run: "signal SIGKILL" })).toBe("run killed by SIGKILL");
    expect(failureKind({ lease: true })).toBe("lease expired");
    expect(tallyFailures(["run exited 1", "lease expired"])).toBe("2 failures: 1 run exited 1, 1 lease expired");
    expect(tallyFailures(["lease expired", "run exited 3", "lease expired"])).toBe(
      "3 failures: 2 leases expired, 1 run exited 3",
    );
  });

  it("last-error keeps the latest failed run and the latest expired lease", () => {
    let e = mergeLastError(undefined, "exit 1: boom");
    expect(e).toBe("exit 1: boom");
    e = mergeLastError(e, "lease expired: bob@b1's lease ended 2026-11-24T10:00:00Z");
    expect(e).toBe("lease expired: bob@b1's lease ended 2026-11-24T10:00:00Z | exit 1: boom");
    e = mergeLastError(e, "exit 3: disk full");
    expect(e).toBe("exit 3: disk full | lease expired: bob@b1's lease ended 2026-11-24T10:00:00Z");
  });

  it("a failed run at max-attempts after an expired lease: the reason counts both", () => {
    let text = board.replace("max-attempts: 3", "max-attempts: 2");
    text = act(text, { action: "claim", id: "T-4", ttl: 5 * MIN }, bob("s")).text;
    text = act(text, { action: "claim", id: "T-4", ttl: 5 * MIN }, bob("t"), T0 + 10 * MIN).text; // takeover
    text = act(
      text,
      { action: "fail", id: "T-4", failure: { exit: "exit 2", output: "no" } },
      bob("t"),
      T0 + 11 * MIN,
    ).text;
    const t = readTasks("TASKS.md", text).byId.get("T-4")?.task;
    expect(t?.blocked).toBe(
      "dead letter: 2 failures: 1 lease expired, 1 run exited 2 (max-attempts 2); last error: exit 2: no",
    );
  });
});

describe("tasks behind a dead letter", () => {
  it("names the dead letters and every open task waiting for one, through other tasks too", () => {
    const text = board.replace(
      "## T-1 One\n- state: READY\n",
      "## T-1 One\n- state: READY\n- blocked: dead letter: 3 failures\n",
    );
    expect(deadLetters(readTasks("TASKS.md", text).tasks)).toEqual({
      deadLetters: ["T-1"],
      behind: [
        { id: "T-2", deadLetters: ["T-1"] },
        { id: "T-3", deadLetters: ["T-1"] },
      ],
    });
    const blockedByHand = board.replace(
      "## T-1 One\n- state: READY\n",
      "## T-1 One\n- state: READY\n- blocked: waiting for ops\n",
    );
    expect(deadLetters(readTasks("TASKS.md", blockedByHand).tasks)).toEqual({ deadLetters: [], behind: [] });
  });
});
