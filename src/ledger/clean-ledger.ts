// TASKS.md as typed data for a board the clean scan answers for (no diagnostic at all), read
// only as far as a command asks. A command that changes one task needs that task's entry,
// the policy and where the log ends, not every task as an object: on 1,000 tasks reading them
// all was most of a write's time, and on 50,000 most of its memory. Each entry is read with
// the reader's own parts (its field table and decodeTask), so a task reads exactly as readTasks
// reads it; asking for the task list, or for every section, reads them all.
// test/unit/clean-ledger.test.ts compares it with readTasks, and the plans made from both.

import type { Diagnostic } from "../model/diagnostic.js";
import { type Policy, STATES, type State, type Task } from "../model/task.js";
import { parseTimeAt } from "../model/time.js";
import { atxHeading, type BlockScan } from "./blocks.js";
import { type CleanTasks, type Range, scanCleanTasks } from "./clean-scan.js";
import {
  dominantEol,
  FieldTable,
  fieldColon,
  isBlank,
  isWs,
  type LedgerText,
  plainEntryHeading,
  type Section,
  TableSection,
} from "./document.js";
import { scanSimple } from "./fast-scan.js";
import { listRowReader } from "./list-rows.js";
import { type LogSection, logSectionOf } from "./log.js";
import { decodeTask, Interner, type Schedule, schedulesOf, type TasksLedger } from "./tasks.js";

/** The board read lazily when the clean scan answers for it; undefined otherwise (use readTasks). */
export function readCleanTasks(file: string, text: string): TasksLedger | undefined {
  const clean = scanCleanTasks(text);
  return clean && new CleanLedger(file, text, clean);
}

/** The clean scan a lazily read board was read with; undefined for a board readTasks read. */
export function cleanScanOf(ledger: TasksLedger): CleanTasks | undefined {
  return ledger instanceof CleanLedger ? ledger.clean : undefined;
}

/**
 * The tasks of a ledger that `keep` accepts (all without it): for a lazily read clean board,
 * a list that reads each task when asked for and keeps none (CleanLedger.taskList); for any
 * other, the tasks themselves.
 */
export function tasksOf(ledger: TasksLedger, keep?: (t: Task) => boolean): readonly Task[] {
  if (ledger instanceof CleanLedger) return ledger.taskList(keep);
  return keep ? ledger.tasks.filter(keep) : ledger.tasks;
}

/**
 * The DOING tasks: on a lazily read clean board with none, none read; when every DOING task
 * has a lease (the scan lists them), just those entries; otherwise, every task read.
 */
export function doingTasks(ledger: TasksLedger): Task[] {
  if (ledger instanceof CleanLedger) {
    const { byState, leases } = ledger.clean;
    if (byState.DOING === 0) return [];
    if (leases.length === byState.DOING) {
      const out: Task[] = [];
      for (const l of leases) {
        const t = ledger.byId.get(l.id)?.task;
        if (t?.state === "DOING") out.push(t);
      }
      if (out.length === byState.DOING) return out;
    }
  }
  return ledger.tasks.filter((t) => t.state === "DOING");
}

/** What the measures need of a task (rules/metrics.ts). */
export type TaskSummary = Pick<Task, "id" | "state" | "created" | "blocked">;

/**
 * Each task's ID, state, creation time and blocked reason, in file order: on a lazily read
 * clean board read from just those three field lines of each entry (metrics on a board of
 * thousands of tasks need nothing else of them); for any other, from its tasks.
 */
export function taskSummaries(ledger: TasksLedger): readonly TaskSummary[] {
  return ledger instanceof CleanLedger ? ledger.summaries() : ledger.tasks;
}

/** The number of tasks in each state: from the clean scan's counts when it read the board, reading no task. */
export function stateCounts(ledger: TasksLedger): Record<State, number> {
  if (ledger instanceof CleanLedger) return { ...ledger.clean.byState };
  const out = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>;
  for (const t of ledger.tasks) out[t.state]++;
  return out;
}

type Entry = { task: Task; section: Section };

class CleanLedger implements TasksLedger {
  readonly doc: LedgerText;
  readonly byId: Map<string, Entry>;
  readonly policy: Policy;
  readonly diagnostics: Diagnostic[] = [];
  private logSection: LogSection | undefined;
  private readonly table: FieldTable;
  private readonly interner: Interner;
  private readonly read = new Map<number, TableSection>(); // by start offset
  private cursor = { at: 0, line: 0 }; // the number of line breaks before `at`
  private all: { sections: Section[]; tasks: Task[] } | undefined;

  constructor(
    file: string,
    text: string,
    readonly clean: CleanTasks,
  ) {
    const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const ledger = this;
    let scan: BlockScan | undefined;
    this.doc = {
      kind: "tasks",
      file,
      text,
      bomLength,
      eol: dominantEol(text),
      // The fast scan always answers for a board the clean scan answers for.
      get scan() {
        scan ??= scanSimple(text, bomLength) as BlockScan;
        return scan;
      },
      get sections() {
        return ledger.everything().sections;
      },
      diagnostics: [],
    };
    this.table = new FieldTable(text, 64);
    this.interner = new Interner(text);
    this.policy = clean.policy;
    this.byId = new Entries(this);
  }

  /**
   * The log section, read when first asked for (writes ask; list and show do not): its
   * heading's line number is a count of every line before it.
   */
  get log(): LogSection {
    if (!this.logSection) {
      const log = this.clean.reservedRange("Log");
      this.logSection = logSectionOf(this.doc, log && this.section(log));
    }
    return this.logSection;
  }

  readonly entryIds = (): string[] => {
    const ids: string[] = [];
    for (const r of this.clean.sections()) if (r.id !== undefined) ids.push(r.id);
    return ids;
  };

  readonly entrySource = (id: string): string | undefined => this.clean.entryText(id);

  readonly highestId = (): number => this.clean.highestId;

  get tasks(): Task[] {
    return this.everything().tasks;
  }

  get schedules(): Schedule[] {
    const s = this.clean.reservedRange("Schedules");
    return schedulesOf(s && this.section(s));
  }

  /** Entry `id` read from its text, or undefined when the board has none. */
  entry(id: string): Entry | undefined {
    const range = this.clean.entryRange(id);
    if (!range) return undefined;
    const section = this.section(range);
    return { task: decodeTask(this.doc, section as TableSection, this.diagnostics, this.interner), section };
  }

  /**
   * The summary of each task, read as decodeTask reads those fields: the field lines are the
   * lines right under the heading up to the first blank or other line; "- key:" with no value
   * is not set. On a clean board each field is there at most once and its value is valid.
   */
  summaries(): TaskSummary[] {
    const { text } = this.doc;
    const out: TaskSummary[] = [];
    for (const r of this.clean.sections()) {
      if (r.id === undefined) continue;
      let state: State = "PLAN";
      let created: number | undefined;
      let blocked: string | undefined;
      // The heading line, then the field lines, read as parseFieldLine reads them.
      for (let ls = text.indexOf("\n", r.start) + 1; ls > 0 && ls < r.end; ) {
        let lineEnd = text.indexOf("\n", ls);
        if (lineEnd === -1 || lineEnd > r.end) lineEnd = r.end;
        const le = lineEnd > ls && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        const colon = fieldColon(text, ls, le);
        if (colon < 0) break; // a blank line is not a field line either
        let ks = ls + 1; // the key: after the marker and its blanks, up to the colon
        while (isWs(text.charCodeAt(ks))) ks++;
        ls = lineEnd + 1;
        const keyLength = colon - ks;
        if (keyLength !== 5 && keyLength !== 7) continue; // not state, created or blocked
        let vs = colon + 1; // the value: after the colon's blanks, without trailing blanks
        while (vs < le && isWs(text.charCodeAt(vs))) vs++;
        let ve = le;
        while (ve > vs && isWs(text.charCodeAt(ve - 1))) ve--;
        if (vs === ve) continue; // "- key:" with nothing after it: not set
        if (keyLength === 5 && text.startsWith("state", ks)) {
          state = STATES.find((st) => st.length === ve - vs && text.startsWith(st, vs)) ?? state;
        } else if (text.startsWith("created", ks)) created = parseTimeAt(text, vs, ve);
        else if (text.startsWith("blocked", ks)) blocked = text.slice(vs, ve).trim(); // as decodeText
      }
      out.push({ id: r.id, state, created, blocked });
    }
    return out;
  }

  /** Every section and task, read once, in file order. */
  everything(): { sections: Section[]; tasks: Task[] } {
    if (!this.all) {
      const sections: Section[] = [];
      const tasks: Task[] = [];
      for (const r of this.clean.sections()) {
        if (r.id === undefined) sections.push(this.section(r));
        else {
          const e = this.byId.get(r.id) as Entry;
          sections.push(e.section);
          tasks.push(e.task);
        }
      }
      this.all = { sections, tasks };
      (this.byId as Entries).inFileOrder(tasks);
    }
    return this.all;
  }

  /**
   * The section at [start, end), as readLedgerText makes it. On a clean board its heading is
   * a level-2 ATX heading, an entry's is a plain "T-12 Title", and every line under it up to
   * the first blank one is a field line (the Log's are not fields).
   */
  private section({ start, end }: Range, table = this.table): TableSection {
    const done = this.read.get(start);
    if (done) return done;
    const { text } = this.doc;
    const nl = text.indexOf("\n", start);
    const next = nl === -1 ? text.length : nl + 1;
    const le = nl === -1 ? text.length : nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const h = atxHeading(text, start, le) as { start: number; end: number };
    const headingLine = this.lineOf(start);
    const entry = plainEntryHeading(text, h.start, h.end, "T");
    const isLog = !entry && h.end - h.start === 3 && text.startsWith("Log", h.start);
    const fieldFirst = table.count;
    let fieldsEnd = next;
    if (!isLog) {
      for (let ln = headingLine + 1, ls = next, after = ls; ls < end; ln++, ls = after) {
        let lineEnd = text.indexOf("\n", ls);
        if (lineEnd === -1) lineEnd = text.length;
        after = lineEnd < text.length ? lineEnd + 1 : text.length;
        const contentEnd = lineEnd > ls && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        if (isBlank(text, ls, contentEnd)) break;
        const colon = fieldColon(text, ls, contentEnd);
        if (colon < 0) break;
        table.add(ln, ls, contentEnd, after, colon, fieldFirst);
        fieldsEnd = after;
      }
    }
    const section = new TableSection(
      table,
      entry ? "entry" : "reserved",
      h.start,
      h.end,
      entry && text.slice(h.start, entry.idEnd),
      entry && (entry.titleStart === h.end ? "" : text.slice(entry.titleStart, h.end).trim()),
      headingLine,
      entry ? entry.titleStart : h.start,
      start,
      end,
      end === text.length ? -1 : this.lineOf(end) - 1,
      fieldFirst,
      table.count - fieldFirst,
      fieldsEnd,
    );
    if (table === this.table) this.read.set(start, section);
    return section;
  }

  /**
   * The tasks `keep` accepts, in file order, as a list that reads a task each time one is
   * asked for and keeps none (each read from its lines as a plain row): the API's and MCP's
   * lists of 50,000 tasks hold one task at a time instead of all of them (the CLI's list streams
   * its rows instead, app/views.ts listRows). Asking for every task once more costs a
   * reading each time (a table of tasks asks twice).
   */
  taskList(keep: ((t: Task) => boolean) | undefined): readonly Task[] {
    const ranges = this.clean.sections().filter((r) => r.id !== undefined);
    // Each row straight from its lines (list-rows.ts), not through a section and decodeTask.
    const row = listRowReader(this.doc.text);
    const read = (r: Range) => row(r.start, r.end);
    let chosen: Range[] = ranges;
    if (keep) {
      chosen = [];
      for (const r of ranges) if (keep(read(r))) chosen.push(r);
    }
    const index = (key: string | symbol): number =>
      typeof key === "string" && /^(0|[1-9]\d*)$/.test(key) && Number(key) < chosen.length ? Number(key) : -1;
    return new Proxy([] as Task[], {
      get: (target, key, receiver) => {
        if (key === "length") return chosen.length;
        const i = index(key);
        return i >= 0 ? read(chosen[i] as Range) : Reflect.get(target, key, receiver);
      },
      has: (target, key) => index(key) >= 0 || Reflect.has(target, key),
    });
  }

  /**
   * The 0-based line of an offset, counted from the last one asked for, forwards or back
   * (a write asks for the log at the end, then for its entry), or from the start when nearer.
   */
  private lineOf(offset: number): number {
    const { text } = this.doc;
    let { at, line } = this.cursor;
    if (offset < at) {
      if (offset >= at - offset) {
        // Back from the last: the line breaks in [offset, at) are not before `offset`.
        for (let i = text.indexOf("\n", offset); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line--;
        this.cursor = { at: offset, line };
        return line;
      }
      at = line = 0;
    }
    for (let i = text.indexOf("\n", at); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
    this.cursor = { at: offset, line };
    return line;
  }
}

/** byId: an entry is read the first time it is asked for; iterating reads them all. */
class Entries extends Map<string, Entry> {
  constructor(private readonly ledger: CleanLedger) {
    super();
  }
  override get(id: string): Entry | undefined {
    let e = super.get(id);
    if (!e) {
      e = this.ledger.entry(id);
      if (e) super.set(id, e);
    }
    return e;
  }
  override has(id: string): boolean {
    return super.has(id) || this.ledger.clean.entryRange(id) !== undefined;
  }
  override get size(): number {
    return this.ledger.clean.tasks;
  }
  /** Once every entry is read: iterate them in file order, as readTasks's map does. */
  inFileOrder(tasks: readonly Task[]): void {
    const read = [...super.entries()];
    super.clear();
    const byId = new Map(read);
    for (const t of tasks) super.set(t.id, byId.get(t.id) as Entry);
  }
  private full(): this {
    this.ledger.everything();
    return this;
  }
  override forEach(f: (value: Entry, key: string, map: Map<string, Entry>) => void, thisArg?: unknown): void {
    super.forEach.call(this.full(), f, thisArg);
  }
  override entries(): MapIterator<[string, Entry]> {
    return super.entries.call(this.full());
  }
  override keys(): MapIterator<string> {
    return super.keys.call(this.full());
  }
  override values(): MapIterator<Entry> {
    return super.values.call(this.full());
  }
  override [Symbol.iterator](): MapIterator<[string, Entry]> {
    return super[Symbol.iterator].call(this.full());
  }
}
