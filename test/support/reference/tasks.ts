// The reader as it was before the low-allocation rewrite (src/ledger/tasks.ts at ec4b256), kept
// only as the reference the differential tests compare the new reader with.

// TASKS.md as typed data: tasks, policy and schedules, plus every diagnostic found on the way.

import { type Decoded, POLICY_FIELDS, TASK_FIELDS } from "../../../src/ledger/fields.js";
import { type LogSection, locateLog } from "../../../src/ledger/log.js";
import type { Diagnostic } from "../../../src/model/diagnostic.js";
import {
  DEFAULT_POLICY,
  isPriority,
  isState,
  type Lease,
  type Policy,
  type Priority,
  type Resolution,
  type State,
  type Task,
} from "../../../src/model/task.js";
import { parseTime } from "../../../src/model/time.js";
import { decodeFields, decodeUnknown, reportBadValue } from "./decode.js";
import { type FieldLine, type LedgerText, readLedgerText, type Section, sectionByName } from "./document.js";

export interface Schedule {
  readonly name: string;
  readonly spec: string;
  readonly line: number;
}

export interface TasksLedger {
  readonly doc: LedgerText;
  readonly tasks: Task[];
  readonly byId: Map<string, { task: Task; section: Section }>;
  readonly policy: Policy;
  readonly schedules: Schedule[];
  readonly log: LogSection;
  readonly diagnostics: Diagnostic[];
}

export function readTasks(file: string, text: string): TasksLedger {
  const doc = readLedgerText("tasks", file, text);
  const diagnostics = [...doc.diagnostics];
  const tasks: Task[] = [];
  const byId = new Map<string, { task: Task; section: Section }>();
  for (const section of doc.sections) {
    if (section.kind !== "entry" || !section.id) continue;
    const task = decodeTask(doc, section, diagnostics);
    tasks.push(task);
    if (!byId.has(task.id)) byId.set(task.id, { task, section });
  }
  checkTaskRelations(file, tasks, byId, diagnostics);

  const policySection = sectionByName(doc, "Policy");
  let policy = DEFAULT_POLICY;
  if (policySection) {
    const v = decodeFields(doc, policySection, POLICY_FIELDS, diagnostics, "the policy");
    policy = {
      lease: (v.get("lease") as number | undefined) ?? DEFAULT_POLICY.lease,
      maxAttempts: (v.get("max-attempts") as number | undefined) ?? DEFAULT_POLICY.maxAttempts,
      backoff: (v.get("backoff") as Policy["backoff"] | undefined) ?? DEFAULT_POLICY.backoff,
      approvalRequired: (v.get("approval-required") as string[] | undefined) ?? DEFAULT_POLICY.approvalRequired,
      wipLimit: (v.get("wip-limit") as Policy["wipLimit"] | undefined) ?? DEFAULT_POLICY.wipLimit,
      clockSkew: (v.get("clock-skew") as number | undefined) ?? DEFAULT_POLICY.clockSkew,
      approvalSla: (v.get("approval-sla") as number | undefined) ?? DEFAULT_POLICY.approvalSla,
    };
  }
  const schedulesSection = sectionByName(doc, "Schedules");
  const schedules = (schedulesSection?.fields ?? []).map((f) => ({ name: f.key, spec: f.value, line: f.line + 1 }));

  return { doc, tasks, byId, policy, schedules, log: locateLog(doc), diagnostics };
}

const NONE: readonly string[] = [];

/** Decodes a field with its codec; a value that does not fit is reported and undefined. */
function decodeOrReport<T>(doc: LedgerText, f: FieldLine, diagnostics: Diagnostic[]): T | undefined {
  const d = (TASK_FIELDS[f.key] as (v: string) => Decoded<T>)(f.value);
  if (d.ok) return d.value;
  reportBadValue(doc, f, d.expected, diagnostics);
  return undefined;
}

/**
 * One task's fields, decoded with a switch rather than a map of codecs: this runs for every
 * task on every command, mostly before the JIT has warmed up, so it allocates as little as
 * it can. The codecs still give the words of every diagnostic (decodeFields reports the
 * unknown keys the same way as for the other sections).
 */
function decodeTask(doc: LedgerText, section: Section, diagnostics: Diagnostic[]): Task {
  let state: State | undefined;
  let priority: Priority = "P2";
  let depends = NONE;
  let labels = NONE;
  let assignee: string | undefined;
  let lease: Lease | undefined;
  let attempts = 0;
  let blocked: string | undefined;
  let resolution: Resolution | undefined;
  let notBefore: number | undefined;
  let created: number | undefined;
  let others = false;
  const decode = <T>(f: FieldLine): T | undefined => decodeOrReport<T>(doc, f, diagnostics);
  for (const f of section.fields) {
    const v = f.value;
    if (v === "") continue; // "- key:" with nothing after it means the field is not set
    switch (f.key) {
      case "state":
        if (isState(v)) state = v;
        else decode(f);
        break;
      case "priority":
        if (isPriority(v)) priority = v;
        else decode(f);
        break;
      case "created": {
        const t = parseTime(v);
        if (t === undefined) decode(f);
        else created = t;
        break;
      }
      case "not-before": {
        const t = parseTime(v);
        if (t === undefined) decode(f);
        else notBefore = t;
        break;
      }
      case "resolution":
        if (v === "done" || v === "cancelled") resolution = v;
        else decode(f);
        break;
      case "labels":
        labels = decode<string[]>(f) ?? NONE;
        break;
      case "depends":
        depends = decode<string[]>(f) ?? NONE;
        break;
      case "assignee":
        assignee = decode<string>(f);
        break;
      case "lease":
        lease = decode<Lease>(f);
        break;
      case "attempts":
        attempts = decode<number>(f) ?? 0;
        break;
      case "blocked":
        blocked = decode<string>(f);
        break;
      case "fence":
      case "workers":
      case "rework":
        decode(f);
        break;
      default:
        others = true;
    }
  }
  if (others) decodeUnknown(doc, section, TASK_FIELDS, diagnostics, `task ${section.id}`);
  if (state === undefined && !section.fields.some((f) => f.key === "state")) {
    diagnostics.push({
      severity: "error",
      file: doc.file,
      line: section.headingLine + 2,
      column: 1,
      code: "missing-state",
      message: `Task ${section.id} has no state; expected a field line "- state: PLAN" (PLAN|READY|DOING|REVIEW|DONE) under its heading`,
    });
  }
  return {
    id: section.id as string,
    title: section.title ?? "",
    state: state ?? "PLAN",
    priority,
    depends,
    labels,
    assignee,
    lease,
    attempts,
    blocked,
    resolution,
    notBefore,
    created,
    fields: section.fields,
    line: section.headingLine + 1,
  };
}

function checkTaskRelations(
  file: string,
  tasks: Task[],
  byId: Map<string, { task: Task; section: Section }>,
  diagnostics: Diagnostic[],
): void {
  for (const t of tasks) {
    const fieldLine = (key: string) => {
      const f = byId.get(t.id)?.section.fields.find((x) => x.key === key);
      return f ? f.line + 1 : t.line;
    };
    for (const dep of t.depends) {
      if (dep === t.id) {
        diagnostics.push({
          severity: "error",
          file,
          line: fieldLine("depends"),
          column: 1,
          code: "self-dependency",
          message: `Task ${t.id} depends on itself`,
        });
      } else if (!byId.has(dep)) {
        diagnostics.push({
          severity: "error",
          file,
          line: fieldLine("depends"),
          column: 1,
          code: "unknown-dependency",
          message: `Task ${t.id} depends on ${dep}, which is not in this file`,
        });
      }
    }
    if (t.state === "DOING" && !t.lease && !t.fields.some((f) => f.key === "lease")) {
      diagnostics.push({
        severity: "warning",
        file,
        line: t.line,
        column: 1,
        code: "doing-without-lease",
        message: `Task ${t.id} is DOING but nobody holds a lease on it`,
      });
    }
    if (t.state !== "DOING" && t.lease) {
      diagnostics.push({
        severity: "error",
        file,
        line: fieldLine("lease"),
        column: 1,
        code: "lease-outside-doing",
        message: `Task ${t.id} is ${t.state} but has a lease; a lease exists only while a task is DOING`,
      });
    }
    if (t.resolution && t.state !== "DONE") {
      diagnostics.push({
        severity: "error",
        file,
        line: fieldLine("resolution"),
        column: 1,
        code: "resolution-outside-done",
        message: `Task ${t.id} is ${t.state} but has a resolution; only DONE tasks have one`,
      });
    }
  }
  // Dependency cycles, by an iterative depth-first search (a chain of 50,000 dependencies
  // must not overflow the stack); each cycle is reported once, where it closes.
  const color = new Map<string, 1 | 2>();
  for (const root of tasks) {
    if (color.has(root.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    color.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const deps = byId.get(top.id)?.task.depends ?? [];
      if (top.next >= deps.length) {
        color.set(top.id, 2);
        stack.pop();
        continue;
      }
      const dep = deps[top.next++] as string;
      if (dep === top.id || !byId.has(dep)) continue;
      const c = color.get(dep);
      if (c === 1) {
        const from = stack.findIndex((f) => f.id === dep);
        const cycle = [...stack.slice(from).map((f) => f.id), dep];
        const t = byId.get(top.id)?.task as Task;
        const message = `Dependency cycle: ${cycle.join(" -> ")}`;
        diagnostics.push({ severity: "error", file, line: t.line, column: 1, code: "dependency-cycle", message });
      } else if (c === undefined) {
        color.set(dep, 1);
        stack.push({ id: dep, next: 0 });
      }
    }
  }
}
