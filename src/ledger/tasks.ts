// TASKS.md as typed data: tasks, policy and schedules, plus every diagnostic found on the way.

import type { Diagnostic } from "../model/diagnostic.js";
import {
  DEFAULT_POLICY,
  type Lease,
  type Policy,
  PRIORITIES,
  type Priority,
  type Resolution,
  STATES,
  type State,
  type Task,
} from "../model/task.js";
import { parseTimeAt } from "../model/time.js";
import { decodeFields, decodeUnknown, reportBadValue } from "./decode.js";
import {
  eachListItem,
  type FieldLine,
  KEY,
  type LedgerText,
  readLedgerText,
  type Section,
  sectionByName,
  type TableSection,
} from "./document.js";
import { likelyEntryId, loggedAdds } from "./entry-ids.js";
import { type Decoded, POLICY_FIELDS, TASK_FIELDS } from "./fields.js";
import { type LogSection, locateLog } from "./log.js";
import { checkTaskPhases, readPhases } from "./phases.js";

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
  /**
   * For a reader that reads entries only when asked (clean-ledger.ts): the entries' IDs in file
   * order, and an entry's text as in the file (heading to the next section), neither reading
   * the entry. Absent here, where every entry is read already.
   */
  readonly entryIds?: () => string[];
  readonly entrySource?: (id: string) => string | undefined;
  /**
   * For the same reader: the highest task number the file has used, in an entry or in the
   * log's add lines, without reading an entry (nextTaskId).
   */
  readonly highestId?: () => number;
}

/** The entries' IDs in file order (an ID defined twice, twice), read or not. */
export function entryIdsOf(ledger: TasksLedger): string[] {
  return ledger.entryIds ? ledger.entryIds() : ledger.tasks.map((t) => t.id);
}

/** The text of the entry byId finds for `id`, as in the file; undefined when there is none. */
export function entrySourceOf(ledger: TasksLedger, id: string): string | undefined {
  if (ledger.entrySource) return ledger.entrySource(id);
  const section = ledger.byId.get(id)?.section;
  return section && ledger.doc.text.slice(section.start, section.end);
}

export function readTasks(file: string, text: string): TasksLedger {
  const doc = readLedgerText("tasks", file, text);
  const diagnostics = [...doc.diagnostics];
  const tasks: Task[] = [];
  const byId = new Map<string, TaskEntry>();
  const labels = new Interner(text);
  for (const s of doc.sections) {
    if (s.kind !== "entry" || !s.id) continue;
    const section = s as TableSection;
    const task = decodeTask(doc, section, diagnostics, labels);
    if (!byId.has(task.id)) byId.set(task.id, { task, section, index: tasks.length });
    tasks.push(task);
  }
  checkTaskRelations(file, tasks, byId, diagnostics);
  checkLoggedAdds(doc, byId, diagnostics);
  readPhases(doc, diagnostics);
  checkTaskPhases(doc, tasks, diagnostics);

  const policySection = sectionByName(doc, "Policy");
  const policy = policySection
    ? policyFrom(decodeFields(doc, policySection, POLICY_FIELDS, diagnostics, "the policy"))
    : DEFAULT_POLICY;
  const schedules = schedulesOf(sectionByName(doc, "Schedules"));

  return { doc, tasks, byId, policy, schedules, log: locateLog(doc), diagnostics };
}

/** The schedules listed in the Schedules section (none without one). */
export function schedulesOf(section: Section | undefined): Schedule[] {
  return (section?.fields ?? []).map((f) => ({ name: f.key, spec: f.value, line: f.line + 1 }));
}

/** The policy from its decoded fields (POLICY_FIELDS' keys), with defaults for the rest. */
export function policyFrom(v: Map<string, unknown>): Policy {
  return {
    lease: (v.get("lease") as number | undefined) ?? DEFAULT_POLICY.lease,
    maxAttempts: (v.get("max-attempts") as number | undefined) ?? DEFAULT_POLICY.maxAttempts,
    backoff: (v.get("backoff") as Policy["backoff"] | undefined) ?? DEFAULT_POLICY.backoff,
    approvalRequired: (v.get("approval-required") as string[] | undefined) ?? DEFAULT_POLICY.approvalRequired,
    wipLimit: (v.get("wip-limit") as Policy["wipLimit"] | undefined) ?? DEFAULT_POLICY.wipLimit,
    clockSkew: (v.get("clock-skew") as number | undefined) ?? DEFAULT_POLICY.clockSkew,
    signedCommits: (v.get("signed-commits") as boolean | undefined) ?? DEFAULT_POLICY.signedCommits,
    approvalSla: (v.get("approval-sla") as number | undefined) ?? DEFAULT_POLICY.approvalSla,
    timeZone: v.get("time-zone") as string | undefined,
    goals: {
      automation: v.get("goal-automation") as number | undefined,
      recovery: v.get("goal-recovery") as number | undefined,
      approvalWait: v.get("goal-approval-wait") as number | undefined,
    },
  };
}

/** A byId entry; `index` is the task's place in `tasks` (for the dependency search). */
export interface TaskEntry {
  readonly task: Task;
  readonly section: Section;
  readonly index: number;
}

const NONE: readonly string[] = [];

/** A task read from its section; its field lines are made only when asked for. */
class LedgerTask implements Task {
  constructor(
    readonly id: string,
    readonly title: string,
    readonly state: State,
    readonly priority: Priority,
    readonly depends: readonly string[],
    readonly labels: readonly string[],
    readonly assignee: string | undefined,
    readonly lease: Lease | undefined,
    readonly attempts: number,
    readonly blocked: string | undefined,
    readonly resolution: Resolution | undefined,
    readonly notBefore: number | undefined,
    readonly created: number | undefined,
    readonly line: number,
    private readonly section: TableSection,
  ) {}

  get fields(): FieldLine[] {
    return this.section.fields;
  }

  /** Whether the task has a field line with this key code (set or empty). */
  fieldsHave(code: number): boolean {
    return this.section.findCode(code) >= 0;
  }
}

/**
 * Equal strings sliced from one text, shared: a board has a handful of labels on thousands
 * of tasks, and one string each is less to allocate and to keep.
 */
export class Interner {
  private readonly byLength: string[][] = [];
  constructor(private readonly text: string) {}
  get(start: number, end: number): string {
    this.byLength[end - start] ??= [];
    const list = this.byLength[end - start] as string[];
    for (const s of list) if (this.text.startsWith(s, start)) return s;
    const s = this.text.slice(start, end);
    if (list.length < 32) list.push(s);
    return s;
  }
}

/** What JavaScript's trim() removes, within ASCII. */
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * decodeLabels for a value of ASCII labels, read in place: the labels, or undefined when
 * the value has anything else (then the codec reads it, with its words for what is wrong).
 */
function asciiLabels(text: string, vs: number, ve: number, interner: Interner): string[] | undefined {
  const out: string[] = [];
  const plain = eachListItem(text, vs, ve, (a, b) => {
    if (!isAsciiAlnum(text.charCodeAt(a))) return false;
    for (let q = a + 1; q < b; q++) {
      const c = text.charCodeAt(q);
      if (!isAsciiAlnum(c) && c !== 46 && c !== 95 && c !== 47 && c !== 45) return false;
    }
    out.push(interner.get(a, b));
    return true;
  });
  return plain ? out : undefined;
}

/** decodeIdList for plain "T-1, T-22" values, read in place; undefined for anything else. */
function plainIds(text: string, vs: number, ve: number): string[] | undefined {
  const out: string[] = [];
  const plain = eachListItem(text, vs, ve, (a, b) => {
    const d = text.charCodeAt(a + 2);
    if (b - a < 3 || text.charCodeAt(a) !== 84 || text.charCodeAt(a + 1) !== 45 || d < 49 || d > 57) return false;
    for (let q = a + 3; q < b; q++) {
      const c = text.charCodeAt(q);
      if (c < 48 || c > 57) return false;
    }
    out.push(text.slice(a, b));
    return true;
  });
  return plain ? out : undefined;
}

/** Decodes row i with its codec; a value that does not fit is reported and undefined. */
function decodeOrReport<T>(
  doc: LedgerText,
  section: TableSection,
  i: number,
  diagnostics: Diagnostic[],
): T | undefined {
  const f = section.table.fieldLine(i); // not section.fields, which makes every line of the section
  const d = (TASK_FIELDS[f.key] as (v: string) => Decoded<T>)(f.value);
  if (d.ok) return d.value;
  reportBadValue(doc, f, d.expected, diagnostics);
  return undefined;
}

const NO_STATES: readonly State[] = [];
const STATE_BY_LENGTH: State[][] = [];
for (const st of STATES) {
  STATE_BY_LENGTH[st.length] ??= [];
  STATE_BY_LENGTH[st.length]?.push(st);
}
const PRIORITY_BY_DIGIT: readonly Priority[] = PRIORITIES;

/**
 * One task's fields, read from the document's field table by key code: values are compared
 * and parsed in place, and strings are made only for what a task keeps (labels shared, IDs,
 * the rarer fields). This runs for every task on every command, mostly before the JIT has
 * warmed up. The codecs still give the words of every diagnostic: any value the in-place
 * reading does not accept goes to its codec (decodeFields reports unknown keys the same way
 * as for the other sections).
 */
export function decodeTask(
  doc: LedgerText,
  section: TableSection,
  diagnostics: Diagnostic[],
  interner: Interner,
): Task {
  const { table } = section;
  const { text } = doc;
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
  let hasState = false;
  const last = section.fieldFirst + section.fieldCount;
  for (let i = section.fieldFirst; i < last; i++) {
    const code = table.code(i);
    if (code === KEY.state) hasState = true;
    const vs = table.valueStart(i);
    const ve = table.valueEnd(i);
    if (vs === ve) continue; // "- key:" with nothing after it means the field is not set
    switch (code) {
      case KEY.state: {
        let found: State | undefined;
        for (const st of STATE_BY_LENGTH[ve - vs] ?? NO_STATES) if (text.startsWith(st, vs)) found = st;
        if (found) state = found;
        else decodeOrReport(doc, section, i, diagnostics);
        break;
      }
      case KEY.priority: {
        const d = text.charCodeAt(vs + 1) - 48;
        if (ve - vs === 2 && text.charCodeAt(vs) === 80 && d >= 0 && d < PRIORITY_BY_DIGIT.length) {
          priority = PRIORITY_BY_DIGIT[d] as Priority;
        } else decodeOrReport(doc, section, i, diagnostics);
        break;
      }
      case KEY.created: {
        const t = parseTimeAt(text, vs, ve);
        if (t === undefined) decodeOrReport(doc, section, i, diagnostics);
        else created = t;
        break;
      }
      case KEY.notBefore: {
        const t = parseTimeAt(text, vs, ve);
        if (t === undefined) decodeOrReport(doc, section, i, diagnostics);
        else notBefore = t;
        break;
      }
      case KEY.resolution:
        if (table.valueIs(i, "done")) resolution = "done";
        else if (table.valueIs(i, "cancelled")) resolution = "cancelled";
        else decodeOrReport(doc, section, i, diagnostics);
        break;
      case KEY.labels:
        labels = asciiLabels(text, vs, ve, interner) ?? decodeOrReport<string[]>(doc, section, i, diagnostics) ?? NONE;
        break;
      case KEY.depends:
        depends = plainIds(text, vs, ve) ?? decodeOrReport<string[]>(doc, section, i, diagnostics) ?? NONE;
        break;
      case KEY.assignee:
        assignee = decodeOrReport<string>(doc, section, i, diagnostics);
        break;
      case KEY.lease:
        lease = decodeOrReport<Lease>(doc, section, i, diagnostics);
        break;
      case KEY.attempts:
        attempts = decodeOrReport<number>(doc, section, i, diagnostics) ?? 0;
        break;
      case KEY.blocked:
        blocked = decodeOrReport<string>(doc, section, i, diagnostics);
        break;
      case KEY.fence:
      case KEY.workers:
      case KEY.rework:
      case KEY.lastError:
      case KEY.evidence:
      case KEY.paths:
      case KEY.worktree:
        decodeOrReport(doc, section, i, diagnostics);
        break;
      default:
        others = true;
    }
  }
  if (others) decodeUnknown(doc, section, TASK_FIELDS, diagnostics, `task ${section.id}`);
  if (state === undefined && !hasState) {
    diagnostics.push({
      severity: "error",
      file: doc.file,
      line: section.headingLine + 2,
      column: 1,
      code: "missing-state",
      message: `Task ${section.id} has no state; expected a field line "- state: PLAN" (PLAN|READY|DOING|REVIEW|DONE) under its heading`,
    });
  }
  const task = new LedgerTask(
    section.id as string,
    section.title ?? "",
    state ?? "PLAN",
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
    section.headingLine + 1,
    section,
  );
  if (state === undefined) unreadableState.add(task);
  return task;
}

/**
 * Tasks whose state line is missing or unreadable (already reported): read as PLAN, but not
 * judged by what their state implies (a resolution outside DONE, a lease outside DOING), which
 * would be a second, false error about the same line.
 */
const unreadableState = new WeakSet<Task>();

/**
 * Every task the log adds has its entry: one deleted by hand, or hidden behind a mistyped
 * heading, would otherwise vanish from every view without a word (the heading's own error
 * names the ID, so that case is not reported twice).
 */
function checkLoggedAdds(doc: LedgerText, byId: Map<string, TaskEntry>, diagnostics: Diagnostic[]): void {
  const log = sectionByName(doc, "Log");
  if (!log) return;
  const mistyped = new Set<string | undefined>();
  for (const s of doc.sections) if (s.kind === "other") mistyped.add(likelyEntryId(s.name, "T"));
  const reported = new Set<string>();
  for (const a of loggedAdds(doc.text, log.start, log.end)) {
    const id = `T-${a.n}`;
    if (byId.has(id) || mistyped.has(id) || reported.has(id)) continue;
    reported.add(id);
    diagnostics.push({
      severity: "error",
      file: doc.file,
      line: lineAt(doc.scan.lineStarts, a.lineStart) + 1,
      column: 1,
      code: "missing-entry",
      message: `The log adds ${id} here, but no entry "## ${id} <title>" holds it; restore the entry (git log -p shows it), or cancel a task instead of deleting it`,
    });
  }
}

/** The 0-based line whose start is the greatest at or before `offset`. */
function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function checkTaskRelations(
  file: string,
  tasks: Task[],
  byId: Map<string, TaskEntry>,
  diagnostics: Diagnostic[],
): void {
  // The line of the field `code` in the section of the task first defined with this ID.
  const fieldLine = (t: Task, code: number) => {
    const section = byId.get(t.id)?.section as TableSection;
    const row = section.findCode(code);
    return row >= 0 ? section.table.line(row) + 1 : t.line;
  };
  let withDeps = 0;
  for (const t of tasks) {
    if (t.depends.length) {
      withDeps++;
      for (const dep of t.depends) {
        if (dep === t.id) {
          diagnostics.push({
            severity: "error",
            file,
            line: fieldLine(t, KEY.depends),
            column: 1,
            code: "self-dependency",
            message: `Task ${t.id} depends on itself`,
          });
        } else if (!byId.has(dep)) {
          diagnostics.push({
            severity: "error",
            file,
            line: fieldLine(t, KEY.depends),
            column: 1,
            code: "unknown-dependency",
            message: `Task ${t.id} depends on ${dep}, which is not in this file`,
          });
        }
      }
    }
    if (unreadableState.has(t)) continue;
    if (t.state === "DOING") {
      if (!t.lease && (t as LedgerTask).fieldsHave(KEY.lease) === false) {
        diagnostics.push({
          severity: "warning",
          file,
          line: t.line,
          column: 1,
          code: "doing-without-lease",
          message: `Task ${t.id} is DOING but nobody holds a lease on it`,
        });
      }
    } else if (t.lease) {
      diagnostics.push({
        severity: "error",
        file,
        line: fieldLine(t, KEY.lease),
        column: 1,
        code: "lease-outside-doing",
        message: `Task ${t.id} is ${t.state} but has a lease; a lease exists only while a task is DOING`,
      });
    }
    if (t.resolution && t.state !== "DONE") {
      diagnostics.push({
        severity: "error",
        file,
        line: fieldLine(t, KEY.resolution),
        column: 1,
        code: "resolution-outside-done",
        message: `Task ${t.id} is ${t.state} but has a resolution; only DONE tasks have one`,
      });
    }
  }
  if (withDeps) findCycles(file, tasks, byId, diagnostics);
}

/**
 * Dependency cycles, by an iterative depth-first search over task indexes (a chain of 50,000
 * dependencies must not overflow the stack); each cycle is reported once, where it closes.
 * Tasks without dependencies cannot be on a cycle and are never pushed as roots.
 */
function findCycles(file: string, tasks: Task[], byId: Map<string, TaskEntry>, diagnostics: Diagnostic[]): void {
  const n = tasks.length;
  // Each ID's dependencies as indexes of known tasks (itself and unknown IDs left out), from
  // the task first defined with that ID, as byId resolves them.
  const deps: (Int32Array | undefined)[] = new Array(n);
  const depsOf = (index: number): Int32Array => {
    let d = deps[index];
    if (!d) {
      const t = tasks[index] as Task;
      d = new Int32Array(t.depends.length);
      let k = 0;
      for (const dep of t.depends) {
        if (dep === t.id) continue;
        const e = byId.get(dep);
        if (e) d[k++] = e.index;
      }
      d = d.subarray(0, k);
      deps[index] = d;
    }
    return d;
  };
  const color = new Uint8Array(n); // 0 white, 1 on the stack, 2 done
  const stack = new Int32Array(n);
  const nextDep = new Int32Array(n);
  for (const root of tasks) {
    if (root.depends.length === 0) continue;
    const r = (byId.get(root.id) as TaskEntry).index;
    if (color[r] !== 0) continue;
    let top = 0;
    stack[0] = r;
    nextDep[0] = 0;
    color[r] = 1;
    while (top >= 0) {
      const at = stack[top] as number;
      const d = depsOf(at);
      const k = nextDep[top] as number;
      if (k >= d.length) {
        color[at] = 2;
        top--;
        continue;
      }
      nextDep[top] = k + 1;
      const dep = d[k] as number;
      const c = color[dep];
      if (c === 1) {
        let from = 0;
        while (stack[from] !== dep) from++;
        const cycle: string[] = [];
        for (let k = from; k <= top; k++) cycle.push((tasks[stack[k] as number] as Task).id);
        cycle.push((tasks[dep] as Task).id);
        const message = `Dependency cycle: ${cycle.join(" -> ")}`;
        const line = (tasks[at] as Task).line;
        diagnostics.push({ severity: "error", file, line, column: 1, code: "dependency-cycle", message });
      } else if (c === 0) {
        color[dep] = 1;
        top++;
        stack[top] = dep;
        nextDep[top] = 0;
      }
    }
  }
}
