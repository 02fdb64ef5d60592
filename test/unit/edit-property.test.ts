// Property: whatever sequence of edits runs, every byte outside the lines it edits stays the
// same: other entries byte-identical, line endings, BOM, prose and odd markers untouched.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices, type Splice } from "../../src/ledger/edit.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { readTasks, type TasksLedger } from "../../src/ledger/tasks.js";
import { type Plan, planAddTask } from "../../src/rules/plan-add.js";
import { planSetFields } from "../../src/rules/plan-set.js";
import { planTransition, type TransitionAction } from "../../src/rules/workflow.js";
import { FIXTURES } from "../support/paths.js";

const by = { now: Date.UTC(2026, 10, 24, 12), actor: "alice", role: "CMD" as const, hasher: sha256Hex };

const starts = [
  ...readdirSync(join(FIXTURES, "valid"))
    .filter((f) => f.startsWith("tasks-") && f.endsWith(".md"))
    .map((f) => readFileSync(join(FIXTURES, "valid", f), "utf8")),
];

type Op =
  | { kind: "set"; pick: number; key: string; value: string }
  | { kind: "add"; title: string; priority: string }
  | { kind: "move"; pick: number; action: TransitionAction };

const who = { actor: "bob", roles: ["CMD", "WORK", "AUDIT"] as const, automation: false, host: "build-1" };

const values: Record<string, fc.Arbitrary<string>> = {
  priority: fc.constantFrom("P0", "P1", "P2", "P3"),
  labels: fc.constantFrom("", "docs", "ops, prod", "phase-3, automation, docs"),
  assignee: fc.constantFrom("", "bob", "carol@example.com"),
  "not-before": fc.constantFrom("", "2026-12-01T00:00:00Z"),
  title: fc.constantFrom("Renamed", "Übersetzung ✓", "A much longer title with words"),
};

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc
    .record({ pick: fc.nat(), key: fc.constantFrom(...Object.keys(values)) })
    .chain(({ pick, key }) =>
      (values[key] as fc.Arbitrary<string>).map((value) => ({ kind: "set" as const, pick, key, value })),
    ),
  fc.record({
    kind: fc.constant("move" as const),
    pick: fc.nat(),
    action: fc.constantFrom<TransitionAction>(
      "ready",
      "claim",
      "renew",
      "release",
      "submit",
      "block",
      "unblock",
      "rework",
      "plan",
      "cancel",
    ),
  }),
  fc.record({
    kind: fc.constant("add" as const),
    title: fc.constantFrom("New task", "Nouvelle tâche", "日本語"),
    priority: fc.constantFrom("P1", "P3"),
  }),
);

/** Each splice is local: an insertion at a line boundary, or a change inside one line, or whole lines removed. */
function expectLocal(ledger: TasksLedger, splices: readonly Splice[]): void {
  const { lineStarts, lineEnds } = ledger.doc.scan;
  const text = ledger.doc.text;
  const lineOf = (off: number) => {
    let i = lineStarts.length - 1;
    while (i > 0 && (lineStarts[i] as number) > off) i--;
    return i;
  };
  for (const s of splices) {
    if (s.start === s.end) {
      const boundary = s.start === text.length || lineStarts.includes(s.start);
      expect(boundary).toBe(true);
      expect(/\n$/.test(s.text) || (s.start === text.length && /^\r?\n/.test(s.text))).toBe(true);
    } else {
      const line = lineOf(s.start);
      const wholeLines = s.start === lineStarts[line] && (s.end === lineStarts[line + 1] || s.end === text.length);
      const insideLine = s.end <= (lineEnds[line] as number);
      expect(wholeLines || insideLine).toBe(true);
      // A change inside a line never adds a line break; removing whole lines adds nothing.
      expect(wholeLines ? s.text === "" : !s.text.includes("\n")).toBe(true);
    }
  }
}

function sectionTexts(ledger: TasksLedger): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of ledger.doc.sections)
    if (s.kind !== "reserved" || s.name !== "Log") m.set(s.id ?? s.name, ledger.doc.text.slice(s.start, s.end));
  return m;
}

describe("edits touch only the lines they change", () => {
  it("holds for random edit sequences on every valid fixture", () => {
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(opArb, { minLength: 1, maxLength: 8 }), (start, ops) => {
        let text = start;
        const bom = text.startsWith("\uFEFF");
        for (const op of ops) {
          const ledger = readTasks("TASKS.md", text);
          let plan: Plan<unknown>;
          let target: string | undefined;
          if (op.kind === "set") {
            const open = ledger.tasks.filter((t) => t.state !== "DONE");
            const task = open[op.pick % open.length];
            if (!task) continue;
            target = task.id;
            plan = planSetFields(ledger, task.id, [[op.key, op.value]], by);
          } else if (op.kind === "move") {
            const task = ledger.tasks[op.pick % ledger.tasks.length];
            if (!task) continue;
            target = task.id;
            const reason = op.action === "block" || op.action === "rework" ? "a reason" : undefined;
            plan = planTransition(ledger, { action: op.action, id: task.id, reason }, who, by);
            if (!plan.ok) continue; // refused by a rule (wrong state, not the holder): nothing to check
          } else plan = planAddTask(ledger, { title: op.title, priority: op.priority }, by);
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          expectLocal(ledger, plan.splices);
          const next = applySplices(text, plan.splices);
          const after = readTasks("TASKS.md", next);
          // Every other section is byte-identical, wherever it now stands.
          const before = sectionTexts(ledger);
          const now = sectionTexts(after);
          for (const [key, body] of before) {
            if (key === target) continue;
            const again = now.get(key);
            // The section just before an insertion may gain a separating line ending, nothing else.
            expect(again === body || again?.startsWith(body) === true).toBe(true);
          }
          // The edited task changed only in the edited line; its other lines are as they were.
          if (target && op.kind !== "add") {
            const oldLines = (before.get(target) as string).split("\n");
            const newLines = (now.get(target) as string).split("\n");
            const kept = oldLines.filter((l) => newLines.includes(l));
            // One field line per changed field: set changes one, a transition at most a few.
            expect(oldLines.length - kept.length).toBeLessThanOrEqual(op.kind === "set" ? 1 : 6);
          }
          expect(next.startsWith("\uFEFF")).toBe(bom);
          text = next;
        }
        const { diagnostics } = lintLedger("tasks", "TASKS.md", text, sha256Hex);
        expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("applySplices equals applying the splices one at a time from the end", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "\n", "\r", "é", "🚀"), maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 5 })), { maxLength: 6 }),
        (text, raw) => {
          // Turn random triples into non-overlapping splices.
          const cuts = raw
            .map(([a, b, t]) => {
              const s = a % (text.length + 1);
              return { start: s, end: Math.min(text.length, s + (b % 4)), text: t };
            })
            .sort((x, y) => x.start - y.start);
          const splices: Splice[] = [];
          let pos = 0;
          for (const c of cuts) {
            if (c.start < pos) continue;
            splices.push(c);
            pos = c.end;
          }
          let expected = text;
          for (const s of [...splices].reverse())
            expected = expected.slice(0, s.start) + s.text + expected.slice(s.end);
          expect(applySplices(text, splices)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses overlapping splices instead of guessing", () => {
    expect(() =>
      applySplices("abcdef", [
        { start: 1, end: 4, text: "x" },
        { start: 2, end: 3, text: "y" },
      ]),
    ).toThrow(/Overlapping/);
  });
});
