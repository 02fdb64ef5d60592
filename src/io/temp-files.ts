// Temp files are written beside their target and renamed over it. A process killed between
// the two leaves its temp file behind; whoever writes there next removes those that have not
// been touched for a minute (no live writer leaves one that long untouched).

import {
  closeSync,
  fchmodSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { renameRetrying } from "./atomic-write.js";

/**
 * Removes the *.tmp files in `dir` last modified over a minute ago, and the *.pending ones
 * (new files of a write of two ledgers, store.ts) that no intent record there names: one
 * named is kept until the write is finished or repaired.
 */
export function removeStaleTempFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - 60_000;
  let named: string | undefined;
  const isNamed = (p: string) => {
    named ??= names
      .filter((n) => n.endsWith(".intent"))
      .map((n) => {
        try {
          return readFileSync(join(dir, n), "utf8");
        } catch {
          return "";
        }
      })
      .join("\n");
    return named.includes(JSON.stringify(p));
  };
  for (const n of names) {
    if (n.endsWith(".pending")) {
      const p = join(dir, n);
      try {
        if (statSync(p).mtimeMs < cutoff && !isNamed(p)) unlinkSync(p);
      } catch {
        // Gone already.
      }
      continue;
    }
    if (!n.endsWith(".tmp")) continue;
    const p = join(dir, n);
    try {
      if (statSync(p).mtimeMs < cutoff) unlinkSync(p);
    } catch {
      // Gone already.
    }
  }
}

/**
 * Replaces `path` with `parts`, written to a temp file beside it and renamed over it, so that
 * a reader sees the old file or the new one, never a part. For taskgate's own files (memos):
 * they may hold a copy of the ledgers, and their folder may be in the system's temp folder
 * (a ledger outside git), so the folders are made readable by this user only, and so is the
 * file. Stale temp files in the folder go first; on failure the temp file goes too.
 * Not atomic-write.ts's writeFileAtomic, which the ledgers use: a memo needs no fsync of the
 * file and its folder (a memo lost in a power cut is made again), keeps no mode of its own,
 * and is written in parts (megabytes of columns) that would first have to be joined.
 */
export function replaceOwnFile(path: string, parts: readonly Uint8Array[]): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removeStaleTempFiles(dir);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, "w", 0o600);
    try {
      fchmodSync(fd, 0o600); // a temp file of a killed call with this pid may have been there
      for (const part of parts) {
        for (let at = 0; at < part.length; ) at += writeSync(fd, part, at, part.length - at);
      }
    } finally {
      closeSync(fd);
    }
    renameRetrying(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
