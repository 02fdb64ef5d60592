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
});
