// What taskgate does differently on Windows, as pure decisions of the platform (a string, as
// process.platform gives it), so that the tests take the Windows branch on Linux: CI has no
// Windows machine, and none of this has been run on a real Windows (docs/run.md says so).

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

/** The waits between tries of a refused rename on Windows: about 0.6 s in all. */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [10, 20, 40, 80, 160, 320];

/**
 * How long to wait before trying a refused rename again, or undefined to give up. On Windows
 * a rename over a file another program holds open (an editor, a virus scanner, a search
 * indexer, a sync tool) fails with EPERM, EACCES or EBUSY for as long as it holds it, usually
 * briefly. Elsewhere these codes mean what they say (permissions; a mount point), so no retry.
 */
export function renameRetryDelay(platform: string, code: string | undefined, attempt: number): number | undefined {
  if (platform !== "win32" || (code !== "EPERM" && code !== "EACCES" && code !== "EBUSY")) return undefined;
  return RENAME_RETRY_DELAYS_MS[attempt];
}
