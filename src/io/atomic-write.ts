// Atomic replacement of a file: temp file, fsync, rename over the target, fsync of the folder.
// Our own few lines rather than write-file-atomic, because we also need the folder fsync
// (so the rename survives a power cut), the temp file outside the work tree, and the two
// halves apart: the store writes and flushes every temp file of a write before the first
// rename, so a failure while writing changes nothing.

import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { BusyError } from "../app/errors.js";
import { renameRetryDelay } from "../rules/windows.js";

let counter = 0;

/** A temp file holding a target's new bytes, flushed to disk, not yet renamed over it. */
export interface Prepared {
  readonly target: string;
  readonly tmp: string;
  /** Renames the temp file over the target and flushes the folder. */
  commit(): void;
  /** Removes the temp file (after a failure, or when the write is abandoned). */
  discard(): void;
}

function sameDevice(a: string, b: string): boolean {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return false;
  }
}

/**
 * Writes `data` to a temp file for `target` and flushes it. The temp file goes into `tempDir`
 * when that is on the target's file system (so git and editors never see it), else beside the
 * target: the rename must stay within one file system to be atomic. `suffix` names it
 * (".tmp": removed by the stale temp file sweep once old).
 * `inject` (tests only) may throw in place of a write.
 */
export function prepareAtomic(
  target: string,
  data: Buffer | string,
  tempDir: string | undefined,
  suffix = ".tmp",
  inject?: (step: "write", path: string) => void,
): Prepared {
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file: default mode.
  }
  const name = `${basename(target)}.${process.pid}.${++counter}${suffix}`;
  const folder = dirname(target);
  const tmp = tempDir && sameDevice(tempDir, folder) ? join(tempDir, name) : join(folder, `.${name}`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  const discard = () => {
    try {
      unlinkRetrying(tmp);
    } catch {
      // Already renamed or gone.
    }
  };
  try {
    try {
      fchmodSync(fd, mode);
      inject?.("write", tmp);
      if (typeof data === "string") writeUtf8(fd, data);
      else writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    discard();
    throw e;
  }
  return {
    target,
    tmp,
    discard,
    commit() {
      renameRetrying(tmp, target);
      fsyncDir(folder);
    },
  };
}

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** Text pieces of at most this many UTF-16 units are encoded and written one at a time. */
const PIECE = 1 << 18;

/**
 * A text written as UTF-8 a piece at a time (issue #21): a 16 MB ledger is not copied whole
 * into a Buffer beside its string. A piece never ends between the two halves of a surrogate
 * pair, so each is encoded exactly as the whole text would be.
 */
function writeUtf8(fd: number, text: string): void {
  // One buffer for every piece (a unit takes at most 3 bytes): a new one each time would be
  // memory outside the heap that only a later collection gives back.
  const buffer = Buffer.allocUnsafe(3 * Math.min(PIECE, text.length));
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    writeAll(fd, buffer.subarray(0, buffer.write(text.slice(at, end), 0, "utf8")));
    at = end;
  }
}

/**
 * Writes `data` to `target` atomically (see prepareAtomic for where the temp file goes).
 * `beforeRename` runs last, with the data durable in the temp file: it may throw to abort.
 */
export function writeFileAtomic(
  target: string,
  data: Buffer,
  tempDir: string | undefined,
  beforeRename?: () => void,
): void {
  const p = prepareAtomic(target, data, tempDir);
  try {
    beforeRename?.();
    p.commit();
  } catch (e) {
    p.discard();
    throw e;
  }
}

/** Sleeps the thread (a write holds its locks meanwhile; the waits are short). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * renameSync, tried again with growing waits while Windows refuses it because another program
 * holds the target open (src/rules/windows.ts); if it still does, a BusyError (exit 4) naming
 * the file. `platform` and `rename` can be replaced (tests only).
 */
export function renameRetrying(
  from: string,
  to: string,
  platform: string = process.platform,
  rename: (from: string, to: string) => void = renameSync,
  wait: (ms: number) => void = pause,
): void {
  retrying(to, "replacing", () => rename(from, to), platform, wait);
}

/** unlinkSync, tried again as renameRetrying tries a rename, then a BusyError (exit 4). */
export function unlinkRetrying(
  path: string,
  platform: string = process.platform,
  unlink: (path: string) => void = unlinkSync,
  wait: (ms: number) => void = pause,
): void {
  retrying(path, "removing", () => unlink(path), platform, wait);
}

function retrying(
  path: string,
  doing: "replacing" | "removing",
  op: () => void,
  platform: string,
  wait: (ms: number) => void,
): void {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      op();
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const delay = renameRetryDelay(platform, code, attempt);
      if (delay === undefined) {
        // Not a refusal Windows lifts (or not Windows): as it is.
        if (attempt === 0 || renameRetryDelay(platform, code, 0) === undefined) throw e;
        throw new BusyError(
          `${path}: another program holds it open (${doing} it was refused with ${code} for ${waited} ms); close the program that has it open (an editor, a virus scanner, a sync tool) and run the command again`,
        );
      }
      // Test-only (TASKGATE_TEST_TELL_RETRY=1): says each retry, so a test knows one happened.
      if (process.env.TASKGATE_TEST_TELL_RETRY === "1")
        writeSync(2, `taskgate-test: ${doing} ${path} refused with ${code}, trying again in ${delay} ms\n`);
      wait(delay);
      waited += delay;
    }
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
