// cleanAfterSplices (src/ledger/clean-splice.ts) against the full clean scan: whenever it says
// a write's result is clean, the full scan of that result agrees, and the log is where the
// full scan finds it. Thousands of random edits of one entry and of the log, valid and not,
// on a generated board; and the edits writes make (a field set, a claim's lease, a log line)
// are answered without the full scan.

import { describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { type CleanTasks, scanCleanTasks } from "../../src/ledger/clean-scan.js";
import { cleanAfterSplices } from "../../src/ledger/clean-splice.js";
import { applySplices, type Splice } from "../../src/ledger/edit.js";

const { tasks: board } = generateLedgers(300, { seed: 21 });
const clean = scanCleanTasks(board) as CleanTasks;

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
      const fast = cleanAfterSplices(board, clean, next, splices);
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
    const fast = cleanAfterSplices(board, clean, next, splices);
    expect(fast).toBeDefined();
    expect(fast?.log).toEqual(scanCleanTasks(next)?.reservedRange("Log"));
    // The same claim without its lease is not clean, and is not answered for.
    const bad: Splice[] = [{ start: stateAt, end: stateAt + "- state: READY\n".length, text: "- state: DOING\n" }];
    expect(cleanAfterSplices(board, clean, applySplices(board, bad), bad)).toBeUndefined();
    expect(scanCleanTasks(applySplices(board, bad))).toBeUndefined();
    // A heading line put inside the entry (a second Log, Policy or Schedules section) is never
    // answered for alone: the full scan reads it as a duplicate section.
    for (const name of ["Log", "Policy", "Schedules"]) {
      const heading: Splice[] = [
        { start: stateAt, end: stateAt + "- state: READY\n".length, text: `- state: READY\n\n## ${name}\n` },
      ];
      const text = applySplices(board, heading);
      expect(cleanAfterSplices(board, clean, text, heading), name).toBeUndefined();
    }
  });
});
