// Phases (milestones): the `## Phases` section of TASKS.md names each phase, with an optional
// due time and description, and a task joins one with its `- phase: <name>` field.
//
//   ## Phases
//   - automation: 2026-12-20 Automate the nightly runs
//   - docs: 2026-12-31T12:00:00Z
//   - cleanup
//
// The value is an optional due time (a date, meaning the end of that day in UTC, or a UTC time)
// and then the description. docs/forecast.md describes them.

import type { Diagnostic } from "../model/diagnostic.js";
import type { Task } from "../model/task.js";
import { parseTime } from "../model/time.js";
import { type LedgerText, sectionByName } from "./document.js";

export interface Phase {
  readonly name: string;
  /** When it is due (ms); undefined when no due time is given. */
  readonly due: number | undefined;
  readonly description: string | undefined;
  /** 1-based line of its field in the Phases section. */
  readonly line: number;
}

export const PHASE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
const DAY = 86_400_000;

/** "2026-12-20" (the end of that day, UTC) or "2026-12-20T18:00:00Z"; undefined for anything else. */
export function parseDue(text: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t = parseTime(`${text}T00:00:00Z`);
    return t === undefined ? undefined : t + DAY;
  }
  return parseTime(text);
}

/** The phases the section names, in file order, with a diagnostic for each line that is wrong. */
export function readPhases(doc: LedgerText, diagnostics: Diagnostic[]): Phase[] {
  const section = sectionByName(doc, "Phases");
  const out: Phase[] = [];
  if (!section) return out;
  const seen = new Set<string>();
  for (const f of section.fields) {
    const at = { file: doc.file, line: f.line + 1, column: 3 };
    if (!PHASE_NAME.test(f.key)) {
      diagnostics.push({
        ...at,
        severity: "error",
        code: "bad-phase",
        message: `Expected a phase name like automation or phase-3 (letters, digits and . _ / -), found "${f.key}"`,
      });
      continue;
    }
    if (seen.has(f.key)) continue; // the document reader reports a field given twice
    seen.add(f.key);
    const value = f.value.trim();
    const first = /^\S+/.exec(value)?.[0] ?? "";
    let due: number | undefined;
    let description = value;
    if (/^\d/.test(first)) {
      due = parseDue(first);
      if (due === undefined) {
        diagnostics.push({
          ...at,
          column: f.valueStart - f.start + 1,
          severity: "error",
          code: "bad-phase-due",
          message: `Expected phase ${f.key}'s due time as a date (2026-12-20) or a UTC time (2026-12-20T18:00:00Z), found "${first}"`,
        });
      }
      description = value.slice(first.length).trim();
    }
    out.push({ name: f.key, due, description: description || undefined, line: f.line + 1 });
  }
  return out;
}

/** The task's phase: its `phase` field's value, or undefined. */
export function phaseOf(t: Pick<Task, "fields">): string | undefined {
  for (const f of t.fields) if (f.key === "phase") return f.value.trim() || undefined;
  return undefined;
}

/** Reports tasks whose phase the Phases section does not name (when they have a valid name). */
export function checkTaskPhases(doc: LedgerText, tasks: readonly Task[], diagnostics: Diagnostic[]): void {
  // Asking a task for its fields makes its field lines: on a board where no line says
  // "phase:", no task has the field, and no task is asked.
  if (!doc.text.includes("phase:")) return;
  let names: Set<string> | undefined;
  for (const t of tasks) {
    const p = phaseOf(t);
    if (p === undefined || !PHASE_NAME.test(p)) continue;
    names ??= new Set(readPhases(doc, []).map((x) => x.name));
    if (names.has(p)) continue;
    const f = t.fields.find((x) => x.key === "phase") as { line?: number } | undefined;
    const line = typeof f?.line === "number" ? f.line + 1 : t.line;
    diagnostics.push({
      severity: "error",
      file: doc.file,
      line,
      column: 3,
      code: "unknown-phase",
      message: `${t.id} is in phase "${p}", which the Phases section does not name${names.size ? ` (phases: ${[...names].join(", ")})` : " (there is no ## Phases section)"}`,
    });
  }
}
