// What an approval is bound to: the subject's content hash, and who last changed the subject.
// A task's content is its title, its text, its labels and what was delivered (evidence);
// not its state, lease, workers, times or priority, which change without changing the work.

import type { LedgerText } from "../ledger/document.js";
import { type Hasher, type LogEntry, parseLogLine } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";

export const TASK_SUBJECT = /^T-[1-9]\d*$/;

/** 128 bits of SHA-256: far beyond forging a second version with the same hash. */
const HASH_HEX = 32;

/** The entry's free text, with line endings normalized so a CRLF conversion is no change. */
export function entryText(doc: LedgerText, fieldsEnd: number, end: number): string {
  return doc.text.slice(fieldsEnd, end).replace(/\r\n/g, "\n").replace(/^\n+/, "").replace(/\s+$/, "");
}

export function taskContentHash(ledger: TasksLedger, id: string, hasher: Hasher): string | undefined {
  const found = ledger.byId.get(id);
  if (!found) return undefined;
  const { task, section } = found;
  const evidence = task.fields.find((f) => f.key === "evidence")?.value ?? "";
  const canonical = JSON.stringify({
    title: task.title,
    text: entryText(ledger.doc, section.fieldsEnd, section.end),
    labels: [...task.labels].sort(),
    evidence,
  });
  return `sha256:${hasher(canonical).slice(0, HASH_HEX)}`;
}

/** The hash a free-text subject is bound to: the text itself, which cannot change. */
export function textSubjectHash(subject: string, hasher: Hasher): string {
  return `sha256:${hasher(JSON.stringify({ text: subject })).slice(0, HASH_HEX)}`;
}

/** Actions that change a task's content or do its work (so their actor may not approve it). */
const CHANGES_CONTENT = new Set(["add", "set", "claim", "takeover", "renew", "release", "submit", "block"]);

/**
 * Who last changed the task, from the newest log line about it that changed content.
 * Reads the log backwards and parses only the lines that mention the ID.
 */
export function lastModifier(ledger: TasksLedger, id: string): LogEntry | undefined {
  const { doc, log } = ledger;
  const needle = ` ${id} `;
  for (let i = log.lines.length - 1; i >= 0; i--) {
    const ln = log.lines[i] as number;
    const text = doc.text.slice(doc.scan.lineStarts[ln], doc.scan.lineEnds[ln]);
    if (!text.includes(needle)) continue;
    const parsed = parseLogLine(text, ln);
    if (parsed.ok && parsed.entry.target === id && CHANGES_CONTENT.has(parsed.entry.action)) return parsed.entry;
  }
  return undefined;
}
