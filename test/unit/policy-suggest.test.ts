// policy suggest on hand-built histories: each kind of suggestion appears exactly when its
// evidence crosses its threshold, and not one case before.

import { describe, expect, it } from "vitest";
import { readLogLines } from "../../src/ledger/log-facts.js";
import { DEFAULT_POLICY } from "../../src/model/task.js";
import { formatTime } from "../../src/model/time.js";
import { type DecidedApproval, SUGGEST, suggestPolicy } from "../../src/rules/policy-suggest.js";

const T0 = Date.UTC(2027, 0, 1);
const HOUR = 3_600_000;

/** A log of the given lines ("rework T-3" at hour h), each with a well-formed hash. */
function log(lines: readonly [number, string][]) {
  const text = lines.map(([h, body]) => `- ${formatTime(T0 + h * HOUR)} alice AUDIT ${body} ~ 0123456789ab\n`).join("");
  return readLogLines(text, 0, text.length);
}

/** n approvals of tasks T-1..T-n (labelled `label`), decided at hour 1; the first `back` sent back at hour 2. */
function history(n: number, back: number, automatic: boolean, how: "rework" | "reopen" = "rework") {
  const approvals: DecidedApproval[] = [];
  const labelsOf = new Map<string, string[]>();
  const lines: [number, string][] = [];
  for (let k = 1; k <= n; k++) {
    approvals.push({ id: `A-${k}`, task: `T-${k}`, decidedAt: T0 + HOUR, automatic });
    labelsOf.set(`T-${k}`, ["docs"]);
    // A rework before the approval does not count against it.
    if (k === n) lines.push([0, `rework T-${k} from=REVIEW to=DOING`]);
    if (k <= back)
      lines.push([2, how === "rework" ? `rework T-${k} from=REVIEW to=DOING` : `set T-${k} from=DONE to=READY`]);
  }
  lines.sort((a, b) => a[0] - b[0]);
  return { approvals, labelsOf, tasksLog: log(lines), runLengths: [], leaseExpiries: 0, policy: DEFAULT_POLICY };
}

const kinds = (input: Parameters<typeof suggestPolicy>[0]) => suggestPolicy(input).map((s) => s.kind);

describe("policy suggest", () => {
  it("stops auto-approving a label when more than 20% of at least 10 automatic approvals were sent back", () => {
    expect(SUGGEST.minApprovals).toBe(10);
    // 10 cases, 2 sent back: 20%, not more: nothing. 3: 30%: the suggestion.
    expect(kinds(history(10, 2, true))).toEqual([]);
    const s = suggestPolicy(history(10, 3, true));
    expect(s.map((x) => x.kind)).toEqual(["stop-auto-approve"]);
    expect(s[0]?.change).toBe("rules: stop auto-approving label docs");
    expect(s[0]?.evidence[0]).toBe(
      "3 of 10 automatic approvals of docs tasks (30%, more than 20%) were sent back or reopened after, 2027-01-01T01:00:00Z to 2027-01-01T01:00:00Z",
    );
    expect(s[0]?.evidence[1]).toBe(
      "sent back: T-1 (A-1, at 2027-01-01T02:00:00Z), T-2 (A-2, at 2027-01-01T02:00:00Z), T-3 (A-3, at 2027-01-01T02:00:00Z)",
    );
    // Reopened (moved out of DONE) counts as sent back.
    expect(kinds(history(10, 3, true, "reopen"))).toEqual(["stop-auto-approve"]);
    // 9 cases, even all sent back: too few to say.
    expect(kinds(history(9, 9, true))).toEqual([]);
  });

  it("proposes auto-approving a label after 10 approvals by people with none sent back, not after 9", () => {
    expect(kinds(history(9, 0, false))).toEqual([]);
    const s = suggestPolicy(history(10, 0, false));
    expect(s.map((x) => x.kind)).toEqual(["auto-approve"]);
    expect(s[0]?.apply).toBe(
      "in APPROVALS.md's rules: - id: auto-docs\n  approve: { labels: [docs], subject-state: REVIEW }",
    );
    // One sent back after its approval: no.
    expect(kinds(history(10, 1, false))).toEqual([]);
  });

  it("raises the lease when the 95th percentile of at least 20 runs is longer than it", () => {
    const base = history(0, 0, false);
    const runs = (n: number, long: number) =>
      Array.from({ length: n }, (_, i) => (i < long ? 50 * 60_000 : 10 * 60_000));
    // 20 runs, one of 50m: the 95th percentile (the 19th) is 10m: nothing.
    expect(kinds({ ...base, runLengths: runs(20, 1) })).toEqual([]);
    // Two of 50m: the 19th is 50m, past the 30m lease.
    const s = suggestPolicy({ ...base, runLengths: runs(20, 2), leaseExpiries: 2 });
    expect(s.map((x) => x.kind)).toEqual(["lease"]);
    expect(s[0]?.change).toBe("policy: lease 30m -> 63m");
    expect(s[0]?.evidence[0]).toBe(
      "the 95th percentile of 20 runs (time in DOING) is 50m, longer than the lease of 30m",
    );
    // 19 runs, all long: too few to say.
    expect(kinds({ ...base, runLengths: runs(19, 19) })).toEqual([]);
  });

  it("raises max-attempts when more than 20% of at least 10 tasks done after failing needed the last attempt", () => {
    // Task k fails f times, then is done; the policy allows 3 attempts: the last needs 2 failures.
    const recovered = (failures: readonly number[]) => {
      const lines: [number, string][] = [];
      failures.forEach((f, i) => {
        for (let k = 0; k < f; k++) lines.push([i * 10 + k, `fail T-${i + 1} from=DOING to=READY`]);
        lines.push([i * 10 + 5, `accept T-${i + 1} from=REVIEW to=DONE`]);
      });
      return { ...history(0, 0, false), tasksLog: log(lines) };
    };
    expect(kinds(recovered([2, 2, 1, 1, 1, 1, 1, 1, 1, 1]))).toEqual([]); // 20%
    const s = suggestPolicy(recovered([2, 2, 3, 1, 1, 1, 1, 1, 1, 1]));
    expect(s.map((x) => x.kind)).toEqual(["max-attempts"]);
    expect(s[0]?.change).toBe("policy: max-attempts 3 -> 4");
    expect(s[0]?.evidence[0]).toBe(
      "3 of 10 tasks that failed and were then done (30%, more than 20%) needed the last attempt allowed (2 failures or more): T-1, T-2, T-3",
    );
    expect(kinds(recovered([2, 2, 2, 2, 2, 2, 2, 2, 2]))).toEqual([]); // 9 tasks: too few
  });

  it("proposes a WIP limit when runs started above the median WIP take more than 1.5 times as long, on 10 a side", () => {
    // Ten runs alone (10m each), then `together` runs claimed at once, each lasting `minutes`.
    const flow = (together: number, minutes: number) => {
      const lines: [number, string][] = [];
      for (let k = 1; k <= 10; k++) {
        lines.push([k, `claim T-${k} from=READY to=DOING`]);
        lines.push([k + 10 / 60, `submit T-${k} from=DOING to=REVIEW`]);
      }
      for (let k = 1; k <= together; k++) lines.push([20 + k / 3600, `claim T-${100 + k} from=READY to=DOING`]);
      for (let k = 1; k <= together; k++)
        lines.push([20 + k / 3600 + minutes / 60, `submit T-${100 + k} from=DOING to=REVIEW`]);
      lines.sort((a, b) => a[0] - b[0]);
      return { ...history(0, 0, false), tasksLog: log(lines) };
    };
    // 11 together: WIP at their start 1..11, the median WIP 1, so 10 runs above it.
    expect(kinds(flow(11, 15))).toEqual([]); // 1.5 times: not more
    const s = suggestPolicy(flow(11, 16));
    expect(s.map((x) => x.kind)).toEqual(["wip-limit"]);
    expect(s[0]?.change).toBe("policy: wip-limit DOING none -> 1");
    expect(s[0]?.evidence[0]).toBe(
      "10 runs started with more than 1 tasks in DOING took 16m (median), 1.6 times the 10m of the 11 runs started with 1 or fewer",
    );
    expect(kinds(flow(10, 60))).toEqual([]); // 9 runs above the median: too few
  });

  it("lengthens the backoff when retries soon after a failure fail again more than 1.5 times as often, on 10 a side", () => {
    // Task k: fails, is claimed again after `wait` minutes, then fails again or is submitted.
    const retries = (soonFailed: number, laterFailed: number, later = 10) => {
      const lines: [number, string][] = [];
      const retry = (k: number, minutes: number, failed: boolean) => {
        const h = k * 10;
        lines.push([h, `claim T-${k} from=READY to=DOING`]);
        lines.push([h + 0.1, `fail T-${k} from=DOING to=READY`]);
        lines.push([h + 0.1 + minutes / 60, `claim T-${k} from=READY to=DOING`]);
        lines.push([
          h + 0.2 + minutes / 60,
          failed ? `fail T-${k} from=DOING to=READY` : `submit T-${k} from=DOING to=REVIEW`,
        ]);
      };
      for (let k = 1; k <= 10; k++) retry(k, 2, k <= soonFailed);
      for (let k = 1; k <= later; k++) retry(100 + k, 30, k <= laterFailed);
      lines.sort((a, b) => a[0] - b[0]);
      return { ...history(0, 0, false), tasksLog: log(lines) };
    };
    expect(kinds(retries(3, 2))).toEqual([]); // 30% against 20%: 1.5 times, not more
    const s = suggestPolicy(retries(4, 2));
    expect(s.map((x) => x.kind)).toEqual(["backoff"]);
    expect(s[0]?.change).toBe("policy: backoff 1m..1h -> 3m..1h");
    expect(s[0]?.evidence[0]).toBe(
      "4 of 10 retries started within 2m of a failure failed again (40%), against 2 of 10 started later (20%)",
    );
    expect(kinds(retries(10, 0, 9))).toEqual([]); // 9 later retries: too few
  });
});
