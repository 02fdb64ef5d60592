// The one way anything is written to a ledger: lock (sorted order, keyed to the real path, so
// two links to one file share one lock), read, let pure code decide with the time read under
// the lock, compare the file with what was read, write every temp file, check that the files
// and the locks are still as planned, rename, release.
// The lock (lock.ts) is never taken from a live holder on this host, so the check before the
// rename guards against what the lock cannot see: a program writing without it (an editor),
// and a holder on another host judged dead while it was only paused.

import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BusyError, InvalidLedgerError, MachineFaultError } from "../app/errors.js";
import { lockKey, lockOrder } from "../rules/windows.js";
import { type Prepared, prepareAtomic } from "./atomic-write.js";
import { asMachineFault, isMachineFault, machineFault } from "./faults.js";
import { findGitDir, gitIsMergingFile } from "./git.js";
import { sha256Hex } from "./hash.js";
import { type HeldLock, tryLock } from "./lock.js";
import { lockDirFor, privateDirFor, shortHash } from "./places.js";
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

/** Test-only hooks (TASKGATE_TEST_* variables): pause or fail a write at a chosen step. */
export interface TestHooks {
  /**
   * Announce on stderr and stop (SIGSTOP) this process right before the last check before the
   * first rename ("check"), or after it, right before the rename itself ("rename").
   */
  readonly stopBefore?: "check" | "rename" | undefined;
  /**
   * Windows (no SIGSTOP): the stopped writer waits until this file is gone, at most 60 s
   * (TASKGATE_TEST_RESUME_FILE); without one, 4 s.
   */
  readonly resumeWhenGone?: string | undefined;
  /** Fail a step with this errno code: "write" (a temp file), "rename2" (the second rename). */
  readonly fault?: { readonly step: string; readonly code: string } | undefined;
}

export interface StoreOptions {
  /** How long to wait for a lock held by another process, in ms. */
  readonly lockTimeout?: number | undefined;
  /** Age after which a lock of another host, not refreshed, is taken over, in ms (>= 2000). */
  readonly lockStale?: number | undefined;
  /** The clock (TASKGATE_NOW: a fixed one); read again under the lock. */
  readonly clock?: (() => number) | undefined;
  readonly hooks?: TestHooks | undefined;
  /**
   * Called once the locks are held, before anything is read for the write: throws to refuse
   * it (a clone whose board went to a shared branch meanwhile: docs/share.md).
   */
  readonly underLock?: (() => void) | undefined;
}

interface Held {
  readonly path: string;
  readonly lock: HeldLock;
}

/**
 * The file a path names, following symbolic links (also to a file not made yet): the store
 * writes there, so a link stays a link, and locks it, so two links share one lock.
 */
export function realTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(p).isSymbolicLink();
    } catch {
      break; // does not exist (yet): its folder's real path below
    }
    if (!isLink) break;
    p = resolve(dirname(p), readlinkSync(p));
  }
  // On Windows the native call also gives each name's case as stored (z:\TMP -> Z:\tmp).
  const real = process.platform === "win32" ? realpathSync.native : realpathSync;
  try {
    return real(p);
  } catch {
    try {
      return join(real(dirname(p)), basename(p));
    } catch {
      return p;
    }
  }
}

export class LedgerStore {
  private readonly lockTimeout: number;
  private readonly lockStale: number;
  private readonly clock: () => number;
  private readonly hooks: TestHooks;
  private readonly underLock: (() => void) | undefined;

  constructor(options: StoreOptions = {}) {
    this.underLock = options.underLock;
    this.lockTimeout = options.lockTimeout ?? 30_000;
    this.lockStale = Math.max(2000, options.lockStale ?? 5000);
    this.clock = options.clock ?? Date.now;
    this.hooks = options.hooks ?? {};
  }

  /**
   * Runs `decide` on the current texts of `paths` (undefined for a missing file) and the time,
   * under their locks, and writes what it returns. `decide` must be pure: it may run again
   * when a file changed under us between the read and the write, or when the clock moved on.
   */
  async update<T>(
    paths: readonly string[],
    decide: (texts: (string | undefined)[], now: number) => Update<T>,
  ): Promise<T> {
    const absolute = paths.map((p) => resolve(p));
    const real = absolute.map(realTarget);
    const order = lockOrder(process.platform, real);
    // `texts`: the raw bytes already decoded, when a plan is made again from the same bytes
    // at a later second; decoding them again would hold a second copy of every text (and the
    // reader's memo of the last text, ledgers.ts, would not know it: 70 MB more at 50,000 tasks).
    const plan = (raw: (Buffer | undefined)[], now: number, texts?: (string | undefined)[]): Planned<T> => {
      let decoded = texts;
      try {
        decoded ??= raw.map((b, i) => (b === undefined ? undefined : decodeUtf8(paths[i] as string, b)));
        return { raw, texts: decoded, now, out: decide(decoded, now) };
      } catch (error) {
        return { raw, texts: decoded, now, error };
      }
    };
    const read = () => real.map((p, i) => asMachineFault(paths[i], false, () => readBytes(p)));
    // Plan once before taking the locks: decide is pure, so when the files are still the same
    // bytes under the locks and the clock is in the same second, that plan stands, and the
    // locks are held only to compare and write.
    const sameBytes = (p: Planned<T>) => real.every((f, i) => fileHasBytes(f, p.raw[i]));
    const sameSecond = (p: Planned<T>, now: number) => Math.floor(now / 1000) === Math.floor(p.now / 1000);
    // Ledgers of more than EARLY_PLAN_BYTES are planned under the locks only: at 50,000 tasks
    // a plan takes a few hundred ms, so the clock often passed into the next second before the
    // locks were held, and the plan made again beside the first's texts took the peak memory
    // from about 150 MB to 190-220 MB. On such a board the locks are held while planning.
    // Their bytes read now are planned from under the locks when they are still the file's.
    let early: (Buffer | undefined)[] | undefined = read();
    let planned: Planned<T> | undefined;
    if (early.reduce((n, b) => n + (b?.length ?? 0), 0) <= EARLY_PLAN_BYTES) {
      planned = plan(early, this.clock());
      early = undefined;
    }
    const held: Held[] = [];
    try {
      for (const p of order) held.push(await this.acquire(p));
      for (const p of order) checkIntent(p);
      this.underLock?.();
      for (let attempt = 1; ; attempt++) {
        // Still the bytes the plan was made from? Compared in pieces, so a 16 MB ledger is not
        // held twice; read again and planned again only when not. The time too: what a write
        // records (a lease's end, a log line's time) is when it lands, not when the command
        // started. Ledger times have whole seconds, and so have the durations added to them,
        // so a plan made earlier in the same second is the plan a later moment of it would
        // make; a plan from an earlier second is made again.
        const now = this.clock();
        // A stale plan is let go before the next is made: at 50,000 tasks, its texts and
        // ledgers kept alive beside the new ones cost some 50 MB of peak memory.
        // The same bytes at a later second are planned again from the texts already decoded.
        if (planned === undefined) {
          const bytes = early !== undefined && real.every((f, i) => fileHasBytes(f, early?.[i])) ? early : undefined;
          early = undefined;
          planned = plan(bytes ?? read(), now);
        } else if (!sameBytes(planned)) {
          planned = undefined;
          planned = plan(read(), now);
        } else if (!sameSecond(planned, now)) {
          const { raw: kept, texts } = planned;
          planned = undefined;
          planned = plan(kept, now, texts);
        }
        const raw = planned.raw;
        if ("error" in planned) throw planned.error;
        const { writes, result } = planned.out;
        const targets = writes.map((w) => {
          const i = absolute.indexOf(resolve(w.path));
          if (i < 0) throw new Error(`internal: write to ${w.path}, which was not locked`);
          const target = real[i] as string;
          return { w, target, before: raw[i], held: held.find((x) => x.path === target) as Held };
        });
        for (const { w, target } of targets) refuseUnsafeWrite(w, target);
        // Compare-and-swap, first for all files at once, then again just before the renames.
        const changed = targets.some(({ target, before }) => !fileHasBytes(target, before));
        if (!changed) {
          this.commit(targets);
          return result;
        }
        if (attempt >= 3) {
          throw new BusyError(
            `${paths.join(", ")} kept changing while taskgate was writing (another program writes it without the lock); nothing was written, run the command again`,
          );
        }
      }
    } finally {
      for (const h of held.reverse()) {
        try {
          h.lock.release();
        } catch {
          // Already gone: the write step has reported it.
        }
      }
    }
  }

  /**
   * Every temp file written and flushed first (a failure there changes nothing), then the
   * checks, then the renames. A write of two files records its intent in the lock folder
   * before the first rename and removes it after the last, so a failure or a kill between
   * the renames is named by the next write (checkIntent).
   */
  private commit(targets: { w: Write; target: string; before: Buffer | undefined; held: Held }[]): void {
    const inject = (step: string, path: string) => {
      const f = this.hooks.fault;
      if (f && f.step === step) throw injected(f.code, path);
    };
    const multi = targets.length > 1;
    const prepared: Prepared[] = [];
    let intent: string[] = [];
    const discardAll = () => {
      for (const p of prepared) p.discard();
      for (const i of intent) rmForce(i);
    };
    try {
      for (const { w, target } of targets) {
        try {
          prepared.push(
            asMachineFault(w.path, false, () =>
              prepareAtomic(target, w.text, lockDirFor(target), multi ? ".pending" : ".tmp", inject),
            ),
          );
        } catch (e) {
          // The temp file beside the ledger could not be made because that folder is not there
          // (a link to a missing place, or --tasks naming a folder that does not exist).
          if ((e as NodeJS.ErrnoException).code === "ENOENT")
            throw machineFault(
              e as NodeJS.ErrnoException,
              target === w.path ? w.path : `${w.path} (a link to ${target})`,
            );
          throw e;
        }
      }
      if (multi) intent = writeIntent(targets, prepared);
    } catch (e) {
      discardAll();
      throw e;
    }
    const stop = (at: "check" | "rename") => {
      if (this.hooks.stopBefore !== at) return;
      writeSync(2, `taskgate-test: stopped before ${at}, pid ${process.pid}\n`);
      // Windows has no SIGSTOP: there the writer waits, under its locks, as if stopped, until
      // the test removes its file (so the wait does not depend on how fast others start).
      if (process.platform === "win32") waitUntilGone(this.hooks.resumeWhenGone);
      else process.kill(process.pid, "SIGSTOP");
    };
    for (let k = 0; k < targets.length; k++) {
      const p = prepared[k] as Prepared;
      try {
        if (k === 0) stop("check");
        this.checkStillOurs(targets, k);
        if (k === 0) stop("rename");
        if (k === 1) inject("rename2", p.target);
        p.commit();
      } catch (e) {
        if (k === 0) {
          discardAll();
          if (isMachineFault(e)) throw machineFault(e, targets[0]?.w.path);
          throw e;
        }
        // Between renames: the intent record and the pending temp files stay, for the repair.
        const done = targets.slice(0, k).map((t) => t.w.path);
        const left = targets.slice(k).map((t) => t.w.path);
        const cause = e instanceof Error ? e.message.split("\n")[0] : String(e);
        const advice = repairAdvice(
          intentOf(targets, prepared),
          targets.slice(k).map((t) => t.target),
        );
        const message = `${left.join(", ")}: not written (${cause}), but ${done.join(", ")} was: the ledgers may disagree. ${advice}`;
        if (e instanceof BusyError) throw new BusyError(message);
        throw new MachineFaultError(message, left[0] as string, (e as NodeJS.ErrnoException).code ?? "EPARTIAL");
      }
    }
    for (const i of intent) rmForce(i);
  }

  /** Right before renames: each file still holds the bytes planned from, each lock is still ours. */
  private checkStillOurs(
    targets: { w: Write; target: string; before: Buffer | undefined; held: Held }[],
    from: number,
  ) {
    for (const [k, { w, target, before, held: h }] of targets.entries()) {
      if (k < from) continue;
      // Between renames the caller says what was written and how to finish.
      const also = from === 0 ? "; nothing was written, run the command again" : "";
      if (!h.lock.stillOurs()) {
        throw new BusyError(
          `${w.path}: another process took over the lock (${h.lock.path}) while taskgate was writing${also}`,
        );
      }
      if (!fileHasBytes(target, before)) {
        throw new BusyError(`${w.path} was changed by another program while taskgate was writing it${also}`);
      }
    }
  }

  private async acquire(path: string): Promise<Held> {
    const lockDir = lockDirFor(path);
    asMachineFault(lockDir, true, () => {
      // Made private (and checked) before anything is put in it: places.ts.
      privateDirFor(path);
      removeStaleTempFiles(lockDir);
    });
    // Named after the case-folded real path where case does not count: every spelling, one lock.
    const key = lockKey(process.platform, path);
    const lockPath = join(lockDir, `${basename(key)}-${shortHash(key)}.lock`);
    const deadline = Date.now() + this.lockTimeout;
    let wait = 5;
    const seen: { why?: string } = {};
    for (;;) {
      const lock = asMachineFault(lockDir, true, () => tryLock(lockPath, this.lockStale, seen));
      if (lock) return { path, lock };
      if (Date.now() >= deadline) {
        throw new BusyError(
          `${basename(path)} is locked by ${seen.why ?? "another taskgate process"} (lock ${lockPath}); try again in a moment, or remove the lock if that process is not taskgate`,
        );
      }
      await new Promise((r) => setTimeout(r, Math.random() * wait));
      wait = Math.min(wait * 1.5, 50);
    }
  }
}

/** Test-only: sleeps until `file` is gone (at most 60 s), or 4 s when no file is named. */
function waitUntilGone(file: string | undefined): void {
  const nap = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  if (file === undefined) return void nap(4000);
  for (const end = Date.now() + 60_000; existsSync(file) && Date.now() < end; ) nap(20);
}

/** Up to this many bytes of ledgers in all, a write is planned once before its locks are taken. */
const EARLY_PLAN_BYTES = 4 * 1024 * 1024;

type Planned<T> = {
  readonly raw: (Buffer | undefined)[];
  readonly texts?: (string | undefined)[] | undefined;
  readonly now: number;
} & ({ readonly out: Update<T> } | { readonly error: unknown });

function injected(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected by TASKGATE_TEST_FAULT, '${path}'`), { code, path });
}

function rmForce(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone.
  }
}

interface Intent {
  readonly time: string;
  readonly pid: number;
  readonly files: {
    readonly path: string;
    readonly target: string;
    readonly pending: string;
    readonly before: string | null;
    readonly after: string;
  }[];
}

function intentPathFor(target: string): string {
  const key = lockKey(process.platform, target);
  return join(lockDirFor(target), `${basename(key)}-${shortHash(key)}.intent`);
}

type Target = { readonly w: Write; readonly target: string; readonly before: Buffer | undefined };

/** The record of a write of several files, in the lock folder of each (a later write may touch only one). */
function writeIntent(targets: readonly Target[], prepared: readonly Prepared[]): string[] {
  const intent = intentOf(targets, prepared);
  const records = targets.map((t) => intentPathFor(t.target));
  for (const r of records) {
    asMachineFault(r, false, () => prepareAtomic(r, Buffer.from(JSON.stringify(intent), "utf8"), undefined).commit());
  }
  return records;
}

function intentOf(targets: readonly Target[], prepared: readonly Prepared[]): Intent {
  return {
    time: new Date().toISOString(),
    pid: process.pid,
    files: targets.map((t, i) => ({
      path: t.w.path,
      target: t.target,
      pending: (prepared[i] as Prepared).tmp,
      before: t.before === undefined ? null : sha256Hex(t.before),
      after: sha256Hex(Buffer.from(t.w.text, "utf8")),
    })),
  };
}

/** What to do about a write that landed in some files and not in others: the commands to finish it. */
function repairAdvice(intent: Intent, notWritten: readonly string[]): string {
  const q = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;
  const moves = intent.files
    .filter((f) => notWritten.includes(f.target))
    .map((f) => `mv ${q(f.pending)} ${q(f.target)}`);
  const records = intent.files.map((f) => q(intentPathFor(f.target))).join(" ");
  return `To finish it: ${[...moves, `rm ${records}`].join(" && ")}; or, to keep the files as they are, check them (taskgate check) and run rm ${records}`;
}

/**
 * A write of several files that stopped between its renames (a failure, a kill) left an
 * intent record: when it finished or never started, it is cleared; when it landed in some
 * files and not in others, no write goes on until someone repairs it.
 */
function checkIntent(target: string): void {
  for (const path of [intentPathFor(target)]) {
    if (!existsSync(path)) continue;
    let intent: Intent;
    try {
      intent = JSON.parse(decodeUtf8(path, readBytes(path) as Buffer)) as Intent;
    } catch {
      rmForce(path); // torn before its rename cannot be: a record that does not parse is not ours
      continue;
    }
    const state = intent.files.map((f) => {
      const b = readBytes(f.target);
      const sha = b === undefined ? null : sha256Hex(b);
      return sha === f.after ? "written" : sha === f.before ? "not written" : "changed since";
    });
    if (state.every((s) => s === "written") || state.every((s) => s === "not written")) {
      for (const f of intent.files) {
        rmForce(f.pending);
        rmForce(intentPathFor(f.target));
      }
      continue;
    }
    const list = intent.files.map((f, i) => `${f.path} ${state[i]}`).join(", ");
    const notWritten = intent.files.filter((_, i) => state[i] === "not written").map((f) => f.target);
    throw new InvalidLedgerError(
      `A write of ${intent.files.map((f) => f.path).join(" and ")} (process ${intent.pid}, ${intent.time}) stopped between its renames: ${list}; the ledgers may disagree, so nothing is written until it is repaired. ${repairAdvice(intent, notWritten)}`,
      [],
    );
  }
}

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
