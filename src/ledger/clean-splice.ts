// Whether a clean board stays clean after a write's splices, checking only what they changed
// (issue #21): a write of one task (set, claim, submit, the other transitions) changes lines
// of one entry and appends lines to the log, `add` puts a new entry before the log and appends
// its line, and scanning the whole result again was a second linear pass over the board at
// every write. It answers true only when it is sure: every changed entry, with its heading and
// its dependencies as they were, scanned on its own (with a stand-in entry for each task it
// depends on) by the same clean scan; a new entry (one per write) whose ID is the board's next,
// one section with nothing else in it, scanned on its own the same way; every log line added
// a plain "- ..." line at a line boundary, each "add" line's task an entry of the board or the
// new one. Anything else (a heading changed, a dependency, the policy or the schedules, a new
// log, a CR anywhere in the new text) answers undefined, and the caller scans the whole text.
// test/unit/clean-splice.test.ts checks it against the full scan.

import { type CleanTasks, scanCleanTasks } from "./clean-scan.js";
import type { Splice } from "./edit.js";
import { everyLoggedAdd } from "./entry-ids.js";

/**
 * Where the log is in the text the splices make of `text`, when that text is clean for sure;
 * undefined when it cannot tell (the caller then scans it whole). `clean` is the scan of `text`.
 */
export function cleanAfterSplices(
  text: string,
  clean: CleanTasks,
  splices: readonly Splice[],
): { log: { start: number; end: number } | undefined } | undefined {
  if (splices.length === 0 || splices.length > 8) return undefined;
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  const log = clean.reservedRange("Log");
  // Each splice inside one section, after its heading line (an entry's or the log's), or a
  // new entry inserted right before a section's heading (as `add` puts one before the log).
  const touched = new Map<number, { sec: { start: number; end: number }; splices: Splice[] }>(); // by its start
  const appended: Splice[] = [];
  let added: { splice: Splice; n: number; heading: number } | undefined;
  for (const s of sorted) {
    if (s.text.includes("\r")) return undefined;
    const sec = clean.sectionAt(s.start);
    if (!sec) return undefined;
    if (s.start === sec.start && s.end === s.start && added === undefined) {
      const n = newEntryNumber(s.text, clean);
      if (n === undefined) return undefined;
      added = { splice: s, n, heading: s.text.startsWith("\n") ? 1 : 0 }; // where its heading is in it
      continue;
    }
    const headingEnd = text.indexOf("\n", sec.start);
    if (headingEnd < 0 || s.start <= headingEnd) return undefined;
    if (s.end > sec.end || (s.start === sec.end && !sec.last)) return undefined;
    if (sec.id !== undefined) {
      const entry = touched.get(sec.start) ?? { sec, splices: [] as Splice[] };
      entry.splices.push(s);
      touched.set(sec.start, entry);
    } else if (log && sec.start === log.start) {
      appended.push(s);
    } else return undefined; // the policy or the schedules
  }
  /**
   * Where an offset of `text` (not inside a splice) is in the result: moved by every splice
   * before it, the insertions right at it included (they go before the text there), but `except`.
   */
  const moved = (x: number, except?: Splice): number => {
    let by = 0;
    for (const s of sorted) if (s.end <= x && s !== except) by += s.text.length - (s.end - s.start);
    return x + by;
  };
  for (const { sec, splices: list } of touched.values()) {
    if (!entryStaysClean(text, sec, list)) return undefined;
  }
  // Log lines added: whole "- ..." lines inserted at a line boundary, their "add" tasks entries
  // (the new one among them).
  const has = (n: number) => n === added?.n || clean.entryRange(`T-${n}`) !== undefined;
  for (const s of appended) {
    if (s.end !== s.start || !/^(?:- \S[^\n\u2028\u2029]*\n)+$/.test(s.text)) return undefined;
    if (s.start > 0 && text.charCodeAt(s.start - 1) !== 10) return undefined;
    if (/^-+[ \t]*$/m.test(s.text)) return undefined; // a rule line (cannot be with "- \S", but say so)
    // Read in the lines themselves, each after a line break as in the result (reading the
    // result, pieces joined by applySplices, would copy it into one string here).
    if (!everyLoggedAdd(`\n${s.text}`, 1, s.text.length + 1, has)) return undefined;
  }
  if (!log) return { log: undefined };
  // The log's heading comes after a new entry inserted right before it, and the lines appended
  // at its end are in it; it ends where the heading of a new entry inserted there (after a log
  // that is not last) starts: a blank line put before that heading is the log's.
  const end = added?.splice.start === log.end ? moved(log.end, added.splice) + added.heading : moved(log.end);
  return { log: { start: moved(log.start), end } };
}

/**
 * The number of the new entry that `inserted` is, put right before a section's heading of
 * the clean board `clean`, when the board with it stays clean for sure; undefined otherwise.
 * It is one section: a blank line or not, then a plain heading "## T-n Title" whose ID is the
 * board's next (so new: no entry has it, no log line adds it, no dependency names it, and no
 * cycle can pass through it), then lines none of which starts with "#" (no other section), up
 * to a line break. Scanned on its own by the same clean scan after stand-in entries for the
 * board's tasks it names, it reads clean: its fields valid, each dependency one of those tasks.
 * In place it reads the same: the scan starts every section afresh at its heading, and what
 * it carries over (the IDs and the sections seen) holds nothing that this entry repeats.
 */
function newEntryNumber(inserted: string, clean: CleanTasks): number | undefined {
  const entry = inserted.startsWith("\n") ? inserted.slice(1) : inserted;
  const m = /^## T-([1-9]\d{0,5}) \S/.exec(entry);
  if (!m || !entry.endsWith("\n") || entry.includes("\n#")) return undefined;
  const n = Number(m[1]);
  if (n !== clean.highestId + 1) return undefined;
  const named = new Set(entry.match(/T-[1-9]\d{0,5}/g) ?? []);
  let stubs = "";
  let count = 0;
  for (const id of named) {
    if (clean.entryRange(id) === undefined) continue; // not a task of the board: no stand-in
    if (++count > 256) return undefined;
    stubs += `## ${id} Stand-in\n- state: DONE\n\n`;
  }
  // (A duplicate ID would be refused here too: its stand-in's and its own heading.)
  const alone = scanCleanTasks(`${stubs}${entry}`);
  return alone?.entryRange(`T-${n}`)?.start === stubs.length ? n : undefined;
}

/**
 * An entry changed by `splices` (after its heading line) reads clean on its own, as the full
 * scan reads it in place: the same lines, scanned after stand-in entries for the tasks it
 * depends on, its dependencies unchanged (so no cycle and no unknown task can be new).
 */
function entryStaysClean(text: string, sec: { start: number; end: number }, splices: readonly Splice[]): boolean {
  const before = text.slice(sec.start, sec.end);
  let after = "";
  let pos = sec.start;
  for (const s of splices) {
    after += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  after += text.slice(pos, sec.end);
  if (!after.endsWith("\n") || !before.endsWith("\n")) return false;
  // One heading, the entry's own: a heading line the edit adds (## Log, ## Policy, ...) is a
  // section the stand-in scan would read as new, so the whole board is scanned instead.
  if (after.split("\n").some((l, i) => i > 0 && l.startsWith("#"))) return false;
  const dependsLines = (t: string) => t.split("\n").filter((l) => /depends/i.test(l));
  const a = dependsLines(before);
  const b = dependsLines(after);
  if (a.length !== b.length || a.some((l, i) => l !== b[i])) return false;
  const own = /^## (T-\d+)/.exec(after)?.[1];
  const ids = new Set(after.match(/T-[1-9]\d{0,5}/g) ?? []);
  if (own) ids.delete(own);
  if (ids.size > 256) return false;
  let stubs = "";
  for (const id of ids) stubs += `## ${id} Stand-in\n- state: DONE\n\n`;
  const alone = scanCleanTasks(`${stubs}${after}`);
  return alone !== undefined && alone.tasks === ids.size + 1;
}
