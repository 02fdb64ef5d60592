// The measures on a hand-made log whose answers are worked out by hand below, including an
// empty period and a period with no automation; and the Prometheus text they give, read
// back with a real parser of that format and checked against its grammar.

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { readApprovals } from "../../src/ledger/approvals.js";
import { factsOf, logTable } from "../../src/ledger/log-facts.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { computeMetrics, spread } from "../../src/rules/metrics.js";
import { toPrometheus } from "../../src/rules/prometheus.js";
import { ODD_LOG_LINES, readLogFacts } from "../support/log-lines.js";
import { ROOT } from "../support/paths.js";

const H = 3_600_000;
const M = 60_000;
const at = (iso: string) => Date.parse(iso);
const line = (body: string) => `- ${body} ~ 000000000000`;

// Actors: alice and bob are people; bot and taskgate-watch are automation.
const APPROVALS = `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK
- bot: WORK (automation)
- taskgate-watch: CMD, AUDIT (automation)

## Log
${[
  "2026-11-09T08:00:00Z bob WORK request A-1", //             previous period
  "2026-11-09T09:00:00Z alice AUDIT approve A-1", //          waited 1h, by a person
  "2026-11-10T08:00:00Z bob WORK request A-2",
  "2026-11-10T08:10:00Z taskgate-watch AUDIT approve A-2 auto=true", // 10m, automatic
  "2026-11-10T09:00:00Z bob WORK request A-3",
  "2026-11-10T09:30:00Z alice AUDIT reject A-3", //           30m, manual
  "2026-11-11T09:00:00Z bob WORK request A-4",
  "2026-11-11T12:00:00Z alice AUDIT approve A-4", //          3h, manual
]
  .map(line)
  .join("\n")}
`;

const TASKS = `# Tasks

## Policy
- goal-automation: 40%
- goal-recovery: 60%
- goal-approval-wait: -30%

## T-1 Retried by the bot
- state: DONE
- resolution: done

## T-2 Recovered by a person
- state: DONE
- resolution: done

## T-3 Waiting
- state: READY
- blocked: waiting for ops

## Log
${[
  "2026-11-09T10:00:00Z alice CMD add T-1 state=READY", //                              1 (before the period)
  "2026-11-10T09:00:00Z alice CMD add T-2 state=READY", //                              2 person
  "2026-11-10T10:00:00Z bot WORK claim T-1 from=READY to=DOING via=work", //            3 auto
  '2026-11-10T11:00:00Z bot WORK fail T-1 from=DOING to=READY exit="exit 1" via=work', // 4 auto, a failure
  "2026-11-10T12:00:00Z bot WORK claim T-1 from=READY to=DOING via=work", //            5 auto
  "2026-11-10T13:00:00Z bot WORK submit T-1 from=DOING to=REVIEW via=work", //          6 auto: redone 2h after
  "2026-11-10T15:00:00Z alice AUDIT accept T-1 from=REVIEW to=DONE", //                 7 person
  "2026-11-10T16:00:00Z bob WORK claim T-2 from=READY to=DOING", //                     8 person
  "2026-11-10T18:00:00Z taskgate-watch CMD recover T-2 from=DOING to=READY auto=true", // 9 auto, a failure
  "2026-11-11T09:00:00Z bob WORK claim T-2 from=READY to=DOING", //                     10 person
  "2026-11-11T10:00:00Z bob WORK submit T-2 from=DOING to=REVIEW", //                   11 person
  "2026-11-11T11:00:00Z alice AUDIT accept T-2 from=REVIEW to=DONE", //                 12 person
  "2026-11-11T12:00:00Z alice CMD add T-3 state=PLAN", //                               13 person
  "2026-11-12T02:00:00Z alice CMD ready T-3 from=PLAN to=READY", //                     after the period
]
  .map(line)
  .join("\n")}
`;

// Read in beforeAll, not at module level: a mutant of the readers that throws must fail these
// tests, not the file before any test runs (which Stryker's vitest runner counts as survived).
let tasks: ReturnType<typeof readTasks>;
let approvals: ReturnType<typeof readApprovals>;
beforeAll(() => {
  tasks = readTasks("TASKS.md", TASKS);
  approvals = readApprovals("APPROVALS.md", APPROVALS);
});
const metrics = (since: string, until: string) =>
  computeMetrics({
    tasksLog: logTable(tasks.doc),
    approvalsLog: logTable(approvals.doc),
    tasks: tasks.tasks,
    actors: approvals.actors,
    policy: tasks.policy,
    since: at(since),
    until: at(until),
    now: at(until),
  });

describe("metrics worked out by hand", () => {
  it("reads the fixtures without errors", () => {
    expect(tasks.diagnostics).toEqual([]);
    expect(approvals.diagnostics).toEqual([]);
  });

  let m: ReturnType<typeof metrics>;
  beforeAll(() => {
    m = metrics("2026-11-10T00:00:00Z", "2026-11-12T00:00:00Z");
  });

  // Steps in the period: T-1 run (line 5, the bot's last claim: the failed one adds no
  // step), hand in (6), review (7); T-2 plan and ready (2), run (10, bob's: the watch's
  // recovery is no step), hand in (11), review (12); T-3 plan (13); decided.
  // Automatable: the runs, hand-ins and decisions, and T-1's review (work's hand-in); not
  // T-2's review (bob handed in by hand, which no automatic accept follows).
  it("automation rate: 3 of 12 steps of work (T-1's run and hand in, A-2); automatable automated 3 of 8", () => {
    expect(m.automation).toMatchObject({
      steps: 12,
      automated: 3,
      rate: 0.25,
      automatable: 8,
      automatableAutomated: 3,
      automatableRate: 3 / 8,
    });
    expect(m.automation.byKind).toMatchObject({
      plan: [2, 0, 0],
      ready: [1, 0, 0],
      run: [2, 1, 2],
      handIn: [2, 1, 2],
      review: [2, 0, 1],
      recover: [0, 0, 0],
      approve: [3, 1, 3],
    });
    expect(m.days.map((d) => [d.date, d.partial])).toEqual([
      ["2026-11-10", false],
      ["2026-11-11", false],
    ]);
    expect(m.automation.daily).toEqual([
      [at("2026-11-10T00:00:00Z"), 7, 3],
      [at("2026-11-11T00:00:00Z"), 5, 0],
    ]);
  });

  it("approval wait: 10m automatic, 30m and 3h manual; 1h in the previous period, so -50%", () => {
    expect(m.approvalWait.all).toEqual({ count: 3, median: 30 * M, p90: 3 * H, sum: 10 * M + 30 * M + 3 * H });
    expect(m.approvalWait.automatic).toMatchObject({ count: 1, median: 10 * M, p90: 10 * M });
    expect(m.approvalWait.manual).toMatchObject({ count: 2, median: 30 * M, p90: 3 * H });
    expect(m.approvalWait.previous).toMatchObject({ count: 1, median: H });
    expect(m.approvalWait.change).toBe(-0.5);
  });

  it("recovery: 2 failures; T-1 redone by the bot 2h later (automatic), T-2 claimed again by bob (not)", () => {
    expect(m.recovery).toMatchObject({
      failures: 2,
      leaseExpiries: 1,
      failedRuns: 1,
      autoRecovered: 1,
      recovered: 2,
      rate: 0.5,
    });
    expect(m.recovery.timeToRecover).toMatchObject({ count: 1, median: 2 * H });
    // Per task: T-1's last failure recovered by itself, T-2's did not.
    expect(m.recovery).toMatchObject({ tasks: 2, tasksAutoRecovered: 1, tasksRate: 0.5, deadLetters: [] });
  });

  it("work done twice: bob's claim of T-2 was lost when the watch recovered it; no runs overlapped", () => {
    expect(m.workDoneTwice).toMatchObject({
      overlaps: 0,
      overlapTime: 0,
      lostClaims: 1,
      lostBy: { recovered: 1, takenOver: 0, lost: 0 },
      recentOverlaps: [],
    });
    expect(m.workDoneTwice.recentLostClaims).toEqual([
      {
        task: "T-2",
        actor: "bob",
        start: at("2026-11-10T16:00:00Z"),
        at: at("2026-11-10T18:00:00Z"),
        how: "recovered",
      },
    ]);
    expect(m.workDoneTwice.tasks).toEqual(["T-2"]);
  });

  it("flow: 2 done in 2 days; lead 29h and 26h, cycle 5h and 19h; spells per state; WIP and age now", () => {
    expect(m.flow.done).toBe(2);
    expect(m.flow.throughputPerDay).toBe(1);
    expect(m.flow.leadTime).toMatchObject({ count: 2, median: 26 * H, p90: 29 * H });
    expect(m.flow.cycleTime).toMatchObject({ count: 2, median: 5 * H, p90: 19 * H });
    // READY: 24h, 1h (T-1), 7h, 15h (T-2); DOING: 1h, 1h, 2h, 1h; REVIEW: 2h, 1h.
    expect(m.flow.timeInState.READY).toMatchObject({ count: 4, median: 7 * H, p90: 24 * H });
    expect(m.flow.timeInState.DOING).toMatchObject({ count: 4, median: H, p90: 2 * H });
    expect(m.flow.timeInState.REVIEW).toMatchObject({ count: 2, median: H, p90: 2 * H });
    expect(m.flow.timeInState.PLAN.count).toBe(0);
    expect(m.flow.wip).toEqual({ PLAN: 0, READY: 1, DOING: 0, REVIEW: 0, DONE: 2 });
    expect(m.flow.openAge).toMatchObject({ count: 1, median: 12 * H });
    expect(m.flow.blocked).toBe(1);
  });

  it("goals: automation 40% missed (automatable automated, 3/8), recovery 60% missed, approval wait -30% met", () => {
    expect(m.goals).toEqual({
      automation: { target: 0.4, actual: 3 / 8, met: false },
      recovery: { target: 0.6, actual: 0.5, met: false },
      approvalWait: { target: -0.3, actual: -0.5, met: true },
    });
  });

  it("a period with no automation: the rate is 0, not missing", () => {
    const day = metrics("2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z");
    expect(day.automation).toMatchObject({ steps: 5, automated: 0, rate: 0, automatable: 3, automatableRate: 0 });
    expect(day.recovery).toMatchObject({ failures: 0, rate: null });
    expect(day.goals.automation).toEqual({ target: 0.4, actual: 0, met: false });
  });

  it("an empty period: nothing to measure, and goals without data are neither met nor missed", () => {
    const empty = metrics("2026-10-01T00:00:00Z", "2026-10-03T00:00:00Z");
    expect(empty.automation).toMatchObject({ steps: 0, automated: 0, rate: null, automatableRate: null });
    expect(empty.approvalWait.all).toEqual({ count: 0, median: null, p90: null, sum: 0 });
    expect(empty.approvalWait.change).toBeNull();
    expect(empty.recovery).toMatchObject({ failures: 0, rate: null });
    expect(empty.flow).toMatchObject({ done: 0, throughputPerDay: 0 });
    expect(empty.goals.recovery).toEqual({ target: 0.6, actual: null, met: null });
  });
});

describe("spread: count, median and 90th percentile (nearest rank), sum", () => {
  it("is the nearest rank of the sorted values, whole seconds or not", () => {
    const naive = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
      return { count: xs.length, median: rank(0.5), p90: rank(0.9), sum: xs.reduce((a, b) => a + b, 0) };
    };
    const values = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }).map((s) => s * 1000), // whole seconds (the usual)
      fc.integer({ min: -1e9, max: 1e9 }), // milliseconds
      fc.constantFrom(2 ** 31 * 1000, -(2 ** 31) * 1000, 0.5), // beyond 32-bit seconds, a fraction
    );
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 200 }), (xs) => {
        expect(spread(xs)).toEqual(naive(xs));
      }),
    );
    expect(spread([])).toEqual({ count: 0, median: null, p90: null, sum: 0 });
  });

  it("gives the same ranks for long lists in any order, with many equal values", () => {
    const naive = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
      return { count: xs.length, median: rank(0.5), p90: rank(0.9), sum: xs.reduce((a, b) => a + b, 0) };
    };
    const list = fc
      .tuple(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 5000 }),
        fc.constantFrom("as is", "sorted", "reversed", "organ pipe"),
      )
      .map(([xs, order]) => {
        const sorted = [...xs].sort((a, b) => a - b);
        if (order === "sorted") return sorted;
        if (order === "reversed") return sorted.reverse();
        if (order === "organ pipe")
          return [...sorted.filter((_, i) => i % 2 === 0), ...sorted.filter((_, i) => i % 2 === 1).reverse()];
        return xs;
      });
    fc.assert(
      fc.property(list, (xs) => {
        expect(spread(xs.map((x) => x * 1000))).toEqual(naive(xs.map((x) => x * 1000)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the fast log reader the metrics use", () => {
  it("reads what the full log parser reads, on the fixtures, generated histories and odd lines", () => {
    const texts = [TASKS, APPROVALS, generateLedgers(60, { seed: 3, history: 4 }).tasks];
    texts.push(TASKS.replace("## Log\n", `## Log\n${ODD_LOG_LINES.join("\n")}\n`));
    texts.push(TASKS.replace(/\n/g, "\r\n").replace("## Log\r\n", `## Log\r\n${ODD_LOG_LINES.join("\r\n")}\r\n`));
    for (const text of texts) {
      const doc = readTasks("TASKS.md", text);
      expect(factsOf(logTable(doc.doc))).toEqual(readLogFacts(text));
    }
    // Every odd line was read (or refused) one way or the other.
    expect(readLogFacts(texts[3] as string).length).toBeGreaterThan(14);
  });
});

describe("the Prometheus text format", () => {
  let text: string;
  beforeAll(() => {
    text = toPrometheus(metrics("2026-11-10T00:00:00Z", "2026-11-12T00:00:00Z"));
  });

  it("parses with a real parser of the format (the official Python client's), with the values computed", () => {
    const out = execFileSync("/usr/bin/python3", [join(ROOT, "test/support/prom-parse.py")], {
      input: text,
      encoding: "utf8",
    });
    const families = JSON.parse(out) as {
      name: string;
      type: string;
      samples: { name: string; labels: Record<string, string>; value: number }[];
    }[];
    const byName = new Map(families.map((f) => [f.name, f]));
    expect(byName.get("taskgate_automated_steps_ratio")?.samples).toEqual([
      { name: "taskgate_automated_steps_ratio", labels: {}, value: 0.25 },
    ]);
    expect(byName.get("taskgate_automatable_automated_ratio")?.samples[0]?.value).toBe(0.375);
    // The whole log's steps: T-1 5 (2 by the bot), T-2 5, T-3 1, A-1 to A-4 (A-2 automatic).
    expect(byName.get("taskgate_steps")?.samples).toEqual([
      { name: "taskgate_steps_total", labels: { automated: "true" }, value: 3 },
      { name: "taskgate_steps_total", labels: { automated: "false" }, value: 12 },
    ]);
    expect(byName.get("taskgate_work_done_twice")?.samples.map((s) => [s.labels.kind, s.value])).toEqual([
      ["overlapping_runs", 0],
      ["lost_claims", 1],
    ]);
    // Counters are named without _total by the parser, their samples with it; the whole log
    // counts, so also T-1's add and A-1's decision (before the period).
    expect(byName.get("taskgate_state_changes")).toEqual({
      name: "taskgate_state_changes",
      type: "counter",
      samples: [
        { name: "taskgate_state_changes_total", labels: { automated: "true" }, value: 6 },
        { name: "taskgate_state_changes_total", labels: { automated: "false" }, value: 11 },
      ],
    });
    const wait = byName.get("taskgate_approval_wait_seconds");
    expect(wait?.type).toBe("summary");
    const v = (name: string, labels: Record<string, string>) =>
      wait?.samples.find((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels))?.value;
    expect(v("taskgate_approval_wait_seconds", { decided_by: "automation", quantile: "0.5" })).toBe(600);
    expect(v("taskgate_approval_wait_seconds", { decided_by: "person", quantile: "0.9" })).toBe(10800);
    expect(v("taskgate_approval_wait_seconds_count", { decided_by: "person" })).toBe(2);
    expect(v("taskgate_approval_wait_seconds_sum", { decided_by: "person" })).toBe(12600);
    expect(byName.get("taskgate_goal_met")?.samples.map((s) => [s.labels.goal, s.value])).toEqual([
      ["automation", 0],
      ["recovery", 0],
      ["approvalWait", 1],
    ]);
    expect(byName.get("taskgate_tasks")?.samples.map((s) => [s.labels.state, s.value])).toEqual([
      ["PLAN", 0],
      ["READY", 1],
      ["DOING", 0],
      ["REVIEW", 0],
      ["DONE", 2],
    ]);
  });

  it("follows the grammar: prefixed names, a HELP and TYPE per family, counters in _total, no task IDs", () => {
    const NAME = /^taskgate_[a-z0-9_]+$/;
    let family = "";
    for (const l of text.trimEnd().split("\n")) {
      const meta = /^# (HELP|TYPE) (\S+) (.+)$/.exec(l);
      if (meta) {
        expect(meta[2]).toMatch(NAME);
        if (meta[1] === "TYPE") {
          family = meta[2] as string;
          expect(["counter", "gauge", "summary"]).toContain(meta[3]);
          if (meta[3] === "counter") expect(family).toMatch(/_total$/);
        }
        continue;
      }
      const sample =
        /^([a-z_][a-z0-9_]*)(\{[a-z_]+="[^"\\\n]*"(?:,[a-z_]+="[^"\\\n]*")*\})? (-?[0-9.e+]+|NaN|\+Inf)$/.exec(l);
      expect(sample, l).not.toBeNull();
      expect(((sample as RegExpExecArray)[1] as string).startsWith(family)).toBe(true);
      expect(l).not.toMatch(/T-\d+/);
    }
    expect(text).toMatch(/_seconds/);
  });
});
