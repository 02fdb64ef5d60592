// The lock a write holds on a ledger: a small file that says who holds it, made with link()
// from a temp file (so it exists only with its owner record in it; link is atomic on local
// file systems and on NFS, where O_EXCL was not always). Who may take it over:
// - a holder on this host (same host name, boot and process namespace) is judged by its
//   process: alive (its pid exists with the start time recorded) -> never taken over, however
//   old the lock; gone (no such pid, or the pid now belongs to a process started at another
//   time) -> taken over at once. The start time is field 22 of /proc/<pid>/stat on Linux;
//   where there is no /proc (macOS, Windows) only the pid is checked, so a pid reused by
//   another program keeps the lock until the wait times out, and the message names the pid.
// - a holder on another host (a shared folder) cannot be asked: it refreshes the lock file's
//   time while it holds it, and a lock not refreshed for the stale time is taken over.
// - a lock without a readable owner (being written, or made by an older taskgate as a
//   folder) is judged by its age, like the other host's.
// Takeovers go one at a time under a guard file, and remove the lock judged dead only if it is
// still that lock (two waiters may judge at once).
// The holder checks that the lock is still its own right before each rename (store.ts).
// Not proper-lockfile: its ownership is a folder's time alone, so a paused live holder
// (SIGSTOP, a frozen VM) loses its lock after the stale time and a killed one keeps it for it.

import {
  closeSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { renameRetrying, unlinkRetrying } from "./atomic-write.js";

export interface Owner {
  readonly host: string;
  readonly pid: number;
  /** Linux: the start time of the process in clock ticks since boot (/proc/<pid>/stat field 22). */
  readonly start?: string | undefined;
  /** Linux: the boot's id, so a lock from before a reboot is not judged by a new process's pid. */
  readonly boot?: string | undefined;
  /** Linux: the pid namespace (a container with the same host name sees other pids). */
  readonly ns?: string | undefined;
  /** Unique to this holding: the check before a rename compares it. */
  readonly nonce: string;
  /** When the lock was taken (ISO), for messages. */
  readonly since: string;
}

let self: Omit<Owner, "nonce" | "since"> | undefined;

function readOr(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Field 22 (starttime) of /proc/<pid>/stat; undefined when there is no such process or it
 * has exited and is only waiting for its parent to collect it (state Z or X: a killed
 * writer whose parent has not reaped it yet is gone). The command name (field 2) may hold
 * spaces and ")".
 */
export function processStart(pid: number | "self"): string | undefined {
  // /proc is Linux's. On Windows "/proc/..." names a folder of the current drive, and in Wine,
  // where drive Z: is the Linux root, the Linux process of that number: not the Windows pid's.
  if (process.platform === "win32") return undefined;
  const stat = readOr(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return undefined; // fields[0] is field 3, the state
  return fields[19];
}

export function thisProcess(): Omit<Owner, "nonce" | "since"> {
  if (!self) {
    let ns: string | undefined;
    try {
      ns = process.platform === "win32" ? undefined : readlinkSync("/proc/self/ns/pid");
    } catch {
      ns = undefined;
    }
    self = {
      host: hostname(),
      pid: process.pid,
      start: processStart("self"),
      boot: process.platform === "win32" ? undefined : readOr("/proc/sys/kernel/random/boot_id")?.trim(),
      ns,
    };
  }
  return self;
}

export type Judgement =
  | { readonly kind: "alive"; readonly why: string }
  | { readonly kind: "gone"; readonly why: string }
  | { readonly kind: "remote"; readonly why: string };

/** Whether the holder of a lock is alive on this host, known gone, or out of our sight. */
export function judgeOwner(o: Owner): Judgement {
  const me = thisProcess();
  const who = `process ${o.pid} on ${o.host}`;
  if (o.host !== me.host || (o.ns && me.ns && o.ns !== me.ns))
    return { kind: "remote", why: `${who} (another host or container)` };
  if (o.boot && me.boot && o.boot !== me.boot) return { kind: "gone", why: `${who}, from before a restart` };
  if (o.pid === me.pid && o.start === me.start) return { kind: "alive", why: `${who} (this process)` };
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return { kind: "gone", why: `${who}, which has exited` };
    // EPERM: it exists, under another user.
  }
  if (o.start !== undefined && me.start !== undefined) {
    const now = processStart(o.pid);
    if (now === undefined) return { kind: "gone", why: `${who}, which has exited` };
    if (now !== o.start) return { kind: "gone", why: `${who}, which has exited (its pid is used again)` };
  }
  return { kind: "alive", why: `${who}, which is still running` };
}

export function readOwner(lockPath: string): Owner | undefined {
  const text = readOr(lockPath);
  if (text === undefined) return undefined;
  try {
    const o = JSON.parse(text) as Owner;
    return typeof o.nonce === "string" && typeof o.pid === "number" && typeof o.host === "string" ? o : undefined;
  } catch {
    return undefined;
  }
}

export interface HeldLock {
  readonly path: string;
  readonly owner: Owner;
  /** Whether the lock file is still this holding's (nobody took it over). */
  stillOurs(): boolean;
  release(): void;
}

let counter = 0;

/**
 * One attempt at the lock at `lockPath`; undefined when a live (or unjudgeable, not yet stale)
 * holder has it, with what was seen in `seen`.
 */
export function tryLock(
  lockPath: string,
  stale: number,
  seen: { why?: string },
  unlink: (path: string) => void = unlinkSync,
): HeldLock | undefined {
  // Unique to this holding without node:crypto (2-3 ms to load): pid, a counter, the clock.
  const nonce = `${process.pid}.${++counter}.${process.hrtime.bigint()}.${Math.random().toString(36).slice(2)}`;
  const owner: Owner = { ...thisProcess(), nonce, since: new Date().toISOString() };
  const tmp = `${lockPath}.${process.pid}.${++counter}.tmp`;
  try {
    // Not fsynced: after a power cut the holder is gone anyway (another boot id), and a lock
    // left empty is judged by its age.
    const fd = openSync(tmp, "wx", 0o644);
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    for (let round = 0; round < 3; round++) {
      try {
        linkSync(tmp, lockPath);
        return held(lockPath, owner, stale, unlink);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "EEXIST") throw e;
      }
      if (!takeOverIfDead(lockPath, tmp, stale, seen)) return undefined;
    }
    return undefined;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Whether the holder of the lock file at `path` is gone (or, unjudgeable, stale); undefined when it is not there. */
function judgeLock(
  path: string,
  stale: number,
  seen: { why?: string },
): { dead: boolean; owner: Owner | undefined; ino: number } | undefined {
  let age: number;
  let isFile: boolean;
  let ino: number;
  try {
    const st = statSync(path);
    age = Date.now() - st.mtimeMs;
    isFile = st.isFile();
    ino = st.ino;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined; // released meanwhile
    throw e;
  }
  const owner = isFile ? readOwner(path) : undefined;
  if (owner) {
    const j = judgeOwner(owner);
    seen.why = j.why;
    return { dead: j.kind === "gone" || (j.kind === "remote" && age >= stale), owner, ino };
  }
  seen.why = isFile ? "a lock being taken, or of an unknown format" : "a lock folder of an older taskgate";
  return { dead: age >= stale, owner, ino };
}

/** Whether `path` is still the lock judged (the same holding, or the same file for one without a record). */
function sameLock(path: string, judged: { owner: Owner | undefined; ino: number }): boolean {
  if (judged.owner) return readOwner(path)?.nonce === judged.owner.nonce;
  try {
    return statSync(path).ino === judged.ino;
  } catch {
    return false;
  }
}

/**
 * Removes the lock at `lockPath` when its holder is gone (or, unjudgeable, stale); true when
 * it is gone. Takeovers go one at a time, under a guard file beside the lock taken like the
 * lock itself (`mine`: this process's record), so that two waiters judging one dead lock at
 * once never remove the lock the first of them took next: under the guard, the lock judged
 * dead is checked to be still the same before it is removed.
 */
function takeOverIfDead(lockPath: string, mine: string, stale: number, seen: { why?: string }): boolean {
  const judged = judgeLock(lockPath, stale, seen);
  if (!judged) return true;
  if (!judged.dead) return false;
  const guard = `${lockPath}.takeover`;
  try {
    linkSync(mine, guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // Another takeover is under way, or its taker died in it (a moment's work): a guard whose
    // holder is gone is moved aside and removed if it is still the one judged.
    const g = judgeLock(guard, stale, {});
    if (g?.dead) {
      const aside = `${guard}.${process.pid}.${++counter}.dead.tmp`;
      try {
        renameRetrying(guard, aside);
        if (!sameLock(aside, g)) linkSync(aside, guard); // a fresh guard: put it back
      } catch {
        // Gone meanwhile, or another guard was taken: it decides.
      }
      rmSync(aside, { force: true });
    }
    return false;
  }
  const guardRecord = readOwner(guard);
  try {
    if (sameLock(lockPath, judged)) removeRetrying(lockPath);
  } finally {
    if (guardRecord && readOwner(guard)?.nonce === guardRecord.nonce) rmSync(guard, { force: true });
  }
  return true;
}

/** A release Windows refused is tried again this often, this many times (a minute in all). */
export const RELEASE_RETRY_MS = 500;
const RELEASE_RETRIES = 120;

function held(lockPath: string, owner: Owner, stale: number, unlink: (path: string) => void): HeldLock {
  // Refreshed while held, for waiters on other hosts (who judge by age). Writes are short;
  // the timer runs only when a write waits on something asynchronous.
  const timer = setInterval(
    () => {
      try {
        const now = new Date();
        utimesSync(lockPath, now, now);
      } catch {
        // Gone: the check before the rename reports it.
      }
    },
    Math.max(500, Math.floor(stale / 4)),
  );
  timer.unref();
  return {
    path: lockPath,
    owner,
    stillOurs: () => readOwner(lockPath)?.nonce === owner.nonce,
    release() {
      clearInterval(timer);
      // Windows may refuse it while a waiter reads the owner: tried again (atomic-write.ts).
      // Still refused, the lock stays, and this process (alive) keeps it from every waiter:
      // a command ends soon after, and a lock whose holder has ended is taken over at once,
      // but a long-lived one (serve, mcp) tries again from a timer that does not keep it
      // running, for a minute; refused all that while, writes wait and end busy (exit 4)
      // until it ends.
      let left = RELEASE_RETRIES;
      const attempt = (retrying: boolean): boolean => {
        if (readOwner(lockPath)?.nonce !== owner.nonce) return true; // gone, or taken over: not ours
        try {
          // From the timer one try each time: the retries' waits would block the process.
          if (retrying) unlinkRetrying(lockPath, process.platform, unlink);
          else unlink(lockPath);
          return true;
        } catch (e) {
          return (e as NodeJS.ErrnoException).code === "ENOENT";
        }
      };
      if (attempt(true)) return;
      const later = setInterval(() => {
        if (attempt(false) || --left <= 0) clearInterval(later);
      }, RELEASE_RETRY_MS);
      later.unref();
    },
  };
}

/**
 * Removes the lock at `path`: a folder (the lock of an older taskgate) with rmSync, since
 * Windows refuses to unlink a folder (EPERM, which would be tried again as a held file and
 * end every write with exit 4); a file tried again while Windows refuses it (atomic-write.ts),
 * exit 4 if it keeps refusing.
 */
function removeRetrying(path: string): void {
  let isDir: boolean;
  try {
    isDir = lstatSync(path).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // gone already
    throw e;
  }
  if (isDir) {
    rmSync(path, { recursive: true, force: true });
    return;
  }
  try {
    unlinkRetrying(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e; // gone meanwhile
  }
}
