// Where taskgate keeps its own files for a ledger: inside .git (invisible to git and
// editors), else in the system's temp folder. Locks, temp files and memos live there.

import { chmodSync, lstatSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { MachineFaultError } from "../app/errors.js";
import { lockKey } from "../rules/windows.js";
import { findGitDir } from "./git.js";
import { sha256Hex } from "./hash.js";

export function shortHash(s: string): string {
  return sha256Hex(s).slice(0, 10);
}

export function lockDirFor(path: string): string {
  const gitDir = findGitDir(dirname(path));
  if (gitDir) return join(gitDir, "taskgate");
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return join(tmpdir(), `taskgate-${uid}`, shortHash(lockKey(process.platform, dirname(path))));
}

/**
 * lockDirFor, made ready to hold locks, temp files and memos (`sub`: a folder inside it).
 * Inside .git the folder is the repository's. In the system's temp folder, where anyone may
 * have made a folder first, each of taskgate's folders there is made with mode 0700, and one
 * found there already is used only if it is a real folder of this user that nobody else may
 * write (one only readable by others is closed to them first): a symlink, a folder of another
 * user or one writable by others is refused with a MachineFaultError, never followed.
 */
export function privateDirFor(path: string, sub?: string): string {
  const dir = lockDirFor(path);
  const inGit = findGitDir(dirname(path)) !== undefined;
  if (inGit || typeof process.getuid !== "function") {
    const full = sub ? join(dir, sub) : dir;
    mkdirSync(full, { recursive: true, mode: 0o700 });
    return full;
  }
  const top = dirname(dir);
  ensurePrivate(top);
  ensurePrivate(dir);
  if (!sub) return dir;
  ensurePrivate(join(dir, sub));
  return join(dir, sub);
}

function ensurePrivate(dir: string): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
    return; // made now, by this user, 0700 (the umask only takes bits away)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const st = lstatSync(dir);
  const refuse = (why: string) =>
    new MachineFaultError(
      `Refusing to use ${dir} for taskgate's locks and memos: it ${why}, so another user could read or replace what taskgate keeps there; remove it and run the command again`,
      dir,
      "EUNSAFE",
    );
  if (st.isSymbolicLink()) throw refuse("is a symbolic link");
  if (!st.isDirectory()) throw refuse("is not a folder");
  const uid = (process.getuid as () => number)();
  if (st.uid !== uid) throw refuse(`belongs to another user (uid ${st.uid})`);
  if ((st.mode & 0o022) !== 0) throw refuse(`is writable by others (mode ${(st.mode & 0o777).toString(8)})`);
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700); // ours, from before: close it to others
}
