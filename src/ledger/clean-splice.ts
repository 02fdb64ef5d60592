// Whether a clean board stays clean after a write's splices, checking only what they changed
// (issue #21): a write of one task (set, claim, submit, the other transitions) changes lines
// of one entry and appends lines to the log, and scanning the whole result again was a
// second linear pass over the board at every write. It answers true only when it is sure:
// every changed entry, with its heading and its dependencies as they were, scanned on its
// own (with a stand-in entry for each task it depends on) by the same clean scan; every log
// line added a plain "- ..." line at a line boundary, each "add" line's task an entry of the
// board. Anything else (a new entry, a heading, a dependency, the policy or the schedules
// changed, a CR anywhere in the new text) answers undefined, and the caller scans the whole
// text. test/unit/clean-splice.test.ts checks it against the full scan.

import { type CleanTasks, scanCleanTasks } from "./clean-scan.js";
import type { Splice } from "./edit.js";
import { everyLoggedAdd } from "./entry-ids.js";

/**
 * Where the log is in the text the splices make, when that text is clean for sure; undefined
 * when it cannot tell (the caller then scans it whole). `clean` is the scan of `text`.
 */
export function cleanAfterSplices(
  text: string,
  clean: CleanTasks,
  next: string,
  splices: readonly Splice[],
): { log: { start: number; end: number } | undefined } | undefined {
  if (splices.length === 0 || splices.length > 8) return undefined;
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  const sections = clean.sections();
  const log = clean.reservedRange("Log");
  // Each splice inside one section, after its heading line: an entry's or the log's.
  const touched = new Map<number, Splice[]>(); // entry section index -> its splices
  const appended: Splice[] = [];
  for (const s of sorted) {
    if (s.text.includes("\r")) return undefined;
    const k = sectionAt(sections, s.start);
    if (k < 0) return undefined;
    const sec = sections[k] as { id: string | undefined; start: number; end: number };
    const headingEnd = text.indexOf("\n", sec.start);
    if (headingEnd < 0 || s.start <= headingEnd) return undefined;
    const last = k === sections.length - 1;
    if (s.end > sec.end || (s.start === sec.end && !last)) return undefined;
    if (sec.id !== undefined) {
      const list = touched.get(k) ?? [];
      list.push(s);
      touched.set(k, list);
    } else if (log && sec.start === log.start) {
      appended.push(s);
    } else return undefined; // the policy or the schedules
  }
  /**
   * Where an offset of `text` (not inside a splice) is in `next`: moved by every splice before
   * it, and by an insertion right at it when `insertionsAt` (the log's end takes in the lines
   * added there).
   */
  const moved = (x: number, insertionsAt: boolean): number => {
    let by = 0;
    for (const s of sorted) {
      if (s.end < x || (s.end === x && (s.start < x || insertionsAt))) by += s.text.length - (s.end - s.start);
    }
    return x + by;
  };
  for (const [k, list] of touched) {
    const sec = sections[k] as { id: string | undefined; start: number; end: number };
    if (!entryStaysClean(text, sec, list)) return undefined;
  }
  // Log lines added: whole "- ..." lines inserted at a line boundary, their "add" tasks entries.
  for (const s of appended) {
    if (s.end !== s.start || !/^(?:- \S[^\n\u2028\u2029]*\n)+$/.test(s.text)) return undefined;
    if (s.start > 0 && text.charCodeAt(s.start - 1) !== 10) return undefined;
    if (/^-+[ \t]*$/m.test(s.text)) return undefined; // a rule line (cannot be with "- \S", but say so)
    const at = moved(s.start, false);
    const has = (n: number) => clean.entryRange(`T-${n}`) !== undefined;
    if (!everyLoggedAdd(next, at, at + s.text.length, has)) return undefined;
  }
  if (!log) return { log: undefined };
  return { log: { start: moved(log.start, false), end: moved(log.end, true) } };
}

/** The index of the section holding offset `at` ([start, end), or the end of the last), or -1. */
function sectionAt(sections: readonly { start: number; end: number }[], at: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid] as { start: number; end: number };
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end && mid < sections.length - 1) lo = mid + 1;
    else return at <= s.end ? mid : -1;
  }
  return -1;
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
