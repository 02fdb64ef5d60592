// Edits as splices over the original text: every byte outside a splice stays as it was.
// New lines take the file's own line ending; nothing is ever re-serialized.

import { type LedgerText, lastContentLine, type Section } from "./document.js";
import type { LogSection } from "./log.js";

export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping splices; splices at the same offset keep their given order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const { s } of sorted) {
    if (s.start < pos || s.end < s.start || s.end > text.length) {
      throw new Error(`Overlapping or out-of-range splice at ${s.start}..${s.end}`);
    }
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** Sets a field's value in place, or adds the field line after the section's last field. */
export function setField(doc: LedgerText, section: Section, key: string, value: string): Splice {
  const f = section.fields.find((x) => x.key === key);
  if (f) {
    if (f.valueStart === f.end) {
      // "- key:" with nothing after: keep what is there, add a space and the value.
      return { start: f.end, end: f.end, text: ` ${value}` };
    }
    return { start: f.valueStart, end: f.valueEnd, text: value };
  }
  // A new field takes the marker of the list it joins ("* " stays "* "), so it stays one list.
  const last = section.fields[section.fields.length - 1];
  const marker = last ? (/^[-*+][ \t]+/.exec(doc.text.slice(last.start, last.end))?.[0] ?? "- ") : "- ";
  return insertLines(doc, section.fieldsEnd, [`${marker}${key}: ${value}`]);
}

/** Removes a field's whole line (with its line ending); undefined when there is none. */
export function removeField(section: Section, key: string): Splice | undefined {
  const f = section.fields.find((x) => x.key === key);
  return f ? { start: f.start, end: f.next, text: "" } : undefined;
}

export function setTitle(section: Section, title: string): Splice {
  return { start: section.titleStart, end: section.titleEnd, text: title };
}

/** Inserts whole lines at a line boundary (or at the end of a file without a final newline). */
export function insertLines(doc: LedgerText, at: number, lines: readonly string[]): Splice {
  const { text, eol } = doc;
  const body = lines.join(eol);
  if (at === text.length && text.length > doc.bomLength && !text.endsWith("\n")) {
    return { start: at, end: at, text: eol + body };
  }
  return { start: at, end: at, text: body + eol };
}

/** Whether the line that ends just before `offset` (a line start) is blank; offsets only. */
function blankBefore(doc: LedgerText, offset: number): boolean {
  if (offset <= doc.bomLength) return true;
  const start = Math.max(doc.bomLength, doc.text.lastIndexOf("\n", offset - 2) + 1);
  return doc.text.slice(start, offset - 1).trim() === "";
}

/**
 * Inserts a new entry (heading and field lines, optional text) before "## Log", or at the end
 * of the file when there is no log, with a blank line on each side.
 */
export function insertEntry(doc: LedgerText, log: LogSection, lines: readonly string[]): Splice {
  const { eol, text } = doc;
  if (log.section) {
    const lead = blankBefore(doc, log.section.start) ? "" : eol;
    return { start: log.section.start, end: log.section.start, text: lead + lines.join(eol) + eol + eol };
  }
  let lead = "";
  if (text.length > doc.bomLength) {
    if (!text.endsWith("\n")) lead = eol + eol;
    else if (!blankBefore(doc, text.length)) lead = eol;
  }
  return { start: text.length, end: text.length, text: lead + lines.join(eol) + eol };
}

/** Appends log lines at the end of "## Log", creating the section at the end of file if needed. */
export function appendLog(doc: LedgerText, log: LogSection, lines: readonly string[]): Splice {
  const { eol, text } = doc;
  if (!log.section) {
    let lead = "";
    if (text.length > doc.bomLength) {
      if (!text.endsWith("\n")) lead = eol + eol;
      else if (!blankBefore(doc, text.length)) lead = eol;
    }
    return { start: text.length, end: text.length, text: `${lead}## Log${eol}${eol}${lines.join(eol)}${eol}` };
  }
  // After the log's last line, or right under its heading when it is empty.
  const last = lastContentLine(doc, log.section);
  const nl = last ? text.indexOf("\n", last.end) : -1;
  const at = !last ? log.section.fieldsEnd : nl === -1 ? text.length : nl + 1;
  return insertLines(doc, at, lines);
}

/** A new entry and the log lines that record it, as one edit. */
export function insertEntryWithLog(
  doc: LedgerText,
  log: LogSection,
  entryLines: readonly string[],
  logLines: readonly string[],
): Splice[] {
  if (log.section) return [insertEntry(doc, log, entryLines), appendLog(doc, log, logLines)];
  const { eol } = doc;
  const entry = insertEntry(doc, log, entryLines);
  return [{ ...entry, text: `${entry.text}${eol}## Log${eol}${eol}${logLines.join(eol)}${eol}` }];
}
