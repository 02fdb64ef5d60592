// Adding a task: validate the input, pick the next ID, and plan the new entry and its log line.

import { insertEntryWithLog, type Splice } from "../ledger/edit.js";
import { highestLoggedAdd } from "../ledger/entry-ids.js";
import { type Decoded, decodeIdList, decodeLabels, decodePriority } from "../ledger/fields.js";
import { formatLogLine, type Hasher, lastHash } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Role } from "../model/approval.js";
import type { State } from "../model/task.js";
import { formatTime } from "../model/time.js";
import { singleLineProblem, singleLineProblems } from "./values.js";

export interface AddInput {
  readonly title: string;
  readonly priority?: string | undefined;
  readonly labels?: string | undefined;
  readonly depends?: string | undefined;
  readonly state?: State | undefined;
}

export interface Actingas {
  readonly now: number;
  readonly actor: string;
  readonly role: Role;
  readonly hasher: Hasher;
  /** A machine identity: its log line says auto=true, like every automated action's. */
  readonly automation?: boolean;
}

export type Plan<T> = { ok: true; splices: Splice[]; result: T } | { ok: false; message: string };

/**
 * The next free number: one more than the highest task ID the file has ever used, in an entry
 * or in the log's add lines, so that an ID deleted or mistyped by hand is never given again.
 * A lazily read clean board knows it from its scan (no entry is read).
 */
export function nextTaskId(ledger: TasksLedger): string {
  if (ledger.highestId) return `T-${ledger.highestId() + 1}`;
  let max = 0;
  for (const t of ledger.tasks) max = Math.max(max, Number(t.id.slice(2)));
  const log = ledger.log.section;
  if (log) max = Math.max(max, highestLoggedAdd(ledger.doc.text, log.start, log.end));
  return `T-${max + 1}`;
}

export function validTitle(title: string): string | undefined {
  const t = title.trim();
  if (!t) return "A task needs a title";
  const problem = singleLineProblem("title", title);
  if (problem) return `${problem}; put longer text into the task's body`;
  if (/#+$/.test(t)) return "A title may not end with #, which Markdown would drop";
  return undefined;
}

export function planAddTask(ledger: TasksLedger, input: AddInput, by: Actingas): Plan<{ id: string }> {
  const titleProblem =
    validTitle(input.title) ??
    singleLineProblems([
      ["priority", input.priority],
      ["labels", input.labels],
      ["depends", input.depends],
    ]);
  if (titleProblem) return { ok: false, message: titleProblem };
  const id = nextTaskId(ledger);
  const fields: [string, string][] = [["state", input.state ?? "PLAN"]];
  const check = (key: string, raw: string | undefined, codec: (v: string) => Decoded<unknown>) => {
    if (raw === undefined) return undefined;
    const d = codec(raw);
    return d.ok ? undefined : `Expected ${d.expected} for --${key}, found "${raw}"`;
  };
  const problem =
    check("priority", input.priority, decodePriority) ??
    check("labels", input.labels, decodeLabels) ??
    check("depends", input.depends, decodeIdList);
  if (problem) return { ok: false, message: problem };
  if (input.priority) fields.push(["priority", input.priority]);
  if (input.labels) fields.push(["labels", (decodeLabels(input.labels) as { value: string[] }).value.join(", ")]);
  if (input.depends) {
    const ids = (decodeIdList(input.depends) as { value: string[] }).value;
    const missing = ids.find((d) => !ledger.byId.has(d));
    if (missing)
      return { ok: false, message: `Cannot depend on ${missing}: there is no such task in ${ledger.doc.file}` };
    fields.push(["depends", ids.join(", ")]);
  }
  fields.push(["created", formatTime(by.now)]);
  const title = input.title.trim();
  const entry = [`## ${id} ${title}`, ...fields.map(([k, v]) => `- ${k}: ${v}`)];
  const logLine = formatLogLine(by.hasher, lastHash(ledger.doc, ledger.log), {
    time: by.now,
    actor: by.actor,
    role: by.role,
    action: "add",
    target: id,
    details: { title, state: input.state ?? "PLAN", auto: by.automation ? "true" : undefined },
  });
  return { ok: true, splices: insertEntryWithLog(ledger.doc, ledger.log, entry, [logLine]), result: { id } };
}
