// The Windows decisions (src/rules/windows.ts) and the code that acts on them, with the
// Windows branch taken on Linux. The same code under the Windows build of Node in Wine:
// test/windows/wine.test.ts (docs/windows.md).

import type { ChildProcess, SpawnOptions } from "node:child_process";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/app/errors.js";
import { renameRetrying, unlinkRetrying } from "../../src/io/atomic-write.js";
import { type Spawners, startProgram, stopProgramTree } from "../../src/io/program.js";
import { schtasksArgs, schtasksCommand, type UnitInput } from "../../src/rules/scheduler-units.js";
import { everyToCron } from "../../src/rules/schedules.js";
import {
  descendants,
  lockKey,
  lockOrder,
  parseProcessTable,
  programStart,
  RENAME_RETRY_DELAYS_MS,
  renameRetryDelay,
  schtasksSchedule,
  stopTree,
  taskkillLacksTree,
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
  let execDone: ((e: Error | null, stdout?: Buffer, stderr?: Buffer) => void) | undefined;
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
  return {
    calls,
    child,
    impl,
    finishExec: (e: Error | null, stdout?: Buffer, stderr?: Buffer) => execDone?.(e, stdout, stderr),
  };
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

  it("is stopped with its whole tree by taskkill /T /F, whatever the signal", () => {
    for (const signal of ["SIGTERM", "SIGINT", "SIGKILL"] as const) {
      const f = fakes();
      stopProgramTree(f.child, signal, "win32", f.impl);
      expect(f.calls).toEqual([{ via: "execFile", file: "taskkill", args: ["/PID", "4242", "/T", "/F"] }]);
      f.finishExec(null);
      expect(f.child.killed).toEqual([]);
      expect(f.calls).toHaveLength(1);
    }
  });

  // What Wine 8's taskkill prints (on stdout) for /T, and Windows' for a pid that is gone.
  const wineNoT = Buffer.from(
    "Error: Unknown or invalid command line option specified.\nUsage: taskkill [/?] [/f] [/im ProcessName | /pid ProcessID]\n",
  );
  const notFound = Buffer.from('ERROR: The process "4242" not found.\r\n');

  it("walks the process table only when taskkill says it has no /T: Wine's words, not 'not found' or others", () => {
    expect(taskkillLacksTree(wineNoT.toString())).toBe(true);
    expect(taskkillLacksTree(notFound.toString())).toBe(false);
    expect(taskkillLacksTree('Error: Could not find process "4242".')).toBe(false); // Wine, without /T
    expect(
      taskkillLacksTree("ERROR: The process with PID 4242 could not be terminated.\r\nReason: Access is denied."),
    ).toBe(false);
    expect(taskkillLacksTree("")).toBe(false);
  });

  it("if taskkill has no /T (Wine's), the tree is read from wmic and each process ended", () => {
    // As Wine's wmic writes it to a pipe: UTF-16 with a byte order mark, a header without spaces.
    const table = "ParentProcessIDProcessID\r\n0    32  \r\n32   4242\r\n4242 4300\r\n4300 4301\r\n32   9999\r\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, "utf16le")]);
    const f = fakes();
    stopProgramTree(f.child, "SIGTERM", "win32", f.impl);
    f.finishExec(new Error("Command failed: taskkill /PID 4242 /T /F"), wineNoT, Buffer.alloc(0));
    expect(f.calls.at(-1)).toEqual({
      via: "execFile",
      file: "wmic",
      args: ["process", "get", "ParentProcessId,ProcessId"],
    });
    expect(f.child.killed).toEqual([]);
    f.finishExec(null, utf16);
    expect(f.child.killed).toEqual([undefined]);
    // The child and grandchild of the program, not its parent's other child (9999).
    expect(f.calls.filter((c) => c.via === "kill").map((c) => [c.file, c.signal])).toEqual([
      ["4300", "SIGKILL"],
      ["4301", "SIGKILL"],
    ]);
    // No wmic either (Windows 11 24H2 drops it): the program itself is still ended.
    const g = fakes();
    stopProgramTree(g.child, "SIGTERM", "win32", g.impl);
    g.finishExec(new Error("Command failed"), wineNoT);
    g.finishExec(new Error("spawn wmic ENOENT"));
    expect(g.child.killed).toEqual([undefined]);
    expect(g.calls.filter((c) => c.via === "kill")).toEqual([]);
  });

  it("if taskkill fails otherwise ('not found': the pid may be another's now), no table is read, no pid killed", () => {
    const f = fakes();
    stopProgramTree(f.child, "SIGTERM", "win32", f.impl);
    f.finishExec(new Error("Command failed: taskkill /PID 4242 /T /F"), Buffer.alloc(0), notFound);
    expect(f.calls.map((c) => c.file)).toEqual(["taskkill"]);
    // Only the program itself, through Node's handle on it (never by pid).
    expect(f.child.killed).toEqual([undefined]);
    // A program that has ended: nothing at all, even where taskkill lacks /T.
    const g = fakes();
    (g.child as { exitCode: number | null }).exitCode = 0;
    stopProgramTree(g.child, "SIGTERM", "win32", g.impl);
    g.finishExec(new Error("Command failed"), wineNoT);
    expect(g.calls.map((c) => c.file)).toEqual(["taskkill"]);
    expect(g.child.killed).toEqual([]);
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

describe("removing a file on Windows", () => {
  it("is tried again like a rename, within the same bound, then one sentence and exit 4", () => {
    const waits: number[] = [];
    let tries = 0;
    const unlink = () => {
      tries++;
      throw Object.assign(new Error("EBUSY: unlink"), { code: "EBUSY" });
    };
    let error: unknown;
    try {
      unlinkRetrying("C:\\board\\.git\\taskgate\\tasks.md-0123456789.lock", "win32", unlink, (ms) => waits.push(ms));
    } catch (e) {
      error = e;
    }
    expect(waits).toEqual([...RENAME_RETRY_DELAYS_MS]);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(630);
    expect(tries).toBe(RENAME_RETRY_DELAYS_MS.length + 1);
    expect((error as { exitCode: number }).exitCode).toBe(EXIT.busy);
    expect((error as Error).message).toMatch(
      /tasks\.md-0123456789\.lock: another program holds it open \(removing it was refused with EBUSY for 630 ms\)/,
    );
    // Elsewhere at once, as it is.
    tries = 0;
    expect(() => unlinkRetrying("x", "linux", unlink, () => undefined)).toThrow("EBUSY: unlink");
    expect(tries).toBe(1);
  });
});

describe("the lock's name", () => {
  it("is the same for every spelling of one path on Windows (and macOS), and follows the case elsewhere", () => {
    expect(lockKey("win32", "C:\\A\\b\\TASKS.md")).toBe(lockKey("win32", "c:\\a\\B\\tasks.md"));
    expect(lockKey("darwin", "/Users/Ana/Board/TASKS.md")).toBe(lockKey("darwin", "/users/ana/board/tasks.md"));
    expect(lockKey("linux", "/srv/A/TASKS.md")).not.toBe(lockKey("linux", "/srv/a/TASKS.md"));
    expect(lockKey("win32", "C:\\A\\b")).not.toBe(lockKey("win32", "C:\\A\\c"));
  });
});

describe("the order locks are taken in", () => {
  it("is by lock key: two spellings of two files take the same lock first", () => {
    const one = lockOrder("win32", ["C:\\B\\x\\TASKS.md", "c:\\a\\y\\TASKS.md"]);
    const two = lockOrder("win32", ["c:\\b\\x\\TASKS.md", "C:\\A\\y\\TASKS.md"]);
    // A plain sort puts upper case first: C:\B before c:\a, but C:\A before c:\b.
    expect(one.map((p) => lockKey("win32", p))).toEqual(two.map((p) => lockKey("win32", p)));
    expect(lockKey("win32", one[0] as string)).toBe("c:\\a\\y\\tasks.md");
    expect(lockOrder("linux", ["/b", "/a", "/b"])).toEqual(["/a", "/b"]);
  });
});

describe("the process table", () => {
  it("is read from Windows' and Wine's wmic, whatever the columns' order and spacing", () => {
    const windows = "ParentProcessId  ProcessId  \r\r\n0                0          \r\r\n4                8\r\r\n";
    expect(parseProcessTable(windows)).toEqual([
      { pid: 0, ppid: 0 },
      { pid: 8, ppid: 4 },
    ]);
    expect(parseProcessTable("ParentProcessIDProcessID\n40   56\n")).toEqual([{ pid: 56, ppid: 40 }]);
    expect(parseProcessTable("ProcessId  ParentProcessId\n56 40\n")).toEqual([{ pid: 56, ppid: 40 }]);
    expect(parseProcessTable("No Instance(s) Available.\n")).toEqual([]);
  });

  it("gives every descendant of a process, parents first, also under a parent that has ended", () => {
    const rows = [
      { pid: 10, ppid: 1 },
      { pid: 11, ppid: 10 },
      { pid: 12, ppid: 11 },
      { pid: 13, ppid: 10 },
      { pid: 20, ppid: 1 },
      { pid: 30, ppid: 99 }, // 99 ended; 30 is its child, not 10's
    ];
    expect(descendants(rows, 10)).toEqual([11, 13, 12]);
    expect(descendants(rows.slice(2), 11)).toEqual([12]); // 11 itself gone from the table
    expect(descendants([...rows, { pid: 10, ppid: 12 }], 10)).toEqual([11, 13, 12]); // a cycle ends
  });
});

/** A command line split as the Microsoft C runtime (and schtasks) splits it. */
function crtSplit(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === " ") i++;
    if (i >= line.length) break;
    let arg = "";
    let quoted = false;
    for (; i < line.length && (quoted || line[i] !== " "); i++) {
      let slashes = 0;
      while (line[i] === "\\") {
        slashes++;
        i++;
      }
      if (line[i] === '"') {
        arg += "\\".repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) arg += '"';
        else quoted = !quoted;
      } else {
        arg += "\\".repeat(slashes);
        if (i < line.length) arg += line[i];
        else break;
      }
    }
    out.push(arg);
  }
  return out;
}

describe("schtasks entries for odd folders", () => {
  const dirs = [
    "C:\\Users\\ana\\my board",
    "C:\\a b&c",
    "C:\\100% done\\%PATH%",
    "C:\\x ^ y\\^^",
    'C:\\say "hi"\\',
    "C:\\ends\\with slash\\",
    'C:\\(all) !of | them <> & ^ % "',
  ];

  it("--write: the arguments, read back as schtasks reads a command line, give /TR's program and folder whole", () => {
    for (const dir of dirs) {
      const args = schtasksArgs({ ...unit(15), dir });
      expect(args.slice(0, 9)).toEqual(["/Create", "/F", "/TN", unit(15).name, "/SC", "MINUTE", "/MO", "15", "/TR"]);
      const tr = args[args.indexOf("/TR") + 1] as string;
      expect(crtSplit(tr), dir).toEqual([unit(15).node, unit(15).bin, "--dir", dir, "watch", "--once", "--quiet"]);
    }
  });

  it("printed: what cmd.exe passes on (its ^ escapes taken off), split as schtasks does, is the same arguments", () => {
    for (const dir of dirs) {
      const u = { ...unit(15), dir };
      const line = schtasksCommand(u);
      const special = /[%!^&|<>]/.test(line.replace(/\^./g, ""));
      // Either no character cmd.exe acts on is left bare, or the line has none at all.
      if (/[%!&|<>]/.test(dir) || dir.includes("^")) {
        expect(special, line).toBe(false);
      }
      // cmd.exe outside quotes (every " escaped too) takes each ^ off the character after it.
      const passed = /\^/.test(line) ? line.replace(/\^(.)/g, "$1") : line;
      expect(crtSplit(passed).slice(1), dir).toEqual(schtasksArgs(u));
    }
  });
});
