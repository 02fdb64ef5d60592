// Three-way merge of a ledger, entry by entry and field by field, for git's merge driver.
//
// - An entry changed on one side only takes that side; changed on both, its heading, each
//   field and its text merge separately: a field changed on one side takes that change, the
//   same change on both is taken once, and `fence` and `attempts` take the larger value and
//   `workers` the union (they only grow). Anything else changed differently on both sides
//   (two leases on one task) is a conflict, and only that field line is put between
//   conflict markers, which `taskgate check` reports.
// - Entries added on both sides are all kept. When both sides took the same new ID, ours
//   keep it and theirs are renumbered after the highest ID of either side, with their log
//   lines and the dependencies on them.
// - The log keeps the common lines, then the new lines of both sides in time order (ours
//   first on a tie); the hash chain is computed again from the last common line.
// Everything else (the preamble, unknown sections, the rules block) merges as whole text.

import { type LedgerKind, type LedgerText, readLedgerText } from "../ledger/document.js";
import { chainHash, HASH_LENGTH, parseLogLine } from "../ledger/log.js";

export interface MergeResult {
  readonly text: string;
  /** Conflict hunks left in the text (0: a clean merge). */
  readonly conflicts: number;
  /** Theirs' new entries that got a new ID: old -> new. */
  readonly renumbered: ReadonlyMap<string, string>;
}

interface FieldModel {
  readonly key: string;
  readonly line: string;
}

interface SectionModel {
  readonly key: string;
  readonly id: string | undefined;
  readonly heading: string;
  readonly fields: readonly FieldModel[];
  readonly body: readonly string[];
}

interface DocModel {
  readonly bom: string;
  readonly eol: string;
  readonly finalNewline: boolean;
  readonly preamble: readonly string[];
  readonly sections: readonly SectionModel[];
  /** The log's entry lines (without the heading and blank lines). */
  readonly log: readonly string[];
  readonly logSection: SectionModel | undefined;
}

const splitLines = (s: string): string[] => {
  if (s === "") return [];
  const lines = s.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
};

function model(kind: LedgerKind, text: string): DocModel {
  const doc: LedgerText = readLedgerText(kind, "merge", text);
  const line = (start: number, end: number) => text.slice(start, end).replace(/\r?\n$/, "");
  const first = doc.sections[0]?.start ?? text.length;
  const counts = new Map<string, number>();
  const sections: SectionModel[] = [];
  let logSection: SectionModel | undefined;
  let log: string[] = [];
  for (const s of doc.sections) {
    const base = s.kind === "entry" ? (s.id as string) : `${s.kind}:${s.name}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    const headingEnd = text.indexOf("\n", s.start);
    const heading = line(s.start, headingEnd === -1 ? text.length : headingEnd);
    const fields = s.fields.map((f) => ({ key: f.key, line: line(f.start, f.end) }));
    const bodyStart = s.fields.length ? s.fieldsEnd : headingEnd === -1 ? s.end : Math.min(headingEnd + 1, s.end);
    const body = splitLines(text.slice(bodyStart, s.end));
    const m: SectionModel = { key, id: s.id, heading, fields, body };
    if (s.kind === "reserved" && s.name === "Log" && !logSection) {
      logSection = m;
      log = body.filter((l) => l.trim() !== "");
    }
    sections.push(m);
  }
  return {
    bom: doc.bomLength ? "\ufeff" : "",
    eol: doc.eol,
    finalNewline: text.endsWith("\n"),
    preamble: splitLines(text.slice(doc.bomLength, first)),
    sections,
    log,
    logSection,
  };
}

const render = (s: SectionModel): string[] => [s.heading, ...s.fields.map((f) => f.line), ...s.body];
const same = (a: SectionModel | undefined, b: SectionModel | undefined) =>
  a === b || (a !== undefined && b !== undefined && render(a).join("\n") === render(b).join("\n"));

class Conflicts {
  count = 0;
  hunk(ours: readonly string[], theirs: readonly string[]): string[] {
    this.count++;
    return ["<<<<<<< ours", ...ours, "=======", ...theirs, ">>>>>>> theirs"];
  }
}

/** Three-way merge of whole blocks of lines. */
function mergeLines(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
  c: Conflicts,
): string[] {
  const j = (x: readonly string[]) => x.join("\n");
  if (j(ours) === j(theirs) || j(theirs) === j(base)) return [...ours];
  if (j(ours) === j(base)) return [...theirs];
  // Keep shared leading and trailing lines outside the markers.
  let head = 0;
  while (head < ours.length && head < theirs.length && ours[head] === theirs[head]) head++;
  let tail = 0;
  while (
    tail < ours.length - head &&
    tail < theirs.length - head &&
    ours[ours.length - 1 - tail] === theirs[theirs.length - 1 - tail]
  )
    tail++;
  return [
    ...ours.slice(0, head),
    ...c.hunk(ours.slice(head, ours.length - tail), theirs.slice(head, theirs.length - tail)),
    ...ours.slice(ours.length - tail),
  ];
}

const fieldValue = (line: string): string => line.replace(/^[-*+][ \t]+[^:]*:[ \t]*/, "").trim();

/** A field changed on both sides in different ways, where its meaning allows a merge. */
function mergeFieldValue(key: string, ours: string, theirs: string): string | undefined {
  const replace = (line: string, value: string) => line.replace(/^([-*+][ \t]+[^:]*:)[ \t]*.*$/, `$1 ${value}`);
  const a = fieldValue(ours);
  const b = fieldValue(theirs);
  if ((key === "fence" || key === "attempts") && /^\d+$/.test(a) && /^\d+$/.test(b)) {
    return Number(a) >= Number(b) ? ours : theirs;
  }
  if (key === "workers") {
    const names = [...a.split(","), ...b.split(",")].map((s) => s.trim()).filter(Boolean);
    return replace(ours, [...new Set(names)].join(", "));
  }
  return undefined;
}

function mergeSection(
  base: SectionModel | undefined,
  ours: SectionModel,
  theirs: SectionModel,
  c: Conflicts,
): SectionModel {
  if (same(ours, theirs) || same(theirs, base)) return ours;
  if (same(ours, base)) return theirs;
  const b = base ?? { key: ours.key, id: ours.id, heading: ours.heading, fields: [], body: [] };
  const heading = mergeLines([b.heading], [ours.heading], [theirs.heading], c);
  const keys = [...ours.fields.map((f) => f.key)];
  for (const f of theirs.fields) if (!keys.includes(f.key)) keys.push(f.key);
  const fields: FieldModel[] = [];
  const find = (s: SectionModel, k: string) => s.fields.find((f) => f.key === k)?.line;
  for (const key of keys) {
    const [o, t, bb] = [find(ours, key), find(theirs, key), find(b, key)];
    let lines: string[];
    if (o === t || t === bb) lines = o === undefined ? [] : [o];
    else if (o === bb) lines = t === undefined ? [] : [t];
    else {
      const merged = o !== undefined && t !== undefined ? mergeFieldValue(key, o, t) : undefined;
      lines = merged !== undefined ? [merged] : c.hunk(o === undefined ? [] : [o], t === undefined ? [] : [t]);
    }
    for (const line of lines) fields.push({ key, line });
  }
  const body = mergeLines(b.body, ours.body, theirs.body, c);
  return { key: ours.key, id: ours.id, heading: heading.join("\n"), fields, body };
}

const ID = /^([A-Za-z]+)-(\d+)$/;

function renumberSection(s: SectionModel, ids: ReadonlyMap<string, string>): SectionModel {
  const swap = (text: string) => text.replace(/\b([A-Z]+-\d+)\b/g, (m) => ids.get(m) ?? m);
  const id = s.id ? (ids.get(s.id) ?? s.id) : undefined;
  const heading = s.id && id !== s.id ? s.heading.replace(s.id, id as string) : s.heading;
  const fields = s.fields.map((f) =>
    f.key === "depends" || f.key === "supersedes" || f.key === "subject" ? { ...f, line: swap(f.line) } : f,
  );
  return { key: id ?? s.key, id, heading, fields, body: s.body };
}

export function mergeLedger(
  kind: LedgerKind,
  baseText: string,
  oursText: string,
  theirsText: string,
  hasher: (text: string) => string,
): MergeResult {
  const base = model(kind, baseText);
  const ours = model(kind, oursText);
  const theirs = model(kind, theirsText);
  const c = new Conflicts();
  const byKey = (d: DocModel) => new Map(d.sections.map((s) => [s.key, s]));
  const B = byKey(base);
  const O = byKey(ours);

  // New IDs for theirs' new entries that collide with ours' (both took the next free number).
  const renumbered = new Map<string, string>();
  let max = 0;
  for (const d of [ours, theirs, base])
    for (const s of d.sections) {
      const m = s.id ? ID.exec(s.id) : null;
      if (m) max = Math.max(max, Number(m[2]));
    }
  for (const s of theirs.sections) {
    if (!s.id || B.has(s.key)) continue;
    const o = O.get(s.key);
    if (o && !B.has(s.key) && !same(o, s)) {
      const prefix = (ID.exec(s.id) as RegExpExecArray)[1];
      renumbered.set(s.id, `${prefix}-${++max}`);
    }
  }
  const theirsSections = theirs.sections.map((s) => (renumbered.size ? renumberSection(s, renumbered) : s));
  const T2 = new Map(theirsSections.map((s) => [s.key, s]));

  const out: SectionModel[] = [];
  for (const o of ours.sections) {
    if (o === ours.logSection) {
      out.push(o); // replaced below
      continue;
    }
    const b = B.get(o.key);
    const t = T2.get(o.key);
    if (t) out.push(mergeSection(b, o, t, c));
    else if (!b)
      out.push(o); // added by ours
    else if (same(o, b))
      continue; // deleted by theirs, unchanged by ours
    else out.push(o); // deleted by theirs, changed by ours: keep the change
  }
  // Sections only theirs has: added (or kept while ours deleted them unchanged-elsewhere).
  for (let i = 0; i < theirsSections.length; i++) {
    const t = theirsSections[i] as SectionModel;
    if (O.has(t.key) || t.key === theirs.logSection?.key) continue;
    const b = B.get((theirs.sections[i] as SectionModel).key);
    if (b && same(t, b)) continue; // ours deleted it, theirs did not change it
    // A new entry goes after the last entry (IDs stay in order); anything else after the
    // nearest earlier section of theirs that is in the result; else before the log.
    let at = ours.logSection ? out.indexOf(ours.logSection) : -1;
    if (t.id) {
      let lastEntry = -1;
      out.forEach((s, k) => {
        if (s.id) lastEntry = k;
      });
      if (lastEntry >= 0) at = lastEntry + 1;
    }
    for (let k = i - 1; k >= 0 && !t.id; k--) {
      const prev = out.findIndex((s) => s.key === (theirsSections[k] as SectionModel).key);
      if (prev >= 0) {
        at = prev + 1;
        break;
      }
    }
    if (at < 0) at = out.length;
    out.splice(at, 0, t);
  }

  // The log: common lines, then both sides' new lines in time order, chained again.
  const common = base.log;
  const newLines = (d: DocModel): string[] => {
    const prefix = common.every((l, k) => d.log[k] === l);
    if (prefix) return d.log.slice(common.length);
    const known = new Set(common);
    return d.log.filter((l) => !known.has(l));
  };
  // Theirs' lines about a renumbered entry name its new ID (the fifth word: the target).
  const swapTarget = (line: string) =>
    renumbered.size
      ? line.replace(/^([-*+] \S+ \S+ \S+ \S+ )(\S+)/, (m, head, id) =>
          renumbered.has(id) ? head + renumbered.get(id) : m,
        )
      : line;
  const timed = (line: string, side: number, k: number) => {
    const p = parseLogLine(line, 0);
    return {
      line,
      side,
      k,
      time: p.ok ? p.entry.time : Number.POSITIVE_INFINITY,
      body: p.ok ? p.entry.body : undefined,
    };
  };
  const incoming = [
    ...newLines(ours).map((l, k) => timed(l, 0, k)),
    ...newLines(theirs).map((l, k) => timed(swapTarget(l), 1, k)),
  ].sort((x, y) => x.time - y.time || x.side - y.side || x.k - y.k);
  // A line of theirs identical to one of ours is the same action on both sides (a
  // cherry-pick): kept once. Lines repeated within one side are all kept.
  const oursBodies = new Map<string, number>();
  for (const x of incoming)
    if (x.side === 0 && x.body !== undefined) oursBodies.set(x.body, (oursBodies.get(x.body) ?? 0) + 1);
  const lastCommon = common.length ? parseLogLine(common[common.length - 1] as string, 0) : undefined;
  let previous = lastCommon?.ok ? lastCommon.entry.hash : "";
  const merged: string[] = [...common];
  for (const x of incoming) {
    if (x.body === undefined) {
      merged.push(x.line); // not a log line: kept as it is (check reports it)
      continue;
    }
    if (x.side === 1) {
      const n = oursBodies.get(x.body) ?? 0;
      if (n > 0) {
        oursBodies.set(x.body, n - 1);
        continue;
      }
    }
    const marker = x.line.slice(0, x.line.indexOf(" "));
    const hash = chainHash(hasher, previous, x.body);
    merged.push(`${marker} ${x.body} ~ ${hash}`);
    previous = hash.slice(0, HASH_LENGTH);
  }

  const eol = ours.eol;
  const lines: string[] = [...mergeLines(base.preamble, ours.preamble, theirs.preamble, c)];
  for (const s of out) {
    if (s === ours.logSection) {
      const firstLine = s.body.findIndex((l) => l.trim() !== "");
      lines.push(s.heading, ...s.body.slice(0, firstLine < 0 ? s.body.length : firstLine), ...merged);
      continue;
    }
    lines.push(...render(s));
  }
  if (!ours.logSection && merged.length) lines.push("## Log", "", ...merged);
  const text = ours.bom + lines.join(eol) + (ours.finalNewline || lines.length === 0 ? eol : "");
  return { text, conflicts: c.count, renumbered };
}
