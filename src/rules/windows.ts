// What taskgate does differently on Windows, as pure decisions of the platform (a string, as
// process.platform gives it), so that the unit tests take the Windows branch on Linux too. CI
// runs it with the Windows build of Node in Wine (test/windows/wine.test.ts), not on a real
// Windows (docs/windows.md).

/** schtasks' /SC and /MO for a period of whole minutes that divides an hour or a day. */
export interface SchtasksSchedule {
  readonly sc: "MINUTE" | "HOURLY" | "DAILY";
  readonly mo: number;
}

/**
 * schtasks documents /MO 1-1439 for MINUTE, 1-23 for HOURLY and 1-365 for DAILY: so a day is
 * /SC DAILY /MO 1, never /SC HOURLY /MO 24.
 */
export function schtasksSchedule(minutes: number): SchtasksSchedule {
  if (minutes < 60) return { sc: "MINUTE", mo: minutes };
  if (minutes < 24 * 60) return { sc: "HOURLY", mo: minutes / 60 };
  return { sc: "DAILY", mo: minutes / (24 * 60) };
}

/** How `run` starts its program. */
export interface ProgramStart {
  /**
   * "cross-spawn" on Windows: it finds the program through PATHEXT (npm is npm.cmd there),
   * and runs a .cmd or .bat through cmd.exe with every argument quoted so that cmd.exe and
   * the batch file read it as data (a line break, which nothing can quote, is refused), where
   * Node refuses to start a .cmd without a shell at all. Elsewhere, Node's spawn.
   */
  readonly via: "spawn" | "cross-spawn";
  /**
   * In a process group of its own on POSIX, so a stop reaches what the program started. On
   * Windows there are no process groups, and a detached program gets a console window of its
   * own: not detached, and its window hidden.
   */
  readonly detached: boolean;
  readonly windowsHide: boolean;
}

export function programStart(platform: string): ProgramStart {
  return platform === "win32"
    ? { via: "cross-spawn", detached: false, windowsHide: true }
    : { via: "spawn", detached: true, windowsHide: false };
}

/** How to stop a program and everything it started. */
export type StopTree =
  /** POSIX: the signal to the process group (a negative pid). */
  | { readonly kind: "group"; readonly pid: number; readonly signal: string }
  /** Windows: a command that ends the tree. */
  | { readonly kind: "command"; readonly file: string; readonly args: readonly string[] };

/**
 * On Windows there are no signals to pass on: `taskkill /T` ends the process and every
 * process it started, and /F does it forcibly, since a console program does not answer the
 * polite close taskkill sends without it. So a stop there is always the hard one.
 */
export function stopTree(platform: string, pid: number, signal: string): StopTree {
  if (platform === "win32") return { kind: "command", file: "taskkill", args: ["/PID", String(pid), "/T", "/F"] };
  return { kind: "group", pid: -pid, signal };
}

/**
 * Whether taskkill failed because it has no /T (Wine 8's prints "Error: Unknown or invalid
 * command line option specified." and exits 1), the one failure after which the tree is
 * walked from the process table instead. Any other failure, above all "process not found"
 * (the program ended, and its pid may already be another program's), walks nothing.
 */
export function taskkillLacksTree(output: string): boolean {
  return /unknown or invalid command line option/i.test(output);
}

/** The waits between tries of a refused rename or unlink on Windows: about 0.6 s in all. */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [10, 20, 40, 80, 160, 320];

/**
 * How long to wait before trying a refused rename (or unlink) again, or undefined to give up.
 * On Windows a rename over a file another program holds open (an editor, a virus scanner, a search
 * indexer, a sync tool) fails with EPERM, EACCES or EBUSY for as long as it holds it, usually
 * briefly. Elsewhere these codes mean what they say (permissions; a mount point), so no retry.
 */
export function renameRetryDelay(platform: string, code: string | undefined, attempt: number): number | undefined {
  if (platform !== "win32" || (code !== "EPERM" && code !== "EACCES" && code !== "EBUSY")) return undefined;
  return RENAME_RETRY_DELAYS_MS[attempt];
}

/**
 * The key a ledger's lock is named after: its real path (the caller resolves links and, on
 * Windows, the case as stored: realpathSync.native), with case folded where the file system
 * ignores it (NTFS on Windows, APFS as macOS formats it), so that C:\A\b and c:\a\B, one
 * folder, share one lock. Two files that differ only in case on a case-sensitive volume of
 * such a system then share a lock too: a wait, never a lost update.
 */
export function lockKey(platform: string, realPath: string): string {
  return platform === "win32" || platform === "darwin" ? realPath.toLowerCase() : realPath;
}

/**
 * The order a write takes the locks of `realPaths` in (each once): by lock key, so that two
 * processes that spell the files differently (C:\B\x and c:\a\y; c:\b\x and C:\A\y) take
 * the same lock first, never each holding one and waiting on the other's.
 */
export function lockOrder(platform: string, realPaths: readonly string[]): string[] {
  const key = (p: string) => lockKey(platform, p);
  return [...new Set(realPaths)].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

/** A row of the process table: a process and its parent. */
export interface ProcessRow {
  readonly pid: number;
  readonly ppid: number;
}

/**
 * The process table as `wmic process get ParentProcessId,ProcessId` prints it: a header, then
 * two numbers a row.
 */
export function parseProcessTable(text: string): ProcessRow[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  // Windows prints "ParentProcessId  ProcessId"; Wine "ParentProcessIDProcessID", without a
  // space where a column is as wide as its name: the columns' order is read from where each
  // name starts.
  const header = (lines.shift() ?? "").toLowerCase();
  const parentAt = header.indexOf("parentprocessid");
  let ownAt = header.indexOf("processid");
  if (ownAt === parentAt + 6) ownAt = header.indexOf("processid", ownAt + 1);
  if (parentAt < 0 || ownAt < 0) return [];
  const [pidAt, ppidAt] = ownAt < parentAt ? [0, 1] : [1, 0];
  const rows: ProcessRow[] = [];
  for (const line of lines) {
    const cells = line.split(/\s+/).map(Number);
    const pid = cells[pidAt];
    const ppid = cells[ppidAt];
    if (Number.isInteger(pid) && Number.isInteger(ppid)) rows.push({ pid: pid as number, ppid: ppid as number });
  }
  return rows;
}

/**
 * Every process started, directly or not, by `root` (not root itself), parents before their
 * children. Windows keeps a parent's id after the parent ended, so a grandchild is still
 * found after its parent was ended first.
 */
export function descendants(rows: readonly ProcessRow[], root: number): number[] {
  const found: number[] = [];
  const seen = new Set<number>([root]);
  for (let i = -1; i < found.length; i++) {
    const parent = i < 0 ? root : (found[i] as number);
    for (const r of rows) {
      if (r.ppid === parent && !seen.has(r.pid)) {
        seen.add(r.pid);
        found.push(r.pid);
      }
    }
  }
  return found;
}
