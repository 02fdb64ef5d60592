// What the metrics need from a log, read fast: time, actor, action, target and the few
// details they look at (from, to, auto, via), for every line, without building the full entry
// (readLog parses every detail and checks the chain; 100,000 lines must take milliseconds).
// Lines that are not well-formed log lines are skipped here; `check` reports them.

import { parseTimeAt } from "../model/time.js";
import { type LedgerText, sectionByName } from "./document.js";

export interface LogFact {
  readonly time: number;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly from: string | undefined;
  /** The state after the line (an add line's state=). */
  readonly to: string | undefined;
  /** Marked as automated in the line itself (auto=true, or via=run|work|watch). */
  readonly marked: boolean;
}

const TIME_LENGTH = 20; // 2026-11-24T09:30:00Z

/** Words the logs use all the time, shared rather than sliced out of every line again. */
const COMMON = [
  ...["add", "claim", "renew", "release", "submit", "accept", "rework", "fail", "recover", "takeover", "set"],
  ...["ready", "plan", "cancel", "block", "unblock", "request", "approve", "reject", "schedule", "lost"],
  ...["PLAN", "READY", "DOING", "REVIEW", "DONE", "true", "run", "work", "watch"],
];
const COMMON_BY_LENGTH: string[][] = [];
for (const w of COMMON) {
  const list = COMMON_BY_LENGTH[w.length];
  if (list) list.push(w);
  else COMMON_BY_LENGTH[w.length] = [w];
}

function word(text: string, start: number, end: number): string {
  const list = COMMON_BY_LENGTH[end - start];
  if (list) for (const w of list) if (text.startsWith(w, start)) return w;
  return text.slice(start, end);
}

function keyIs(text: string, k: number, eq: number, key: string): boolean {
  return eq - k - 1 === key.length && text.startsWith(key, k + 1);
}

/** State kept across the lines of one log: actors seen, and the day of the last time read. */
class Reader {
  readonly actors: string[] = [];
  day = "";
  dayStart = 0;

  constructor(readonly text: string) {}

  actorAt(start: number, end: number): string {
    const { text } = this;
    for (const w of this.actors) if (w.length === end - start && text.startsWith(w, start)) return w;
    const w = text.slice(start, end);
    if (this.actors.length < 64) this.actors.push(w);
    return w;
  }

  /** Times in a log mostly share the day of the line before: a day is parsed once. */
  timeAt(p: number): number | undefined {
    const { text } = this;
    if (this.day !== "" && text.charCodeAt(p + 19) === 90 && text.startsWith(this.day, p)) {
      const h = (text.charCodeAt(p + 11) - 48) * 10 + text.charCodeAt(p + 12) - 48;
      const m = (text.charCodeAt(p + 14) - 48) * 10 + text.charCodeAt(p + 15) - 48;
      const sec = (text.charCodeAt(p + 17) - 48) * 10 + text.charCodeAt(p + 18) - 48;
      if (
        h >= 0 &&
        h < 24 &&
        m >= 0 &&
        m < 60 &&
        sec >= 0 &&
        sec < 60 &&
        text.charCodeAt(p + 13) === 58 &&
        text.charCodeAt(p + 16) === 58
      ) {
        return this.dayStart + h * 3_600_000 + m * 60_000 + sec * 1000;
      }
    }
    const t = parseTimeAt(text, p, p + TIME_LENGTH);
    if (t !== undefined) {
      this.day = text.slice(p, p + 11);
      this.dayStart = t - (t % 86_400_000);
    }
    return t;
  }

  /** The fact of the line [ls, le), or undefined when it is not a well-formed log line. */
  fact(ls: number, le: number): LogFact | undefined {
    const { text } = this;
    // "- TIME ACTOR ROLE ACTION TARGET [details] ~ HASH"
    const tilde = le - 15;
    if (text.charCodeAt(ls + 1) !== 32 || tilde <= ls || text.charCodeAt(tilde + 1) !== 126) return undefined;
    const time = this.timeAt(ls + 2);
    const a = ls + 3 + TIME_LENGTH;
    const b = text.indexOf(" ", a);
    const c = b < 0 ? -1 : text.indexOf(" ", b + 1);
    const d = c < 0 ? -1 : text.indexOf(" ", c + 1);
    if (time === undefined || d <= 0 || d >= tilde) return undefined;
    let e = text.indexOf(" ", d + 1);
    if (e < 0 || e > tilde) e = tilde;
    // One walk over the details (key=value words), keeping from, to, state, auto and via.
    let from: string | undefined;
    let to: string | undefined;
    let state: string | undefined;
    let marked = false;
    for (let k = e; k < tilde; ) {
      let end = text.indexOf(" ", k + 1);
      if (end < 0 || end > tilde) end = tilde;
      const eq = text.indexOf("=", k + 1);
      if (eq > 0 && eq < end) {
        const first = text.charCodeAt(k + 1);
        if (first === 102 /* f */ && keyIs(text, k, eq, "from")) from = word(text, eq + 1, end);
        else if (first === 116 /* t */ && keyIs(text, k, eq, "to")) to = word(text, eq + 1, end);
        else if (first === 115 /* s */ && keyIs(text, k, eq, "state")) state = word(text, eq + 1, end);
        else if (first === 97 /* a */ && keyIs(text, k, eq, "auto"))
          marked ||= end === eq + 5 && text.startsWith("true", eq + 1);
        else if (first === 118 /* v */ && keyIs(text, k, eq, "via")) {
          const v = word(text, eq + 1, end);
          marked ||= v === "run" || v === "work" || v === "watch";
        }
        if (text.charCodeAt(eq + 1) === 34) {
          // A quoted value (a JSON string) may hold blanks: skip to its closing quote.
          let close = eq + 2;
          while (close < tilde && text.charCodeAt(close) !== 34) close += text.charCodeAt(close) === 92 ? 2 : 1;
          const after = text.indexOf(" ", close);
          end = after < 0 || after > tilde ? tilde : after;
        }
      }
      k = end;
    }
    const action = word(text, c + 1, d);
    return {
      time,
      actor: this.actorAt(a, b),
      action,
      target: text.slice(d + 1, e),
      from,
      // A new task's first state is its add line's state=.
      to: to ?? (action === "add" ? state : undefined),
      marked,
    };
  }
}

export function logFacts(doc: LedgerText): LogFact[] {
  const section = sectionByName(doc, "Log");
  if (!section) return [];
  const { text } = doc;
  const reader = new Reader(text);
  const out: LogFact[] = [];
  for (let ls = section.start; ls < section.end; ) {
    let nl = text.indexOf("\n", ls);
    if (nl === -1 || nl > section.end) nl = section.end;
    const f = reader.fact(ls, nl > ls && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    if (f) out.push(f);
    ls = nl + 1;
  }
  return out;
}
