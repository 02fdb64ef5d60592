// Text -> sections and field lines, with the byte offsets the editor needs. Typed meaning
// (tasks, approvals, policy, log) is read from these in the neighbouring modules.

import type { Diagnostic, Severity } from "../model/diagnostic.js";
import { type BlockScan, type Heading, MAX_NESTING, scanBlocks } from "./blocks.js";
import { likelyEntryId } from "./entry-ids.js";
import { scanSimple } from "./fast-scan.js";

export type LedgerKind = "tasks" | "approvals";

export interface FieldLine {
  readonly key: string;
  readonly value: string;
  /** 0-based line index. */
  readonly line: number;
  /** Offset of the line's first character, of its content end, and of the next line. */
  readonly start: number;
  readonly end: number;
  readonly next: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface Section {
  readonly kind: "entry" | "reserved" | "other";
  /** The heading text: a reserved name, or "T-12 Title" for entries. */
  readonly name: string;
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly headingLine: number;
  readonly titleStart: number;
  readonly titleEnd: number;
  /** [start, end): from the heading line to the next section's heading (or the end of text). */
  readonly start: number;
  readonly end: number;
  /**
   * 0-based index of the section's last line, or -1 for the file's last section (whose end
   * needs the whole line table: use lastLineOf).
   */
  readonly lastLine: number;
  readonly fields: FieldLine[];
  /** Offset just after the field list (after the heading line when there are no fields). */
  readonly fieldsEnd: number;
}

export interface LedgerText {
  readonly kind: LedgerKind;
  readonly file: string;
  readonly text: string;
  readonly bomLength: number;
  /** The line ending new lines get: the file's most common one (LF for an empty file). */
  readonly eol: "\n" | "\r\n";
  readonly scan: BlockScan;
  readonly sections: Section[];
  readonly diagnostics: Diagnostic[];
}

export const RESERVED: Record<LedgerKind, readonly string[]> = {
  tasks: ["Policy", "Schedules", "Phases", "Hooks", "Log"],
  approvals: ["Roles", "Rules", "Log"],
};

export const ID_PREFIX: Record<LedgerKind, string> = { tasks: "T", approvals: "A" };

const ENTRY_HEADING = /^([A-Za-z]+)-(\d+)(?:[ \t]+(.*))?$/;

export function readLedgerText(kind: LedgerKind, file: string, text: string): LedgerText {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const scan = scanSimple(text, bomLength) ?? scanBlocks(text, bomLength);
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column: number, severity: Severity, code: string, message: string): Diagnostic => ({
    severity,
    file,
    line: line + 1,
    column,
    code,
    message,
  });

  checkConflictMarkers(text, scan, (line, msg) => diagnostics.push(at(line, 1, "error", "conflict-marker", msg)));
  if (scan.unclosed) {
    const what = scan.unclosed.kind === "fence" ? "code fence" : "HTML comment";
    diagnostics.push(
      at(
        scan.unclosed.line,
        1,
        "error",
        "unclosed-block",
        `This ${what} is never closed, so everything after it is hidden from Markdown; close it`,
      ),
    );
  }
  if (scan.tooDeep) {
    diagnostics.push(
      at(
        scan.tooDeep.line,
        scan.tooDeep.column,
        "error",
        "too-deep",
        `Expected lists and quotes nested at most ${MAX_NESTING} deep, found a deeper one; taskgate reads the rest of this line as text: flatten it`,
      ),
    );
  }
  for (const s of scan.setext) {
    diagnostics.push(
      at(
        s.line,
        1,
        "warning",
        "setext-heading",
        `A line of ${s.level === 1 ? "=" : "-"} under text makes that text a heading; use '## ' headings, or put a blank line before a --- rule`,
      ),
    );
  }

  const sections: Section[] = [];
  const reserved = RESERVED[kind];
  const prefix = ID_PREFIX[kind];
  const seen = new Map<string, number>();
  /** What every entry heading must have, however it was read: a title, and an ID of its own. */
  const entryChecks = (id: string, title: string, line: number, col: number) => {
    if (!title) diagnostics.push(at(line, col, "error", "missing-title", `Expected a title after ${id}`));
    const first = seen.get(id);
    if (first !== undefined) {
      diagnostics.push({
        ...at(line, col, "error", "duplicate-id", `Duplicate ID ${id}`),
        related: { line: first + 1, column: col, message: "first defined" },
      });
    } else seen.set(id, line);
  };
  const table = new FieldTable(text);
  const { headings } = scan;
  let firstEntrySeen = false;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as Heading;
    if (h.level > 2) continue;
    let nextHeading: Heading | undefined;
    for (let j = i + 1; j < headings.length; j++) {
      if ((headings[j] as Heading).level <= 2) {
        nextHeading = headings[j];
        break;
      }
    }
    if (h.level === 1 && !firstEntrySeen) continue; // the document title, part of the preamble
    firstEntrySeen = true;
    const start = h.start;
    const end = nextHeading ? nextHeading.start : text.length;
    let sectionKind: Section["kind"] = "other";
    let id: string | undefined;
    let title: string | undefined;
    let titleStart = h.textStart;
    // An entry heading "T-12 Title" with the ledger's prefix and a plain number, read in place
    // (no reserved name has a "-" and digits, so this is never one).
    const entry = h.level === 2 ? plainEntryHeading(text, h.textStart, h.textEnd, prefix) : undefined;
    if (entry !== undefined) {
      sectionKind = "entry";
      id = text.slice(h.textStart, entry.idEnd);
      titleStart = entry.titleStart;
      title = entry.titleStart === h.textEnd ? "" : text.slice(entry.titleStart, h.textEnd).trim();
      entryChecks(id, title, h.line, h.textStart - start + 1);
    } else {
      const name = text.slice(h.textStart, h.textEnd);
      if (h.level === 1) {
        diagnostics.push(
          at(
            h.line,
            1,
            "warning",
            "level-1-heading",
            "A level-1 heading after the first section starts a part that taskgate does not read; use '## '",
          ),
        );
      } else if (reserved.includes(name)) {
        sectionKind = "reserved";
      } else {
        const m = ENTRY_HEADING.exec(name);
        if (m && m[1] === prefix) {
          sectionKind = "entry";
          id = `${m[1]}-${Number(m[2])}`;
          title = (m[3] ?? "").trim();
          titleStart = m[3] === undefined ? h.textEnd : h.textEnd - (m[3] as string).length;
          const col = h.textStart - start + 1;
          if (`${m[1]}-${m[2]}` !== id) {
            diagnostics.push(
              at(h.line, col, "error", "bad-id", `Expected the ID ${id}, found "${m[1]}-${m[2]}" (no leading zeros)`),
            );
          }
          entryChecks(id, title, h.line, col);
        } else if (likelyEntryId(name, prefix) !== undefined) {
          // A task whose heading was mistyped would vanish from every view: an error.
          const likely = likelyEntryId(name, prefix) as string;
          diagnostics.push(
            at(
              h.line,
              h.textStart - start + 1,
              "error",
              "lookalike-heading",
              `"## ${name}" looks like the heading of ${likely} but is not one, so ${likely} is not read; write it "## ${likely} <title>"`,
            ),
          );
        } else if (m || /^[A-Za-z]-?\d/.test(name)) {
          diagnostics.push(
            at(
              h.line,
              h.textStart - start + 1,
              "error",
              "bad-id",
              `Expected an entry heading "## ${prefix}-<number> <title>", found "## ${name}"`,
            ),
          );
        } else {
          diagnostics.push(
            at(
              h.line,
              h.textStart - start + 1,
              "warning",
              "unknown-section",
              `Unknown section "${name}"; ${kind === "tasks" ? "TASKS.md" : "APPROVALS.md"} knows ${reserved.join(", ")} and entries "## ${prefix}-<number> <title>"; it is kept as it is`,
            ),
          );
        }
      }
    }
    // The field list: consecutive "- key: value" lines right under the heading, kept as offsets
    // in the document's field table (FieldLine objects are made only when asked for).
    const isRules =
      sectionKind === "reserved" && text.startsWith("Rules", h.textStart) && h.textEnd - h.textStart === 5;
    const isLog = sectionKind === "reserved" && text.startsWith("Log", h.textStart) && h.textEnd - h.textStart === 3;
    const fieldFirst = table.count;
    let fieldsEnd = h.next;
    if (sectionKind !== "other" && !isLog) {
      // Walk the lines under the heading by offset (no line table needed).
      for (let ln = h.line + 1, ls = h.next, next = ls; ls < end; ln++, ls = next) {
        let nl = text.indexOf("\n", ls);
        if (nl === -1) nl = text.length;
        next = nl < text.length ? nl + 1 : text.length;
        const le = nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (isBlank(text, ls, le)) break;
        const colon = fieldColon(text, ls, le);
        if (colon < 0) {
          const lineText = text.slice(ls, le);
          if (isRules) break; // a YAML block follows
          if (/^(<{7}|={7}|>{7})/.test(lineText)) break; // reported as a conflict marker
          const listItem = /^[-*+][ \t]/.test(lineText);
          diagnostics.push(
            at(
              ln,
              1,
              "error",
              "bad-field",
              table.count === fieldFirst && !listItem
                ? `Expected a field line "- key: value" right under the heading, or a blank line before the text`
                : listItem
                  ? `Expected a field line "- key: value", found "${clip(lineText)}"`
                  : "Expected a blank line between the field list and the text (this line would join the field above)",
            ),
          );
          if (listItem) continue; // still a list item: check the fields after it
          break;
        }
        const dup = table.add(ln, ls, le, next, colon, fieldFirst);
        if (dup >= 0) {
          const key = table.key(table.count - 1);
          diagnostics.push({
            ...at(
              ln,
              table.keyStart(table.count - 1) - ls + 1,
              "error",
              "duplicate-field",
              `Field "${key}" appears twice`,
            ),
            related: { line: table.line(dup) + 1, column: 3, message: "first set" },
          });
        }
        fieldsEnd = next;
      }
    }
    sections.push(
      new TableSection(
        table,
        sectionKind,
        h.textStart,
        h.textEnd,
        id,
        title,
        h.line,
        titleStart,
        start,
        end,
        nextHeading ? nextHeading.line - 1 : -1,
        fieldFirst,
        table.count - fieldFirst,
        fieldsEnd,
      ),
    );
  }

  const reservedSeen = new Map<string, number>();
  for (const s of sections) {
    if (s.kind !== "reserved") continue;
    const first = reservedSeen.get(s.name);
    if (first !== undefined) {
      diagnostics.push({
        ...at(s.headingLine, 1, "error", "duplicate-section", `Section "## ${s.name}" appears twice`),
        related: { line: first + 1, column: 1, message: "first here" },
      });
    } else reservedSeen.set(s.name, s.headingLine);
  }

  return { kind, file, text, bomLength, eol: dominantEol(text), scan, sections, diagnostics };
}

export const isWs = (c: number) => c === 32 || c === 9;

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWs(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A field line "- key: value": the marker (- * +), white space, a key up to the first colon
 * (not starting with a blank or a colon), then nothing, or white space and the value (its
 * trailing blanks are not part of it). The offsets of key and value, or undefined.
 */
export function parseFieldLine(
  text: string,
  start: number,
  end: number,
): { keyStart: number; keyEnd: number; valueStart: number; valueEnd: number } | undefined {
  const marker = text.charCodeAt(start);
  if (marker !== 45 && marker !== 42 && marker !== 43) return undefined;
  let p = start + 1;
  if (p >= end || !isWs(text.charCodeAt(p))) return undefined;
  while (p < end && isWs(text.charCodeAt(p))) p++;
  if (p >= end || text.charCodeAt(p) === 58) return undefined;
  const keyStart = p;
  const colon = text.indexOf(":", p);
  if (colon === -1 || colon >= end) return undefined;
  let q = colon + 1;
  if (q < end && !isWs(text.charCodeAt(q))) return undefined; // "key:value" is not a field
  while (q < end && isWs(text.charCodeAt(q))) q++;
  let e = end;
  while (e > q && isWs(text.charCodeAt(e - 1))) e--;
  return { keyStart, keyEnd: colon, valueStart: e > q ? q : end, valueEnd: e > q ? e : end };
}

/** The offset of a field line's colon (as parseFieldLine reads it), or -1 if it is not one. */
export function fieldColon(text: string, start: number, end: number): number {
  const marker = text.charCodeAt(start);
  if (marker !== 45 && marker !== 42 && marker !== 43) return -1;
  let p = start + 1;
  if (p >= end || !isWs(text.charCodeAt(p))) return -1;
  while (p < end && isWs(text.charCodeAt(p))) p++;
  if (p >= end || text.charCodeAt(p) === 58) return -1;
  const colon = text.indexOf(":", p);
  if (colon === -1 || colon >= end) return -1;
  return colon + 1 < end && !isWs(text.charCodeAt(colon + 1)) ? -1 : colon;
}

/** Every key the ledgers define: a known key is shared, not sliced out again. */
export const KNOWN_KEYS: readonly string[] = [
  ...["state", "priority", "depends", "labels", "assignee", "lease", "attempts", "blocked", "resolution"],
  ...["not-before", "created", "fence", "workers", "rework", "last-error", "max-attempts", "backoff"],
  ...["approval-required"],
  ...["wip-limit", "clock-skew", "approval-sla", "goal-automation", "goal-recovery", "goal-approval-wait"],
  ...["time-zone"],
  ...["status", "subject", "subject-hash", "requested-by"],
  ...["requested-at", "evidence", "approver", "decided-at", "reason", "rule", "rules-hash", "supersedes"],
  ...["superseded-by", "change"],
  ...["paths", "worktree"],
];
/** Codes of the task fields decodeTask switches on: indexes into KNOWN_KEYS. */
export const KEY = {
  state: 0,
  priority: 1,
  depends: 2,
  labels: 3,
  assignee: 4,
  lease: 5,
  attempts: 6,
  blocked: 7,
  resolution: 8,
  notBefore: 9,
  created: 10,
  fence: 11,
  workers: 12,
  rework: 13,
  lastError: 14,
  evidence: 30,
  paths: 39,
  worktree: 40,
} as const;

/** KNOWN_KEYS' codes by key length. */
const KEYS_BY_LENGTH: number[][] = [];
KNOWN_KEYS.forEach((k, code) => {
  const list = KEYS_BY_LENGTH[k.length];
  if (list) list.push(code);
  else KEYS_BY_LENGTH[k.length] = [code];
});

/** The code of the known key at [start, end), or -1. */
export function knownKeyCode(text: string, start: number, end: number): number {
  const list = KEYS_BY_LENGTH[end - start];
  if (list) for (const code of list) if (text.startsWith(KNOWN_KEYS[code] as string, start)) return code;
  return -1;
}

/**
 * A heading "T-12 Title" (the ledger's prefix, a number without leading zeros, then nothing
 * or blanks and the title) read in place: the offsets of the ID's end and of the title, or
 * undefined for anything else (which the regular expression then reads, with its
 * diagnostics). Titles with a character that "." does not match are left to it too.
 */
export function plainEntryHeading(
  text: string,
  start: number,
  end: number,
  prefix: string,
): { idEnd: number; titleStart: number } | undefined {
  if (text.charCodeAt(start) !== prefix.charCodeAt(0) || text.charCodeAt(start + 1) !== 45) return undefined;
  let p = start + 2;
  const d0 = text.charCodeAt(p);
  if (!(d0 >= 49 && d0 <= 57)) return undefined; // no digit, or a leading zero
  while (p < end && isDigit(text.charCodeAt(p))) p++;
  if (p - (start + 2) > 15) return undefined; // beyond exact integers
  const idEnd = p;
  if (p < end && !isWs(text.charCodeAt(p))) return undefined;
  while (p < end && isWs(text.charCodeAt(p))) p++;
  for (let q = p; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c === 13 || c === 10 || c === 0x2028 || c === 0x2029) return undefined;
  }
  return { idEnd, titleStart: p };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Up to this many earlier fields in a section, a duplicate key is looked for one by one. */
const FEW_FIELDS = 16;

/** Fields per row of the table: line, start, end, next, keyStart, keyEnd, valueStart, valueEnd, key code. */
const STRIDE = 9;

/**
 * Every field line of a document as offsets in one typed array (no object per field, nothing
 * for the garbage collector to copy); FieldLine objects are made from it only on demand.
 */
export class FieldTable {
  count = 0;
  private rows: Int32Array;
  /** For a long field list: its keys and the last row of each, and its first row (-1: none). */
  private readonly keys = new Map<string, number>();
  private keysOf = -1;

  /** `rows`: how many field lines to make room for at first (it grows as needed). */
  constructor(
    readonly text: string,
    rows = text.length >> 6,
  ) {
    this.rows = new Int32Array(STRIDE * Math.max(64, rows));
  }

  /**
   * Adds the field line [ls, le) whose colon is at `colon`; returns the index of the last
   * earlier field of the section (from `first`) with the same key, or -1.
   */
  add(line: number, ls: number, le: number, next: number, colon: number, first: number): number {
    const { text } = this;
    let keyStart = ls + 1;
    while (isWs(text.charCodeAt(keyStart))) keyStart++;
    let valueStart = colon + 1;
    while (valueStart < le && isWs(text.charCodeAt(valueStart))) valueStart++;
    let valueEnd = le;
    while (valueEnd > valueStart && isWs(text.charCodeAt(valueEnd - 1))) valueEnd--;
    if (valueEnd === valueStart) valueStart = valueEnd = le;
    const code = knownKeyCode(text, keyStart, colon);
    let dup = -1;
    if (this.count - first <= FEW_FIELDS) {
      for (let i = first; i < this.count; i++) {
        const r = i * STRIDE;
        if (code >= 0 ? this.rows[r + 8] === code : this.rows[r + 8] === -1 && this.sameKey(i, keyStart, colon))
          dup = i;
      }
    } else {
      // A long field list (no real section has one): a map of the keys seen, so that each line
      // costs the same however many came before it.
      if (this.keysOf !== first) {
        this.keysOf = first;
        this.keys.clear();
        for (let i = first; i < this.count; i++) this.keys.set(this.key(i), i);
      }
      dup = this.keys.get(code >= 0 ? (KNOWN_KEYS[code] as string) : text.slice(keyStart, colon)) ?? -1;
    }
    let r = this.count * STRIDE;
    if (r + STRIDE > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const rows = this.rows;
    rows[r++] = line;
    rows[r++] = ls;
    rows[r++] = le;
    rows[r++] = next;
    rows[r++] = keyStart;
    rows[r++] = colon;
    rows[r++] = valueStart;
    rows[r++] = valueEnd;
    rows[r] = code;
    this.count++;
    if (this.keysOf === first) this.keys.set(this.key(this.count - 1), this.count - 1);
    return dup;
  }

  private sameKey(i: number, start: number, end: number): boolean {
    const s = this.keyStart(i);
    const e = this.rows[i * STRIDE + 5] as number;
    return e - s === end - start && this.text.slice(s, e) === this.text.slice(start, end);
  }

  line(i: number): number {
    return this.rows[i * STRIDE] as number;
  }
  start(i: number): number {
    return this.rows[i * STRIDE + 1] as number;
  }
  keyStart(i: number): number {
    return this.rows[i * STRIDE + 4] as number;
  }
  valueStart(i: number): number {
    return this.rows[i * STRIDE + 6] as number;
  }
  valueEnd(i: number): number {
    return this.rows[i * STRIDE + 7] as number;
  }
  /** The key's code in KNOWN_KEYS, or -1 for a key taskgate does not know. */
  code(i: number): number {
    return this.rows[i * STRIDE + 8] as number;
  }
  key(i: number): string {
    const code = this.code(i);
    return code >= 0 ? (KNOWN_KEYS[code] as string) : this.text.slice(this.keyStart(i), this.rows[i * STRIDE + 5]);
  }
  value(i: number): string {
    return this.text.slice(this.valueStart(i), this.valueEnd(i));
  }
  /** Whether the value at row i is exactly `s`. */
  valueIs(i: number, s: string): boolean {
    const start = this.valueStart(i);
    return this.valueEnd(i) - start === s.length && this.text.startsWith(s, start);
  }
  fieldLine(i: number): FieldLine {
    const r = i * STRIDE;
    const rows = this.rows;
    return {
      key: this.key(i),
      value: this.value(i),
      line: rows[r] as number,
      start: rows[r + 1] as number,
      end: rows[r + 2] as number,
      next: rows[r + 3] as number,
      valueStart: rows[r + 6] as number,
      valueEnd: rows[r + 7] as number,
    };
  }
}

/**
 * A section whose field lines live in the document's FieldTable: `fields` makes them anew for
 * each caller and keeps none (list --json asks every task of a 50,000-task board once; kept,
 * those objects were a fifth of its memory).
 */
export class TableSection implements Section {
  private heading: string | undefined;

  constructor(
    readonly table: FieldTable,
    readonly kind: Section["kind"],
    private readonly nameStart: number,
    private readonly nameEnd: number,
    readonly id: string | undefined,
    readonly title: string | undefined,
    readonly headingLine: number,
    readonly titleStart: number,
    readonly start: number,
    readonly end: number,
    readonly lastLine: number,
    /** This section's rows in the table: [fieldFirst, fieldFirst + fieldCount). */
    readonly fieldFirst: number,
    readonly fieldCount: number,
    readonly fieldsEnd: number,
  ) {}

  get titleEnd(): number {
    return this.nameEnd;
  }

  get name(): string {
    this.heading ??= this.table.text.slice(this.nameStart, this.nameEnd);
    return this.heading;
  }

  get fields(): FieldLine[] {
    const lines: FieldLine[] = [];
    for (let i = this.fieldFirst; i < this.fieldFirst + this.fieldCount; i++) lines.push(this.table.fieldLine(i));
    return lines;
  }

  /** The row of the first field with this key code, or -1. */
  findCode(code: number): number {
    for (let i = this.fieldFirst; i < this.fieldFirst + this.fieldCount; i++) if (this.table.code(i) === code) return i;
    return -1;
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

export function dominantEol(text: string): "\n" | "\r\n" {
  if (!text.includes("\r\n")) return "\n";
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}

function checkConflictMarkers(text: string, scan: BlockScan, report: (line: number, msg: string) => void): void {
  // Cheap pre-test: most ledgers have no "<<<<<<<" at all.
  if (!text.includes("<<<<<<<") && !text.includes(">>>>>>>")) return;
  const { lineStarts } = scan;
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i] as number;
    const c = text.charCodeAt(s);
    if (c !== 60 && c !== 62 && c !== 61) continue;
    const head = text.slice(s, s + 8);
    if (/^(<{7}|>{7})( |\r?$|\n)/.test(head) || /^={7}(\r?\n|$)/.test(text.slice(s, s + 9))) {
      report(i, "Found a merge conflict marker; resolve the conflict before taskgate reads or writes this file");
    }
  }
}

/** 1-based line and column of an offset. */
export function positionOf(doc: LedgerText, offset: number): { line: number; column: number } {
  const starts = doc.scan.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/**
 * The last non-blank line under a section's heading, as [start, end) offsets, found from the
 * section's end without the line table; undefined when there is none (only the heading).
 */
export function lastContentLine(doc: LedgerText, section: Section): { start: number; end: number } | undefined {
  const { text } = doc;
  let end = section.end;
  while (end > section.start && isSpace(text.charCodeAt(end - 1))) end--;
  const start = text.lastIndexOf("\n", end - 1) + 1;
  return start <= section.start ? undefined : { start, end };
}

/** What /\s/ matches. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The section's last line; for the last section this builds the line table. */
export function lastLineOf(doc: LedgerText, section: Section): number {
  return section.lastLine >= 0 ? section.lastLine : doc.scan.lineStarts.length - 1;
}

export function sectionByName(doc: LedgerText, name: string): Section | undefined {
  return doc.sections.find((s) => s.kind === "reserved" && s.name === name);
}

const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Walks a comma-separated value in place (labels, dependencies): `item` gets each non-empty
 * item as [start, end) with ASCII blanks trimmed, and stops the walk by returning false.
 * Returns false when it was stopped.
 */
export function eachListItem(text: string, vs: number, ve: number, item: (a: number, b: number) => boolean): boolean {
  for (let p = vs; p <= ve; ) {
    let e = text.indexOf(",", p);
    if (e === -1 || e > ve) e = ve;
    let a = p;
    let b = e;
    while (a < b && isAsciiSpace(text.charCodeAt(a))) a++;
    while (b > a && isAsciiSpace(text.charCodeAt(b - 1))) b--;
    if (a < b && !item(a, b)) return false;
    p = e + 1;
  }
  return true;
}
