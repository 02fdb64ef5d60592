// list and list --json write each row as it comes, from a clean board's entry text where it is in
// taskgate's usual shape. list --json writes each task's JSON without building the document (app/documents.ts): from a
// clean board's entry text where it is in taskgate's usual shape (plainRowDocText), from the
// task otherwise (taskDocText). Both must give exactly the bytes of JSON.stringify(taskDoc(t))
// for the task readTasks reads, on generated boards, random boards and hand-made corner cases.

import { Chalk, type ChalkInstance } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { plainRowDocText, taskDoc, taskDocText } from "../../src/app/documents.js";
import { rowsOfTasks } from "../../src/app/views.js";
import { writeTaskTable } from "../../src/cli/render.js";
import { cleanScanOf, readCleanTasks } from "../../src/ledger/clean-ledger.js";
import { ListRowCursor } from "../../src/ledger/list-rows.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { generatedLedgerText } from "../support/gen-ledger.js";
import { tableBefore } from "../support/list-table.js";

const PAD = "    ";

/** A piece of a title: plain words, characters JSON escapes, wide ones, surrogate pairs. */
const titlePiece = fc.constantFrom(
  "Fix",
  "the",
  "日本語の",
  "タスク",
  "🚀",
  '"quoted"',
  "back\\slash",
  "a#b",
  "x\ty",
  "100%",
  "é",
);
const time = fc.constantFrom(
  "2026-11-24T09:00:00Z",
  "2028-02-29T23:59:59Z",
  "0150-01-01T00:00:00Z",
  "0050-06-01T00:00:00Z",
  "2026-11-24T09:00:00.5Z",
);
/** An entry of the shape taskgate writes (or those lines in reverse), with valid values. */
const usualEntry = fc.record({
  title: fc.array(titlePiece, { minLength: 1, maxLength: 4 }).map((p) => p.join(" ")),
  shuffled: fc.boolean(),
  fields: fc.constantFrom("PLAN", "READY", "DOING", "REVIEW", "DONE").chain((state) =>
    fc
      .record(
        {
          state: fc.constant(state),
          priority: fc.constantFrom("P0", "P1", "P2", "P3"),
          labels: fc.constantFrom("ux", "ux, backend", "a,b", "docs, docs"),
          depends: fc.constant("T-1"),
          ...(state === "DONE" ? { resolution: fc.constantFrom("done", "cancelled") } : {}),
          created: time,
          ...(state === "DOING"
            ? { assignee: fc.constant("bob"), lease: fc.constant("bob@h1 token=3 until=2026-11-24T10:30:00Z ttl=30m") }
            : { assignee: fc.constantFrom("bob", "carol") }),
          "not-before": time,
          attempts: fc.constantFrom("0", "2", "10"),
          ...(state === "READY" || state === "PLAN"
            ? { blocked: fc.constantFrom("waiting", "the vendor's answer", "\u00a0odd space\u00a0") }
            : {}),
        },
        {
          requiredKeys: (state === "DONE"
            ? ["state", "resolution"]
            : state === "DOING"
              ? ["state", "assignee", "lease"]
              : ["state"]) as never[],
        },
      )
      .map((f) => Object.entries(f).map(([k, v]) => `- ${k}: ${v}`)),
  ),
});

const reference = (t: Parameters<typeof taskDoc>[0]) => JSON.stringify(taskDoc(t), null, 2).replace(/\n/g, `\n${PAD}`);

/**
 * Checks both writers against the reference on `text`; returns how many entries the text
 * alone answered for (plainRowDocText), and whether the board was clean.
 */
function expectSameJson(text: string): { plain: number; clean: boolean } {
  const full = readTasks("TASKS.md", text);
  const want = full.tasks.map(reference);
  expect(full.tasks.map((t) => taskDocText(t, PAD))).toEqual(want);
  const lazy = readCleanTasks("TASKS.md", text);
  const scan = lazy && cleanScanOf(lazy);
  if (!lazy || !scan) return { plain: 0, clean: false };
  const cursor = new ListRowCursor(lazy.doc.text);
  let plain = 0;
  const got = scan
    .sections()
    .filter((r) => r.id !== undefined)
    .map((r) => {
      const row = cursor.moveTo(r.start, r.end);
      const fromText = row.plain && plainRowDocText(row.plain, row.line, PAD);
      if (fromText !== undefined && fromText !== null) plain++;
      return fromText ?? taskDocText(row.task(), PAD);
    });
  expect(got).toEqual(want);
  return { plain, clean: true };
}

describe("a task's JSON written directly", () => {
  it("is JSON.stringify's on generated boards, most entries from their text alone", () => {
    for (const seed of [1, 2, 3]) {
      const { tasks } = generateLedgers(300, { seed, ready: 0.5 });
      const { plain, clean } = expectSameJson(tasks);
      expect(clean).toBe(true);
      expect(plain).toBeGreaterThan(250);
    }
  });

  it("is JSON.stringify's on random boards in taskgate's usual shape", () => {
    let plain = 0;
    let clean = 0;
    fc.assert(
      fc.property(fc.array(usualEntry, { minLength: 1, maxLength: 8 }), fc.boolean(), (entries, crlf) => {
        const lines = ["# Tasks", ""];
        entries.forEach((e, i) => {
          const fields = e.fields.filter((f) => !f.startsWith("- depends:") || i > 0);
          lines.push(`## T-${i + 1} ${e.title}`, ...(e.shuffled ? [...fields].reverse() : fields), "");
        });
        lines.push("## Log", "");
        const text = lines.join(crlf ? "\r\n" : "\n");
        const r = expectSameJson(text);
        plain += r.plain;
        if (r.clean) clean++;
      }),
      { numRuns: 300 },
    );
    expect(clean).toBeGreaterThan(150);
    expect(plain).toBeGreaterThan(25);
  });

  it("is JSON.stringify's on random boards (CRLF, BOM, every entry shape; few of them clean)", () => {
    fc.assert(
      fc.property(generatedLedgerText, (text) => {
        expectSameJson(text);
      }),
      { numRuns: 300 },
    );
  });

  it("is JSON.stringify's where the text alone does not do, and on broken boards", () => {
    const entry = (heading: string, ...fields: string[]) => [heading, ...fields, ""];
    const board = [
      "# Tasks",
      "",
      ...entry('## T-1 Quote " and back\\slash', "- state: READY", "- labels: a, b"),
      ...entry("## T-2 Tab\there", "- state: READY"),
      ...entry("## T-3 Emoji 🚀 and 日本語", "- state: PLAN", "- assignee: bob"),
      ...entry(
        "## T-4 Early year",
        "- state: PLAN",
        "- created: 0050-01-01T00:00:00Z",
        "- not-before: 0099-12-31T23:59:59Z",
      ),
      ...entry("## T-5 Fraction", "- state: PLAN", "- created: 2026-01-01T00:00:00.250Z"),
      ...entry(
        "## T-6 Done",
        "- state: DONE",
        "- priority: P3",
        "- created: 2026-01-01T00:00:00Z",
        "- resolution: done",
      ),
      ...entry(
        "## T-7 Leased",
        "- state: DOING",
        "- assignee: bob",
        "- lease: bob@h1 token=3 until=2026-11-24T10:30:00Z ttl=30m session=run-1",
        "- attempts: 2",
        "- fence: 3",
        "- workers: bob, carol",
      ),
      ...entry("## T-8 Blocked", "- state: READY", "- blocked: \u00a0the vendor\u00a0", "- depends: T-1,T-3"),
      ...entry("## T-10 Blocked again", "- state: READY", "- attempts: 007", "- blocked: the\u3000vendor\u3000"),
      ...entry("## T-9 日本語のタスク", "- state: REVIEW", "- priority: P0", "- created: 2028-02-29T10:00:00Z"),
      "## Log",
      "",
    ].join("\n");
    for (const text of [board, board.replace(/\n/g, "\r\n"), `\ufeff${board}`]) expectSameJson(text);
    expect(expectSameJson(board).clean).toBe(true);
    // Not clean: an unknown key that is a number, a key given twice, a field with no value.
    const broken = [
      "# Tasks",
      "",
      ...entry("## T-3 Two resolutions", "- state: DONE", "- resolution: done", "- resolution: cancelled"),
      ...entry("## T-1 Odd keys", "- state: READY", "- 12: twelve", "- zeta: z", "- 3: three"),
      ...entry("## T-2 Twice", "- state: READY", "- labels: a", "- labels: b", "- priority:"),
      "## Log",
      "",
    ].join("\n");
    expect(expectSameJson(broken).clean).toBe(false);
  });
});

/** list's table from a clean board's rows as list streams them (each entry's text where it can). */
function tableStreamed(text: string, c: ChalkInstance, width: number): string | undefined {
  const lazy = readCleanTasks("TASKS.md", text);
  const scan = lazy && cleanScanOf(lazy);
  if (!lazy || !scan) return undefined;
  const ranges = scan.sections().filter((r) => r.id !== undefined);
  const cursor = new ListRowCursor(lazy.doc.text);
  const chunks: string[] = [];
  writeTaskTable(
    (chunk) => chunks.push(chunk),
    c,
    {
      count: ranges.length,
      ids: ranges.map((r) => r.id as string),
      forEach: (each) => {
        for (const r of ranges) each(cursor.moveTo(r.start, r.end));
      },
    },
    width,
  );
  return chunks.join("");
}

describe("list's table written as its rows come", () => {
  const colours = [new Chalk({ level: 0 }), new Chalk({ level: 1 })];

  it("is the table made from readTasks' tasks, on generated boards, colours off and on, narrow and wide", () => {
    const text = generateLedgers(1200, { seed: 7, ready: 0.5 })
      .tasks.replace(/(- state: READY\n)/, "$1- assignee: bob\n")
      .replace(/(- state: PLAN\n)/, "$1- blocked: waiting\n");
    const tasks = readTasks("TASKS.md", text).tasks;
    for (const c of colours)
      for (const width of [20, 60, 100, 200]) expect(tableStreamed(text, c, width)).toBe(tableBefore(c, tasks, width));
  });

  it("is the table made from readTasks' tasks on random boards: wide characters, escapes, every entry shape", () => {
    let clean = 0;
    fc.assert(
      fc.property(
        fc.array(usualEntry, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(30, 80, 100),
        fc.constantFrom(0, 1),
        (entries, width, level) => {
          const lines = ["# Tasks", ""];
          entries.forEach((e, i) => {
            const fields = e.fields.filter((f) => !f.startsWith("- depends:") || i > 0);
            lines.push(`## T-${i + 1} ${e.title}`, ...(e.shuffled ? [...fields].reverse() : fields), "");
          });
          lines.push("## Log", "");
          const text = lines.join("\n");
          const c = colours[level] as ChalkInstance;
          const got = tableStreamed(text, c, width);
          if (got === undefined) return;
          clean++;
          expect(got).toBe(tableBefore(c, readTasks("TASKS.md", text).tasks, width));
          // The same rows from the tasks themselves (the path of a board that is not clean).
          let fromTasks = "";
          writeTaskTable(
            (chunk) => {
              fromTasks += chunk;
            },
            c,
            rowsOfTasks(readTasks("TASKS.md", text).tasks),
            width,
          );
          expect(fromTasks).toBe(got);
        },
      ),
      { numRuns: 300 },
    );
    expect(clean).toBeGreaterThan(150);
  });
});
