// Bytes -> text without loss: a ledger that is not valid UTF-8 is refused, never "repaired".

import { type BigIntStats, closeSync, fstatSync, openSync, readFileSync, statfsSync, statSync } from "node:fs";
import { BusyError, InvalidLedgerError } from "../app/errors.js";
import { isMachineFault, machineFault } from "./faults.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeUtf8(path: string, buf: Buffer): string {
  // A NUL is valid UTF-8, but git takes a file with one for binary: every later diff of the
  // ledger would read "Binary files differ", and a review would see none of its changes.
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let at = buf.indexOf(10); at >= 0 && at < nul; at = buf.indexOf(10, at + 1)) {
      line++;
      lineStart = at + 1;
    }
    // Columns count UTF-16 code units, as editors do.
    const column = buf.toString("utf8", lineStart, nul).length + 1;
    const message = "Expected text, found a NUL byte (git would take the file for binary and show no diff of it)";
    throw new InvalidLedgerError(`${path}:${line}:${column}: error: ${message}`, [
      { severity: "error", file: path, line, column, code: "nul-byte", message },
    ]);
  }
  try {
    return decoder.decode(buf);
  } catch {
    const { line, column } = firstInvalidByte(buf);
    throw new InvalidLedgerError(
      `${path}:${line}:${column}: error: Expected UTF-8 text, found a byte that is not UTF-8`,
      [
        {
          severity: "error",
          file: path,
          line,
          column,
          code: "not-utf8",
          message: "Expected UTF-8 text, found a byte that is not UTF-8",
        },
      ],
    );
  }
}

function firstInvalidByte(buf: Buffer): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    if (b === 10) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) break;
    let ok = i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) ok = ((buf[i + k] as number) & 0xc0) === 0x80;
    if (!ok) break;
    i += need + 1;
  }
  return { line, column: i - lineStart + 1 };
}

/**
 * A file's bytes; undefined when it does not exist. A folder where the file should be is one
 * sentence naming it (exit 74, as `.git/taskgate` being a file is), not a bug; other errors
 * are thrown.
 */
export function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if ((e as NodeJS.ErrnoException).code === "EISDIR") throw machineFault(e as NodeJS.ErrnoException, path);
    throw e;
  }
}

/** Reads a ledger as text; undefined when the file does not exist. */
export function readLedgerFile(path: string): string | undefined {
  const buf = readBytes(path);
  return buf === undefined ? undefined : decodeUtf8(path, buf);
}

/**
 * A ledger file no process changed in this long (its modification and change times) before it
 * was read has a stamp: any later change gives it another. Two seconds is the coarsest file
 * time there is (FAT); the third is for a file server's clock.
 */
export const SETTLED_MS = 3000;

/**
 * Linux's local file systems (statfs magic numbers): the kernel that stamps their times is
 * the one taskgate asks, and a stat is never an attribute cache's answer. Network file systems
 * (NFS, SMB, FUSE) are not among them: their clients may answer a stat from a cache for up to
 * a minute, and their times come from another machine's clock.
 */
const LOCAL_FILE_SYSTEMS = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x794c7630, // overlayfs (containers)
  0xf2f52010, // f2fs
  0x2fc12fc1, // zfs
  0xca451a4e, // bcachefs
]);
const localByDevice = new Map<bigint, boolean>();

/**
 * Whether a file's stamp can stand for its bytes: only on a local file system of Linux. Elsewhere
 * (Windows and macOS, whose volumes taskgate cannot tell from network shares here, and any
 * network file system) the bytes are always compared.
 */
function keepsTimes(path: string, dev: bigint): boolean {
  if (process.platform !== "linux") return false;
  let local = localByDevice.get(dev);
  if (local === undefined) {
    try {
      local = LOCAL_FILE_SYSTEMS.has(statfsSync(path).type);
    } catch {
      local = false;
    }
    localByDevice.set(dev, local);
  }
  return local;
}

/** A file's metadata as a stamp (device, inode, size, modification and change times in ns). */
function stampOf(st: BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * A ledger's bytes and text, each read only when asked for, and its stamp: its metadata when
 * it had not changed for SETTLED_MS when looked at and did not change while its bytes were
 * read, else undefined. Equal stamps mean the same bytes, as git trusts its index's stat data
 * (its "racy" rule: a file changed as recently as the look could change again within the same
 * tick of the file system's clock, so it gets no stamp). A memo (src/io/memo.ts) that recorded
 * a ledger's stamp then answers without reading the ledger at all.
 */
export function readLedgerSnapshot(
  path: string,
  now: () => number = Date.now,
):
  | {
      readonly text: string;
      readonly bytes: Uint8Array;
      readonly stamp: string | undefined;
      /** The file's size when looked at, known without reading it. */
      readonly size: number;
    }
  | undefined {
  let st: BigIntStats;
  try {
    st = statSync(path, { bigint: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    // A file where a folder of the path should be, a loop of links, no permission: one sentence.
    if (code === "ENOTDIR" || code === "ELOOP" || isMachineFault(e))
      throw machineFault(e as NodeJS.ErrnoException, path);
    throw e;
  }
  const looked = now();
  let stamp =
    st.isFile() &&
    Number(st.mtimeMs > st.ctimeMs ? st.mtimeMs : st.ctimeMs) < looked - SETTLED_MS &&
    keepsTimes(path, st.dev)
      ? stampOf(st)
      : undefined;
  let buf: Buffer | undefined;
  let text: string | undefined;
  const bytes = (): Buffer => {
    if (buf === undefined) {
      let fd: number;
      try {
        fd = openSync(path, "r");
      } catch (e) {
        // Replaced since the look (git checkout, an editor's save): read it as any read does.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "ENOENT" && code !== "EISDIR") throw machineFault(e as NodeJS.ErrnoException, path);
        stamp = undefined;
        buf = readBytes(path);
        if (buf === undefined)
          throw new BusyError(`${path} was removed while taskgate was reading it; run the command again`);
        return buf;
      }
      try {
        buf = readFileSync(fd);
        // Changed since the look, or while read: these bytes are not the stamp's.
        if (stamp !== undefined && stampOf(fstatSync(fd, { bigint: true })) !== stamp) stamp = undefined;
      } finally {
        closeSync(fd);
      }
    }
    return buf;
  };
  // Not a plain file (a folder where the ledger should be): read now, as any read, to fail as it fails.
  if (!st.isFile()) {
    buf = readBytes(path);
    if (buf === undefined) return undefined;
  }
  const size = buf === undefined ? Number(st.size) : buf.length;
  return {
    get bytes() {
      return bytes();
    },
    size,
    // On demand: a status the memo answers never decodes the ledger.
    get text() {
      text ??= decodeUtf8(path, bytes());
      return text;
    },
    get stamp() {
      return stamp;
    },
  };
}
