// A memo of what a read command derived from the ledgers, kept with what it was derived from
// and the build of taskgate that derived it. It is a cache that cannot disagree with the
// files: it answers only for the very bytes it was made from (and the same build).
// - Ledgers of up to COPY_LIMIT bytes in all: the memo keeps a copy of their bytes and
//   compares them. That is cheaper than hashing them: no node:crypto to load (2-3 ms of a
//   call) and a memory compare instead of a SHA-256 (5 ms for a 3 MB board).
// - Bigger ones: the memo keeps their SHA-256. Writing, and later freeing, a copy of 16 MB
//   cost more than hashing it (status after a change at 50,000 tasks: 166 ms against 155 ms).
// - Ledgers on a local file system of Linux that had not changed for a few seconds when
//   read, with the same metadata (device,
//   inode, size, modification and change times: their stamp, src/io/text.ts) as when the memo
//   was made: the memo answers without reading them, as git trusts its index's stat data. Their
//   bytes are compared (or hashed) as above whenever a stamp differs or is missing.
// One file per ledger, in taskgate's own folder (inside .git, or the system's temp folder for
// ledgers outside git), readable by its user only: a line of JSON (build, name, the sources'
// lengths, their hashes or none, the value's length), the copy if any, then the value's JSON.

import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { basename, join } from "node:path";
import type { MemoSources } from "../app/context.js";
import { sha256Hex } from "./hash.js";
import { privateDirFor, shortHash } from "./places.js";
import { replaceOwnFile } from "./temp-files.js";

/** Set by the build (scripts/build.mjs) to a hash of the sources; absent when run from src. */
declare const __TASKGATE_BUILD__: string | undefined;
export const BUILD = typeof __TASKGATE_BUILD__ === "string" ? __TASKGATE_BUILD__ : undefined;

/**
 * What a memo is derived from: each ledger's bytes, or a snapshot of it (src/io/text.ts
 * readLedgerSnapshot: its bytes read when asked for, and its stamp), or undefined for a ledger
 * that does not exist.
 */
export type Sources = MemoSources;
type Snapshot = Exclude<MemoSources[number], Uint8Array | undefined>;

export interface Memo {
  /**
   * The value put under `name` for exactly these sources, or undefined. `cheap`: only where
   * that costs no hashing (their stamps, or a copy compared), so that a caller who would
   * read the ledgers itself on a miss (the quick status) does not read them twice.
   */
  get(name: string, sources: Sources, opts?: { readonly cheap?: boolean }): unknown;
  put(name: string, sources: Sources, value: unknown): void;
}

interface Header {
  readonly build: string;
  readonly name: string;
  /** Each source's length, -1 for a missing one. */
  readonly lengths: readonly number[];
  /** Each source's SHA-256 ("" for a missing one) when the file keeps no copy of them. */
  readonly sha256?: readonly string[];
  /** Each source's stamp ("" for a missing one) when every one had a stamp. */
  readonly stamps?: readonly string[];
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
  const bytesOf = (s: Uint8Array | Snapshot): Uint8Array => (s instanceof Uint8Array ? s : s.bytes);
  const lengthsOf = (sources: Sources) => sources.map((s) => (s === undefined ? -1 : bytesOf(s).length));
  /** Each source's length as far as known without reading it (a snapshot's size when looked at). */
  const sizesOf = (sources: Sources) =>
    sources.map((s) => (s === undefined ? -1 : s instanceof Uint8Array ? s.length : (s.size ?? bytesOf(s).length)));
  /** Every source's stamp ("" for a missing one), or undefined when one has none. */
  const stampsOf = (sources: Sources): string[] | undefined => {
    const stamps: string[] = [];
    for (const s of sources) {
      const stamp = s === undefined ? "" : s instanceof Uint8Array ? undefined : s.stamp;
      if (stamp === undefined) return undefined;
      stamps.push(stamp);
    }
    return stamps;
  };
  const sameList = (a: unknown, b: readonly string[]) =>
    Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
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
  const hashesOf = (sources: Sources) => sources.map((s) => (s === undefined ? "" : hashOf(bytesOf(s))));
  const put = (name: string, sources: Sources, value: unknown): void => {
    try {
      const json = Buffer.from(JSON.stringify(value), "utf8");
      const lengths = lengthsOf(sources);
      const copy = lengths.reduce((a, l) => a + Math.max(l, 0), 0) <= COPY_LIMIT;
      const stamps = stampsOf(sources);
      const header: Header = {
        build,
        name,
        lengths,
        ...(copy ? {} : { sha256: hashesOf(sources) }),
        ...(stamps ? { stamps } : {}),
        value: json.length,
      };
      const parts = copy ? sources.flatMap((s) => (s === undefined ? [] : [bytesOf(s)])) : [];
      replaceOwnFile(place(), [Buffer.from(`${JSON.stringify(header)}\n`), ...parts, json]);
      // The memo of builds before this format, a few KB: not left behind.
      removeIfThere(place().replace(/\.memo$/, ".json"));
    } catch {
      // A memo is an optimisation: not being able to write one changes nothing.
    }
  };
  return {
    get(name, sources, opts) {
      let fd: number | undefined;
      let value: unknown;
      let restamp = false;
      try {
        fd = openSync(place(), "r");
        const size = fstatSync(fd).size;
        const head = Buffer.allocUnsafe(Math.min(size, HEAD));
        const n = readFully(fd, head, 0);
        const nl = head.subarray(0, n).indexOf(10);
        if (nl < 0) return undefined;
        const h = JSON.parse(head.toString("utf8", 0, nl)) as Header;
        if (h.build !== build || h.name !== name || !Array.isArray(h.lengths) || h.lengths.length !== sources.length)
          return undefined;
        const copied = h.sha256 === undefined ? h.lengths.reduce((a, l) => a + Math.max(l, 0), 0) : 0;
        if (size !== nl + 1 + copied + h.value) return undefined;
        const stamps = stampsOf(sources);
        if (stamps === undefined || !sameList(h.stamps, stamps)) {
          // Not known unchanged by their stamps: the bytes say. Another size needs no read.
          const sizes = sizesOf(sources);
          if (h.lengths.some((l, i) => l !== sizes[i])) return undefined;
          if (opts?.cheap && h.sha256 !== undefined) return undefined;
          const lengths = lengthsOf(sources);
          if (h.lengths.some((l, i) => l !== lengths[i])) return undefined;
          if (h.sha256 !== undefined) {
            const hashes = hashesOf(sources);
            if (!Array.isArray(h.sha256) || h.sha256.some((x, i) => x !== hashes[i])) return undefined;
          } else {
            const copy = Buffer.allocUnsafe(copied);
            if (readFully(fd, copy, nl + 1) !== copy.length) return undefined;
            let at = 0;
            for (const s of sources) {
              if (s === undefined) continue;
              const b = bytesOf(s);
              if (Buffer.compare(copy.subarray(at, at + b.length), b) !== 0) return undefined;
              at += b.length;
            }
          }
          // The same bytes, and now a stamp for each: kept, so the next look needs no read.
          restamp = stampsOf(sources) !== undefined;
        }
        const json = Buffer.allocUnsafe(h.value);
        if (readFully(fd, json, nl + 1 + copied) !== json.length) return undefined;
        value = JSON.parse(json.toString("utf8"));
      } catch {
        return undefined; // none yet, or half a file from another era: recompute
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
      if (restamp) put(name, sources, value);
      return value;
    },
    put,
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
