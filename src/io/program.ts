// Starting and stopping the program `run` runs for a task, as src/rules/windows.ts decides for
// the platform: Node's spawn in a process group of its own and signals to the group on POSIX;
// cross-spawn and `taskkill /T /F` on Windows. The spawners can be replaced (tests only), so
// the Windows branch is exercised on Linux.

import { type ChildProcess, execFile, type SpawnOptions, spawn } from "node:child_process";
import crossSpawn from "cross-spawn";
import { descendants, parseProcessTable, programStart, stopTree, taskkillLacksTree } from "../rules/windows.js";

export interface Spawners {
  readonly spawn: (file: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  readonly crossSpawn: (file: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  readonly execFile: (
    file: string,
    args: readonly string[],
    done: (error: Error | null, stdout?: Buffer, stderr?: Buffer) => void,
  ) => void;
  readonly kill: (pid: number, signal: NodeJS.Signals) => void;
}

const REAL: Spawners = {
  spawn: (file, args, options) => spawn(file, args, options),
  crossSpawn: (file, args, options) => crossSpawn(file, [...args], options),
  execFile: (file, args, done) => {
    execFile(file, args, { windowsHide: true, encoding: "buffer" }, (error, stdout, stderr) =>
      done(error, stdout, stderr),
    );
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
    // taskkill fails when the program has already ended (its pid may be another's by now:
    // nothing more is done then), and where it lacks /T (Wine 8's): only then is the tree
    // walked from the process table, and only while the program has not ended (Node holds
    // its handle until it has, so its pid is not yet anyone else's).
    const root = child.pid;
    impl.execFile(plan.file, plan.args, (error, stdout, stderr) => {
      if (!error) return;
      const said = `${stdout ? decodeConsole(stdout) : ""}\n${stderr ? decodeConsole(stderr) : ""}`.replaceAll(
        "\0",
        "",
      );
      const ended = typeof child.exitCode === "number" || typeof child.signalCode === "string";
      if (ended) return;
      if (!taskkillLacksTree(said)) {
        child.kill(); // through its handle: this program, never another with its pid
        return;
      }
      impl.execFile("wmic", ["process", "get", "ParentProcessId,ProcessId"], (listError, out) => {
        const rows = listError || !out ? [] : parseProcessTable(decodeConsole(out));
        child.kill();
        for (const pid of descendants(rows, root)) {
          try {
            impl.kill(pid, "SIGKILL");
          } catch {
            // Ended meanwhile.
          }
        }
      });
    });
    return;
  }
  try {
    impl.kill(plan.pid, signal);
  } catch {
    child.kill(signal); // the group is gone; the program itself may not be
  }
}

/** wmic writes UTF-16 (with a byte order mark) to a pipe; other tools the console's code page. */
function decodeConsole(out: Buffer): string {
  return out[0] === 0xff && out[1] === 0xfe ? out.subarray(2).toString("utf16le") : out.toString("latin1");
}
