// The lazily read clean board (src/ledger/clean-ledger.ts) that set and the transitions plan
// on, against readTasks: on boards that taskgate's own commands evolve (so they get leases,
// fences, workers, resolutions in the order the commands write them), with CRLF and a BOM, it
// must answer for exactly the clean ones, read every task, section and the log the same,
// whichever entry is asked for first, and every plan made from it must be the same plan; and
// the summaries metrics read of each task must be readTasks' values.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { sha256Hex } from "../../src/io/hash.js";
import { readCleanTasks, type TaskSummary, taskSummaries, tasksOf } from "../../src/ledger/clean-ledger.js";
import { scanCleanTasks } from "../../src/ledger/clean-scan.js";
import type { Section } from "../../src/ledger/document.js";
import { applySplices } from "../../src/ledger/edit.js";
import { lastHash } from "../../src/ledger/log.js";
import { readTasks, type TasksLedger } from "../../src/ledger/tasks.js";
import type { Task } from "../../src/model/task.js";
import { pickNext } from "../../src/rules/dispatch.js";
import { filterTasks, matcher, type TaskFilter } from "../../src/rules/filter.js";
import { type AddInput, planAddTask } from "../../src/rules/plan-add.js";
import { planSetFields } from "../../src/rules/plan-set.js";
import { planTransition, type TransitionInput, type Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const WHO: Who[] = [
  { actor: "alice", roles: ["CMD", "WORK", "AUDIT"], automation: false, host: "a1" },
  { actor: "bob", roles: ["WORK"], automation: false, host: "b1" },
  { actor: "carol", roles: ["WORK", "AUDIT"], automation: false, host: "c1" },
];

/** A task's reading: every field of Task (not the section it keeps, whose table is shared). */
const taskView = (t: Task) => {
  const { section: _section, ...own } = t as Task & { section?: unknown };
  return { ...own, fields: t.fields };
};
/** A task as list shows it: every field of Task, its field lines as key and value. */
const rowView = (t: Task) => ({ ...taskView(t), fields: t.fields.map(({ key, value }) => ({ key, value })) });
const sectionView = (s: Section | undefined) =>
  s && {
    kind: s.kind,
    name: s.name,
    id: s.id,
    title: s.title,
    headingLine: s.headingLine,
    titleStart: s.titleStart,
    titleEnd: s.titleEnd,
    start: s.start,
    end: s.end,
    lastLine: s.lastLine,
    fields: s.fields,
    fieldsEnd: s.fieldsEnd,
  };

/** Reads `text` both ways; checks they agree; returns a fresh lazy ledger (or undefined) and the full one. */
function expectAgree(text: string, firstAsked: string[]): { lazy: TasksLedger | undefined; full: TasksLedger } {
  const full = readTasks("TASKS.md", text);
  const lazy = readCleanTasks("TASKS.md", text);
  expect(lazy === undefined).toBe(scanCleanTasks(text) === undefined);
  if (!lazy) return { lazy, full };
  expect(full.diagnostics).toEqual([]);
  expect(lazy.diagnostics).toEqual([]);
  // What the measures read of each task, from those field lines alone (a fresh ledger, so that
  // nothing it read before answers for it).
  const summary = (t: TaskSummary) => ({ id: t.id, state: t.state, created: t.created, blocked: t.blocked });
  expect(taskSummaries(readCleanTasks("TASKS.md", text) as TasksLedger).map(summary)).toEqual(full.tasks.map(summary));
  // Entries asked for one by one first, as the commands do; then everything.
  for (const id of firstAsked) {
    const want = full.byId.get(id);
    const got = lazy.byId.get(id);
    expect(got && { task: taskView(got.task), section: sectionView(got.section) }, id).toEqual(
      want && { task: taskView(want.task), section: sectionView(want.section) },
    );
    expect(lazy.byId.has(id)).toBe(full.byId.has(id));
  }
  expect(lastHash(lazy.doc, lazy.log)).toBe(lastHash(full.doc, full.log));
  expect(sectionView(lazy.log.section)).toEqual(sectionView(full.log.section));
  expect(lazy.log.lines).toEqual(full.log.lines);
  expect(lazy.policy).toEqual(full.policy);
  expect(lazy.schedules).toEqual(full.schedules);
  expect({ eol: lazy.doc.eol, bom: lazy.doc.bomLength, file: lazy.doc.file }).toEqual({
    eol: full.doc.eol,
    bom: full.doc.bomLength,
    file: full.doc.file,
  });
  expect(lazy.byId.size).toBe(full.byId.size);
  // The rows list reads straight from the lines (list-rows.ts), before anything else is read.
  expect(tasksOf(readCleanTasks("TASKS.md", text) as TasksLedger).map(rowView)).toEqual(full.tasks.map(rowView));
  expect(lazy.tasks.map(taskView)).toEqual(full.tasks.map(taskView));
  expect(lazy.doc.sections.map(sectionView)).toEqual(full.doc.sections.map(sectionView));
  expect([...lazy.byId.keys()]).toEqual([...full.byId.keys()]);
  expect(lazy.doc.scan.lineStarts).toEqual(full.doc.scan.lineStarts);
  return { lazy: readCleanTasks("TASKS.md", text), full };
}

type Step =
  | { kind: "transition"; input: TransitionInput; who: number }
  | { kind: "set"; id: string; pairs: [string, string][] }
  | { kind: "add"; input: AddInput };

const ACTIONS = [
  "ready",
  "plan",
  "claim",
  "renew",
  "release",
  "submit",
  "accept",
  "rework",
  "block",
  "unblock",
  "cancel",
] as const;

const step = (count: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("transition" as const),
      input: fc.record({
        action: fc.constantFrom(...ACTIONS),
        id: fc.integer({ min: 1, max: count + 1 }).map((n) => `T-${n}`),
        reason: fc.constantFrom(undefined, "because"),
      }),
      who: fc.integer({ min: 0, max: WHO.length - 1 }),
    }),
    fc.record({
      kind: fc.constant("set" as const),
      id: fc.integer({ min: 1, max: count + 1 }).map((n) => `T-${n}`),
      pairs: fc.array(
        fc.tuple(
          fc.constantFrom("title", "priority", "labels", "assignee", "not-before", "depends"),
          fc.constantFrom("", "P1", "x, y", "bob", "2026-12-31T10:00:00Z", "T-1", "New title"),
        ),
        { minLength: 1, maxLength: 2 },
      ),
    }),
    // add: the lazy board gives the next ID from its scan, without reading an entry.
    fc.record({
      kind: fc.constant("add" as const),
      input: fc.record({
        title: fc.constantFrom("A new task", "Another one", ""),
        priority: fc.constantFrom(undefined, "P1"),
        labels: fc.constantFrom(undefined, "x, y"),
        depends: fc.constantFrom(undefined, "T-1", `T-${count + 5}`),
        state: fc.constantFrom(undefined, "READY" as const),
      }),
    }),
  );

/** The same plan from both readings of the board: a refusal with the same words, or the same splices. */
function planBoth(text: string, s: Step, n: number): string | undefined {
  const { lazy, full } = expectAgree(text, s.kind === "set" ? [s.id] : s.kind === "add" ? [] : [s.input.id]);
  if (!lazy) return undefined;
  const now = T0 + n * 60_000;
  const plan = (l: TasksLedger) =>
    s.kind === "set"
      ? planSetFields(l, s.id, s.pairs, { now, actor: "alice", role: "CMD", hasher: sha256Hex })
      : s.kind === "add"
        ? planAddTask(l, s.input, { now, actor: "alice", role: "CMD", hasher: sha256Hex })
        : planTransition(l, s.input, WHO[s.who] as Who, { now, hasher: sha256Hex });
  const want = plan(full);
  expect(plan(lazy)).toEqual(want);
  return want.ok && want.splices.length ? applySplices(text, want.splices) : text;
}

describe("the lazily read clean board against readTasks", () => {
  it("reads the same and plans the same on boards the commands evolve", () => {
    let planned = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (count, seed, crlf, bom, picks) => {
          let text = generateLedgers(count, { seed, ready: 0.6 }).tasks;
          if (crlf) text = text.replace(/\n/g, "\r\n");
          if (bom) text = `\ufeff${text}`;
          const steps = fc.sample(step(count), { seed: seed + picks.length, numRuns: picks.length });
          steps.forEach((s, k) => {
            const next = planBoth(text, s, k);
            if (next !== undefined) {
              planned++;
              text = next;
            }
          });
          expectAgree(text, ["T-1", `T-${count}`]);
        },
      ),
      { numRuns: 200 },
    );
    expect(planned).toBeGreaterThan(500);
  });

  it("lists the same tasks for every filter, one read at a time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.record({
          states: fc.subarray(["PLAN", "READY", "DOING", "REVIEW", "DONE"]),
          labels: fc.subarray(["automation", "backend", "docs", "ux", "nope"], { maxLength: 2 }),
          assignee: fc.constantFrom(undefined, "bob"),
        }),
        (count, seed, filter) => {
          const text = generateLedgers(count, { seed }).tasks.replace(/(- state: READY\n)/, "$1- assignee: bob\n");
          const full = readTasks("TASKS.md", text);
          const lazy = readCleanTasks("TASKS.md", text) as TasksLedger;
          const f: TaskFilter = {
            states: filter.states,
            labels: filter.labels,
            ...(filter.assignee === undefined ? {} : { assignee: filter.assignee }),
          };
          const want = filterTasks(full.tasks, f).map(rowView);
          const list = tasksOf(lazy, matcher(f));
          expect(list.length).toBe(want.length);
          expect(list.map(rowView)).toEqual(want);
          expect([...list].map(rowView)).toEqual(want);
          for (let i = 0; i < list.length; i++) expect(rowView(list[i] as Task)).toEqual(want[i]);
          expect(list[list.length]).toBeUndefined();
          expect(tasksOf(full, matcher(f)).map(rowView)).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lists entries of every shape the clean scan accepts as readTasks reads them", () => {
    const board = [
      "# Tasks",
      "",
      "## T-1   Spaced   title   ##",
      "*   state:   DOING",
      "+ lease: bob@h1 token=3 until=2026-11-24T10:30:00Z ttl=30m session=run-1",
      "- assignee: bob",
      "- attempts: 2",
      "- fence: 3",
      "- workers: bob, carol",
      "- priority:",
      "- labels:\tx,y ,  z\t",
      "",
      "Some text.",
      "",
      "## T-2 Blocked one",
      "- state: READY",
      "- blocked: \u00a0waiting on the vendor\u00a0",
      "- rework: the tests fail",
      "- not-before: 2026-12-31T10:00:00Z",
      "- depends: T-1,T-3",
      "## T-3 Last, no final line break",
      "- state: DONE",
      "- resolution: cancelled",
      "- created: 2028-02-29T10:00:00Z",
    ].join("\n");
    for (const text of [board, board.replace(/\n/g, "\r\n"), `\ufeff${board}`]) {
      const full = readTasks("TASKS.md", text);
      const lazy = readCleanTasks("TASKS.md", text);
      expect(full.diagnostics).toEqual([]);
      expect(lazy).toBeDefined();
      const rows = tasksOf(lazy as TasksLedger).map(rowView);
      expect(rows).toEqual(full.tasks.map(rowView));
      expect(rows.map((t) => [t.id, t.attempts, t.blocked, t.labels.length])).toEqual([
        ["T-1", 2, undefined, 3],
        ["T-2", 0, "waiting on the vendor", 0],
        ["T-3", 0, undefined, 0],
      ]);
    }
  });

  it("answers for the same boards as the clean scan, and next picks the same task", () => {
    const board = generateLedgers(30, { seed: 5, ready: 0.5 }).tasks;
    const lines = board.split("\n");
    for (let i = 0; i < lines.length; i += 3) {
      for (const change of ["- state: DOING", "", "- lease:", "## T-2 Again", "- labels: ünï"]) {
        const text = [...lines.slice(0, i), change, ...lines.slice(i)].join("\n");
        const { lazy, full } = expectAgree(text, ["T-3", "T-1"]);
        if (!lazy) continue;
        for (const who of WHO) {
          const a = pickNext(lazy, who, {}, T0);
          const b = pickNext(full, who, {}, T0);
          expect({ id: a.task?.id, why: a.why, n: a.candidates }).toEqual({
            id: b.task?.id,
            why: b.why,
            n: b.candidates,
          });
        }
      }
    }
  });
});
