// A board that the reader would find clean (no error and no warning), read in one pass over
// its lines without building a task, a section or a field line: what `status` needs (counts
// by state, blocked tasks, leases, the policy) and where each entry's text is. It is the
// reader's fast path for the common case, and it answers only when it can be sure: at the
// first thing that the reader would report, or that it does not read the way the reader
// does (anything the block scanner's fast path gives up on, an unknown field or section, a
// duplicate, a value its codec refuses, a dependency cycle), it gives up and returns
// undefined, and the caller reads the text with readTasks. So "clean" means exactly: readTasks
// would give no diagnostics. test/unit/clean-scan.test.ts checks that on fixtures, on
// generated boards and on boards with one thing broken.
//
// Everything is integers and offsets: IDs are numbers (T-12 is 12) in typed arrays, so the
// duplicate, unknown-dependency and cycle checks allocate no strings. It runs once per
// process, before the JIT warms up, when a loop over characters runs in V8's interpreter and
// a regular expression runs as native code from its first use. So the lines that change
// nothing (text, the log) are passed over by one match (SKIP), and an entry in the shape
// taskgate writes (PLAIN_ENTRY: its heading, its field lines in a usual order, the text after
// them) by one match and a few tests of its groups; anything else goes line by line. The
// differential test has cases for both ways and the near misses between them.

import { type Lease, type Policy, STATES, type State } from "../model/task.js";
import { parseTime, parseTimeAt } from "../model/time.js";
import { atxHeading } from "./blocks.js";
import { eachListItem, fieldColon, KEY, KNOWN_KEYS, knownKeyCode } from "./document.js";
import { everyLoggedAdd } from "./entry-ids.js";
import { isRuleLine, LONE_CR } from "./fast-scan.js";
import { type Decoded, POLICY_FIELDS, TASK_FIELDS } from "./fields.js";
import { policyFrom } from "./tasks.js";

export interface CleanTasks {
  readonly tasks: number;
  /**
   * The highest task number the file has used: its highest entry ID (on a clean board every
   * "add" line of the log has its entry, so none is higher), 0 without entries.
   */
  readonly highestId: number;
  readonly byState: Record<State, number>;
  readonly blocked: string[];
  readonly leases: {
    readonly id: string;
    readonly holder: string;
    readonly until: number;
    readonly session?: string | undefined;
  }[];
  readonly policy: Policy;
  /** The text of entry `id` ("## T-12 ..." up to the next section), or undefined if none. */
  entryText(id: string): string | undefined;
  /** Where entry `id` is, [start, end) up to the next section, or undefined if none. */
  entryRange(id: string): Range | undefined;
  /** Where the Policy, Schedules or Log section is, or undefined if there is none. */
  reservedRange(name: "Policy" | "Schedules" | "Log"): Range | undefined;
  /** Every section in file order (entries with their IDs), for readers of the clean board. */
  sections(): { readonly id: string | undefined; readonly start: number; readonly end: number }[];
  /**
   * The section holding offset `at` (its start <= at < its end; the last one's end too), as
   * sections() gives it, found without listing them all (a write asks for one or two); undefined
   * before the first section or past the text.
   */
  sectionAt(
    at: number,
  ):
    | { readonly id: string | undefined; readonly start: number; readonly end: number; readonly last: boolean }
    | undefined;
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** IDs above this are left to readTasks (the ID table is indexed by number). */
const MAX_ID = 1 << 22;

const PREAMBLE = 0;
const FIELDS = 1; // the field list right under a heading
const CONTENT = 2; // the text after it

const OTHER = 0;
const POLICY = 1;
const SCHEDULES = 2;
const LOG = 3;
const ENTRY = 4;

const STATE_DOING = 2;
const STATE_DONE = 4;

class IntList {
  length = 0;
  data = new Int32Array(1024);
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

export function scanCleanTasks(text: string): CleanTasks | undefined {
  if (text.includes("\r") && LONE_CR.test(text)) return undefined;
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const separators = text.includes("\u2028") || text.includes("\u2029");
  const byStateCount = new Int32Array(STATES.length);
  const blocked: string[] = [];
  const leases: { id: string; holder: string; until: number; session?: string | undefined }[] = [];
  const policyValues = new Map<string, unknown>();
  // Per task (by index): its ID's number and the offsets of its section.
  const ids = new IntList();
  const starts = new IntList();
  const ends = new IntList();
  // Dependencies as (task index, ID number) pairs, grouped by task.
  const depFrom = new IntList();
  const depTo = new IntList();
  let indexOfId = new Int32Array(1024); // ID number -> task index + 1
  let reservedSeen = 0;
  // Every section's start and kind, in file order; entries also have theirs in `starts`.
  const sectionStarts = new IntList();
  const sectionKinds = new IntList();
  const reservedAt = new Int32Array(ENTRY).fill(-1); // by kind: index in sectionStarts
  let mode = PREAMBLE;
  let kind = OTHER;
  let anySection = false;
  // The current section's state.
  let seenKeys = 0; // bit per known key code below 31 (task and policy keys)
  let seenHigh = 0; // bit per task key past those (paths, worktree)
  let otherKeys: string[] | undefined; // keys of the Schedules list, for duplicates
  let task = -1;
  let stateCode = -1;
  let hasState = false;
  let hasLease = false;
  let leaseSet = false;
  let resolutionSet = false;
  let idStart = 0; // the entry's ID in its heading: [idStart, idEnd)
  let idEnd = 0;

  /** The checks readTasks makes once an entry's fields are all read. */
  const endEntry = (): boolean => {
    if (!hasState) return false; // missing-state
    const st = stateCode < 0 ? 0 : stateCode; // "- state:" with no value reads as PLAN
    if (st === STATE_DOING ? !leaseSet && !hasLease : leaseSet) return false; // doing-without-lease, lease-outside-doing
    if (resolutionSet && st !== STATE_DONE) return false; // resolution-outside-done
    byStateCount[st] = (byStateCount[st] as number) + 1;
    return true;
  };

  let sectionStart = 0;
  for (let start = from; start < text.length; ) {
    if (mode !== FIELDS && text.charCodeAt(start) !== 35) {
      // Lines that change nothing here (text, log lines, blank lines), skipped in one match.
      SKIP.lastIndex = start;
      SKIP.test(text);
      start = SKIP.lastIndex;
      if (start >= text.length) break;
    }
    if (text.charCodeAt(start) === 35 && text.startsWith("## T-", start)) {
      // Entries in their common shape, each heading to the next heading at once; else line by line.
      const after = plainEntries(start);
      if (after < 0) return undefined;
      if (after > start) {
        start = after;
        continue;
      }
    }
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const le = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const next = nl + 1;
    const c = text.charCodeAt(start);
    // What the block scanner's fast path gives up on (see fast-scan.ts).
    if (c === 32 || c === 9 || c === 0x3e || c === 0x3c) return undefined;
    if ((c === 0x2d || c === 0x3d) && isRuleLine(text, start, nl, c)) return undefined;
    if ((c === 0x60 || c === 0x7e) && text.startsWith(c === 0x60 ? "```" : "~~~", start)) return undefined;
    const h = c === 35 ? atxHeading(text, start, le) : undefined;
    if (h !== undefined && h.level <= 2) {
      // A section boundary: finish the one before.
      if (kind === ENTRY) {
        if (!endEntry()) return undefined;
        ends.push(start);
      }
      if (h.level === 1) {
        if (anySection) return undefined; // level-1-heading
        start = next;
        continue; // the document title, part of the preamble
      }
      anySection = true;
      sectionStart = start;
      mode = FIELDS;
      sectionStarts.push(start);
      seenKeys = 0;
      seenHigh = 0;
      otherKeys = undefined;
      const n = entryNumber(text, h.start, h.end, separators);
      if (n > 0) {
        kind = ENTRY;
        sectionKinds.push(ENTRY);
        if (n >= indexOfId.length) {
          const grown = new Int32Array(Math.max(n + 1, indexOfId.length * 2));
          grown.set(indexOfId);
          indexOfId = grown;
        }
        if (indexOfId[n] !== 0) return undefined; // duplicate-id
        task = ids.length;
        indexOfId[n] = task + 1;
        ids.push(n);
        starts.push(sectionStart);
        idStart = h.start;
        idEnd = h.start + 2;
        while (idEnd < h.end && text.charCodeAt(idEnd) >= 48 && text.charCodeAt(idEnd) <= 57) idEnd++;
        stateCode = -1;
        hasState = hasLease = leaseSet = resolutionSet = false;
      } else {
        const len = h.end - h.start;
        kind =
          len === 6 && text.startsWith("Policy", h.start)
            ? POLICY
            : len === 9 && text.startsWith("Schedules", h.start)
              ? SCHEDULES
              : len === 3 && text.startsWith("Log", h.start)
                ? LOG
                : OTHER;
        if (kind === OTHER) return undefined; // unknown-section or bad-id
        reservedAt[kind] = sectionKinds.length;
        sectionKinds.push(kind);
        if (reservedSeen & (1 << kind)) return undefined; // duplicate-section
        reservedSeen |= 1 << kind;
        if (kind === LOG) mode = CONTENT; // its lines are log lines, not fields
      }
      start = next;
      continue;
    }
    if (mode === FIELDS) {
      if (start === le) {
        mode = CONTENT;
      } else {
        const colon = fieldColon(text, start, le);
        if (colon < 0) return undefined; // bad-field
        if (!field(colon, start, le)) return undefined;
      }
    }
    start = next;
  }
  if (kind === ENTRY) {
    if (!endEntry()) return undefined;
    ends.push(text.length);
  }

  // Dependencies: every one a task of this file, and no cycle.
  for (let k = 0; k < depTo.length; k++) {
    const to = depTo.data[k] as number;
    if (to >= indexOfId.length || indexOfId[to] === 0) return undefined; // unknown-dependency
  }
  if (depTo.length && hasCycle(ids.length, depFrom, depTo, indexOfId)) return undefined;

  // Every task the log adds still has its entry (else readTasks reports "missing-entry").
  const logAt = reservedAt[LOG] as number;
  if (logAt >= 0) {
    const logEnd = logAt + 1 < sectionStarts.length ? (sectionStarts.data[logAt + 1] as number) : text.length;
    const has = (n: number) => n < indexOfId.length && indexOfId[n] !== 0;
    if (!everyLoggedAdd(text, sectionStarts.data[logAt] as number, logEnd, has)) return undefined;
  }

  let highestId = 0;
  for (let k = 0; k < ids.length; k++) if ((ids.data[k] as number) > highestId) highestId = ids.data[k] as number;
  const byState = {} as Record<State, number>;
  STATES.forEach((s, i) => {
    byState[s] = byStateCount[i] as number;
  });
  return {
    tasks: ids.length,
    highestId,
    byState,
    blocked,
    leases,
    policy: policyFrom(policyValues),
    entryText(id: string) {
      const r = this.entryRange(id);
      return r && text.slice(r.start, r.end);
    },
    entryRange(id: string) {
      const m = /^T-([1-9]\d*)$/.exec(id);
      const n = m ? Number(m[1]) : 0;
      const index = n > 0 && n < indexOfId.length ? (indexOfId[n] as number) - 1 : -1;
      return index < 0 ? undefined : { start: starts.data[index] as number, end: ends.data[index] as number };
    },
    reservedRange(name: "Policy" | "Schedules" | "Log") {
      const k = reservedAt[name === "Policy" ? POLICY : name === "Schedules" ? SCHEDULES : LOG] as number;
      if (k < 0) return undefined;
      const end = k + 1 < sectionStarts.length ? (sectionStarts.data[k + 1] as number) : text.length;
      return { start: sectionStarts.data[k] as number, end };
    },
    sections() {
      const out: { id: string | undefined; start: number; end: number }[] = [];
      let entry = 0;
      for (let k = 0; k < sectionStarts.length; k++) {
        const start = sectionStarts.data[k] as number;
        const end = k + 1 < sectionStarts.length ? (sectionStarts.data[k + 1] as number) : text.length;
        const id = sectionKinds.data[k] === ENTRY ? `T-${ids.data[entry++]}` : undefined;
        out.push({ id, start, end });
      }
      return out;
    },
    sectionAt(at: number) {
      const k = lastAtOrBefore(sectionStarts, at);
      if (k < 0) return undefined;
      const start = sectionStarts.data[k] as number;
      const last = k === sectionStarts.length - 1;
      const end = last ? text.length : (sectionStarts.data[k + 1] as number);
      if (at > end) return undefined;
      // An entry's ID: its index among the entries is where its start is in `starts`.
      const id = sectionKinds.data[k] === ENTRY ? `T-${ids.data[lastAtOrBefore(starts, start)]}` : undefined;
      return { id, start, end, last };
    },
  };

  /**
   * The entries in their common shape from `at` on, one after the other (a loop of its own,
   * small enough for the JIT to compile while it runs): where the first other line starts,
   * or -1 when readTasks would report something.
   */
  function plainEntries(at: number): number {
    for (;;) {
      PLAIN_ENTRY.lastIndex = at;
      const m = PLAIN_ENTRY.exec(text);
      if (m === null) return at;
      const read = plainEntry(m, at);
      if (read < 0) return -1;
      if (read === 0) return at;
      at = PLAIN_ENTRY.lastIndex;
    }
  }

  /**
   * An entry that PLAIN_ENTRY matched at `at`: 1 when it is read, with the same effect as
   * reading its lines one by one; 0 to leave it to that, nothing changed (a time that
   * parseTime refuses, resolution given twice); -1 when readTasks would report something
   * (the line-by-line walk gives up there too).
   */
  function plainEntry(m: RegExpExecArray, at: number): number {
    const digits = m[1] as string;
    const depends = m[3];
    const resolution1 = m[4];
    const created = m[5];
    const notBefore = m[6];
    const resolution2 = m[7];
    if (resolution1 !== undefined && resolution2 !== undefined) return 0; // duplicate-field
    if (created !== undefined && parseTime(created) === undefined) return 0;
    if (notBefore !== undefined && parseTime(notBefore) === undefined) return 0;
    // A section boundary: finish the one before, as for any heading.
    if (kind === ENTRY) {
      if (!endEntry()) return -1;
      ends.push(at);
    }
    const n = Number(digits);
    if (n >= indexOfId.length) {
      const grown = new Int32Array(Math.max(n + 1, indexOfId.length * 2));
      grown.set(indexOfId);
      indexOfId = grown;
    }
    if (indexOfId[n] !== 0) return -1; // duplicate-id
    anySection = true;
    sectionStart = at;
    sectionStarts.push(at);
    sectionKinds.push(ENTRY);
    kind = ENTRY;
    mode = CONTENT;
    seenKeys = 0;
    seenHigh = 0;
    otherKeys = undefined;
    task = ids.length;
    indexOfId[n] = task + 1;
    ids.push(n);
    starts.push(at);
    idStart = at + 3;
    idEnd = idStart + 2 + digits.length;
    hasState = true;
    stateCode = STATES.indexOf(m[2] as State);
    hasLease = leaseSet = false;
    resolutionSet = resolution1 !== undefined || resolution2 !== undefined;
    if (depends !== undefined) {
      // The first such line after the heading: the lines before it have no blank in their values.
      const vs = text.indexOf("\n- depends: ", at) + 12;
      if (!plainDependencies(vs, vs + depends.length)) return -1; // self-dependency
    }
    return 1;
  }

  /** One field line of the current section; false when readTasks would report something. */
  function field(colon: number, ls: number, le: number): boolean {
    let keyStart = ls + 1;
    while (text.charCodeAt(keyStart) === 32 || text.charCodeAt(keyStart) === 9) keyStart++;
    let vs = colon + 1;
    while (vs < le && (text.charCodeAt(vs) === 32 || text.charCodeAt(vs) === 9)) vs++;
    let ve = le;
    while (ve > vs && (text.charCodeAt(ve - 1) === 32 || text.charCodeAt(ve - 1) === 9)) ve--;
    const code = knownKeyCode(text, keyStart, colon);
    if (kind === SCHEDULES) {
      // Any key (a schedule's name), but not twice.
      const key = text.slice(keyStart, colon);
      otherKeys ??= [];
      if (otherKeys.includes(key)) return false; // duplicate-field
      otherKeys.push(key);
      return true;
    }
    if (code < 0 || (code > 30 && code !== KEY.paths && code !== KEY.worktree)) return false; // unknown-field (or a key this scan does not track)
    // paths and worktree (codes past the 31 bits) share bit 31's place in a second mask.
    const bit = code > 30 ? 1 << (code - KEY.paths) : 0;
    if (bit ? seenHigh & bit : seenKeys & (1 << code)) return false; // duplicate-field
    if (bit) seenHigh |= bit;
    else seenKeys |= 1 << code;
    const key = KNOWN_KEYS[code] as string;
    if (kind === POLICY) {
      const codec = POLICY_FIELDS[key];
      if (!codec) return false; // unknown-field
      if (ve === vs) return true; // not set
      const d = codec(text.slice(vs, ve));
      if (!d.ok) return false;
      policyValues.set(key, d.value);
      return true;
    }
    if (TASK_FIELDS[key] === undefined) return false; // unknown-field in a task
    if (code === KEY.state) hasState = true;
    if (code === KEY.lease) hasLease = true;
    if (ve === vs) return true; // "- key:" with nothing after it means the field is not set
    switch (code) {
      case KEY.state: {
        stateCode = -1;
        for (let s = 0; s < STATES.length; s++) {
          const st = STATES[s] as string;
          if (st.length === ve - vs && text.startsWith(st, vs)) stateCode = s;
        }
        return stateCode >= 0;
      }
      case KEY.priority: {
        const d = text.charCodeAt(vs + 1);
        return ve - vs === 2 && text.charCodeAt(vs) === 80 && d >= 48 && d <= 51;
      }
      case KEY.created:
      case KEY.notBefore:
        return parseTimeAt(text, vs, ve) !== undefined;
      case KEY.resolution:
        resolutionSet = true;
        return (ve - vs === 4 && text.startsWith("done", vs)) || (ve - vs === 9 && text.startsWith("cancelled", vs));
      case KEY.labels:
        PLAIN_LABELS.lastIndex = vs;
        return (PLAIN_LABELS.test(text) && PLAIN_LABELS.lastIndex === ve) || codecOk(code, vs, ve);
      case KEY.depends:
        return dependencies(vs, ve);
      case KEY.lease: {
        const d = (TASK_FIELDS.lease as (v: string) => Decoded<Lease>)(text.slice(vs, ve));
        if (!d.ok) return false;
        leaseSet = true;
        leases.push({
          id: text.slice(idStart, idEnd),
          holder: d.value.holder,
          until: d.value.until,
          session: d.value.session,
        });
        return true;
      }
      case KEY.blocked:
        if (!codecOk(code, vs, ve)) return false;
        blocked.push(text.slice(idStart, idEnd));
        return true;
      default:
        return codecOk(code, vs, ve);
    }
  }

  function codecOk(code: number, vs: number, ve: number): boolean {
    return (TASK_FIELDS[KNOWN_KEYS[code] as string] as (v: string) => Decoded<unknown>)(text.slice(vs, ve)).ok;
  }

  /** A plain "T-1, T-22" list into (task, ID number) pairs; false for anything else. */
  /**
   * A list PLAIN_ENTRY matched ("T-1, T-22", IDs of at most 6 digits): its IDs read in one
   * pass over the characters; false on a self-dependency.
   */
  function plainDependencies(vs: number, ve: number): boolean {
    let n = 0;
    for (let q = vs + 2; q <= ve; q++) {
      const c = q < ve ? text.charCodeAt(q) : 44;
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        continue;
      }
      // The end of an ID (a comma, or the end of the list): skip ", T-" to the next one.
      if (n === ids.data[task]) return false;
      depFrom.push(task);
      depTo.push(n);
      n = 0;
      while (q < ve && text.charCodeAt(q + 1) !== 84) q++; // to the next "T"
      q += 2; // past "T-"
    }
    return true;
  }

  function dependencies(vs: number, ve: number): boolean {
    return eachListItem(text, vs, ve, (a, b) => {
      const d = text.charCodeAt(a + 2);
      if (b - a < 3 || b - a > 9 || text.charCodeAt(a) !== 84 || text.charCodeAt(a + 1) !== 45 || d < 49 || d > 57) {
        return false; // not plain: readTasks says what is wrong, if anything
      }
      let n = 0;
      for (let q = a + 2; q < b; q++) {
        const c = text.charCodeAt(q);
        if (c < 48 || c > 57) return false;
        n = n * 10 + (c - 48);
      }
      if (n > MAX_ID) return false;
      if (n === ids.data[task]) return false; // self-dependency
      depFrom.push(task);
      depTo.push(n);
      return true;
    });
  }
}

/** What JavaScript's trim() removes, within ASCII. */

/**
 * A list of ASCII labels that decodeLabels accepts, matched in place (a regular expression
 * runs as native code from its first use, unlike a loop over characters on a cold start).
 * It only accepts: a value it does not match up to its end goes to the codec.
 */
const PLAIN_LABELS = /[A-Za-z0-9][A-Za-z0-9._/-]*(?:[ \t]*,[ \t]*[A-Za-z0-9][A-Za-z0-9._/-]*)*/y;

/**
 * Lines that the scan passes over without effect outside a field list: any line ending in
 * "\n" that does not start with a blank, ">", "<", "#", a fence, or a run of "-" or "=" alone
 * (what the line-by-line walk gives up on or must look at).
 */
const SKIP = /(?:(?![ \t<>#]|```|~~~|-+[ \t]*\r?(?:\n|$)|=+[ \t]*\r?(?:\n|$))[^\n]*\n)*/y;

const ACTOR_RE = "[A-Za-z0-9][A-Za-z0-9._@+-]*";
const LABEL_RE = "[A-Za-z0-9][A-Za-z0-9._/-]*";
const ID_RE = "T-[1-9]\\d{0,5}"; // below MAX_ID
/**
 * A time parseTime accepts, when the day is at most 28 (every month has it); a day of 29 to 31
 * is matched by the group that follows it, and checked by parseTime.
 */
const TIME_RE =
  "\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?Z|" +
  "(\\d{4}-\\d\\d-(?:29|3[01])T\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,3})?Z)";

/**
 * An entry in its common shape, from its heading through the lines after its field list that
 * SKIP passes over: a heading "## T-12 Title" (one blank each side of the ID, a title that
 * starts and ends with a visible character, ends without "#", and has no line separator);
 * then "- key: value" lines with one blank after "-" and ":", none at the end, LF endings,
 * the keys in this order and each at most once (resolution before or after created), every
 * value one its codec accepts (times on the 29th to 31st checked by parseTime); then a blank line.
 * Not here, so read line by line: DOING (its lease), lease, blocked, rework, other orders.
 * Groups: the ID's number, state, depends, resolution, created and not-before when on the 29th
 * to 31st, resolution.
 */
const PLAIN_ENTRY = new RegExp(
  [
    "## T-([1-9]\\d{0,5}) (?:[^\\s#]|\\S[^\\n\\r\\u2028\\u2029]*[^\\s#])\\n",
    "- state: (PLAN|READY|REVIEW|DONE)\\n",
    "(?:- priority: P[0-3]\\n)?",
    `(?:- labels: ${LABEL_RE}(?:, ?${LABEL_RE})*\\n)?`,
    `(?:- depends: (${ID_RE}(?:, ?${ID_RE})*)\\n)?`,
    "(?:- resolution: (done|cancelled)\\n)?",
    `(?:- created: (?:${TIME_RE})\\n)?`,
    `(?:- assignee: ${ACTOR_RE}\\n)?`,
    `(?:- not-before: (?:${TIME_RE})\\n)?`,
    "(?:- fence: \\d{1,15}\\n)?",
    `(?:- workers: ${ACTOR_RE}(?:, ?${ACTOR_RE})*\\n)?`,
    "(?:- attempts: \\d{1,15}\\n)?",
    "(?:- resolution: (done|cancelled)\\n)?",
    "\\n",
    SKIP.source,
  ].join(""),
  "y",
);

/**
 * The number of a plain entry heading "T-12 Title" (no leading zero, a title without a line
 * separator), or 0 for any other heading text.
 */
function entryNumber(text: string, start: number, end: number, separators: boolean): number {
  if (text.charCodeAt(start) !== 84 || text.charCodeAt(start + 1) !== 45) return 0;
  let p = start + 2;
  const d0 = text.charCodeAt(p);
  if (d0 < 49 || d0 > 57) return 0;
  let n = 0;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    if (n > MAX_ID) return 0;
    p++;
  }
  if (p === end) return 0; // missing-title
  const c = text.charCodeAt(p);
  if (c !== 32 && c !== 9) return 0;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  // The title is not empty once trimmed: its first character (not a blank: the heading's
  // blanks are stripped) is visible ASCII, or trim() says so.
  const first = text.charCodeAt(p);
  if (!(first > 32 && first < 127) && text.slice(p, end).trim() === "") return 0; // missing-title
  // A line separator in the title makes the heading something else for the reader. (A CR
  // cannot be there: a lone CR sends the whole text away, and CR LF ends the line.)
  if (separators) {
    for (let q = p; q < end; q++) {
      const ch = text.charCodeAt(q);
      if (ch === 0x2028 || ch === 0x2029) return 0;
    }
  }
  return n;
}

/** The index of the last value <= `at` in an ascending list, or -1 when there is none. */
function lastAtOrBefore(list: IntList, at: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list.data[mid] as number) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether the dependency graph (pairs grouped by task) has a cycle: iterative DFS. */
function hasCycle(n: number, from: IntList, to: IntList, indexOfId: Int32Array): boolean {
  // Each task's first pair and how many (pairs are grouped by task, in order).
  const first = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  for (let k = 0; k < from.length; k++) {
    const t = from.data[k] as number;
    if (first[t] === -1) first[t] = k;
    count[t] = (count[t] as number) + 1;
  }
  const color = new Uint8Array(n);
  const stack = new Int32Array(n);
  const nextDep = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (count[root] === 0 || color[root] !== 0) continue;
    let top = 0;
    stack[0] = root;
    nextDep[0] = 0;
    color[root] = 1;
    while (top >= 0) {
      const at = stack[top] as number;
      const k = nextDep[top] as number;
      if (k >= (count[at] as number)) {
        color[at] = 2;
        top--;
        continue;
      }
      nextDep[top] = k + 1;
      const dep = (indexOfId[to.data[(first[at] as number) + k] as number] as number) - 1;
      if (color[dep] === 1) return true;
      if (color[dep] === 0) {
        color[dep] = 1;
        stack[++top] = dep;
        nextDep[top] = 0;
      }
    }
  }
  return false;
}
