// Recovery of expired leases (src/rules/recover.ts) condition by condition (issue #31): only
// DOING tasks whose lease ended more than the clock-skew margin ago, only by CMD, one more
// attempt with a backoff or a dead letter at max-attempts, last-error kept per kind, each
// log line chained to the one before.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices } from "../../src/ledger/edit.js";
import { readLog } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { formatTime } from "../../src/model/time.js";
import { backoffDelay } from "../../src/rules/backoff.js";
import {
  earlierFailures,
  failureKind,
  leaseExpiredError,
  mergeLastError,
  planRecovery,
  tallyFailures,
} from "../../src/rules/recover.js";
import type { Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const watch: Who = { actor: "watch", roles: ["CMD"], automation: true, host: "w" };

const BOARD = `# Tasks

## Policy
- clock-skew: 30s
- max-attempts: 3
- backoff: 1m

## T-1 Expired
- state: DOING
- lease: bob@h token=2 until=2026-11-24T09:00:00Z ttl=10m
- attempts: 1

## T-2 Expired too, last chance
- state: DOING
- lease: carol@h token=5 until=2026-11-24T08:59:00Z ttl=10m session=0123456789abcdef
- attempts: 2
- last-error: exit 1: boom

## T-3 Live
- state: DOING
- lease: dan@h token=1 until=2026-11-24T09:05:00Z ttl=10m

## T-4 Ready
- state: READY

## T-5 Sent back for rework: DOING without a lease
- state: DOING
- rework: tests

## Log
`;

const recover = (text: string, now: number, who = watch) =>
  planRecovery(readTasks("TASKS.md", text), who, { now, hasher: sha256Hex, random: () => 0 });

describe("planRecovery", () => {
  it("does nothing while leases last, the margin included", () => {
    const only = BOARD.replace("until=2026-11-24T08:59:00Z", "until=2026-11-24T09:00:00Z");
    expect(recover(only, T0 + 30_000)).toEqual({ ok: true, splices: [], result: [] });
    // Nothing to do needs no role.
    expect(recover(only, T0 + 30_000, { ...watch, roles: ["WORK"] })).toEqual({ ok: true, splices: [], result: [] });
  });

  it("needs CMD when there is something to recover", () => {
    expect(recover(BOARD, T0 + 30_001, { ...watch, actor: "bob", roles: ["WORK", "AUDIT"] })).toEqual({
      ok: false,
      message: "bob (WORK, AUDIT) may not recover; that takes the CMD role",
    });
  });

  it("puts each expired task back with one more attempt and a backoff, or blocks it at max-attempts", () => {
    const p = recover(BOARD, T0 + 30_001);
    if (!p.ok) throw new Error(p.message);
    expect(p.result).toEqual([
      {
        id: "T-1",
        holder: "bob@h",
        expiredAt: T0,
        attempts: 2,
        notBefore: T0 + 30_001 + backoffDelay(readTasks("TASKS.md", BOARD).policy.backoff, 2, 0),
        deadLetter: undefined,
      },
      {
        id: "T-2",
        holder: "carol@h",
        expiredAt: T0 - 60_000,
        attempts: 3,
        notBefore: undefined,
        deadLetter:
          "dead letter: 3 failures: 2 not in the log, 1 lease expired (max-attempts 3); last error: lease expired: carol@h (01234567)'s lease ended 2026-11-24T08:59:00Z without renew, release or submit",
      },
    ]);
    expect(p.result[0]?.notBefore).toBeGreaterThan(T0 + 30_001);
    const after = applySplices(BOARD, p.splices);
    const t = readTasks("TASKS.md", after);
    expect(t.byId.get("T-1")?.task).toMatchObject({
      state: "READY",
      lease: undefined,
      attempts: 2,
      blocked: undefined,
    });
    expect(after).toContain(`- not-before: ${formatTime(p.result[0]?.notBefore as number)}\n`);
    expect(t.byId.get("T-2")?.task).toMatchObject({
      state: "READY",
      lease: undefined,
      attempts: 3,
      notBefore: undefined,
    });
    expect(t.byId.get("T-2")?.task.blocked).toMatch(/^dead letter: 3 failures/);
    expect(after).toContain(
      "- last-error: lease expired: carol@h (01234567)'s lease ended 2026-11-24T08:59:00Z without renew, release or submit | exit 1: boom\n",
    );
    expect(t.byId.get("T-3")?.task).toMatchObject({ state: "DOING", lease: { holder: "dan@h" } });
    // Two log lines, chained: the log reads back without a broken chain.
    const log = readLog(t.doc, t.log, sha256Hex);
    expect(log.diagnostics).toEqual([]);
    expect(log.entries.map((e) => [e.actor, e.role, e.action, e.target, e.details])).toEqual([
      [
        "watch",
        "CMD",
        "recover",
        "T-1",
        {
          from: "DOING",
          to: "READY",
          holder: "bob@h",
          token: "2",
          expired: "2026-11-24T09:00:00Z",
          attempts: "2",
          "not-before": expect.stringMatching(/^2026-11-24T09:0\d:\d\dZ$/),
          auto: "true",
        },
      ],
      [
        "watch",
        "CMD",
        "recover",
        "T-2",
        {
          from: "DOING",
          to: "READY",
          holder: "carol@h",
          token: "5",
          expired: "2026-11-24T08:59:00Z",
          attempts: "3",
          "dead-letter": "true",
          auto: "true",
        },
      ],
    ]);
  });

  it("a person's recovery is not marked auto", () => {
    const p = recover(BOARD, T0 + 30_001, { actor: "alice", roles: ["CMD"], automation: false, host: "a" });
    if (!p.ok) throw new Error(p.message);
    expect(applySplices(BOARD, p.splices)).not.toContain("auto=true");
  });
});

describe("failures", () => {
  it("failureKind names runs by exit or signal, and expired leases", () => {
    expect(failureKind({ lease: true })).toBe("lease expired");
    expect(failureKind({ run: "exit 3" })).toBe("run exited 3");
    expect(failureKind({ run: "exit 127" })).toBe("run exited 127");
    expect(failureKind({ run: "signal SIGKILL" })).toBe("run killed by SIGKILL");
    expect(failureKind({ run: "failed" })).toBe("run failed");
    expect(failureKind({ run: "exit 3 later" })).toBe("run failed");
    expect(failureKind({ run: "the exit 3" })).toBe("run failed");
    expect(failureKind({ run: "signal SIGKILL now" })).toBe("run failed");
    expect(failureKind({ run: "a signal SIGKILL" })).toBe("run failed");
  });

  it("tallyFailures counts by kind in order of first appearance, plural where more than one", () => {
    expect(tallyFailures(["run exited 1"])).toBe("1 failure: 1 run exited 1");
    expect(tallyFailures(["run exited 1", "lease expired", "run exited 1", "lease expired"])).toBe(
      "4 failures: 2 runs exited 1, 2 leases expired",
    );
    expect(tallyFailures([])).toBe("0 failures: ");
  });

  it("mergeLastError keeps the latest error of each kind", () => {
    expect(mergeLastError(undefined, "exit 1: boom")).toBe("exit 1: boom");
    expect(mergeLastError("exit 1: boom", "exit 2: bang")).toBe("exit 2: bang");
    expect(mergeLastError("exit 1: boom", "lease expired: x")).toBe("lease expired: x | exit 1: boom");
    expect(mergeLastError("lease expired: x | exit 1: boom", "signal SIGTERM: y")).toBe(
      "signal SIGTERM: y | lease expired: x",
    );
    expect(mergeLastError("lease expired: x | exit 1: a | b", "lease expired: z")).toBe(
      "lease expired: z | exit 1: a | b",
    );
    expect(mergeLastError("  ", "failed")).toBe("failed");
    expect(mergeLastError("  ", "lease expired: x")).toBe("lease expired: x");
  });

  it("leaseExpiredError names the holder, its session and the end", () => {
    expect(leaseExpiredError({ holder: "bob@h", token: 1, until: T0, ttl: 1 })).toBe(
      "lease expired: bob@h's lease ended 2026-11-24T09:00:00Z without renew, release or submit",
    );
  });

  it("earlierFailures reads the task's fail, recover and takeover lines; attempts the log lacks are named so", () => {
    const line = (action: string, target: string, details: string) =>
      `- 2026-11-24T08:00:00Z bob WORK ${action} ${target} ${details} ~ 000000000000`;
    const text = `# Tasks

## T-1 One
- state: READY
- attempts: 4

## T-2 Two
- state: READY

## Log
${line("fail", "T-1", 'exit="exit 2" attempts=1')}
${line("fail", "T-2", 'exit="exit 9" attempts=1')}
${line("takeover", "T-1", "attempts=2")}
${line("claim", "T-1", "token=3")}
${line("fail", "T-1", "attempts=3")}
${line("fail", "T-1", 'exit="exit 5"')}
${line("submit", "T-1", "attempts=9")}
`;
    const l = readTasks("TASKS.md", text);
    expect(earlierFailures(l, l.byId.get("T-1")?.task as never)).toEqual([
      "not in the log",
      "run exited 2",
      "lease expired",
      "run failed",
    ]);
    expect(earlierFailures(l, l.byId.get("T-2")?.task as never)).toEqual([]);
    const fewer = readTasks("TASKS.md", text.replace("- attempts: 4", "- attempts: 2"));
    expect(earlierFailures(fewer, fewer.byId.get("T-1")?.task as never)).toEqual(["lease expired", "run failed"]);
  });
});
