// The append-only "## Log": one line per change the tool made, chained by a truncated SHA-256
// over the previous line's hash and this line's body. The hash function is passed in, so this
// module stays free of node:*.

import type { Diagnostic } from "../model/diagnostic.js";
import { formatTime, parseTime, parseTimeAt } from "../model/time.js";
import { type LedgerText, lastContentLine, lastLineOf, type Section, sectionByName } from "./document.js";

export type Hasher = (text: string) => string;

export interface LogEntry {
  /** 0-based line index in the ledger. */
  readonly line: number;
  readonly time: number;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly target: string;
  readonly details: Readonly<Record<string, string>>;
  readonly hash: string;
  /** The text the hash covers: everything between "- " and " ~ ". */
  readonly body: string;
}

export interface NewLogLine {
  readonly time: number;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly target: string;
  readonly details?: Readonly<Record<string, string | number | undefined>>;
}

export const HASH_LENGTH = 12;
const LINE = /^[-*+] (.*) ~ ([0-9a-f]{12})[ \t]*$/;

export interface LogSection {
  readonly section: Section | undefined;
  /** 0-based indexes of the lines holding log entries, in order. */
  readonly lines: number[];
}

/** Finds the log's lines without parsing them (parsing 100,000 lines is left to who needs it). */
export function locateLog(doc: LedgerText): LogSection {
  return logSectionOf(doc, sectionByName(doc, "Log"));
}

/** The log in `section` (the document's "## Log", or undefined when it has none). */
export function logSectionOf(doc: LedgerText, section: Section | undefined): LogSection {
  let lines: number[] | undefined;
  return {
    section,
    // Found on first use: status, list and show never look at the log's lines.
    get lines() {
      if (!lines) {
        lines = [];
        if (section) {
          const { lineStarts, lineEnds } = doc.scan;
          for (let ln = section.headingLine + 1, last = lastLineOf(doc, section); ln <= last; ln++) {
            if ((lineEnds[ln] as number) > (lineStarts[ln] as number)) lines.push(ln);
          }
        }
      }
      return lines;
    },
  };
}

export function chainHash(hasher: Hasher, previous: string, body: string): string {
  return hasher(`${previous}\n${body}`).slice(0, HASH_LENGTH);
}

function quote(value: string): string {
  return /^[^\s"=~]+$/.test(value) ? value : JSON.stringify(value);
}

export function formatLogBody(e: NewLogLine): string {
  const parts = [formatTime(e.time), e.actor, e.role, e.action, e.target || "-"];
  for (const [k, v] of Object.entries(e.details ?? {})) {
    if (v === undefined) continue;
    parts.push(`${k}=${quote(String(v))}`);
  }
  return parts.join(" ");
}

/** The full line (without line ending) for a new entry chained to `previous`. */
export function formatLogLine(hasher: Hasher, previous: string, e: NewLogLine): string {
  const body = formatLogBody(e);
  return `- ${body} ~ ${chainHash(hasher, previous, body)}`;
}

function tokenize(body: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === " ") {
      i++;
      continue;
    }
    let j = i;
    let tok = "";
    while (j < body.length && body[j] !== " ") {
      if (body[j] === '"') {
        // A JSON string: find its closing quote, honouring escapes.
        let k = j + 1;
        while (k < body.length && body[k] !== '"') k += body[k] === "\\" ? 2 : 1;
        if (k >= body.length) return undefined;
        try {
          tok += JSON.parse(body.slice(j, k + 1)) as string;
        } catch {
          return undefined;
        }
        j = k + 1;
      } else {
        tok += body[j];
        j++;
      }
    }
    out.push(tok);
    i = j;
  }
  return out;
}

export type ParsedLine = { ok: true; entry: LogEntry } | { ok: false; column: number; message: string };

export function parseLogLine(text: string, line: number): ParsedLine {
  const m = LINE.exec(text);
  if (!m) {
    return {
      ok: false,
      column: 1,
      message: `Expected a log line "- TIME ACTOR ROLE ACTION TARGET [key=value...] ~ HASH", found "${text.length > 50 ? `${text.slice(0, 47)}...` : text}"`,
    };
  }
  const body = m[1] as string;
  const toks = tokenize(body);
  if (!toks || toks.length < 5) {
    return { ok: false, column: 3, message: "Expected TIME ACTOR ROLE ACTION TARGET at the start of the log line" };
  }
  const [timeText, actor, role, action, target, ...rest] = toks as [
    string,
    string,
    string,
    string,
    string,
    ...string[],
  ];
  const time = parseTime(timeText);
  if (time === undefined) {
    return { ok: false, column: 3, message: `Expected a UTC time like 2026-11-24T09:00:00Z, found "${timeText}"` };
  }
  const details: Record<string, string> = {};
  for (const t of rest) {
    const eq = t.indexOf("=");
    if (eq <= 0) return { ok: false, column: 3, message: `Expected key=value in the log line's details, found "${t}"` };
    details[t.slice(0, eq)] = t.slice(eq + 1);
  }
  return { ok: true, entry: { line, time, actor, role, action, target, details, hash: m[2] as string, body } };
}

/** The hash the next log line must chain to: the last line's, or "" for an empty log. */
export function lastHash(doc: LedgerText, log: LogSection): string {
  const last = log.section && lastContentLine(doc, log.section);
  if (!last) return ""; // no log, or only its heading: an empty log
  const m = LINE.exec(doc.text.slice(last.start, last.end));
  return m ? (m[2] as string) : "";
}

/**
 * lastHash for the log section text[start, end), read back from its end (no line table: at
 * 50,000 tasks building one costs megabytes); "" when its last line is not a log line.
 */
export function lastHashIn(text: string, start: number, end: number): string {
  let le = end;
  while (le > start) {
    const ls = text.lastIndexOf("\n", le - 1) + 1;
    const line = text.slice(Math.max(ls, start), le).replace(/\r$/, "");
    if (line.trim() !== "") {
      if (ls <= start) return ""; // only the heading
      const m = LINE.exec(line);
      return m ? (m[2] as string) : "";
    }
    le = ls - 1;
  }
  return "";
}

/** Parses every log line and checks the chain; diagnostics for each bad line or broken link. */
export function readLog(
  doc: LedgerText,
  log: LogSection,
  hasher: Hasher | undefined,
): { entries: LogEntry[]; diagnostics: Diagnostic[] } {
  const entries: LogEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  let previous = "";
  let previousTime = -Infinity;
  for (const ln of log.lines) {
    const text = doc.text.slice(doc.scan.lineStarts[ln], doc.scan.lineEnds[ln]);
    const parsed = parseLogLine(text, ln);
    if (!parsed.ok) {
      diagnostics.push({
        severity: "error",
        file: doc.file,
        line: ln + 1,
        column: parsed.column,
        code: "bad-log-line",
        message: parsed.message,
      });
      previous = "";
      continue;
    }
    const e = parsed.entry;
    if (hasher) {
      const want = chainHash(hasher, previous, e.body);
      if (want !== e.hash) {
        diagnostics.push({
          severity: "error",
          file: doc.file,
          line: ln + 1,
          column: text.length - HASH_LENGTH + 1,
          code: "broken-chain",
          message: `Log hash chain is broken: expected ~ ${want}, found ~ ${e.hash} (the log is append-only; a line was edited, removed or added by hand)`,
        });
      }
    }
    if (e.time < previousTime) {
      diagnostics.push({
        severity: "warning",
        file: doc.file,
        line: ln + 1,
        column: 3,
        code: "log-time-order",
        message: "This log line is older than the line before it",
      });
    }
    previousTime = e.time;
    previous = e.hash;
    entries.push(e);
  }
  return { entries, diagnostics };
}

/**
 * A log line's body as taskgate writes it: a time, four more words, then key=value details,
 * one space between words, a value either without a quote or all one JSON string (what
 * JSON.parse takes). parseLogLine reads such a body as exactly these words, so when its time
 * parses it has nothing to report.
 */
/** A JSON string (what JSON.parse takes), as the source of a regular expression. */
const JSON_STRING = '"(?:[^"\\\\\\u0000-\\u001f]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"';
const PLAIN_BODY = new RegExp(`^(\\S+) [^ "]+ [^ "]+ [^ "]+ [^ "]+(?: [^ "=]+=(?:${JSON_STRING}|[^ "]*))*$`);

/**
 * Whether readLog would find nothing wrong with the log in `section` (every line well formed,
 * a UTC time, the chain unbroken): the proof every write needs before it appends to a log,
 * made without building the document's line table or a LogEntry per line. false means only
 * "not proven": readLog then says what is wrong, if anything.
 */
export function logIsClean(doc: LedgerText, section: Section | undefined, hasher: Hasher): boolean {
  if (!section) return true;
  const ls = doc.text.indexOf("\n", section.start) + 1; // the line after the heading
  if (ls === 0) return true; // the heading is the last line: an empty log
  return chainFrom(doc.text, ls, section.end, "", hasher) !== undefined;
}

/**
 * logIsClean for the lines of text[from, end) (from at a line's start), chained to `previous`:
 * the hash of their last line (`previous` when there is none), or undefined for "not proven".
 * A write proves its own new lines so, after the log they were appended to.
 */
export function chainFrom(
  text: string,
  from: number,
  end: number,
  previous: string,
  hasher: Hasher,
): string | undefined {
  let ls = from;
  while (ls < end) {
    let nl = text.indexOf("\n", ls);
    if (nl === -1 || nl > end) nl = end;
    const le = nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (le > ls) {
      const m = LINE.exec(text.slice(ls, le));
      if (!m) return undefined;
      const body = m[1] as string;
      const b = PLAIN_BODY.exec(body);
      if (!b || parseTimeAt(body, 0, (b[1] as string).length) === undefined) return undefined;
      const hash = chainHash(hasher, previous, body);
      if (hash !== m[2]) return undefined;
      previous = hash;
    }
    ls = nl + 1;
  }
  return previous;
}
