// Atomic replacement of a file: temp file, fsync, rename over the target, fsync of the folder.
// Our own few lines rather than write-file-atomic, because we also need the folder fsync
// (so the rename survives a power cut) and the temp file outside the work tree.

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

let counter = 0;

/**
 * Writes `data` to `target` atomically. The temp file goes into `tempDir` when it is on the
 * same file system (so git and editors never see it), else beside the target.
 * `beforeRename` runs last, with the data durable in the temp file: it may throw to abort.
 */
export function writeFileAtomic(
  target: string,
  data: Buffer,
  tempDir: string | undefined,
  beforeRename?: () => void,
): void {
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file: default mode.
  }
  const name = `${basename(target)}.${process.pid}.${++counter}.tmp`;
  let tmp = join(tempDir ?? dirname(target), name);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  } catch {
    tmp = join(dirname(target), `.${name}`);
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  }
  try {
    try {
      fchmodSync(fd, mode);
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    beforeRename?.();
    try {
      renameSync(tmp, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
      // The temp folder is on another file system: write beside the target instead.
      unlinkSync(tmp);
      writeFileAtomic(target, data, undefined, beforeRename);
      return;
    }
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or gone.
    }
    throw e;
  }
  fsyncDir(dirname(target));
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
