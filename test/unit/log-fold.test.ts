// The log read in pieces (as the log memo reads what was appended) must read as it does at
// once, and as readLog reads it, also with odd lines among the usual ones. The metrics' fold
// of the tasks' log (rules/log-fold.ts) must not depend on how the log was read: in one go,
// or continued over lines appended later (as the log memo does), or after a
// trip through its parts (what the memo file keeps). On random logs with failures, hand-ins,
// people and automation interleaved, the measures from each such fold equal the measures
// computed from the log at once, for periods that cut the log anywhere; and searching the
// events by time (a log in time order) gives what looking at each event's time gives.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readApprovals } from "../../src/ledger/approvals.js";
import { factsOf, type LogTable, logTable, readLogLines } from "../../src/ledger/log-facts.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { LogFold } from "../../src/rules/log-fold.js";
import { computeMetrics, foldTasksLog } from "../../src/rules/metrics.js";
import { eachStep } from "../../src/rules/steps.js";
import { workDoneTwice } from "../../src/rules/twice.js";
import { ODD_LOG_LINES, readLogFacts } from "../support/log-lines.js";

const ROLES = (botIsAutomation: boolean) => `# Approvals

## Roles
- alice: CMD, AUDIT
- bob: WORK
- bot: WORK${botIsAutomation ? " (automation)" : ""}
- taskgate-watch: CMD, AUDIT (automation)

## Log
- 2026-11-01T00:00:00Z bob WORK request A-1 ~ 000000000000
- 2026-11-01T01:00:00Z taskgate-watch AUDIT approve A-1 auto=true ~ 000000000000
`;

const START = Date.parse("2026-11-01T00:00:00Z");
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");

const MOVES = [
  ["claim", "READY", "DOING"],
  ["fail", "DOING", "READY"],
  ["recover", "DOING", "READY"],
  ["submit", "DOING", "REVIEW"],
  ["accept", "REVIEW", "DONE"],
  ["rework", "REVIEW", "READY"],
  ["renew", "DOING", "DOING"],
  ["takeover", "DOING", "DOING"],
  ["lost", "", ""],
] as const;

interface Line {
  readonly minutes: number;
  readonly back: boolean;
  readonly actor: string;
  readonly task: number;
  readonly move: number;
  readonly mark: string;
  /** An odd line (test/support/log-lines.ts) in its place, now and then. */
  readonly odd: number | null;
}

/** A log line: minutes after the one before, an actor, a move or a new task, maybe marked. */
const line: fc.Arbitrary<Line> = fc.record({
  minutes: fc.integer({ min: 0, max: 600 }),
  back: fc.boolean(), // sometimes a time before the line above (clock skew)
  actor: fc.constantFrom("alice", "bob", "bot", "taskgate-watch"),
  task: fc.integer({ min: 1, max: 5 }),
  move: fc.integer({ min: -1, max: MOVES.length - 1 }),
  mark: fc.constantFrom("", " via=run", " auto=true", ' exit="exit 1"', " session=run-aaaaaa", " session=run-bbbbbb"),
  odd: fc.option(fc.integer({ min: 0, max: ODD_LOG_LINES.length - 1 }), { freq: 8 }),
});

function tasksText(lines: Line[], skew: boolean): string {
  let t = START;
  const body = lines.map((l) => {
    t += (skew && l.back ? -l.minutes : l.minutes) * 60_000;
    const move = MOVES[l.move];
    const what = !move
      ? `add T-${l.task} state=READY`
      : move[1]
        ? `${move[0]} T-${l.task} from=${move[1]} to=${move[2]}`
        : `${move[0]} T-${l.task}`;
    if (l.odd !== null) return ODD_LOG_LINES[l.odd] as string;
    return `- ${iso(t)} ${l.actor} WORK ${what}${l.mark} ~ 000000000000`;
  });
  const entries = [1, 2, 3, 4, 5].map((n) => `## T-${n} Task ${n}\n- state: READY\n`).join("\n");
  return `# Tasks\n\n${entries}\n## Log\n${body.join("\n")}\n`;
}

/** The log read in pieces cut at these lines, each piece continuing the one before. */
function inPieces(text: string, cuts: number[]): LogTable[] {
  const start = text.indexOf("## Log\n");
  const lineStarts = [start];
  for (let i = text.indexOf("\n", start) + 1; i > 0 && i < text.length; i = text.indexOf("\n", i) + 1)
    lineStarts.push(i);
  const at = [...new Set(cuts.map((c) => lineStarts[Math.min(c, lineStarts.length - 1)] as number))].sort(
    (a, b) => a - b,
  );
  const tables: LogTable[] = [];
  let from = start;
  let base: LogTable | undefined;
  for (const to of [...at, text.length]) {
    if (to < from) continue;
    base = readLogLines(text, from, to, base);
    tables.push(base);
    from = to;
  }
  return tables;
}

const periods: [string, string][] = [
  ["2026-11-01T00:00:00Z", "2026-12-31T00:00:00Z"],
  ["2026-11-02T00:00:00Z", "2026-11-04T00:00:00Z"],
  ["2026-11-03T05:00:00Z", "2026-11-03T17:00:00Z"],
];

describe("the metrics' fold of the tasks' log", () => {
  it("gives the same measures folded at once, continued in pieces, and after a trip through its parts", () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (lines, cuts, skew, botIsAutomation) => {
          const text = tasksText(lines, skew);
          const tasks = readTasks("TASKS.md", text);
          const approvals = readApprovals("APPROVALS.md", ROLES(botIsAutomation));
          const whole = logTable(tasks.doc);
          // Read in pieces, each continuing the one before, the log reads as it does at once,
          // and as readLog reads it.
          const pieces = inPieces(text, cuts);
          expect(factsOf(pieces[pieces.length - 1] as LogTable)).toEqual(factsOf(whole));
          expect(factsOf(whole)).toEqual(readLogFacts(text));
          let fold: LogFold | undefined;
          for (const piece of pieces) {
            // Through its parts, as the memo file keeps it, before each continuation.
            const parts = fold && structuredClone(fold.parts());
            fold = foldTasksLog(piece, approvals.actors, parts && LogFold.fromParts(parts));
          }
          expect(fold?.lines).toBe(whole.length);
          // Its steps and runs (kept for a period that ends after every line) are what reading
          // the log for them gives.
          const afterAll = Date.parse("2027-01-01T00:00:00Z");
          const stepsBy = (taken: Int32Array | undefined) => {
            const out: [number, number, boolean, boolean][] = [];
            const input = { tasksLog: whole, approvalsLog: logTable(approvals.doc), actors: approvals.actors };
            eachStep({ ...input, until: afterAll, taken }, (k, _, i, a, c) => out.push([k, i, a, c]));
            return out;
          };
          expect(stepsBy(fold?.stepTaken)).toEqual(stepsBy(undefined));
          expect(workDoneTwice(whole, 0, afterAll, fold?.runs)).toEqual(workDoneTwice(whole, 0, afterAll));
          for (const [since, until] of periods) {
            const input = {
              tasksLog: whole,
              approvalsLog: logTable(approvals.doc),
              tasks: tasks.tasks,
              actors: approvals.actors,
              policy: tasks.policy,
              since: Date.parse(since),
              until: Date.parse(until),
              now: Date.parse(until),
            };
            const expected = computeMetrics(input);
            expect(computeMetrics({ ...input, tasksFold: fold })).toEqual(expected);
            // Searching the events by time must give what looking at each one gives.
            const scanned = foldTasksLog(whole, approvals.actors);
            scanned.inOrder = false;
            expect(computeMetrics({ ...input, tasksFold: scanned })).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is made anew when the Roles name other automation actors", () => {
    const text = tasksText([{ minutes: 1, back: false, actor: "bot", task: 1, move: 0, mark: "", odd: null }], false);
    const tasks = readTasks("TASKS.md", text);
    const table = logTable(tasks.doc);
    const asPerson = foldTasksLog(table, readApprovals("APPROVALS.md", ROLES(false)).actors);
    const asAutomation = foldTasksLog(table, readApprovals("APPROVALS.md", ROLES(true)).actors, asPerson);
    expect(asAutomation).not.toBe(asPerson);
    expect(asAutomation.changeAutomatedUpTo.view()).toEqual(new Int32Array([1]));
    expect(asPerson.changeAutomatedUpTo.view()).toEqual(new Int32Array([0]));
  });

  it("refuses parts that are not a fold's", () => {
    expect(LogFold.fromParts({ numbers: {}, columns: {} })).toBeUndefined();
    const parts = new LogFold(new Uint8Array(0)).parts();
    expect(LogFold.fromParts({ ...parts, columns: { ...parts.columns, created: new Int32Array(0) } })).toBeUndefined();
  });
});
