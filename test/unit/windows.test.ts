// The Windows decisions (src/rules/windows.ts) and the code that acts on them, with the
// Windows branch taken on Linux: CI has no Windows machine, and none of this has been run on
// a real Windows (docs/run.md).

import type { ChildProcess, SpawnOptions } from "node:child_process";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/app/errors.js";
import { renameRetrying } from "../../src/io/atomic-write.js";
import { type Spawners, startProgram, stopProgramTree } from "../../src/io/program.js";
import { schtasksArgs, schtasksCommand, type UnitInput } from "../../src/rules/scheduler-units.js";
import { everyToCron } from "../../src/rules/schedules.js";
import {
  programStart,
  RENAME_RETRY_DELAYS_MS,
  renameRetryDelay,
  schtasksSchedule,
  stopTree,
} from "../../src/rules/windows.js";
import { ROOT } from "../support/paths.js";

const unit = (minutes: number): UnitInput => ({
  dir: "C:\\Users\\ana\\board",
  node: "C:\\Program Files\\nodejs\\node.exe",
  bin: "C:\\tools\\taskgate\\bin\\taskgate.cjs",
  minutes,
  cron: "",
  name: "taskgate-watch-0123456789",
});

describe("schtasks entries", () => {
  // Every --every that schedule install accepts, found by asking everyToCron about each
  // whole number of minutes up to a day.
  const accepted = Array.from({ length: 24 * 60 }, (_, i) => i + 1).filter((m) => !("error" in everyToCron(`${m}m`)));

  it("are within the ranges schtasks documents for every accepted --every", () => {
    expect(accepted.length).toBe(19); // 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m, 1h ... 24h
    for (const m of accepted) {
      const { sc, mo } = schtasksSchedule(m);
      const [lo, hi] = { MINUTE: [1, 1439], HOURLY: [1, 23], DAILY: [1, 365] }[sc];
      expect(Number.isInteger(mo) && mo >= (lo as number) && mo <= (hi as number), `${m}m: /SC ${sc} /MO ${mo}`).toBe(
        true,
      );
      // The same period in minutes.
      expect(mo * { MINUTE: 1, HOURLY: 60, DAILY: 1440 }[sc]).toBe(m);
    }
  });

  it("a day is /SC DAILY /MO 1; hours are HOURLY, minutes MINUTE", () => {
    expect(schtasksArgs(unit(24 * 60)).slice(4, 8)).toEqual(["/SC", "DAILY", "/MO", "1"]);
    expect(schtasksCommand(unit(24 * 60))).toContain(" /SC DAILY /MO 1 /TR ");
    expect(schtasksSchedule(12 * 60)).toEqual({ sc: "HOURLY", mo: 12 });
    expect(schtasksSchedule(60)).toEqual({ sc: "HOURLY", mo: 1 });
    expect(schtasksSchedule(5)).toEqual({ sc: "MINUTE", mo: 5 });
  });
});

/** Spawners that record what they are asked, and a child that is only a pid. */
function fakes() {
  const calls: { via: string; file: string; args: readonly string[]; options?: SpawnOptions; signal?: string }[] = [];
  let execDone: ((e: Error | null) => void) | undefined;
  const child = { pid: 4242, killed: [] as (string | undefined)[] } as unknown as ChildProcess & {
    killed: (string | undefined)[];
  };
  (child as { kill: (s?: string) => boolean }).kill = (s?: string) => {
    (child as unknown as { killed: (string | undefined)[] }).killed.push(s);
    return true;
  };
  const impl: Spawners = {
    spawn: (file, args, options) => {
      calls.push({ via: "spawn", file, args, options });
      return child;
    },
    crossSpawn: (file, args, options) => {
      calls.push({ via: "cross-spawn", file, args, options });
      return child;
    },
    execFile: (file, args, done) => {
      calls.push({ via: "execFile", file, args });
      execDone = done;
    },
    kill: (pid, signal) => {
      calls.push({ via: "kill", file: String(pid), args: [], signal });
    },
  };
  return { calls, child, impl, finishExec: (e: Error | null) => execDone?.(e) };
}

describe("run's program on Windows", () => {
  const argv = ["npm", "test", "--", 'T-1: fix & ship "now" %PATH%'];

  it("starts through cross-spawn, not detached (no process groups; no console window of its own), hidden", () => {
    const f = fakes();
    startProgram(argv, { env: { A: "1" }, stdio: ["ignore", "pipe", "pipe"] }, "win32", f.impl);
    expect(f.calls).toEqual([
      {
        via: "cross-spawn",
        file: "npm",
        args: argv.slice(1),
        options: {
          env: { A: "1" },
          stdio: ["ignore", "pipe", "pipe"],
          shell: false,
          detached: false,
          windowsHide: true,
        },
      },
    ]);
  });

  it("elsewhere starts with Node's spawn in a process group of its own", () => {
    const f = fakes();
    startProgram(argv, { stdio: "ignore" }, "linux", f.impl);
    expect(f.calls).toEqual([
      {
        via: "spawn",
        file: "npm",
        args: argv.slice(1),
        options: { stdio: "ignore", shell: false, detached: true, windowsHide: false },
      },
    ]);
    expect(programStart("darwin")).toEqual(programStart("linux"));
  });

  it("is stopped with its whole tree by taskkill /T /F, whatever the signal; if taskkill fails, the program is killed", () => {
    for (const signal of ["SIGTERM", "SIGINT", "SIGKILL"] as const) {
      const f = fakes();
      stopProgramTree(f.child, signal, "win32", f.impl);
      expect(f.calls).toEqual([{ via: "execFile", file: "taskkill", args: ["/PID", "4242", "/T", "/F"] }]);
      f.finishExec(null);
      expect(f.child.killed).toEqual([]);
      f.finishExec(new Error('The process "4242" not found.'));
      expect(f.child.killed).toEqual([undefined]);
    }
  });

  it("elsewhere the signal goes to the process group", () => {
    const f = fakes();
    stopProgramTree(f.child, "SIGTERM", "linux", f.impl);
    expect(f.calls).toEqual([{ via: "kill", file: "-4242", args: [], signal: "SIGTERM" }]);
    expect(stopTree("darwin", 7, "SIGKILL")).toEqual({ kind: "group", pid: -7, signal: "SIGKILL" });
  });

  it("a .cmd program: cross-spawn runs it through cmd.exe with the task's text as quoted data, and refuses a line break", () => {
    // cross-spawn decides by process.platform when it loads: ask it in a Node that says win32.
    const script = `
      const fs = require("node:fs"), path = require("node:path"), os = require("node:os");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskgate-cmd-"));
      const file = path.join(dir, "tool.cmd");
      fs.writeFileSync(file, "@echo off\\r\\n");
      Object.defineProperty(process, "platform", { value: "win32" });
      process.env.PATHEXT = ".COM;.EXE;.BAT;.CMD";
      const cs = require("cross-spawn");
      const p = cs._parse(file, [process.argv[1]], {});
      let refused = "";
      try { cs._parse(file, ["line\\nbreak"], {}); } catch (e) { refused = e.message; }
      fs.rmSync(dir, { recursive: true });
      process.stdout.write(JSON.stringify({ file, command: p.command, args: p.args, verbatim: p.options.windowsVerbatimArguments, refused }));
    `;
    const text = 'T-1: fix & ship "now" %PATH% ^ | >x';
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script, text], { cwd: ROOT, encoding: "utf8" })) as {
      file: string;
      command: string;
      args: string[];
      verbatim: boolean;
      refused: string;
    };
    expect(out.command).toBe("cmd.exe");
    expect(out.verbatim).toBe(true);
    // cmd /s /c "<"file" "argument">": the whole text one quoted argument, its quotes doubled
    // (cmd.exe's quoting stays balanced, so & | > ^ stay inside it) and %VAR% broken up.
    expect(out.args).toEqual([
      "/d",
      "/e:on",
      "/v:off",
      "/s",
      "/c",
      `""${out.file}" "T-1: fix & ship ""now"" %%cd:~,%PATH%%cd:~,% ^ | >x""`,
    ]);
    expect(out.refused).toMatch(/cannot contain line breaks/);
  });
});

describe("the atomic rename on Windows", () => {
  const refusing = (codes: string[]) => {
    const tries: string[] = [];
    const rename = () => {
      const code = codes[tries.length];
      tries.push(code ?? "ok");
      if (code) throw Object.assign(new Error(`${code}: rename`), { code });
    };
    return { tries, rename };
  };

  it("tries again with growing waits while the file is held (EPERM, EACCES, EBUSY), then goes on", () => {
    const waits: number[] = [];
    const r = refusing(["EPERM", "EACCES", "EBUSY"]);
    renameRetrying("a.tmp", "TASKS.md", "win32", r.rename, (ms) => waits.push(ms));
    expect(r.tries).toEqual(["EPERM", "EACCES", "EBUSY", "ok"]);
    expect(waits).toEqual([10, 20, 40]);
  });

  it("gives up after about 0.6 s with one sentence and exit 4 (busy)", () => {
    const waits: number[] = [];
    const r = refusing(Array(20).fill("EPERM"));
    let error: unknown;
    try {
      renameRetrying("a.tmp", "C:\\board\\TASKS.md", "win32", r.rename, (ms) => waits.push(ms));
    } catch (e) {
      error = e;
    }
    expect(waits).toEqual([...RENAME_RETRY_DELAYS_MS]);
    expect(r.tries.length).toBe(RENAME_RETRY_DELAYS_MS.length + 1);
    expect((error as { exitCode: number }).exitCode).toBe(EXIT.busy);
    expect((error as Error).message).toBe(
      "C:\\board\\TASKS.md: another program holds it open (replacing it was refused with EPERM for 630 ms); close the program that has it open (an editor, a virus scanner, a sync tool) and run the command again",
    );
  });

  it("does not retry elsewhere, nor on other errors, nor hide a different error after retries", () => {
    for (const [platform, codes, thrown] of [
      ["linux", ["EPERM"], "EPERM"],
      ["win32", ["ENOENT"], "ENOENT"],
      ["win32", ["EBUSY", "ENOSPC"], "ENOSPC"],
    ] as const) {
      const r = refusing([...codes]);
      expect(() => renameRetrying("a", "b", platform, r.rename, () => undefined)).toThrow(`${thrown}: rename`);
    }
    expect(renameRetryDelay("linux", "EBUSY", 0)).toBeUndefined();
    expect(renameRetryDelay("win32", "EBUSY", RENAME_RETRY_DELAYS_MS.length)).toBeUndefined();
  });
});
