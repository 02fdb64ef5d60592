// The reader as it was before the low-allocation rewrite (src/ledger/document.ts at ec4b256), kept
// only as the reference the differential tests compare the new reader with.

// Text -> sections and field lines, with the byte offsets the editor needs. Typed meaning
// (tasks, approvals, policy, log) is read from these in the neighbouring modules.

import { type BlockScan, scanBlocks } from "../../../src/ledger/blocks.js";
import { scanSimple } from "../../../src/ledger/fast-scan.js";
import type { Diagnostic, Severity } from "../../../src/model/diagnostic.js";

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
  tasks: ["Policy", "Schedules", "Log"],
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
  const boundaries = scan.headings.filter((h) => h.level <= 2);
  let firstEntrySeen = false;
  for (let i = 0; i < boundaries.length; i++) {
    const h = boundaries[i]!;
    const nextHeading = boundaries[i + 1];
    if (h.level === 1 && !firstEntrySeen) continue; // the document title, part of the preamble
    firstEntrySeen = true;
    const start = h.start;
    const end = nextHeading ? nextHeading.start : text.length;
    const name = text.slice(h.textStart, h.textEnd);
    let sectionKind: Section["kind"] = "other";
    let id: string | undefined;
    let title: string | undefined;
    let titleStart = h.textStart;
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
        if (!title) diagnostics.push(at(h.line, col, "error", "missing-title", `Expected a title after ${id}`));
        const first = seen.get(id);
        if (first !== undefined) {
          diagnostics.push({
            ...at(h.line, col, "error", "duplicate-id", `Duplicate ID ${id}`),
            related: { line: first + 1, column: col, message: "first defined" },
          });
        } else seen.set(id, h.line);
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
    // The field list: consecutive "- key: value" lines right under the heading.
    const fields: FieldLine[] = [];
    let fieldsEnd = h.next;
    if (sectionKind !== "other" && !(sectionKind === "reserved" && name === "Log")) {
      // Walk the lines under the heading by offset (no line table needed).
      for (let ln = h.line + 1, ls = h.next, next = ls; ls < end; ln++, ls = next) {
        let nl = text.indexOf("\n", ls);
        if (nl === -1) nl = text.length;
        next = Math.min(nl + 1, text.length);
        const le = nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (isBlank(text, ls, le)) break;
        const colon = fieldColon(text, ls, le);
        if (colon < 0) {
          const lineText = text.slice(ls, le);
          if (sectionKind === "reserved" && name === "Rules") break; // a YAML block follows
          if (/^(<{7}|={7}|>{7})/.test(lineText)) break; // reported as a conflict marker
          diagnostics.push(
            at(
              ln,
              1,
              "error",
              "bad-field",
              fields.length === 0 && !/^[-*+][ \t]/.test(lineText)
                ? `Expected a field line "- key: value" right under the heading, or a blank line before the text`
                : /^[-*+][ \t]/.test(lineText)
                  ? `Expected a field line "- key: value", found "${clip(lineText)}"`
                  : "Expected a blank line between the field list and the text (this line would join the field above)",
            ),
          );
          if (/^[-*+][ \t]/.test(lineText)) continue; // still a list item: check the fields after it
          break;
        }
        // The same reading as parseFieldLine, without an object per line (this runs for every
        // field of every entry, mostly before the JIT warms up).
        let keyStart = ls + 1;
        while (isWs(text.charCodeAt(keyStart))) keyStart++;
        let valueStart = colon + 1;
        while (valueStart < le && isWs(text.charCodeAt(valueStart))) valueStart++;
        let valueEnd = le;
        while (valueEnd > valueStart && isWs(text.charCodeAt(valueEnd - 1))) valueEnd--;
        if (valueEnd === valueStart) valueStart = valueEnd = le;
        const key = knownKey(text, keyStart, colon) ?? text.slice(keyStart, colon);
        const value = text.slice(valueStart, valueEnd);
        let dup: FieldLine | undefined;
        for (const f of fields) if (f.key === key) dup = f;
        if (dup !== undefined) {
          diagnostics.push({
            ...at(ln, keyStart - ls + 1, "error", "duplicate-field", `Field "${key}" appears twice`),
            related: { line: dup.line + 1, column: 3, message: "first set" },
          });
        }
        fields.push({
          key,
          value,
          line: ln,
          start: ls,
          end: le,
          next,
          valueStart,
          valueEnd,
        });
        fieldsEnd = next;
      }
    }
    sections.push({
      kind: sectionKind,
      name,
      id,
      title,
      headingLine: h.line,
      titleStart,
      titleEnd: h.textEnd,
      start,
      end,
      lastLine: nextHeading ? nextHeading.line - 1 : -1,
      fields,
      fieldsEnd,
    });
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

const isWs = (c: number) => c === 32 || c === 9;

function isBlank(text: string, start: number, end: number): boolean {
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
function fieldColon(text: string, start: number, end: number): number {
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

/** Every key the ledgers define, by length: a known key is shared, not sliced out again. */
const KEYS_BY_LENGTH: string[][] = [];
for (const k of [
  ...["state", "priority", "depends", "labels", "assignee", "lease", "attempts", "blocked", "resolution"],
  ...["not-before", "created", "fence", "workers", "rework", "max-attempts", "backoff", "approval-required"],
  ...["wip-limit", "clock-skew", "approval-sla", "status", "subject", "subject-hash", "requested-by"],
  ...["requested-at", "evidence", "approver", "decided-at", "reason", "rule", "rules-hash", "supersedes"],
  ...["superseded-by", "change"],
]) {
  const list = KEYS_BY_LENGTH[k.length];
  if (list) list.push(k);
  else KEYS_BY_LENGTH[k.length] = [k];
}

function knownKey(text: string, start: number, end: number): string | undefined {
  const list = KEYS_BY_LENGTH[end - start];
  if (list) for (const k of list) if (text.startsWith(k, start)) return k;
  return undefined;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function dominantEol(text: string): "\n" | "\r\n" {
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
  while (end > section.start && /\s/.test(text[end - 1] as string)) end--;
  const start = text.lastIndexOf("\n", end - 1) + 1;
  return start <= section.start ? undefined : { start, end };
}

/** The section's last line; for the last section this builds the line table. */
export function lastLineOf(doc: LedgerText, section: Section): number {
  return section.lastLine >= 0 ? section.lastLine : doc.scan.lineStarts.length - 1;
}

export function sectionByName(doc: LedgerText, name: string): Section | undefined {
  return doc.sections.find((s) => s.kind === "reserved" && s.name === name);
}
