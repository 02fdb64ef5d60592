// A memo of what a read command derived from the ledgers, kept with what it was derived from
// and the build of taskgate that derived it. It is a cache that cannot disagree with the
// files: it answers only for the very bytes it was made from (and the same build).
// - Ledgers of up to COPY_LIMIT bytes in all: the memo keeps a copy of their bytes and
//   compares them. That is cheaper than hashing them: no node:crypto to load (2-3 ms of a
//   call) and a memory compare instead of a SHA-256 (5 ms for a 3 MB board).
// - Bigger ones: the memo keeps their SHA-256. Writing, and later freeing, a copy of 16 MB
//   cost more than hashing it (status after a change at 50,000 tasks: 166 ms against 155 ms).
// One file per ledger, in taskgate's own folder (inside .git, or the system's temp folder for
// ledgers outside git), readable by its user only: a line of JSON (build, name, the sources'
// lengths, their hashes or none, the value's length), the copy if any, then the value's JSON.

import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { sha256Hex } from "./hash.js";
import { privateDirFor, shortHash } from "./places.js";
import { replaceOwnFile } from "./temp-files.js";

/** Set by the build (scripts/build.mjs) to a hash of the sources; absent when run from src. */
declare const __TASKGATE_BUILD__: string | undefined;
export const BUILD = typeof __TASKGATE_BUILD__ === "string" ? __TASKGATE_BUILD__ : undefined;

/** What a memo is derived from: each ledger's bytes, or undefined for a ledger that does not exist. */
export type Sources = readonly (Uint8Array | undefined)[];

export interface Memo {
  /** The value put under `name` for exactly these sources, or undefined. */
  get(name: string, sources: Sources): unknown;
  put(name: string, sources: Sources, value: unknown): void;
}

interface Header {
  readonly build: string;
  readonly name: string;
  /** Each source's length, -1 for a missing one. */
  readonly lengths: readonly number[];
  /** Each source's SHA-256 ("" for a missing one) when the file keeps no copy of them. */
  readonly sha256?: readonly string[];
  /** The length of the value's JSON, in bytes. */
  readonly value: number;
}

/** Up to this many bytes of ledgers in all, the memo keeps a copy of them, else their hashes. */
export const COPY_LIMIT = 8 * 1024 * 1024;

/** The header line is read in one piece of at most this many bytes. */
const HEAD = 1024;

/** `kind` names a second memo of the same ledger, kept in a file of its own (e.g. "log-"). */
export function fileMemo(ledgerPath: string, env: NodeJS.ProcessEnv, kind = ""): Memo | undefined {
  if (!BUILD || env.TASKGATE_NO_MEMO === "1") return undefined;
  return memoFile(
    () => join(privateDirFor(ledgerPath, "memo"), `${basename(ledgerPath)}-${kind}${shortHash(ledgerPath)}.memo`),
    BUILD,
  );
}

/** The memo kept in the file `path()` names (asked for once, when first needed), for `build`. */
export function memoFile(path: () => string, build: string): Memo {
  let file: string | undefined;
  const place = () => {
    file ??= path();
    return file;
  };
  const lengthsOf = (sources: Sources) => sources.map((s) => (s === undefined ? -1 : s.length));
  // A miss hashes the ledgers in get and again in put: once is enough.
  const hashed = new WeakMap<Uint8Array, string>();
  const hashOf = (s: Uint8Array) => {
    let h = hashed.get(s);
    if (h === undefined) {
      h = sha256Hex(s);
      hashed.set(s, h);
    }
    return h;
  };
  const hashesOf = (sources: Sources) => sources.map((s) => (s === undefined ? "" : hashOf(s)));
  return {
    get(name, sources) {
      let fd: number | undefined;
      try {
        fd = openSync(place(), "r");
        const size = fstatSync(fd).size;
        const head = Buffer.allocUnsafe(Math.min(size, HEAD));
        const n = readFully(fd, head, 0);
        const nl = head.subarray(0, n).indexOf(10);
        if (nl < 0) return undefined;
        const h = JSON.parse(head.toString("utf8", 0, nl)) as Header;
        const lengths = lengthsOf(sources);
        const copied = h.sha256 === undefined ? lengths.reduce((a, l) => a + Math.max(l, 0), 0) : 0;
        // Another build, name or length: not these bytes, and nothing more is read.
        if (
          h.build !== build ||
          h.name !== name ||
          !Array.isArray(h.lengths) ||
          h.lengths.length !== lengths.length ||
          h.lengths.some((l, i) => l !== lengths[i]) ||
          size !== nl + 1 + copied + h.value
        )
          return undefined;
        if (h.sha256 !== undefined) {
          const hashes = hashesOf(sources);
          if (!Array.isArray(h.sha256) || h.sha256.some((x, i) => x !== hashes[i])) return undefined;
        }
        const rest = Buffer.allocUnsafe(size - nl - 1);
        if (readFully(fd, rest, nl + 1) !== rest.length) return undefined;
        let at = 0;
        if (h.sha256 === undefined) {
          for (const s of sources) {
            if (s === undefined) continue;
            if (Buffer.compare(rest.subarray(at, at + s.length), s) !== 0) return undefined;
            at += s.length;
          }
        }
        return JSON.parse(rest.toString("utf8", at));
      } catch {
        return undefined; // none yet, or half a file from another era: recompute
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    put(name, sources, value) {
      try {
        const json = Buffer.from(JSON.stringify(value), "utf8");
        const lengths = lengthsOf(sources);
        const copy = lengths.reduce((a, l) => a + Math.max(l, 0), 0) <= COPY_LIMIT;
        const header: Header = {
          build,
          name,
          lengths,
          ...(copy ? {} : { sha256: hashesOf(sources) }),
          value: json.length,
        };
        const parts = copy ? sources.filter((s): s is Uint8Array => s !== undefined) : [];
        replaceOwnFile(place(), [Buffer.from(`${JSON.stringify(header)}\n`), ...parts, json]);
        // The memo of builds before this format, a few KB: not left behind.
        removeIfThere(place().replace(/\.memo$/, ".json"));
      } catch {
        // A memo is an optimisation: not being able to write one changes nothing.
      }
    },
  };
}

/** Reads into buf from `position` until it is full or the file ends; the bytes read. */
function readFully(fd: number, buf: Uint8Array, position: number): number {
  let n = 0;
  while (n < buf.length) {
    const r = readSync(fd, buf, n, buf.length - n, position + n);
    if (r === 0) break;
    n += r;
  }
  return n;
}

/** Removes a file if it is there (unlinkSync: rmSync's checks cost a quarter of a millisecond). */
function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not there.
  }
}
