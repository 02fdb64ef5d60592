// Whether two path globs can match one path, with that path as the proof; which DOING tasks'
// paths a task's overlap; which reserved paths a list of changed files touches. Pure.
//
// Method (docs/paths.md): each glob is a list of segments; `**` is any number of segments.
// Two lists are walked together as a product of two automata, breadth first over pairs of
// positions: a `**` may be skipped, or eat a segment while staying; two segments move together
// when some one segment fits both, which is decided the same way one level down, over pairs of
// character positions, where `*` may be skipped or eat a character while staying, and two sets
// move together when their intersection is not empty. A pair of final positions reached means
// overlap, and the path walked to it is a witness that matches both. It is exact for the syntax
// path-globs.ts reads; the only over-reservation is the implied trailing `**`.

import { doingTasks } from "../ledger/clean-ledger.js";
import {
  ANY,
  type CharSet,
  type CharToken,
  intersect,
  type PathGlob,
  pathSegments,
  readPathList,
  type Segment,
} from "../ledger/path-globs.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Task } from "../model/task.js";

/** A path both globs match (a witness), or undefined when no path can match both. */
export function globsOverlap(a: PathGlob, b: PathGlob): string | undefined {
  for (const x of a.alternatives) {
    for (const y of b.alternatives) {
      const w = segmentsOverlap(x, y);
      if (w !== undefined) return w;
    }
  }
  return undefined;
}

/** Whether `path` (relative, "/" between folders, as git names it) is reserved by `glob`. */
export function globMatches(glob: PathGlob, path: string): boolean {
  const segs = pathSegments(path);
  return segs.length > 0 && glob.alternatives.some((x) => segmentsOverlap(x, segs) !== undefined);
}

const ANY_SEGMENT: readonly CharToken[] = [{ star: true }];

function segmentsOverlap(a: readonly Segment[], b: readonly Segment[]): string | undefined {
  // Most globs start with plain folder names (src/ledger/...): two that differ there cannot
  // overlap, which settles most pairs without the walk below.
  for (let k = 0; k < a.length && k < b.length; k++) {
    const x = a[k] as Segment;
    const y = b[k] as Segment;
    if (x.globstar || y.globstar || x.literal === undefined || y.literal === undefined) break;
    if (x.literal !== y.literal) return undefined;
  }
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // parent[state] = previous state * 1 (or -1 for the start); label = segment eaten (or undefined).
  const parent = new Int32Array((n + 1) * w).fill(-2);
  const label: (string | undefined)[] = new Array((n + 1) * w);
  const queue: number[] = [0];
  parent[0] = -1;
  const visit = (from: number, to: number, seg: string | undefined) => {
    if (parent[to] !== -2) return;
    parent[to] = from;
    label[to] = seg;
    queue.push(to);
  };
  const segCache = new Map<number, string | null>();
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const i = Math.floor(s / w);
    const j = s % w;
    if (i === n && j === m) {
      const parts: string[] = [];
      for (let t = s; t > 0; t = parent[t] as number) {
        const l = label[t];
        if (l !== undefined) parts.push(l);
      }
      // Only globs made of ** alone match no segment at all; they match any path too.
      return parts.length ? parts.reverse().join("/") : "x";
    }
    const sa = a[i];
    const sb = b[j];
    if (sa?.globstar) visit(s, (i + 1) * w + j, undefined);
    if (sb?.globstar) visit(s, i * w + j + 1, undefined);
    if (sa && sb && !(sa.globstar && sb.globstar)) {
      const key = i * w + j;
      let seg = segCache.get(key);
      if (seg === undefined) {
        const la = sa.globstar ? undefined : sa.literal;
        const lb = sb.globstar ? undefined : sb.literal;
        seg =
          la !== undefined && lb !== undefined
            ? la === lb
              ? la
              : null
            : (charsOverlap(sa.globstar ? ANY_SEGMENT : sa.chars, sb.globstar ? ANY_SEGMENT : sb.chars) ?? null);
        segCache.set(key, seg);
      }
      if (seg !== null) visit(s, (sa.globstar ? i : i + 1) * w + (sb.globstar ? j : j + 1), seg);
    }
  }
  return undefined;
}

/** A non-empty segment both token lists match, or undefined. */
function charsOverlap(a: readonly CharToken[], b: readonly CharToken[]): string | undefined {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const size = (n + 1) * w;
  // State (i, j, eaten): eaten says whether a character was taken yet (a segment is never empty).
  const parent = new Int32Array(size * 2).fill(-2);
  const label = new Int32Array(size * 2).fill(-1);
  const queue: number[] = [0];
  parent[0] = -1;
  const visit = (from: number, to: number, cp: number) => {
    if (parent[to] !== -2) return;
    parent[to] = from;
    label[to] = cp;
    queue.push(to);
  };
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const eaten = s >= size ? 1 : 0;
    const ij = s - eaten * size;
    const i = Math.floor(ij / w);
    const j = ij % w;
    if (i === n && j === m && eaten) {
      const cps: number[] = [];
      for (let t = s; t > 0; t = parent[t] as number) if ((label[t] as number) >= 0) cps.push(label[t] as number);
      return String.fromCodePoint(...cps.reverse());
    }
    const ta = a[i];
    const tb = b[j];
    if (ta?.star) visit(s, eaten * size + (i + 1) * w + j, -1);
    if (tb?.star) visit(s, eaten * size + i * w + j + 1, -1);
    if (ta && tb) {
      const both = intersect(ta.star ? ANY : ta.set, tb.star ? ANY : tb.set);
      if (both.length) visit(s, size + (ta.star ? i : i + 1) * w + (tb.star ? j : j + 1), pick(both));
    }
  }
  return undefined;
}

/** A readable member of a set: x, a letter or digit when there is one, else its first. */
function pick(set: CharSet): number {
  const has = (cp: number) => {
    for (let k = 0; k < set.length; k += 2) if (cp >= (set[k] as number) && cp <= (set[k + 1] as number)) return true;
    return false;
  };
  for (const cp of [0x78, 0x61, 0x30, 0x2e]) if (has(cp)) return cp;
  for (let k = 0; k < set.length; k += 2) {
    const lo = Math.max(set[k] as number, 0x21);
    if (lo <= (set[k + 1] as number)) return lo;
  }
  return set[0] as number;
}

const pathsCache = new Map<string, PathGlob[]>();

/** A task's path globs (none without a `paths` field, or with one that does not read: check reports it). */
export function pathsOf(task: Task): readonly PathGlob[] {
  const value = task.fields.find((f) => f.key === "paths")?.value;
  if (!value) return [];
  let globs = pathsCache.get(value);
  if (!globs) {
    const r = readPathList(value);
    globs = r.ok ? r.globs : [];
    if (pathsCache.size > 4096) pathsCache.clear();
    pathsCache.set(value, globs);
  }
  return globs;
}

/** One overlap between a task's paths and a DOING task's. */
export interface PathClash {
  readonly id: string;
  /** The lease's holder, or undefined for a DOING task sent back for rework and not yet taken. */
  readonly holder: string | undefined;
  /** Pairs of overlapping globs: [this task's, the DOING task's], with a path both match. */
  readonly pairs: ReadonlyArray<{ readonly mine: string; readonly theirs: string; readonly example: string }>;
}

/** The DOING tasks holding paths, each with its globs: found once per decision. */
export function reservations(
  ledger: TasksLedger,
  /** The board's tasks when the caller has read them all already (next); else only DOING ones are read. */
  all?: readonly Task[],
): ReadonlyArray<{ task: Task; globs: readonly PathGlob[] }> {
  const out: { task: Task; globs: readonly PathGlob[] }[] = [];
  for (const t of all ? all.filter((x) => x.state === "DOING") : doingTasks(ledger)) {
    const globs = pathsOf(t);
    if (globs.length) out.push({ task: t, globs });
  }
  return out;
}

/** The DOING tasks whose paths overlap `task`'s (none when it declares no paths). */
export function pathClashes(task: Task, held: ReadonlyArray<{ task: Task; globs: readonly PathGlob[] }>): PathClash[] {
  const mine = pathsOf(task);
  if (!mine.length) return [];
  const out: PathClash[] = [];
  for (const h of held) {
    if (h.task.id === task.id) continue;
    const pairs: { mine: string; theirs: string; example: string }[] = [];
    for (const g of mine) {
      for (const o of h.globs) {
        const example = globsOverlap(g, o);
        if (example !== undefined) pairs.push({ mine: g.text, theirs: o.text, example });
      }
    }
    if (pairs.length) out.push({ id: h.task.id, holder: h.task.lease?.holder, pairs });
  }
  return out;
}

/** "T-3 (held by bob@h): src/** with src/ledger/**" for a refusal or a skip. */
export function describeClash(c: PathClash): string {
  const who = c.holder ? `held by ${c.holder}` : "DOING, sent back for rework";
  return `${c.id} (${who}): ${c.pairs.map((p) => (p.mine === p.theirs ? p.mine : `${p.mine} against ${p.theirs}`)).join(", ")}`;
}
