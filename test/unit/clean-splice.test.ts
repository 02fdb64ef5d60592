// cleanAfterSplices (src/ledger/clean-splice.ts) against the full clean scan: whenever it says
// a write's result is clean, the full scan of that result agrees, and the log is where the
// full scan finds it. Thousands of random edits of one entry and of the log, valid and not,
// on a generated board; thousands of random new entries (as `add` makes, and near misses:
// duplicate, skipped or malformed IDs, unknown or self dependencies, bad fields, CR line
// endings, headings in the text, other places) on boards of several shapes (the log last or
// not, an entry after it, no blank line before it, CRLF, no log); and the edits writes make (a
// field set, a claim's lease, a log line, an add) are answered without the full scan.

import { describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { sha256Hex } from "../../src/io/hash.js";
import { cleanScanOf, readCleanTasks } from "../../src/ledger/clean-ledger.js";
import { type CleanTasks, scanCleanTasks } from "../../src/ledger/clean-scan.js";
import { cleanAfterSplices } from "../../src/ledger/clean-splice.js";
import { appendLog, applySplices, insertEntryWithLog, type Splice } from "../../src/ledger/edit.js";
import { readTasks, type TasksLedger } from "../../src/ledger/tasks.js";
import { seededRandom } from "../../src/rules/forecast.js";
import { planAddTask } from "../../src/rules/plan-add.js";

const { tasks: board } = generateLedgers(300, { seed: 21 });
const clean = scanCleanTasks(board) as CleanTasks;

/** A small deterministic generator (mulberry32, the forecast's). */
const rng = seededRandom;

const KEYS = [
  "priority",
  "state",
  "lease",
  "labels",
  "assignee",
  "blocked",
  "depends",
  "resolution",
  "attempts",
  "fence",
  "nope",
  "Priority",
];
const VALUES = [
  "P1",
  "P9",
  "DOING",
  "READY",
  "DONE",
  "REVIEW",
  "",
  "T-1",
  "T-2, T-3",
  "T-999",
  "x y",
  "2026-01-01T00:00:00Z",
  "bob",
  "bob@h token=4 until=2026-12-06T10:00:00Z ttl=30m",
  "done",
  "cancelled",
  "3",
  "a, a",
  "🙂",
];
const CONTENT = [
  "# Title",
  "## T-5 Again",
  "## Notes",
  "plain text",
  "   indented",
  "---",
  "> quote",
  "```",
  "- item",
  "### deeper",
  "text\u2028more",
  "T-7 mentioned",
];
const LOG = [
  "- 2026-12-06T00:00:00Z alice WORK claim T-2 ~ 0123456789ab",
  "- 2026-12-06T00:00:00Z alice CMD add T-3 title=x ~ 0123456789ab",
  "- 2026-12-06T00:00:00Z alice CMD add T-9999 title=x ~ 0123456789ab",
  "-",
  "- ",
  "# heading",
  "  - indented",
  "plain",
];

function randomEdit(r: () => number): Splice[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const entries = clean.sections().filter((s) => s.id !== undefined);
  const e = pick(entries);
  const headingEnd = board.indexOf("\n", e.start) + 1;
  const fieldsEnd = board.indexOf("\n\n", e.start) + 1;
  const lines: { start: number; end: number }[] = [];
  for (let at = headingEnd; at < fieldsEnd; ) {
    const nl = board.indexOf("\n", at) + 1;
    lines.push({ start: at, end: nl });
    at = nl;
  }
  const out: Splice[] = [];
  const kind = Math.floor(r() * 7);
  if (kind === 0 && lines.length > 0) {
    const l = pick(lines);
    const colon = board.indexOf(":", l.start);
    out.push({ start: colon + 2, end: l.end - 1, text: pick(VALUES) });
  } else if (kind === 1) {
    out.push({ start: headingEnd, end: headingEnd, text: `- ${pick(KEYS)}: ${pick(VALUES)}\n` });
  } else if (kind === 2 && lines.length > 0) {
    const l = pick(lines);
    out.push({ start: l.start, end: l.end, text: "" });
  } else if (kind === 3) {
    out.push({ start: fieldsEnd, end: fieldsEnd, text: `${pick(CONTENT)}\n` });
  } else if (kind === 4) {
    out.push({ start: e.start + 3, end: headingEnd - 1, text: `${board.slice(e.start + 3, headingEnd - 1)} retitled` });
  } else if (kind === 5) {
    // A claim: READY -> DOING with a lease (or without one).
    const st = lines.find((l) => board.startsWith("- state:", l.start));
    if (st)
      out.push({
        start: st.start,
        end: st.end,
        text: `- state: DOING\n${r() < 0.8 ? "- lease: bob@h token=4 until=2026-12-06T10:00:00Z ttl=30m\n" : ""}`,
      });
  } else if (kind === 6) {
    out.push({ start: fieldsEnd - 1, end: fieldsEnd - 1, text: `- ${pick(KEYS)}: ${pick(VALUES)}\r\n` });
  }
  if (r() < 0.7) {
    const log = clean.reservedRange("Log") as { start: number; end: number };
    const n = 1 + Math.floor(r() * 2);
    out.push({ start: log.end, end: log.end, text: `${Array.from({ length: n }, () => pick(LOG)).join("\n")}\n` });
  }
  return out;
}

describe("cleanAfterSplices", () => {
  it("says clean only when the full scan does, and places the log as it does", () => {
    const r = rng(2121);
    let answered = 0;
    let refusedByFull = 0;
    for (let i = 0; i < 3000; i++) {
      const splices = randomEdit(r);
      if (splices.length === 0) continue;
      const next = applySplices(board, splices);
      const fast = cleanAfterSplices(board, clean, splices);
      const full = scanCleanTasks(next);
      if (full === undefined) refusedByFull++;
      if (fast === undefined) continue;
      answered++;
      expect(full, `edit ${i}: ${JSON.stringify(splices)}`).toBeDefined();
      expect(fast.log).toEqual(full?.reservedRange("Log"));
    }
    // Both kinds are there: edits the fast check answers for (it leaves to the full scan what
    // it is not sure of: a retitle, a dependency, a log line not in the "- ..." shape), and
    // edits the full scan refuses.
    expect(answered).toBeGreaterThan(150);
    expect(refusedByFull).toBeGreaterThan(300);
  });

  it("answers for the edits writes make: a field set, a claim with its lease, a log line", () => {
    const ready = clean
      .sections()
      .find((s) => s.id !== undefined && /\n- state: READY\n/.test(board.slice(s.start, s.end)));
    expect(ready).toBeDefined();
    const { start, end } = ready as { start: number; end: number };
    const stateAt = board.indexOf("\n- state: READY\n", start) + 1;
    expect(stateAt).toBeLessThan(end);
    const log = clean.reservedRange("Log") as { start: number; end: number };
    const line = "- 2026-12-06T00:00:00Z alice WORK claim T-2 ~ 0123456789ab\n";
    const splices: Splice[] = [
      {
        start: stateAt,
        end: stateAt + "- state: READY\n".length,
        text: "- state: DOING\n- lease: alice@h token=1 until=2026-12-06T10:00:00Z ttl=30m\n",
      },
      { start: log.end, end: log.end, text: line },
    ];
    const next = applySplices(board, splices);
    const fast = cleanAfterSplices(board, clean, splices);
    expect(fast).toBeDefined();
    expect(fast?.log).toEqual(scanCleanTasks(next)?.reservedRange("Log"));
    // The same claim without its lease is not clean, and is not answered for.
    const bad: Splice[] = [{ start: stateAt, end: stateAt + "- state: READY\n".length, text: "- state: DOING\n" }];
    expect(cleanAfterSplices(board, clean, bad)).toBeUndefined();
    expect(scanCleanTasks(applySplices(board, bad))).toBeUndefined();
    // A heading line put inside the entry (a second Log, Policy or Schedules section) is never
    // answered for alone: the full scan reads it as a duplicate section.
    for (const name of ["Log", "Policy", "Schedules"]) {
      const heading: Splice[] = [
        { start: stateAt, end: stateAt + "- state: READY\n".length, text: `- state: READY\n\n## ${name}\n` },
      ];
      expect(scanCleanTasks(applySplices(board, heading)), name).toBeUndefined();
      expect(cleanAfterSplices(board, clean, heading), name).toBeUndefined();
    }
  });
});

/** The board in other shapes, each clean: where the log is, what comes around it, line endings. */
function shapes(): Record<string, string> {
  const policyAt = board.indexOf("## Policy\n");
  const firstEntry = board.indexOf("## T-1 ");
  const logAt = board.indexOf("## Log\n");
  const lastEntry = board.lastIndexOf("\n## T-", logAt) + 1;
  const reserved = board.slice(policyAt, firstEntry);
  const withoutReserved = board.slice(0, policyAt) + board.slice(firstEntry);
  return {
    "log last, no blank line before it": board,
    // The policy and the schedules after the log: the log is not the last section.
    "policy after the log": `${withoutReserved}\n${reserved}`,
    // The last entry after the log, and nothing after that entry but its text.
    "an entry after the log": `${board.slice(0, lastEntry)}${board.slice(logAt)}\n${board.slice(lastEntry, logAt)}`,
    // A blank line before "## Log" (the generated board has none, so add puts one before its
    // entry: a splice starting "\n"), and one after it.
    "a blank line before the log": board.replace("\n## Log\n", "\n\n## Log\n\n"),
    CRLF: board.replace(/\n/g, "\r\n"),
    // No log: add makes one (with "## Log" in its text: scanned whole).
    "no log": board.slice(0, logAt),
  };
}

const TITLES = ["Bench task", "x", "", "   ", "ends with #", "a\u2028b", "T-3 mentioned", "🙂 task", "two  blanks "];
const HEADINGS = [
  "## T-%d %t",
  "## T-%d %t",
  "## T-%d %t",
  "##  T-%d %t",
  "## T-%d\t%t",
  "## T-%d",
  "### T-%d %t",
  "## t-%d %t",
];
const STATES_OF_NEW = ["PLAN", "PLAN", "PLAN", "READY", "DONE", "DOING", "", "WRONG"];

/**
 * A new entry and its log line, as `add` writes them or near them, at the place add puts it
 * (before the log) or elsewhere: before another section, at the end, in the middle of a line.
 */
function randomAdd(
  r: () => number,
  text: string,
  ledger: TasksLedger,
  scan: CleanTasks,
): { splices: Splice[]; asAddMakes: boolean } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const entries = scan.sections().filter((s) => s.id !== undefined);
  const some = () => pick(entries).id as string;
  const next = scan.highestId + 1;
  // Half of them as add writes them (valid: the next ID, fields its checks let through);
  // the others with a near miss anywhere.
  const tidy = r() < 0.5;
  const chance = (p: number) => !tidy && r() < p;
  const roll = r();
  const id =
    !tidy && roll < 0.1 ? Number(some().slice(2)) : !tidy && roll < 0.2 ? next + 1 : chance(0.05) ? 9999999 : next;
  const heading = (chance(0.2) ? pick(HEADINGS) : HEADINGS[0]) as string;
  const title = chance(0.3) ? pick(TITLES) : pick(["Bench task", "Fix the 🙂 parser", "T-3 mentioned"]);
  const lines = [heading.replace("%d", String(id)).replace("%t", title)];
  lines.push(`- state: ${chance(0.3) ? pick(STATES_OF_NEW) : pick(["PLAN", "READY"])}`);
  if (r() < 0.4) lines.push(`- priority: ${chance(0.3) ? pick(["P9", "p1", ""]) : pick(["P0", "P3"])}`);
  if (r() < 0.5)
    lines.push(`- labels: ${chance(0.3) ? pick(["bad label", "a,,b", ","]) : pick(["backend", "a, b", "ux"])}`);
  if (r() < 0.5) {
    const bad = ["T-99999", `T-${id}`, `${some()}, T-${next + 5}`, "T-0", "nope", `${some()},`];
    lines.push(`- depends: ${chance(0.5) ? pick(bad) : pick([some(), `${some()}, ${some()}`])}`);
  }
  if (chance(0.2)) lines.push(`- ${pick(KEYS)}: ${pick(VALUES)}`);
  if (r() < 0.8)
    lines.push(`- created: ${chance(0.2) ? pick(["2026-02-30T00:00:00Z", "yesterday"]) : "2026-12-06T00:00:00Z"}`);
  if (r() < 0.3) lines.push("", chance(0.6) ? pick(CONTENT) : pick(["plain text", "T-7 mentioned", "- item"]));
  if (chance(0.2)) lines.push("", pick(CONTENT), pick(CONTENT));
  const addLine = chance(0.15)
    ? pick(LOG)
    : `- 2026-12-06T00:00:00Z alice CMD add T-${chance(0.1) ? next + 7 : id} title="Bench task" state=PLAN ~ 0123456789ab`;
  const { doc, log } = ledger;
  const where = tidy ? r() * 0.8 : r();
  if (where < 0.7) {
    // Where add puts them: insertEntryWithLog, as planAddTask calls it.
    const splices = insertEntryWithLog(doc, log, lines, [addLine]);
    if (chance(0.1)) {
      return { splices: splices.map((s) => ({ ...s, text: s.text.replace(/\n/g, "\r\n") })), asAddMakes: false };
    }
    return { splices, asAddMakes: tidy };
  }
  // Elsewhere: before a random section, at the end, inside a line; a blank line before or not.
  const sections = scan.sections();
  const at = where < 0.85 ? pick(sections).start : where < 0.9 ? text.length : Math.floor(r() * text.length);
  const entry = `${r() < 0.5 ? "\n" : ""}${lines.join("\n")}${r() < 0.9 ? "\n" : " "}${r() < 0.7 ? "\n" : ""}`;
  const out: Splice[] = [{ start: at, end: at, text: entry }];
  if (log.section && r() < 0.8) out.push(appendLog(doc, log, [addLine]));
  return { splices: out, asAddMakes: false };
}

describe("cleanAfterSplices, a new entry", () => {
  it("says clean only when the full scan does, and places the log as it does", () => {
    const r = rng(2122);
    const seen = { answered: 0, refusedByFull: 0, answeredAway: 0, asAddMakes: 0 };
    for (const [shape, text] of Object.entries(shapes())) {
      const scan = scanCleanTasks(text);
      expect(scan, shape).toBeDefined();
      const s = scan as CleanTasks;
      const ledger = readTasks("TASKS.md", text);
      expect(ledger.diagnostics, shape).toEqual([]);
      let answered = 0;
      for (let i = 0; i < 700; i++) {
        const { splices, asAddMakes } = randomAdd(r, text, ledger, s);
        // Now and then an edit of another entry in the same write (on the LF board it is made for).
        const alone = !(text === board && r() < 0.2);
        if (!alone) {
          const edit = randomEdit(r).filter((e) => !splices.some((a) => a.start < e.end && e.start < a.end));
          splices.push(...edit);
        }
        let next: string;
        try {
          next = applySplices(text, splices);
        } catch {
          continue; // overlapping: no write makes those
        }
        const fast = cleanAfterSplices(text, s, splices);
        const full = scanCleanTasks(next);
        if (full === undefined) seen.refusedByFull++;
        // What add writes, on a board with a log in LF lines, never needs the full scan.
        if (asAddMakes && alone && shape !== "CRLF" && shape !== "no log") {
          expect(full, `${shape}, add ${i}: ${JSON.stringify(splices)}`).toBeDefined();
          expect(fast, `${shape}, add ${i}: ${JSON.stringify(splices)}`).toBeDefined();
          seen.asAddMakes++;
        }
        if (fast === undefined) continue;
        answered++;
        if (splices[0]?.start !== s.reservedRange("Log")?.start) seen.answeredAway++;
        expect(full, `${shape}, add ${i}: ${JSON.stringify(splices)}`).toBeDefined();
        expect(fast.log, `${shape}, add ${i}`).toEqual(full?.reservedRange("Log"));
      }
      seen.answered += answered;
      // On the CRLF board only entries in LF lines are answered for (add writes CRLF there,
      // which is scanned whole), and without a log only entries put before a section (add's
      // own makes the log: a heading in its text).
      const few = shape === "CRLF" || shape === "no log";
      expect(answered, shape).toBeGreaterThan(few ? 5 : 200);
    }
    // The near misses are there: results the full scan refuses, and entries put elsewhere.
    expect(seen.refusedByFull).toBeGreaterThan(1000);
    expect(seen.answeredAway).toBeGreaterThan(20);
    expect(seen.asAddMakes).toBeGreaterThan(1000);
  });

  it("answers for the add planAddTask makes on each board shape with a log in LF lines, and not for a bad one", () => {
    const by = { now: Date.UTC(2026, 11, 6, 4), actor: "alice", role: "CMD" as const, hasher: sha256Hex };
    const input = { title: "Bench task", labels: "backend", priority: "P1", depends: "T-3, T-7" };
    for (const [shape, text] of Object.entries(shapes())) {
      const ledger = readCleanTasks("TASKS.md", text) as TasksLedger;
      const scan = cleanScanOf(ledger) as CleanTasks;
      const plan = planAddTask(ledger, input, by);
      if (!plan.ok) throw new Error(plan.message);
      expect(plan.result.id).toBe(`T-${scan.highestId + 1}`);
      const next = applySplices(text, plan.splices);
      const fast = cleanAfterSplices(text, scan, plan.splices);
      if (shape === "CRLF" || shape === "no log") {
        // CR in its lines, or a new log: left to the full scan, which finds it clean.
        expect(fast, shape).toBeUndefined();
        expect(scanCleanTasks(next), shape).toBeDefined();
        continue;
      }
      expect(fast, shape).toBeDefined();
      const full = scanCleanTasks(next) as CleanTasks;
      expect(fast?.log, shape).toEqual(full.reservedRange("Log"));
      expect(full.entryRange(plan.result.id), shape).toBeDefined();
      // The same entry with a dependency on no task, a second entry of an ID in use, or a field
      // no task has: the full scan refuses each, and the fast check leaves each to it.
      const entry = plan.splices[0] as Splice;
      const bad = [
        entry.text.replace("- depends: T-3, T-7", "- depends: T-3, T-99999"),
        entry.text.replace(`## ${plan.result.id} `, "## T-3 "),
        entry.text.replace("- priority: P1", "- priority: P1\n- colour: red"),
        entry.text.replace("- priority: P1", "- priority: P1\n\n## Log"),
      ];
      for (const t of bad) {
        const splices = [{ ...entry, text: t }, ...plan.splices.slice(1)];
        const after = applySplices(text, splices);
        expect(scanCleanTasks(after), `${shape}: ${t}`).toBeUndefined();
        expect(cleanAfterSplices(text, scan, splices), `${shape}: ${t}`).toBeUndefined();
      }
      // Two new entries of one ID (the same add twice in one write): a duplicate, never
      // answered for; one past the next ID (which add never writes) and one naming more than
      // 256 of the board's tasks are left to the full scan, which finds them clean.
      const firstEntry = scan.sections().find((s) => s.id !== undefined) as { start: number };
      const twice = [...plan.splices, { ...entry, start: firstEntry.start, end: firstEntry.start }];
      expect(scanCleanTasks(applySplices(text, twice)), shape).toBeUndefined();
      expect(cleanAfterSplices(text, scan, twice), shape).toBeUndefined();
      const leftToFull = [
        entry.text.replace(`## ${plan.result.id} `, `## T-${scan.highestId + 2} `),
        `${entry.text.trimEnd()}\n\nSee ${Array.from({ length: 257 }, (_, k) => `T-${k + 1}`).join(" ")}\n\n`,
      ];
      for (const t of leftToFull) {
        const splices = [{ ...entry, text: t }]; // (and no log line: none is needed)
        const after = applySplices(text, splices);
        expect(scanCleanTasks(after), `${shape}: ${t.slice(0, 40)}`).toBeDefined();
        expect(cleanAfterSplices(text, scan, splices), `${shape}: ${t.slice(0, 40)}`).toBeUndefined();
      }
      // An entry whose last line runs into the heading after it ("See ## Log"): the log is gone
      // as a section, whatever the full scan then says of the rest.
      const runOn = [{ ...entry, text: `${entry.text.trimEnd()}\n\nSee ` }, ...plan.splices.slice(1)];
      expect(cleanAfterSplices(text, scan, runOn), shape).toBeUndefined();
      // The same entry before every other section (after the log when it is not last, before
      // the first, between entries): answered for, the log where the full scan finds it.
      for (const section of scan.sections()) {
        if (section.start === scan.reservedRange("Log")?.start) continue;
        if (section.id !== undefined && section !== scan.sections().find((s) => s.id !== undefined)) {
          if (section.start !== scan.reservedRange("Log")?.end) continue; // one entry is enough
        }
        const moved = [{ ...entry, start: section.start, end: section.start }, ...plan.splices.slice(1)];
        const after = applySplices(text, moved);
        const answer = cleanAfterSplices(text, scan, moved);
        expect(answer, `${shape}: before ${section.start}`).toBeDefined();
        expect(answer?.log, `${shape}: before ${section.start}`).toEqual(scanCleanTasks(after)?.reservedRange("Log"));
      }
    }
  });
});

describe("CleanTasks.sectionAt", () => {
  it("finds the section sections() has at every offset of a board", () => {
    for (const [shape, text] of Object.entries(shapes())) {
      const scan = scanCleanTasks(text) as CleanTasks;
      const sections = scan.sections();
      const first = sections[0]?.start as number;
      expect(scan.sectionAt(first - 1), shape).toBeUndefined();
      expect(scan.sectionAt(text.length + 1), shape).toBeUndefined();
      for (let k = 0; k < sections.length; k++) {
        const s = sections[k] as { id: string | undefined; start: number; end: number };
        const last = k === sections.length - 1;
        for (const at of [s.start, s.start + 1, (s.start + s.end) >> 1, s.end - 1, ...(last ? [s.end] : [])]) {
          expect(scan.sectionAt(at), `${shape} at ${at}`).toEqual({ ...s, last });
        }
      }
    }
  });
});
