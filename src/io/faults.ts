// Faults of the machine (a full disk, a permission, a read-only folder, .git/taskgate a file,
// too many open files) as one sentence with its own exit code (74), never as a bug (70).

import { MachineFaultError } from "../app/errors.js";

const CAUSES: Record<string, { cause: string; todo: string }> = {
  ENOSPC: { cause: "no space left on the device", todo: "free some space and run the command again" },
  EDQUOT: { cause: "the disk quota is used up", todo: "free some space or raise the quota and run the command again" },
  EACCES: {
    cause: "permission denied",
    todo: "check who owns it and its mode (ls -ld), or run taskgate as the user who owns it",
  },
  EPERM: {
    cause: "operation not permitted",
    todo: "check who owns it and its mode or attributes (ls -ld, lsattr), or run taskgate as the user who owns it",
  },
  EROFS: { cause: "the file system is read-only", todo: "remount it read-write or work on a writable copy" },
  EMFILE: {
    cause: "too many open files in this process",
    todo: "raise the limit (ulimit -n) or close programs that hold many files, and run the command again",
  },
  ENFILE: {
    cause: "too many open files on this system",
    todo: "close programs that hold many files and run the command again",
  },
  EEXIST: {
    cause: "it is not a folder, but taskgate keeps its locks and temp files in it",
    todo: "move or remove that file and run the command again",
  },
  EISDIR: {
    cause: "it is a folder, where taskgate expected a file",
    todo: "move or rename that folder (or point --dir, --tasks or --approvals at the ledger files) and run the command again",
  },
  ENOENT: {
    cause: "the folder it goes in does not exist",
    todo: "create that folder, or fix the symbolic link that leads there, or point --dir, --tasks or --approvals elsewhere, and run the command again",
  },
  ELOOP: {
    cause: "its path goes round a loop of symbolic links",
    todo: "fix the symbolic links on that path (ls -l each part) and run the command again",
  },
  ENOTDIR: {
    cause: "a part of the path is a file, not a folder",
    todo: "move or remove that file (taskgate keeps its locks and temp files in a folder there) and run the command again",
  },
};

const ALWAYS = new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EMFILE", "ENFILE"]);

export function isMachineFault(e: unknown, ownFolder = false): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && (ALWAYS.has(code) || (ownFolder && (code === "EEXIST" || code === "ENOTDIR")));
}

/**
 * The one sentence for a machine fault at `path` (the error's own path when not given);
 * `changed` says what the command changed ("nothing was changed" by default).
 */
export function machineFault(
  e: NodeJS.ErrnoException,
  path?: string,
  changed = "nothing was changed",
): MachineFaultError {
  const code = e.code as string;
  const where = path ?? e.path ?? (e as { dest?: string }).dest ?? "(unknown path)";
  const c = CAUSES[code] ?? { cause: e.message, todo: "fix it and run the command again" };
  return new MachineFaultError(`${where}: ${c.cause} (${code}); ${changed}; ${c.todo}`, where, code);
}

/** Runs `f`; a machine fault it throws becomes a MachineFaultError naming `path`. */
export function asMachineFault<T>(path: string | undefined, ownFolder: boolean, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isMachineFault(e, ownFolder)) throw machineFault(e, path ?? (e as NodeJS.ErrnoException).path);
    throw e;
  }
}
