// The worked examples of docs/metrics.md are the fixtures here: the roles, the boards and the
// expected numbers are read from the page, and the measures computed on those boards must be
// the numbers it prints. A change of the definitions or of the page fails here until both
// agree again. Also: the same person steps with and without failed runs give the same rate;
// a person's `run` is the person's step; days are calendar days in the policy's zone.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWhen } from "../../src/app/metrics.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { logTable } from "../../src/ledger/log-facts.js";
import { readTasks } from "../../src/ledger/tasks.js";
import type { Actor } from "../../src/model/approval.js";
import { daysOf, startOfDate } from "../../src/rules/days.js";
import { computeMetrics, type Metrics } from "../../src/rules/metrics.js";
import { stepsOfWork } from "../../src/rules/steps.js";
import { ROOT } from "../support/paths.js";

const DOC = readFileSync(join(ROOT, "docs/metrics.md"), "utf8");

interface Block {
  readonly info: string;
  readonly text: string;
}

/** The fenced blocks of a piece of Markdown, in order. */
function blocksOf(md: string): Block[] {
  const out: Block[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) out.push({ info: m[1] as string, text: m[2] as string });
  return out;
}

/** A doc log line ("time actor role action target details") as a ledger line. */
const ledgerLine = (l: string) => `- ${l} ~ 000000000000`;
const isLogLine = (l: string) => /^\d{4}-\d{2}-\d{2}T/.test(l);
const detail = (l: string, key: string) => new RegExp(` ${key}=(\\S+)`).exec(l)?.[1];

/**
 * TASKS.md from a doc board: its log lines as ledger lines, and an entry for each task the
 * log names that the board leaves out, in the state the log leaves it.
 */
function tasksText(board: string): string {
  const lines = board.trimEnd().split("\n");
  const logAt = lines.indexOf("## Log");
  const log = lines.slice(logAt + 1).filter(isLogLine);
  const state = new Map<string, string>();
  for (const l of log) {
    const [, , , action, target] = l.split(" ") as string[];
    const to = detail(l, "to") ?? (action === "add" ? detail(l, "state") : undefined);
    if (to) state.set(target as string, to);
  }
  const head = lines.slice(0, logAt).join("\n");
  const missing = [...state]
    .filter(([id]) => !new RegExp(`^## ${id} `, "m").test(head))
    .map(([id, s]) => `## ${id} From the log\n- state: ${s}\n${s === "DONE" ? "- resolution: done\n" : ""}`);
  return `# Tasks\n\n${head}\n\n${missing.join("\n")}\n## Log\n${log.map(ledgerLine).join("\n")}\n`;
}

/** The earlier definition: lines that changed a state or decided, automated by via or actor. */
function rateBefore(board: string, actors: ReadonlyMap<string, Actor>): number {
  let changes = 0;
  let automated = 0;
  for (const l of board.split("\n").filter(isLogLine)) {
    const [, actor, , action] = l.split(" ") as string[];
    const to = detail(l, "to");
    if (!(action === "add" || (to !== undefined && to !== detail(l, "from")))) continue;
    changes++;
    const via = detail(l, "via") ?? "";
    if (detail(l, "auto") === "true" || ["run", "work", "watch", "mcp"].includes(via)) automated++;
    else if (actors.get(actor as string)?.automation) automated++;
  }
  return automated / changes;
}

interface Example {
  readonly title: string;
  readonly board: string;
  readonly expected: Map<string, string>;
}

/** The examples: each board block with the result block after it. */
function examples(): { roles: string; list: Example[] } {
  let roles = "";
  const list: Example[] = [];
  for (const part of DOC.split(/^#### /m).slice(1)) {
    const title = part.slice(0, part.indexOf("\n"));
    if (!title.startsWith("Example")) continue;
    let board: string | undefined;
    for (const b of blocksOf(part)) {
      if (b.info === "markdown" && b.text.includes("## Roles")) roles = b.text;
      else if (b.info === "markdown" && b.text.includes("## Log")) board = b.text;
      else if (b.info === "text" && board !== undefined) {
        const expected = new Map<string, string>();
        for (const l of b.text.trimEnd().split("\n")) {
          const m = /^(\S+)\s+(.+)$/.exec(l);
          if (m) expected.set(m[1] as string, (m[2] as string).trim());
        }
        list.push({ title, board, expected });
      }
    }
  }
  return { roles, list };
}

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 1000) / 10}%`);
const listText = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "none");

/** A measure as the doc writes it, by its name in the result block. */
function measure(m: Metrics, key: string, expected: string): string {
  switch (key) {
    case "days":
      return m.days.map((d) => `${d.date}${d.partial ? " partial" : ""}`).join(", ");
    case "automation.daily.steps":
      return m.automation.daily.map((d) => d[1]).join(", ");
    case "automation.daily.automated":
      return m.automation.daily.map((d) => d[2]).join(", ");
    case "flow.daily.done":
      return m.flow.daily.map((d) => d[1]).join(", ");
    case "workDoneTwice.overlapMinutes":
      return String(m.workDoneTwice.overlapTime / 60_000);
    case "workDoneTwice.tasks":
      return listText(m.workDoneTwice.tasks);
    case "recovery.deadLetters":
      return listText(m.recovery.deadLetters);
  }
  let v: unknown = m;
  for (const k of key.split(".")) v = (v as Record<string, unknown>)[k];
  if (expected.endsWith("%") || expected === "-") return pct(v as number | null);
  return String(v);
}

const { roles, list } = examples();
const approvals = readApprovals("APPROVALS.md", `# Approvals\n\n${roles}\n## Log\n`);

function run(e: Example): Metrics {
  const tasks = readTasks("TASKS.md", tasksText(e.board));
  expect(tasks.diagnostics, e.title).toEqual([]);
  const zone = tasks.policy.timeZone ?? "UTC";
  const [from, to] = (e.expected.get("period") as string).split(" .. ") as [string, string];
  const since = parseWhen(from, 0, "--since", zone);
  const until = parseWhen(to, 0, "--until", zone);
  return computeMetrics({
    tasksLog: logTable(tasks.doc),
    approvalsLog: logTable(approvals.doc),
    tasks: tasks.tasks,
    actors: approvals.actors,
    policy: tasks.policy,
    since,
    until,
    now: until,
  });
}

describe("docs/metrics.md: the worked examples are what metrics computes", () => {
  it("finds the roles and the examples on the page", () => {
    expect(approvals.diagnostics).toEqual([]);
    expect(approvals.actors.get("agent-7")?.automation).toBe(true);
    expect(list.map((e) => e.title.slice(0, 10))).toEqual([
      "Example 1:",
      "Example 1:",
      "Example 2:",
      "Example 3:",
      "Example 4:",
    ]);
    for (const e of list) expect(e.expected.size, e.title).toBeGreaterThan(2);
  });

  for (const [n, e] of list.entries()) {
    it(`${e.title} (${n + 1}): every number printed`, () => {
      const m = run(e);
      for (const [key, want] of e.expected) {
        if (key === "period") continue;
        if (key === "before.automation.rate") {
          expect(pct(rateBefore(e.board, approvals.actors)), key).toBe(want);
          continue;
        }
        expect(measure(m, key, want), `${e.title}: ${key}`).toBe(want);
      }
    });
  }
});

describe("steps of work", () => {
  const [a, b] = list as [Example, Example];

  it("two boards with the same person steps, one whose automated run failed three times first: the same rate", () => {
    const ma = run(a);
    const mb = run(b);
    expect(mb.recovery.failedRuns).toBe(3);
    expect(ma.recovery.failedRuns).toBe(0);
    expect(mb.automation).toEqual(ma.automation);
    // Before, the failures raised the rate: the earlier definition differs between the boards.
    expect(rateBefore(b.board, approvals.actors)).toBeGreaterThan(rateBefore(a.board, approvals.actors));
  });

  it("any number of failed automated runs before success leaves the rate as it is", () => {
    const lines = a.board.split("\n");
    const claim = lines.findIndex((l) => l.includes("agent-7 WORK claim T-1"));
    const rates = [0, 1, 5, 20].map((failures) => {
      const extra: string[] = [];
      for (let k = 0; k < failures; k++) {
        extra.push(
          `2026-11-10T10:00:0${k % 10}Z agent-7 WORK fail T-1 from=DOING to=READY exit=1 via=work auto=true`,
          `2026-11-10T10:00:0${k % 10}Z agent-7 WORK claim T-1 from=READY to=DOING via=work auto=true`,
        );
      }
      const board = [...lines.slice(0, claim + 1), ...extra, ...lines.slice(claim + 1)].join("\n");
      return run({ ...a, board }).automation;
    });
    for (const r of rates) expect(r).toEqual(rates[0]);
  });

  it("a person's run (via=run, no auto=true) is the person's step; an agent's is automation's", () => {
    const tasks = readTasks("TASKS.md", tasksText(a.board));
    const steps = stepsOfWork({
      tasksLog: logTable(tasks.doc),
      approvalsLog: logTable(approvals.doc),
      actors: approvals.actors,
      until: Date.parse("2026-11-11T00:00:00Z"),
    });
    const of = (target: string, kind: string) => steps.find((s) => s.target === target && s.kind === kind);
    expect(of("T-2", "run")).toMatchObject({ actor: "bob", automated: false, automatable: true });
    expect(of("T-2", "handIn")).toMatchObject({ actor: "bob", automated: false });
    expect(of("T-1", "run")).toMatchObject({ actor: "agent-7", automated: true });
    expect(of("T-1", "review")).toMatchObject({ actor: "taskgate-watch", automated: true });
    // Plan and make ready are a person's decisions: not automatable.
    expect(of("T-1", "plan")).toMatchObject({ automated: false, automatable: false });
  });
});

describe("automatable: what the Roles let automation take", () => {
  it("a review is automatable only of work that run or work handed in (only then can it accept)", () => {
    const review = (via: string) => {
      const tasks = readTasks(
        "TASKS.md",
        tasksText(`## Log
2026-11-10T09:00:00Z alice CMD add T-1 state=READY
2026-11-10T10:00:00Z bob WORK claim T-1 from=READY to=DOING${via}
2026-11-10T10:30:00Z bob WORK submit T-1 from=DOING to=REVIEW${via}
2026-11-10T11:00:00Z alice AUDIT accept T-1 from=REVIEW to=DONE
`),
      );
      const steps = stepsOfWork({
        tasksLog: logTable(tasks.doc),
        approvalsLog: logTable(approvals.doc),
        actors: approvals.actors,
        until: Date.parse("2026-11-11T00:00:00Z"),
      });
      return steps.find((st) => st.kind === "review");
    };
    expect(review("")).toMatchObject({ actor: "alice", automated: false, automatable: false });
    expect(review(" via=run session=run-d4e5f6")).toMatchObject({ automated: false, automatable: true });
  });
});

describe("days: calendar days in the policy's zone, labelled by the date they cover", () => {
  const H = 3_600_000;

  it("work at 23:30 and 00:30 in the zone falls on two dates (Tokyo, New York, Berlin)", () => {
    for (const [zone, offset] of [
      ["Asia/Tokyo", 9],
      ["America/New_York", -5],
      ["Europe/Berlin", 1],
    ] as const) {
      // 2026-11-20 23:30 and 2026-11-21 00:30 local time, as UTC instants.
      const late = Date.UTC(2026, 10, 20, 23, 30) - offset * H;
      const early = late + H;
      const since = startOfDate("2026-11-20", zone) as number;
      expect(since, zone).toBe(Date.UTC(2026, 10, 20) - offset * H);
      const days = daysOf(since, early + 2 * H, zone);
      expect(
        days.map((d) => [d.date, d.partial]),
        zone,
      ).toEqual([
        ["2026-11-20", false],
        ["2026-11-21", true],
      ]);
      expect(late < (days[1] as { start: number }).start && early >= (days[1] as { start: number }).start).toBe(true);
    }
  });

  it("Example 4's board without its time-zone: both adds fall on 10 November in UTC", () => {
    const berlin = list[4] as Example;
    expect(berlin.board).toContain("- time-zone: Europe/Berlin");
    const m = run({ ...berlin, board: berlin.board.replace("- time-zone: Europe/Berlin\n", "") });
    expect(m.timeZone).toBe("UTC");
    expect(m.days.map((d) => d.date)).toEqual(["2026-11-10", "2026-11-11"]);
    expect(m.automation.daily.map((d) => d[1])).toEqual([4, 0]);
  });

  it("a day when the clocks change is 25 or 23 hours; a period starting mid-day has a partial first day", () => {
    const fall = daysOf(
      startOfDate("2026-11-01", "America/New_York") as number,
      Date.UTC(2026, 10, 3),
      "America/New_York",
    );
    expect(fall[0]).toMatchObject({ date: "2026-11-01", partial: false });
    expect((fall[0] as { end: number }).end - (fall[0] as { start: number }).start).toBe(25 * H);
    const spring = daysOf(startOfDate("2026-03-29", "Europe/Berlin") as number, Date.UTC(2026, 2, 31), "Europe/Berlin");
    expect((spring[0] as { end: number }).end - (spring[0] as { start: number }).start).toBe(23 * H);
    const mid = daysOf(Date.UTC(2026, 10, 20, 12), Date.UTC(2026, 10, 22), "UTC");
    expect(mid.map((d) => [d.date, d.partial])).toEqual([
      ["2026-11-20", true],
      ["2026-11-21", false],
    ]);
  });

  it("the default UTC: today's work is under today's date, marked partial", () => {
    const now = Date.UTC(2026, 10, 24, 4, 27, 57);
    const days = daysOf(now - 7 * 24 * H, now);
    expect(days).toHaveLength(8);
    expect(days[7]).toEqual({ date: "2026-11-24", start: Date.UTC(2026, 10, 24), end: now, partial: true });
    expect(days[0]).toMatchObject({ date: "2026-11-17", partial: true });
  });
});

describe("work done twice, beyond the page's example", () => {
  const twice = (log: string[]) =>
    run({
      title: "twice",
      board: `## Log\n${log.join("\n")}\n`,
      expected: new Map([["period", "2026-11-10 .. 2026-11-11"]]),
    }).workDoneTwice;

  it("a takeover of an expired lease loses the earlier claim; a lost line after it makes the runs overlap", () => {
    const log = [
      "2026-11-10T09:00:00Z alice CMD add T-1 state=READY",
      "2026-11-10T09:00:00Z bob WORK claim T-1 from=READY to=DOING session=run-aaaaaa via=run",
      "2026-11-10T10:00:00Z agent-7 WORK takeover T-1 from=DOING to=DOING session=work-bbbbbb auto=true",
      "2026-11-10T11:00:00Z agent-7 WORK submit T-1 from=DOING to=REVIEW session=work-bbbbbb auto=true",
    ];
    expect(twice(log)).toMatchObject({ overlaps: 0, lostClaims: 1, lostBy: { takenOver: 1 }, tasks: ["T-1"] });
    const lost = "2026-11-10T10:30:00Z bob WORK lost T-1 token=1 session=run-aaaaaa via=run";
    const noticed = twice([...log.slice(0, 3), lost, ...log.slice(3)]);
    expect(noticed).toMatchObject({ overlaps: 1, overlapTime: 30 * 60_000, lostClaims: 1 });
    expect(noticed.recentOverlaps[0]).toMatchObject({ first: { actor: "bob" }, second: { actor: "agent-7" } });
  });

  it("two claims of one task from merged clones, both handing in: they overlapped, nothing was lost", () => {
    const t = twice([
      "2026-11-10T09:00:00Z alice CMD add T-1 state=READY",
      "2026-11-10T09:00:00Z bob WORK claim T-1 from=READY to=DOING session=run-aaaaaa via=run",
      "2026-11-10T09:10:00Z carol WORK claim T-1 from=READY to=DOING session=run-cccccc via=run",
      "2026-11-10T09:20:00Z carol WORK submit T-1 from=DOING to=REVIEW session=run-cccccc via=run",
      "2026-11-10T09:40:00Z bob WORK submit T-1 from=DOING to=REVIEW session=run-aaaaaa via=run",
    ]);
    expect(t).toMatchObject({ overlaps: 1, overlapTime: 10 * 60_000, lostClaims: 0, tasks: ["T-1"] });
  });

  it("one session's runs one after another, and a clean board: nothing done twice", () => {
    expect(
      twice([
        "2026-11-10T09:00:00Z alice CMD add T-1 state=READY",
        "2026-11-10T09:00:00Z agent-7 WORK claim T-1 from=READY to=DOING session=work-a1b2c3 auto=true",
        "2026-11-10T09:05:00Z agent-7 WORK fail T-1 from=DOING to=READY session=work-a1b2c3 auto=true",
        "2026-11-10T09:10:00Z agent-7 WORK claim T-1 from=READY to=DOING session=work-a1b2c3 auto=true",
        "2026-11-10T09:20:00Z agent-7 WORK submit T-1 from=DOING to=REVIEW session=work-a1b2c3 auto=true",
      ]),
    ).toEqual({
      overlaps: 0,
      overlapTime: 0,
      lostClaims: 0,
      lostBy: { recovered: 0, takenOver: 0, lost: 0 },
      tasks: [],
      recentOverlaps: [],
      recentLostClaims: [],
    });
  });

  it("lists only the ten newest lost claims, and counts them all", () => {
    const log = ["2026-11-10T09:00:00Z alice CMD add T-1 state=READY"];
    for (let k = 0; k < 15; k++) {
      const m = String(k * 2).padStart(2, "0");
      const m1 = String(k * 2 + 1).padStart(2, "0");
      log.push(
        `2026-11-10T10:${m}:00Z bob WORK claim T-1 from=READY to=DOING`,
        `2026-11-10T10:${m1}:00Z taskgate-watch CMD recover T-1 from=DOING to=READY auto=true`,
      );
    }
    const t = twice(log);
    expect(t.lostClaims).toBe(15);
    expect(t.recentLostClaims.map((l) => new Date(l.at).toISOString().slice(11, 16))).toEqual(
      [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((k) => `10:${String(k * 2 + 1).padStart(2, "0")}`),
    );
  });
});
