// A memo of a ledger's log read as columns (log-facts.ts), and of what is derived from them
// line by line (the metrics' fold, rules/log-fold.ts), so that `metrics` reads and folds only
// the lines added since the last call. A log only grows: taskgate appends to it, and `check
// --staged` refuses a commit that changes anything but its end. So the memo keeps the columns
// of the log up to its last complete line, with the SHA-256 of that text's bytes (in a few
// consecutive segments, so that adding lines hashes only the added bytes); a later call whose
// log starts with the very same bytes reads only what follows them. Any other change (an
// edited line, a rewritten log, another build of taskgate) does not match, and the log is read
// again from its start. Like memo.ts it cannot disagree with the file, and not being able to
// read or write it changes nothing but the time taken.
//
// The file: one line of JSON (what the columns are of, the string tables, the name, type and
// length of each column), padded so that the columns after it start at a multiple of 8 bytes,
// then each column's bytes, each padded to a multiple of 8.

import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { LogMemo } from "../app/context.js";
import type { LogTable } from "../ledger/log-facts.js";
import { readLogLines, SEEDED_WORDS } from "../ledger/log-facts.js";
import { sha256Hex } from "./hash.js";
import { BUILD } from "./memo.js";
import { privateDirFor, shortHash } from "./places.js";
import { replaceOwnFile } from "./temp-files.js";

type Typed = Float64Array | Int32Array | Uint8Array;

interface Segment {
  readonly bytes: number;
  readonly sha: string;
}

/** Characters of complete lines added after a memo before it is written again. */
const REWRITE_AFTER = 128 * 1024;

/** Segments beyond this are hashed again as one, so that a memo's header stays small. */
const MAX_SEGMENTS = 8;

interface ColumnInfo {
  readonly name: string;
  readonly type: "f64" | "i32" | "u8";
  readonly length: number;
}

interface Header {
  readonly build: string;
  /** The memo's text: `chars` UTF-16 units from the start of the log. */
  readonly chars: number;
  /** Its bytes in the file, as consecutive segments with the SHA-256 of each. */
  readonly segments: Segment[];
  readonly length: number;
  readonly actors: string[];
  readonly words: string[];
  readonly targets: string[];
  readonly columns: ColumnInfo[];
  /** The derived state's numbers, when it is kept (its columns are named "derived.*"). */
  readonly derived?: Record<string, number>;
}

/** The table's columns, by name. */
const TABLE_COLUMNS = ["time", "actor", "action", "from", "to", "target", "marked", "session", "fromRun"] as const;
const DERIVED = "derived.";
const ALIGN = 8;

const typeOf = (a: Typed): ColumnInfo["type"] =>
  a instanceof Float64Array ? "f64" : a instanceof Int32Array ? "i32" : "u8";
const MAKE = {
  f64: (b: ArrayBufferLike, o: number, n: number) => new Float64Array(b, o, n),
  i32: (b: ArrayBufferLike, o: number, n: number) => new Int32Array(b, o, n),
  u8: (b: ArrayBufferLike, o: number, n: number) => new Uint8Array(b, o, n),
} as const;
const BYTES = { f64: 8, i32: 4, u8: 1 } as const;

/** Where text[start, start + chars) is in the file's bytes. */
class Bytes {
  readonly start: number;

  constructor(
    readonly text: string,
    readonly bytes: Uint8Array,
    readonly charStart: number,
  ) {
    this.start = Buffer.byteLength(text.slice(0, charStart), "utf8");
  }

  /** The bytes of text[from, to), from and to counted from the log's start. */
  length(from: number, to: number): number {
    return Buffer.byteLength(this.text.slice(this.charStart + from, this.charStart + to), "utf8");
  }

  /** The SHA-256 of `length` bytes from `offset` bytes after the log's start. */
  hash(offset: number, length: number): string | undefined {
    const a = this.start + offset;
    return a + length > this.bytes.length ? undefined : sha256Hex(this.bytes.subarray(a, a + length));
  }

  /** Whether the log starts with these segments. */
  matches(segments: readonly Segment[]): boolean {
    let offset = 0;
    for (const s of segments) {
      if (this.hash(offset, s.bytes) !== s.sha) return false;
      offset += s.bytes;
    }
    return true;
  }
}

interface Loaded {
  readonly table: LogTable;
  readonly chars: number;
  readonly segments: Segment[];
  readonly derived: { numbers: Record<string, number>; columns: Record<string, Typed> } | undefined;
}

export function fileLogMemo(env: NodeJS.ProcessEnv): LogMemo | undefined {
  if (!BUILD || env.TASKGATE_NO_MEMO === "1") return undefined;
  const build = BUILD;
  // A memo folder that is not safe to use (places.ts) means no memo: read the log whole.
  const where = (file: string) => {
    try {
      return join(privateDirFor(file, "memo"), `${basename(file)}-${shortHash(file)}-log.bin`);
    } catch {
      return undefined;
    }
  };
  return {
    table(file, text, bytes, start, end, derived) {
      const path = where(file);
      const at = new Bytes(text, bytes, start);
      const memo = path === undefined ? undefined : load(path, build, at, end - start);
      // The memo keeps complete lines only: a last line without its line break may still grow.
      const nl = text.lastIndexOf("\n", end - 1);
      const complete = nl < start ? start : nl + 1;
      const from = memo ? start + memo.chars : start;
      const upToComplete = memo && complete <= from ? memo.table : readLogLines(text, from, complete, memo?.table);
      const before = derived && memo?.derived ? derived.fromParts(memo.derived) : undefined;
      let d = derived?.advance(upToComplete, before);
      // Written when there is none, when what is derived was made anew, or once enough was
      // added after it: reading a few hundred lines after the memo costs less than writing
      // megabytes of it on every call.
      if (path !== undefined && (!memo || (derived && d !== before) || complete - from > REWRITE_AFTER)) {
        const segments = memo ? [...memo.segments] : [];
        const memoBytes = segments.reduce((n, s) => n + s.bytes, 0);
        const added = at.length(memo?.chars ?? 0, complete - start);
        const sha = at.hash(memoBytes, added);
        if (added > 0 && sha) segments.push({ bytes: added, sha });
        const all = segments.length > MAX_SEGMENTS && at.hash(0, memoBytes + added);
        if (all) segments.splice(0, segments.length, { bytes: memoBytes + added, sha: all });
        save(path, build, upToComplete, { chars: complete - start, segments }, d && derived?.parts(d));
      }
      const table = complete < end ? readLogLines(text, complete, end, upToComplete) : upToComplete;
      if (derived && d !== undefined && table !== upToComplete) d = derived.advance(table, d);
      return { table, derived: d };
    },
  };
}

/** The memo for this log, when the log starts with the memo's text. */
function load(path: string, build: string, at: Bytes, chars: number): Loaded | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return undefined; // none yet
  }
  try {
    const nl = buf.indexOf(10);
    const h = JSON.parse(buf.toString("utf8", 0, nl)) as Header;
    if (h.build !== build || h.chars > chars || !Array.isArray(h.segments) || !at.matches(h.segments)) return undefined;
    if (SEEDED_WORDS.some((w, i) => h.words[i] !== w)) return undefined;
    let p = nl + 1;
    const columns: Record<string, Typed> = {};
    for (const c of h.columns) {
      const size = c.length * BYTES[c.type];
      if (p + size > buf.length) return undefined;
      const offset = buf.byteOffset + p;
      // A view on the file's buffer where it is aligned (a file this size has a buffer of its
      // own), else a copy.
      columns[c.name] =
        offset % BYTES[c.type] === 0
          ? MAKE[c.type](buf.buffer, offset, c.length)
          : MAKE[c.type](new Uint8Array(buf.subarray(p, p + size)).buffer, 0, c.length);
      p += size + ((ALIGN - (size % ALIGN)) % ALIGN);
    }
    const n = h.length;
    const col = <T extends Typed>(name: string, kind: new (n: number) => T): T => {
      const c = columns[name];
      if (!(c instanceof kind) || c.length !== n) throw new Error(`no column ${name}`);
      return c as T;
    };
    const table: LogTable = {
      length: n,
      time: col("time", Float64Array),
      actor: col("actor", Int32Array),
      action: col("action", Int32Array),
      from: col("from", Int32Array),
      to: col("to", Int32Array),
      target: col("target", Int32Array),
      marked: col("marked", Uint8Array),
      session: col("session", Int32Array),
      fromRun: col("fromRun", Uint8Array),
      actors: h.actors,
      words: h.words,
      targets: h.targets,
    };
    const derivedColumns: Record<string, Typed> = {};
    for (const [name, c] of Object.entries(columns))
      if (name.startsWith(DERIVED)) derivedColumns[name.slice(DERIVED.length)] = c;
    return {
      table,
      chars: h.chars,
      segments: h.segments,
      derived: h.derived ? { numbers: h.derived, columns: derivedColumns } : undefined,
    };
  } catch {
    return undefined; // half a file from another era: read the log again
  }
}

function save(
  path: string,
  build: string,
  t: LogTable,
  of: { chars: number; segments: Segment[] },
  derived: { numbers: Record<string, number>; columns: Record<string, Typed> } | undefined,
): void {
  try {
    const columns: [string, Typed][] = TABLE_COLUMNS.map((name) => [name, t[name]]);
    for (const [name, c] of Object.entries(derived?.columns ?? {})) columns.push([DERIVED + name, c]);
    const header: Header = {
      build,
      ...of,
      length: t.length,
      actors: [...t.actors],
      words: [...t.words],
      targets: [...t.targets],
      columns: columns.map(([name, c]) => ({ name, type: typeOf(c), length: c.length })),
      ...(derived ? { derived: derived.numbers } : {}),
    };
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const parts: Uint8Array[] = [json, Buffer.from(`${" ".repeat(padTo(json.length + 1))}\n`, "utf8")];
    for (const [, c] of columns) {
      parts.push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
      parts.push(new Uint8Array(padTo(c.byteLength)));
    }
    // Part by part: the columns are megabytes, and need not be copied into one buffer first.
    replaceOwnFile(path, parts);
  } catch {
    // A memo is an optimisation: not being able to write one changes nothing.
  }
}

/** Bytes to add to `length` to reach a multiple of ALIGN. */
const padTo = (length: number) => (ALIGN - (length % ALIGN)) % ALIGN;
