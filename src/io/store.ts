// The one way anything is written to a ledger: lock (sorted order), read, let pure code
// decide, compare the file with what was read, write atomically, release.
// proper-lockfile can hand a lock to a second process when it wrongly thinks the first one
// stale (its issue #121), so the lock alone is not trusted: the compare step catches that.

import { closeSync, mkdirSync, openSync, readSync, realpathSync, rmdirSync, statSync, utimesSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BusyError, InvalidLedgerError } from "../app/errors.js";
import { lockfile } from "../vendor/lockfile.js";
import { writeFileAtomic } from "./atomic-write.js";
import { findGitDir, gitIsMergingFile } from "./git.js";
import { lockDirFor, shortHash } from "./places.js";
import { removeStaleTempFiles } from "./temp-files.js";
import { decodeUtf8, readBytes } from "./text.js";

export interface Write {
  readonly path: string;
  readonly text: string;
}

export interface Update<T> {
  readonly writes: readonly Write[];
  readonly result: T;
}

export interface StoreOptions {
  /** How long to wait for a lock held by another process, in ms. */
  readonly lockTimeout?: number | undefined;
  /** Age after which a lock whose holder stopped refreshing it is taken over, in ms (>= 2000). */
  readonly lockStale?: number | undefined;
}

interface Held {
  readonly path: string;
  release: () => void;
  compromised: Error | undefined;
}

export class LedgerStore {
  private readonly lockTimeout: number;
  private readonly lockStale: number;

  constructor(options: StoreOptions = {}) {
    this.lockTimeout = options.lockTimeout ?? 30_000;
    this.lockStale = Math.max(2000, options.lockStale ?? 5000);
  }

  /**
   * Runs `decide` on the current texts of `paths` (undefined for a missing file) under their
   * locks, and writes what it returns. `decide` must be pure: it may run again when a file
   * changed under us between the read and the write.
   */
  async update<T>(paths: readonly string[], decide: (texts: (string | undefined)[]) => Update<T>): Promise<T> {
    const absolute = paths.map((p) => resolve(p));
    const order = [...new Set(absolute)].sort();
    const plan = (raw: (Buffer | undefined)[]): Planned<T> => {
      try {
        return {
          raw,
          out: decide(raw.map((b, i) => (b === undefined ? undefined : decodeUtf8(paths[i] as string, b)))),
        };
      } catch (error) {
        return { raw, error };
      }
    };
    // Plan once before taking the locks: decide is pure, so when the files are still the same
    // bytes under the locks, that plan stands, and the locks are held only to compare and write.
    let planned = plan(absolute.map((p) => readBytes(p)));
    const held: Held[] = [];
    try {
      for (const p of order) held.push(await this.acquire(p));
      for (let attempt = 1; ; attempt++) {
        // Still the bytes the plan was made from? Compared in pieces, so a 16 MB ledger is not
        // held twice; read again and planned again only when not.
        if (!absolute.every((p, i) => fileHasBytes(p, planned.raw[i])))
          planned = plan(absolute.map((p) => readBytes(p)));
        const raw = planned.raw;
        if ("error" in planned) throw planned.error;
        const { writes, result } = planned.out;
        const targets = writes.map((w) => {
          const target = resolve(w.path);
          const i = absolute.indexOf(target);
          if (i < 0) throw new Error(`internal: write to ${w.path}, which was not locked`);
          return { w, target, before: raw[i], held: held.find((x) => x.path === target) as Held };
        });
        for (const { w, target } of targets) refuseUnsafeWrite(w, target);
        // Compare-and-swap, first for all files at once, then again just before each rename.
        const changed = targets.some(({ target, before }) => !fileHasBytes(target, before));
        if (!changed) {
          targets.forEach(({ w, target, before, held: h }, k) => {
            try {
              writeFileAtomic(target, Buffer.from(w.text, "utf8"), lockDirFor(target), () => {
                if (!fileHasBytes(target, before)) throw new StaleReadError();
                if (h.compromised) {
                  throw new BusyError(
                    `${w.path}: the lock on this file was lost while writing (${h.compromised.message}); it was not written, run the command again`,
                  );
                }
              });
            } catch (e) {
              if (e instanceof StaleReadError) {
                throw new BusyError(
                  k === 0
                    ? `${w.path} was changed by another program while taskgate was writing it; nothing was written, run the command again`
                    : `${w.path} was changed by another program while taskgate was writing it; ${targets[0]?.w.path} was written but ${w.path} was not: run "taskgate check"`,
                );
              }
              throw e;
            }
          });
        }
        if (!changed) return result;
        if (attempt >= 3) {
          throw new BusyError(
            `${paths.join(", ")} kept changing while taskgate was writing (another program writes it without the lock); nothing was written, run the command again`,
          );
        }
      }
    } finally {
      for (const h of held.reverse()) {
        try {
          h.release();
        } catch {
          // Already released or compromised: the write step has reported it.
        }
      }
    }
  }

  private async acquire(path: string): Promise<Held> {
    const lockDir = lockDirFor(path);
    mkdirSync(lockDir, { recursive: true });
    removeStaleTempFiles(lockDir);
    const lockfilePath = join(lockDir, `${basename(path)}-${shortHash(path)}.lock`);
    const deadline = Date.now() + this.lockTimeout;
    let wait = 5;
    for (;;) {
      const h: Held = { path, release: () => undefined, compromised: undefined };
      try {
        // The synchronous API: the same lock (a directory, refreshed while held, taken over
        // when stale), without a round of the event loop and Node's thread pool for each of
        // its steps (2-3 ms of a write).
        h.release = lockfile.lockSync(path, {
          realpath: false,
          lockfilePath,
          stale: this.lockStale,
          update: Math.max(1000, Math.floor(this.lockStale / 4)),
          retries: 0,
          fs: LOCK_FS,
          onCompromised: (err) => {
            h.compromised = err;
          },
        });
        return h;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
        if (Date.now() >= deadline) {
          throw new BusyError(
            `${basename(path)} is locked by another taskgate process (lock ${lockfilePath}); try again in a moment`,
          );
        }
        await new Promise((r) => setTimeout(r, Math.random() * wait));
        wait = Math.min(wait * 1.5, 50);
      }
    }
  }
}

/**
 * The file system calls the lock makes (lockSync turns each into a call of its Sync form).
 * Given the whole fs module, the lock library copies every property of it, and reading
 * fs.ReadStream loads Node's stream machinery: 2-3 ms of every write.
 */
const LOCK_FS = { mkdirSync, realpathSync, rmdirSync, statSync, utimesSync };

class StaleReadError extends Error {}

type Planned<T> =
  | { readonly raw: (Buffer | undefined)[]; readonly out: Update<T> }
  | { readonly raw: (Buffer | undefined)[]; readonly error: unknown };

function refuseUnsafeWrite(w: Write, target: string): void {
  const gitDir = findGitDir(dirname(target));
  if (gitDir && gitIsMergingFile(gitDir, target)) {
    throw new BusyError(
      `${w.path}: git is in the middle of a merge or rebase of this file; finish it (git add, then commit or continue) and run the command again`,
    );
  }
  if (/^(<{7}|>{7})( |\r?$)/m.test(w.text)) {
    throw new InvalidLedgerError(
      `${w.path}: refusing to write a file that has merge conflict markers; resolve them first`,
      [],
    );
  }
}

/**
 * Whether the file at `path` holds exactly `bytes` (undefined: the file does not exist), read
 * in small pieces: comparing a 16 MB ledger does not need another 16 MB buffer.
 */
function fileHasBytes(path: string, bytes: Buffer | undefined): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return bytes === undefined;
    throw e;
  }
  try {
    if (bytes === undefined) return false;
    const piece = Buffer.allocUnsafe(Math.min(1 << 16, Math.max(1, bytes.length)));
    let at = 0;
    for (;;) {
      const n = readSync(fd, piece, 0, piece.length, at);
      if (n === 0) return at === bytes.length;
      if (at + n > bytes.length || piece.compare(bytes, at, at + n, 0, n) !== 0) return false;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
}
