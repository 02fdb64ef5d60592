// Starting and stopping the program `run` runs for a task, as src/rules/windows.ts decides for
// the platform: Node's spawn in a process group of its own and signals to the group on POSIX;
// cross-spawn and `taskkill /T /F` on Windows. The spawners can be replaced (tests only), so
// the Windows branch is exercised on Linux.

import { type ChildProcess, execFile, type SpawnOptions, spawn } from "node:child_process";
import crossSpawn from "cross-spawn";
import { programStart, stopTree } from "../rules/windows.js";

export interface Spawners {
  readonly spawn: (file: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  readonly crossSpawn: (file: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  readonly execFile: (file: string, args: readonly string[], done: (error: Error | null) => void) => void;
  readonly kill: (pid: number, signal: NodeJS.Signals) => void;
}

const REAL: Spawners = {
  spawn: (file, args, options) => spawn(file, args, options),
  crossSpawn: (file, args, options) => crossSpawn(file, [...args], options),
  execFile: (file, args, done) => {
    execFile(file, args, { windowsHide: true }, (error) => done(error));
  },
  kill: (pid, signal) => process.kill(pid, signal),
};

/** Starts argv[0] with the rest as its arguments, never through a shell of ours. */
export function startProgram(
  argv: readonly string[],
  options: Pick<SpawnOptions, "env" | "stdio" | "cwd">,
  platform: string = process.platform,
  impl: Spawners = REAL,
): ChildProcess {
  const plan = programStart(platform);
  const opts: SpawnOptions = { ...options, shell: false, detached: plan.detached, windowsHide: plan.windowsHide };
  const start = plan.via === "cross-spawn" ? impl.crossSpawn : impl.spawn;
  return start(argv[0] as string, argv.slice(1), opts);
}

/** Stops the program and whatever it started (on Windows always forcibly: rules/windows.ts). */
export function stopProgramTree(
  child: ChildProcess,
  signal: NodeJS.Signals,
  platform: string = process.platform,
  impl: Spawners = REAL,
): void {
  if (!child.pid) return;
  const plan = stopTree(platform, child.pid, signal);
  if (plan.kind === "command") {
    // taskkill fails when the program has already ended: then there is nothing to stop.
    impl.execFile(plan.file, plan.args, (error) => {
      if (error) child.kill();
    });
    return;
  }
  try {
    impl.kill(plan.pid, signal);
  } catch {
    child.kill(signal); // the group is gone; the program itself may not be
  }
}
