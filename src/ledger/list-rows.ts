// The rows of `list` on a board the clean scan answers for (issue #21): each entry read from its
// heading and its field lines as they stream past, one regular expression match per field
// line, without the reader's section, field table and decoder. On a cold start (list runs once
// and exits) a match runs as native code where the reader's loops over characters run in V8's
// interpreter; that loop was most of list's time at 1,000 tasks.
//
// Only for a clean board: there every line under an entry's heading up to the first blank line
// is a field line with a known key, and every value is one its codec accepts (the clean scan
// gave up otherwise), so a task reads here as decodeTask reads it. test/unit/clean-ledger.test.ts
// compares the rows with readTasks' tasks on generated boards, on boards the commands evolve
// (leases, workers, fences), with CRLF and a byte-order mark.
//
// list itself goes further (ListRowCursor): it prints a row in the usual shape from the match
// alone, without making its task (app/documents.ts plainRowDocText, cli/render.ts
// writeTaskTable); test/unit/list-rows.test.ts compares what it prints with what the full
// reader's tasks print.

import type { Lease, Priority, Resolution, State, Task } from "../model/task.js";
import { parseTime } from "../model/time.js";
import { atxHeading } from "./blocks.js";
import { plainEntryHeading } from "./document.js";
import { decodeLease } from "./fields.js";

/**
 * A field line as fieldColon and parseFieldLine read it: the marker, blanks, the key up to the
 * first colon, then nothing or blanks and the value without its trailing blanks; its line end.
 */
const FIELD = /[-*+][ \t]+([^:\r\n]+):(?:[ \t]+([^\r\n]*?))?[ \t]*(?:\r?\n|$)/y;

const NONE: readonly string[] = Object.freeze([]);

/**
 * The items of a valid label or ID list: splitList's items (split at commas, trimmed, none
 * empty) when no item holds a blank or a comma, which a valid label or task ID never does.
 */
const ITEM = /[^\s,]+/g;

/** A label or depends value's items, as the row reads them (splitList's, for a valid value). */
export function listItems(value: string): readonly string[] {
  return value.match(ITEM) ?? NONE;
}

/**
 * A label or depends value as taskgate writes it: items joined by ", " (then listItems(value)
 * joined by ", " is the value itself, and split at ", " its items).
 */
export const JOINED_ITEMS = /^[^\s,]+(?:, [^\s,]+)*$/;

/** A task of the list: what Task has, as plain data. */
interface Row {
  id: string;
  title: string;
  state: State;
  priority: Priority;
  depends: readonly string[];
  labels: readonly string[];
  assignee: string | undefined;
  lease: Lease | undefined;
  attempts: number;
  blocked: string | undefined;
  resolution: Resolution | undefined;
  notBefore: number | undefined;
  created: number | undefined;
  fields: { key: string; value: string }[];
  line: number;
}

/**
 * Reads entries of a clean board in file order. `read(start, end)` gives the task whose entry
 * is text[start, end) (a range of the clean scan); reading them in file order counts the
 * lines once.
 */
export function listRowReader(text: string): (start: number, end: number) => Task {
  let at = 0; // line breaks before `at` are counted in `line`
  let line = 0;
  return (start: number, end: number): Task => {
    if (start < at) at = line = 0;
    for (let i = text.indexOf("\n", at); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) line++;
    at = start;
    return readRow(text, start, end, line + 1);
  };
}

/**
 * An entry of a clean board as list prints it, one after another in file order (one cursor,
 * moved to each entry in turn): the match of PLAIN_ROW when the entry is in taskgate's usual
 * shape, so that what list prints can be made from the field lines' text without a Task, and
 * the task itself when asked for.
 */
export class ListRowCursor {
  /** PLAIN_ROW's match of the entry (groups: PLAIN_GROUPS), or null when it is in another shape. */
  plain: RegExpExecArray | null = null;
  private start = 0;
  private end = 0;
  private at = 0; // line breaks before `at` are counted in `lineBreaks`
  private lineBreaks = 0;

  constructor(private readonly text: string) {}

  /** To the entry text[start, end) (a range of the clean scan). */
  moveTo(start: number, end: number): this {
    this.start = start;
    this.end = end;
    PLAIN_ROW.lastIndex = start;
    const m = PLAIN_ROW.exec(this.text);
    this.plain = m !== null && PLAIN_ROW.lastIndex <= end ? m : null;
    return this;
  }

  /**
   * 1-based line of the entry's heading: the line breaks are counted when it is asked for,
   * from the last entry it was asked for (the table never asks).
   */
  get line(): number {
    const { text, start } = this;
    if (start < this.at) this.at = this.lineBreaks = 0;
    let n = this.lineBreaks;
    for (let i = text.indexOf("\n", this.at); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) n++;
    this.at = start;
    this.lineBreaks = n;
    return n + 1;
  }

  /** The entry's task, as readTasks reads it. */
  task(): Task {
    return this.plain ? plainRow(this.plain, this.line) : readRowByLines(this.text, this.start, this.end, this.line);
  }
}

/**
 * The field keys an entry in taskgate's usual shape has, in the order taskgate writes them
 * (resolution before or after created): an entry with these fields in this order, each with
 * a value, LF line endings and one blank each side of the heading's ID, is read by one match
 * of PLAIN_ROW; any other by readRow, line by line.
 */
export const PLAIN_KEYS = [
  "state",
  "priority",
  "labels",
  "depends",
  "resolution",
  "created",
  "assignee",
  "lease",
  "not-before",
  "fence",
  "workers",
  "attempts",
  "blocked",
  "resolution",
] as const;

/**
 * The group of PLAIN_ROW's match that holds each part: the ID's number, the title, then
 * the value of PLAIN_KEYS[k] in group FIRST_FIELD + k.
 */
export const PLAIN_GROUPS = { idNumber: 1, title: 2, firstField: 3 } as const;

/** A value as parseFieldLine reads it after one blank: from a visible character to the last one. */
const VALUE = "([^ \\t\\r\\n](?:[^\\r\\n]*[^ \\t\\r\\n])?)";

/**
 * The heading "## T-12 Title" (a title that starts and ends with a visible character and does
 * not end with "#", so atxHeading and trim() leave it as it is), then the field lines of
 * PLAIN_KEYS, then a blank line, the next heading or the end. Groups: the ID's number, the
 * title, then one per key of PLAIN_KEYS.
 */
const PLAIN_ROW = new RegExp(
  `## T-([1-9]\\d*) ([^\\s#](?:[^\\n\\r\\u2028\\u2029]*[^\\s#])?)\\n${PLAIN_KEYS.map((k) => `(?:- ${k}: ${VALUE}\\n)?`).join("")}(?=\\n|#|$)`,
  "y",
);

function readRow(text: string, start: number, end: number, line: number): Task {
  PLAIN_ROW.lastIndex = start;
  const m = PLAIN_ROW.exec(text);
  if (m !== null && PLAIN_ROW.lastIndex <= end) return plainRow(m, line);
  return readRowByLines(text, start, end, line);
}

/** A task with no field yet: every value its default, as the reader gives a task without fields. */
function emptyRow(id: string, title: string, line: number): Row {
  return {
    id,
    title,
    state: "PLAN",
    priority: "P2",
    depends: NONE,
    labels: NONE,
    assignee: undefined,
    lease: undefined,
    attempts: 0,
    blocked: undefined,
    resolution: undefined,
    notBefore: undefined,
    created: undefined,
    fields: [],
    line,
  };
}

/** A row from PLAIN_ROW's groups: the fields in the order they were matched, which is the file's. */
function plainRow(m: RegExpExecArray, line: number): Task {
  const row = emptyRow(`T-${m[1]}`, m[2] as string, line);
  for (let k = 0; k < PLAIN_KEYS.length; k++) {
    const value = m[k + 3];
    if (value === undefined) continue;
    const key = PLAIN_KEYS[k] as string;
    row.fields.push({ key, value });
    setField(row, key, value);
  }
  return row as Task;
}

function readRowByLines(text: string, start: number, end: number, line: number): Task {
  let nl = text.indexOf("\n", start);
  if (nl === -1 || nl > end) nl = end;
  const le = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  // As the reader makes an entry's section: an ATX heading, "T-12 Title".
  const h = atxHeading(text, start, le) as { start: number; end: number };
  const entry = plainEntryHeading(text, h.start, h.end, "T") as { idEnd: number; titleStart: number };
  const row = emptyRow(
    text.slice(h.start, entry.idEnd),
    entry.titleStart === h.end ? "" : text.slice(entry.titleStart, h.end).trim(),
    line,
  );
  for (let p = nl + 1; p < end; p = FIELD.lastIndex) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13 || c === 32 || c === 9) break; // a blank line ends the fields
    FIELD.lastIndex = p;
    const m = FIELD.exec(text);
    if (m === null) break; // not on a clean board
    const key = m[1] as string;
    const value = m[2] ?? "";
    row.fields.push({ key, value });
    if (value !== "") setField(row, key, value);
  }
  return row as Task;
}

/** A known field's value on the row, as decodeTask reads it (a clean board's values are valid). */
function setField(row: Row, key: string, value: string): void {
  switch (key) {
    case "state":
      row.state = value as State;
      break;
    case "priority":
      row.priority = value as Priority;
      break;
    case "labels":
      row.labels = value.match(ITEM) ?? NONE;
      break;
    case "depends":
      row.depends = value.match(ITEM) ?? NONE;
      break;
    case "assignee":
      row.assignee = value;
      break;
    case "lease":
      row.lease = (decodeLease(value) as { value: Lease }).value;
      break;
    case "attempts":
      row.attempts = Number(value);
      break;
    case "blocked":
      row.blocked = value.trim();
      break;
    case "resolution":
      row.resolution = value as Resolution;
      break;
    case "not-before":
      row.notBefore = parseTime(value);
      break;
    case "created":
      row.created = parseTime(value);
      break;
  }
}
