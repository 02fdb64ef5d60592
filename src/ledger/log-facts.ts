// What the metrics need from a log, read fast: time, actor, action, target and the few
// details they look at (from, to, auto, session, via), for every line, without building the full entry
// (readLog parses every detail and checks the chain). `metrics` reads logs of 100,000 lines and
// more on every call, so the lines are kept as columns of numbers, not as objects: a time
// column, and codes into tables of the few distinct actors, words and targets. Building one
// object per line, and later looking each one's target up in maps by string, was most of the
// command's time, and of its garbage. A line's strings (the regular expression's captures) are
// turned into codes through one map per table.
// Lines that are not well-formed log lines are skipped here; `check` reports them.
// test/unit/metrics.test.ts compares what this reads with readLog's entries.

import { parseTime } from "../model/time.js";
import type { LedgerText, Section } from "./document.js";
import { sectionByName } from "./document.js";
import { parseLogLine } from "./log.js";

/** One line of a log, as objects (factsOf): for tests and readers that want few lines. */
export interface LogFact {
  readonly time: number;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly from: string | undefined;
  /** The state after the line (an add line's state=). */
  readonly to: string | undefined;
  /**
   * Marked as automated in the line itself (auto=true: an automation actor wrote it, or a rule
   * decided it). via=run|work|mcp says which command a line came from, not who acted: a
   * person's `run` is a person's line.
   */
  readonly marked: boolean;
  /** The run's session (session=run-3f9a2c), when the line has one. */
  readonly session: string | undefined;
  /** Written by run or work (via=run, via=work): an automatic accept may follow such a hand-in. */
  readonly fromRun: boolean;
}

/** A log as columns: line i's time is time[i], its actor actors[actor[i]], and so on. */
export interface LogTable {
  readonly length: number;
  readonly time: Float64Array;
  readonly actor: Int32Array;
  /** Codes into `words`: the action, and the from and to states (NONE when absent). */
  readonly action: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly target: Int32Array;
  /** 1 when the line marks itself as automated (auto=true). */
  readonly marked: Uint8Array;
  /** Codes into `words`: the line's session= (NONE when absent). */
  readonly session: Int32Array;
  /** 1 when the line says via=run or via=work. */
  readonly fromRun: Uint8Array;
  readonly actors: readonly string[];
  readonly words: readonly string[];
  readonly targets: readonly string[];
}

/**
 * The words every log uses, at fixed codes (W.DONE is always "DONE"), so that rules compare
 * numbers. Other words get codes after these, in the order they are met.
 */
const SEEDED = [
  " ", // NONE: a place, not a value (a value " " gets a code of its own)
  ...["PLAN", "READY", "DOING", "REVIEW", "DONE"],
  ...["add", "claim", "renew", "release", "submit", "accept", "rework", "fail", "recover", "takeover", "set"],
  ...["ready", "plan", "cancel", "block", "unblock", "request", "approve", "reject", "schedule", "lost"],
] as const;
export const SEEDED_WORDS: readonly string[] = SEEDED;
type Seeded = Exclude<(typeof SEEDED)[number], " ">;
export const NONE = 0;
export const W = Object.fromEntries(SEEDED.map((w, i) => [w, i]).filter(([w]) => w !== " ")) as Record<Seeded, number>;

/** Codes for strings: one per distinct string, in the order they are met. */
class Codes {
  readonly values: string[] = [];
  private readonly byValue = new Map<string, number>();

  /** With `firstIsNone`, code 0 is kept for "no value" and never given to a string. */
  constructor(seed: readonly string[] = [], firstIsNone = false) {
    seed.forEach((w, i) => {
      if (i === 0 && firstIsNone) this.values.push(w);
      else this.code(w);
    });
  }

  code(s: string): number {
    let v = this.byValue.get(s);
    if (v === undefined) {
      v = this.values.length;
      this.values.push(s);
      this.byValue.set(s, v);
    }
    return v;
  }
}

class Columns {
  length = 0;
  time: Float64Array;
  actor: Int32Array;
  action: Int32Array;
  from: Int32Array;
  to: Int32Array;
  target: Int32Array;
  marked: Uint8Array;
  session: Int32Array;
  fromRun: Uint8Array;
  readonly actors: Codes;
  readonly words: Codes;
  readonly targets: Codes;

  /** Room for n lines, after the lines of `base` when given. */
  constructor(n: number, base?: LogTable) {
    const size = n + (base?.length ?? 0);
    this.time = new Float64Array(size);
    this.actor = new Int32Array(size);
    this.action = new Int32Array(size);
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.target = new Int32Array(size);
    this.marked = new Uint8Array(size);
    this.session = new Int32Array(size);
    this.fromRun = new Uint8Array(size);
    this.actors = new Codes(base?.actors);
    this.words = new Codes(base?.words ?? SEEDED, true);
    this.targets = new Codes(base?.targets);
    if (base) {
      this.time.set(base.time);
      this.actor.set(base.actor);
      this.action.set(base.action);
      this.from.set(base.from);
      this.to.set(base.to);
      this.target.set(base.target);
      this.marked.set(base.marked);
      this.session.set(base.session);
      this.fromRun.set(base.fromRun);
      this.length = base.length;
    }
  }

  add(
    time: number,
    actor: string,
    action: string,
    target: string,
    from: string | undefined,
    to: string | undefined,
    marked: boolean,
    session: string | undefined,
    via: string | undefined,
  ): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    const code = this.words.code(action);
    this.time[i] = time;
    this.actor[i] = this.actors.code(actor);
    this.action[i] = code;
    this.target[i] = this.targets.code(target);
    this.from[i] = from === undefined ? NONE : this.words.code(from);
    this.to[i] = to === undefined ? NONE : this.words.code(to);
    this.marked[i] = marked ? 1 : 0;
    this.session[i] = session === undefined ? NONE : this.words.code(session);
    this.fromRun[i] = via === "run" || via === "work" ? 1 : 0;
  }

  /** Twice the room. */
  private grow(): void {
    const n = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, Float64Array);
    this.actor = grow(this.actor, Int32Array);
    this.action = grow(this.action, Int32Array);
    this.from = grow(this.from, Int32Array);
    this.to = grow(this.to, Int32Array);
    this.target = grow(this.target, Int32Array);
    this.marked = grow(this.marked, Uint8Array);
    this.session = grow(this.session, Int32Array);
    this.fromRun = grow(this.fromRun, Uint8Array);
  }

  table(): LogTable {
    const n = this.length;
    return {
      length: n,
      time: this.time.subarray(0, n),
      actor: this.actor.subarray(0, n),
      action: this.action.subarray(0, n),
      from: this.from.subarray(0, n),
      to: this.to.subarray(0, n),
      target: this.target.subarray(0, n),
      marked: this.marked.subarray(0, n),
      session: this.session.subarray(0, n),
      fromRun: this.fromRun.subarray(0, n),
      actors: this.actors.values,
      words: this.words.values,
      targets: this.targets.values,
    };
  }
}

/**
 * A log line in the shape taskgate writes it: every detail key=value, a value quoted as a whole
 * or not at all. Read by the regular expression engine, which is native code from its first
 * use and checks the shape of 100,000 lines in 20-30 ms here, no slower than a loop over their
 * characters in V8's optimized code (a reader that looped over characters, and one that jumped
 * from blank to blank, were each tried: 10-25% faster at best, with more code). Any other
 * line (two blanks in a row, a detail without "=", a quote inside a value) is read by readLog's
 * own parser, parseLogLine, and so is a line whose from, to, state, auto, session or via is quoted.
 */
/** A quoted value: a JSON string (what JSON.parse takes; readLog parses quoted values with it). */
const QUOTED_SOURCE = '"(?:[^"\\\\\\u0000-\\u001f\\u2028\\u2029]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"';
const QUOTED = new RegExp(QUOTED_SOURCE, "g");
/** A token: no blank, no quote, and none of the characters that end a line for readLog's "." */
const WORD = '[^ "\\n\\r\\u2028\\u2029]';
const KEY = '[^ "=\\n\\r\\u2028\\u2029]';
/**
 * A match starts at the line break before its line and ends before the next one, so that it
 * is one line of the file as readLog splits them (no multiline flag: JavaScript would also
 * take a lone CR or a U+2028 inside a line as a line's end).
 */
const PLAIN_LINE = new RegExp(
  `\\n[-*+] (${WORD}+) (${WORD}+) ${WORD}+ (${WORD}+) (${WORD}+)((?: ${KEY}+=(?:${QUOTED_SOURCE}|${WORD}*))*) ~ [0-9a-f]{12}[ \\t]*\\r?(?=\\n|$)`,
  "g",
);

/** The last value of `key` in plain details (" k=v k=v"), or undefined. */
function detail(details: string, key: string): string | undefined {
  const k = details.lastIndexOf(key);
  if (k < 0) return undefined;
  const end = details.indexOf(" ", k + key.length);
  return details.slice(k + key.length, end < 0 ? details.length : end);
}

/** The number of the two digits at s[i], or 100 when they are not two digits. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : 100;
}

/**
 * The lines of text[start, end) that are log lines, as columns: after the lines of `base` when
 * given (a log read before, which these lines continue).
 */
export function readLogLines(text: string, start: number, end: number, base?: LogTable): LogTable {
  const cols = new Columns(Math.max(16, Math.ceil((end - start) / 100)), base);
  /** A line that is not plain: read as readLog reads it. */
  const other = (ls: number, le: number) => {
    if (le - ls < 4 || text.charCodeAt(ls + 1) !== 32) return;
    const parsed = parseLogLine(text.slice(ls, le).replace(/\r$/, ""), 0);
    if (!parsed.ok) return;
    const { time, actor, action, target, details } = parsed.entry;
    const to = details.to ?? (action === "add" ? details.state : undefined);
    cols.add(time, actor, action, target, details.from, to, details.auto === "true", details.session, details.via);
  };
  /** The lines of [from, to) one by one. */
  const others = (from: number, to: number) => {
    for (let ls = from; ls < to; ) {
      let nl = text.indexOf("\n", ls);
      if (nl === -1 || nl > to) nl = to;
      other(ls, nl);
      ls = nl + 1;
    }
  };
  let day = ""; // the date of the last time read, and its start: a day is parsed once
  let dayStart = 0;
  let expected = start; // where the next line starts
  const re = new RegExp(PLAIN_LINE.source, PLAIN_LINE.flags);
  re.lastIndex = Math.max(0, start - 1); // the line break before the first line
  for (let m = re.exec(text); m !== null && m.index + 1 < end; m = re.exec(text)) {
    const ls = m.index + 1;
    if (ls !== expected) others(expected, ls);
    expected = ls + m[0].length; // m[0] is the line break and the line
    const stamp = m[1] as string;
    let time: number | undefined;
    if (stamp.length === 20 && day !== "" && stamp.startsWith(day)) {
      // hh:mm:ssZ after the day
      const h = twoDigits(stamp, 11);
      const min = twoDigits(stamp, 14);
      const sec = twoDigits(stamp, 17);
      if (
        h < 24 &&
        min < 60 &&
        sec < 60 &&
        stamp.charCodeAt(13) === 58 &&
        stamp.charCodeAt(16) === 58 &&
        stamp.charCodeAt(19) === 90
      )
        time = dayStart + h * 3_600_000 + min * 60_000 + sec * 1000;
    }
    if (time === undefined) {
      time = parseTime(stamp);
      if (time === undefined) continue; // readLog refuses the line
      day = stamp.slice(0, 11);
      dayStart = Math.floor(time / 86_400_000) * 86_400_000; // also before 1970
    }
    let details = m[5] as string;
    const action = m[3] as string;
    let from: string | undefined;
    let to: string | undefined;
    let marked = false;
    let session: string | undefined;
    let via: string | undefined;
    if (details.length > 0) {
      // Quoted values may hold " to=" and the like: searched with each one as "".
      const quoted = details.includes('"');
      if (quoted) details = details.replace(QUOTED, '""');
      from = detail(details, " from=");
      to = detail(details, " to=") ?? (action === "add" ? detail(details, " state=") : undefined);
      const auto = detail(details, " auto=");
      session = detail(details, " session=");
      via = detail(details, " via=");
      if (quoted && (from === '""' || to === '""' || auto === '""' || session === '""' || via === '""')) {
        other(ls, m.index + m[0].length);
        continue;
      }
      marked = auto === "true";
    }
    cols.add(time, m[2] as string, action, m[4] as string, from, to, marked, session, via);
  }
  if (expected < end) others(expected, end);
  return cols.table();
}

/** The log of `doc` as columns; `section` is its Log section when the caller has it at hand. */
export function logTable(doc: LedgerText, section: Section | undefined = sectionByName(doc, "Log")): LogTable {
  // The heading line ("## Log") is passed over as not a log line.
  return section ? readLogLines(doc.text, section.start, section.end) : emptyLogTable();
}

/** A log with no lines (a missing APPROVALS.md). */
export function emptyLogTable(): LogTable {
  return readLogLines("", 0, 0);
}

/** The lines of a log table as objects. */
export function factsOf(t: LogTable): LogFact[] {
  const out: LogFact[] = [];
  const word = (code: number) => (code === NONE ? undefined : t.words[code]);
  for (let i = 0; i < t.length; i++) {
    out.push({
      time: t.time[i] as number,
      actor: t.actors[t.actor[i] as number] as string,
      action: t.words[t.action[i] as number] as string,
      target: t.targets[t.target[i] as number] as string,
      from: word(t.from[i] as number),
      to: word(t.to[i] as number),
      marked: t.marked[i] === 1,
      session: word(t.session[i] as number),
      fromRun: t.fromRun[i] === 1,
    });
  }
  return out;
}
