// The `paths` field: path globs read into segments of character sets, with a sentence for a
// glob that cannot be read. The overlap decision over them is rules/path-overlap.ts.
// Syntax (docs/ledger-format.md#paths): `/` separates folders; `**` as a whole segment is any
// number of folders (none too); `*` any characters but `/`; `?` one; `[a-z]`, `[!a]`, `[^a]`
// a class; `{a,b}` alternatives (nested, up to MAX_ALTERNATIVES); `\x` a literal x. A glob
// also reserves everything below what it names, as a git pathspec does (`src/ledger` is
// `src/ledger` and `src/ledger/**`).

/** Sorted, disjoint, inclusive code point ranges [lo0, hi0, lo1, hi1, ...], never holding "/". */
export type CharSet = readonly number[];

/** One character position of a segment: a set of characters, or `*` (any run, none too). */
export type CharToken = { readonly star: true } | { readonly star: false; readonly set: CharSet };

/** A segment: `**` (any number of whole segments, none too), or one segment's characters. */
export type Segment =
  | { readonly globstar: true }
  | {
      readonly globstar: false;
      readonly chars: readonly CharToken[];
      /** The segment's one name when it has no wildcard (most do): compared as a string. */
      readonly literal: string | undefined;
    };

export interface PathGlob {
  readonly text: string;
  /** The brace expansion's alternatives, each a list of segments (ending in the implied `**`). */
  readonly alternatives: readonly (readonly Segment[])[];
}

export const MAX_ALTERNATIVES = 64;
const SLASH = 0x2f;
const MAX_CODE = 0x10ffff;
/** Every character a segment may hold: anything but "/". */
export const ANY: CharSet = [0, SLASH - 1, SLASH + 1, MAX_CODE];
const STAR: CharToken = { star: true };
export const GLOBSTAR: Segment = { globstar: true };

export type GlobRead = { ok: true; glob: PathGlob } | { ok: false; problem: string };

const cache = new Map<string, GlobRead>();

/** One glob, read (cached: a board repeats the same few). */
export function readPathGlob(text: string): GlobRead {
  let r = cache.get(text);
  if (!r) {
    r = readUncached(text);
    if (cache.size > 4096) cache.clear();
    cache.set(text, r);
  }
  return r;
}

/** A `paths` value split at its top-level commas (a comma inside `{...}` or `[...]` is the glob's own). */
export function splitPathList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") i++;
    else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") inClass = classEnd(value, i) > 0;
    else if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(value.slice(start).trim());
  return out;
}

/** The globs of a `paths` value, or the first problem as "`glob`: why". */
export function readPathList(value: string): { ok: true; globs: PathGlob[] } | { ok: false; problem: string } {
  const globs: PathGlob[] = [];
  for (const text of splitPathList(value)) {
    const r = readPathGlob(text);
    if (!r.ok) return { ok: false, problem: text ? `"${text}": ${r.problem}` : r.problem };
    globs.push(r.glob);
  }
  return { ok: true, globs };
}

function readUncached(text: string): GlobRead {
  if (text === "") return { ok: false, problem: "an empty glob (two commas, or a comma at the end)" };
  if (text.split("/").some((part) => part !== "**" && part.includes("**"))) {
    return {
      ok: false,
      problem: '"**" stands for whole folders: write it as a segment of its own (src/**/x.ts), or use one *',
    };
  }
  const expanded = expandBraces(text);
  if (typeof expanded === "string") return { ok: false, problem: expanded };
  const alternatives: Segment[][] = [];
  for (const alt of expanded) {
    const r = readAlternative(alt);
    if (typeof r === "string") return { ok: false, problem: r };
    alternatives.push(r);
  }
  return { ok: true, glob: { text, alternatives } };
}

/** The index of the `]` closing a class opened at `open`, or -1 (then `[` is a literal). */
function classEnd(s: string, open: number): number {
  let i = open + 1;
  if (s[i] === "!" || s[i] === "^") i++;
  if (s[i] === "]") i++; // a "]" first is a member
  for (; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "]") return i;
    else if (s[i] === "/") return -1;
  }
  return -1;
}

/** `{a,b}` alternatives expanded (escapes and classes kept as written), or why not. */
function expandBraces(s: string): string[] | string {
  // Find the first top-level "{" and its matching "}".
  let open = -1;
  let depth = 0;
  const commas: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      const e = classEnd(s, i);
      if (e > 0) i = e;
      continue;
    }
    if (c === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (c === "}") {
      if (depth === 0) return 'a "}" with no "{" before it (write \\} for the character)';
      depth--;
      if (depth === 0) {
        const parts: string[] = [];
        let from = open + 1;
        for (const k of commas) {
          parts.push(s.slice(from, k));
          from = k + 1;
        }
        parts.push(s.slice(from, i));
        const out: string[] = [];
        for (const p of parts) {
          const rest = expandBraces(s.slice(0, open) + p + s.slice(i + 1));
          if (typeof rest === "string") return rest;
          out.push(...rest);
          if (out.length > MAX_ALTERNATIVES) {
            return `its braces make more than ${MAX_ALTERNATIVES} alternatives; list fewer, or use * or **`;
          }
        }
        return [...new Set(out)];
      }
    } else if (c === "," && depth === 1) commas.push(i);
  }
  if (depth > 0) return 'a "{" that is never closed with "}"';
  return [s];
}

function readAlternative(s: string): Segment[] | string {
  let p = s;
  while (p.startsWith("./")) p = p.slice(2);
  if (p.startsWith("/")) return "it starts with /; paths are relative to the repository's top folder";
  if (p.endsWith("/")) p = p.slice(0, -1); // "docs/" is the folder docs, and so everything in it
  if (p === "") return "it names no path";
  const segments: Segment[] = [];
  for (const part of p.split("/")) {
    if (part === "") return "it has an empty folder name (//)";
    if (part === "." || part === "..") return `it has a "${part}" folder; write the path from the repository's top`;
    if (part === "**") {
      if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR); // a/**/**/b is a/**/b
      continue;
    }
    const chars = readSegment(part);
    if (typeof chars === "string") return chars;
    segments.push({ globstar: false, chars, literal: literalOf(chars) });
  }
  if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
  return segments;
}

function readSegment(part: string): CharToken[] | string {
  const out: CharToken[] = [];
  const cps = Array.from(part);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string;
    if (c === "*") {
      if (out[out.length - 1] !== STAR) out.push(STAR); // "**" made by braces ({a,b*}*) is one *
    } else if (c === "?") out.push({ star: false, set: ANY });
    else if (c === "\\") {
      const next = cps[i + 1];
      if (next === undefined) return "it ends with a lone \\";
      out.push(literal(next));
      i++;
    } else if (c === "[") {
      const end = classEnd(part, part.indexOf("[", cpOffset(cps, i)));
      if (end < 0) return 'a "[" that is never closed with "]" (write \\[ for the character)';
      const body = Array.from(part.slice(cpOffset(cps, i) + 1, end));
      const set = readClass(body);
      if (typeof set === "string") return set;
      out.push({ star: false, set });
      i += Array.from(part.slice(cpOffset(cps, i), end + 1)).length - 1;
    } else out.push(literal(c));
  }
  return out;
}

/** The offset in UTF-16 units of code point i. */
function cpOffset(cps: readonly string[], i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) n += (cps[k] as string).length;
  return n;
}

/** The one string a segment's tokens match, when each is a single character. */
function literalOf(chars: readonly CharToken[]): string | undefined {
  let out = "";
  for (const t of chars) {
    if (t.star || t.set.length !== 2 || t.set[0] !== t.set[1]) return undefined;
    out += String.fromCodePoint(t.set[0] as number);
  }
  return out;
}

function literal(c: string): CharToken {
  const cp = c.codePointAt(0) as number;
  return { star: false, set: [cp, cp] };
}

function readClass(body: string[]): CharSet | string {
  let i = 0;
  let negated = false;
  if (body[0] === "!" || body[0] === "^") {
    negated = true;
    i = 1;
  }
  const ranges: [number, number][] = [];
  for (; i < body.length; i++) {
    let c = body[i] as string;
    if (c === "\\") c = body[++i] as string;
    if (c === "[" && body[i + 1] === ":")
      return "POSIX classes like [[:alpha:]] are not supported; write the range, like [a-zA-Z]";
    const lo = c.codePointAt(0) as number;
    let hi = lo;
    if (body[i + 1] === "-" && i + 2 < body.length) {
      let h = body[i + 2] as string;
      i += 2;
      if (h === "\\") h = body[++i] as string;
      hi = h.codePointAt(0) as number;
      if (hi < lo) return `the range ${c}-${h} in [...] runs backwards`;
    }
    ranges.push([lo, hi]);
  }
  if (ranges.length === 0 && !negated) return "an empty class []";
  const set = intersect(normalize(ranges), ANY);
  return negated ? complement(set) : set;
}

function normalize(ranges: [number, number][]): number[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of ranges) {
    const n = out.length;
    if (n && lo <= (out[n - 1] as number) + 1) out[n - 1] = Math.max(out[n - 1] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

/** The characters (but "/") not in `set`. */
function complement(set: CharSet): number[] {
  const out: number[] = [];
  let from = 0;
  for (let k = 0; k < set.length; k += 2) {
    const lo = set[k] as number;
    if (lo > from) out.push(from, lo - 1);
    from = (set[k + 1] as number) + 1;
  }
  if (from <= MAX_CODE) out.push(from, MAX_CODE);
  return intersect(out, ANY);
}

/** The characters in both sets. */
export function intersect(a: CharSet, b: CharSet): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo <= hi) out.push(lo, hi);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

/** A path (as git names it: relative, "/" between folders) as segments of literal characters. */
export function pathSegments(path: string): Segment[] {
  return path
    .split("/")
    .filter((p) => p !== "")
    .map((p) => ({ globstar: false, chars: Array.from(p).map(literal), literal: p }));
}
