// `set ID key=value...`: validated field edits, each a one-line change, and one log line.

import { appendLog, removeField, type Splice, setField, setTitle } from "../ledger/edit.js";
import { TASK_FIELDS } from "../ledger/fields.js";
import { formatLogLine, lastHash } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import { permits } from "./matrix.js";
import { type Actingas, type Plan, validTitle } from "./plan-add.js";
import { singleLineProblem } from "./values.js";

/** Fields that only their own commands change (they carry invariants `set` cannot check). */
const MANAGED: Record<string, string> = {
  state: "state changes go through ready, plan, claim, release, submit, accept, rework and cancel",
  blocked: "use block and unblock",
  resolution: "accept and cancel set it",
  lease: "it is managed by claim, renew and release",
  fence: "it is the lease's fencing token, which only claim may raise",
  workers: "claim records who worked on a task",
  rework: "rework sets it and claim clears it",
  attempts: "it is counted by the tool",
  created: "it records when the task was added",
  worktree: "claim --worktree and work --worktree record it; accept, cancel and release --clean clear it",
};

export interface Change {
  readonly key: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export function planSetFields(
  ledger: TasksLedger,
  id: string,
  assignments: ReadonlyArray<readonly [string, string]>,
  by: Actingas,
): Plan<{ changes: Change[] }> {
  const entry = ledger.byId.get(id);
  if (!entry) return { ok: false, message: `There is no task ${id} in ${ledger.doc.file}` };
  const { section } = entry;
  const allowed = permits("set", by.actor, [by.role], entry.task.state, id);
  if (!allowed.ok) return allowed;
  const splices: Splice[] = [];
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of assignments) {
    if (seen.has(key)) return { ok: false, message: `"${key}" is given twice` };
    seen.add(key);
    const problem = singleLineProblem(key, raw);
    if (problem) return { ok: false, message: problem };
    const value = raw.trim();
    if (key === "title") {
      const problem = validTitle(value);
      if (problem) return { ok: false, message: problem };
      if (value !== section.title) {
        splices.push(setTitle(section, value));
        changes.push({ key, from: section.title, to: value });
      }
      continue;
    }
    const codec = TASK_FIELDS[key];
    if (!codec) {
      return {
        ok: false,
        message: `Unknown field "${key}"; set knows title, ${Object.keys(TASK_FIELDS)
          .filter((k) => !MANAGED[k])
          .join(", ")}`,
      };
    }
    if (MANAGED[key]) return { ok: false, message: `"${key}" cannot be set by hand: ${MANAGED[key]}` };
    const current = section.fields.find((f) => f.key === key)?.value;
    if (value === "") {
      if (key === "state") return { ok: false, message: "A task always has a state" };
      const s = removeField(section, key);
      if (s) {
        splices.push(s);
        changes.push({ key, from: current, to: undefined });
      }
      continue;
    }
    const d = codec(value);
    if (!d.ok) return { ok: false, message: `Expected ${d.expected} for "${key}", found "${value}"` };
    const normalized = Array.isArray(d.value) ? (d.value as string[]).join(", ") : value;
    if (normalized === current) continue;
    splices.push(setField(ledger.doc, section, key, normalized));
    changes.push({ key, from: current, to: normalized });
  }
  if (changes.length === 0) return { ok: true, splices: [], result: { changes } };
  const details: Record<string, string> = {};
  for (const c of changes) details[c.key] = c.to ?? "";
  const logLine = formatLogLine(by.hasher, lastHash(ledger.doc, ledger.log), {
    time: by.now,
    actor: by.actor,
    role: by.role,
    action: "set",
    target: id,
    details,
  });
  splices.push(appendLog(ledger.doc, ledger.log, [logLine]));
  return { ok: true, splices, result: { changes } };
}
