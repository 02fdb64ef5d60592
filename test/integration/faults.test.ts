// Faults of the machine (issue #27, item 3): a full disk, a read-only file system, a folder
// without permission, .git/taskgate a file, too many open files. Each is exit 74 with one
// line on stderr naming the path and what to do, never "internal error", and the ledgers
// are byte for byte as before. A write of two files that fails between its renames says so,
// and the next write of either file refuses until it is repaired as the message says.

import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, type Run, runCli } from "../support/cli.js";
import { connectAgent } from "../support/mcp.js";

const MACHINE = 74;
const ACTOR = { TASKGATE_ACTOR: "alice@example.com" };
const root = typeof process.getuid === "function" && process.getuid() === 0;

const snapshot = (dir: string) =>
  ["TASKS.md", "APPROVALS.md"].map((n) => (existsSync(join(dir, n)) ? readFileSync(join(dir, n)) : undefined));

function expectMachineFault(r: Run, path: RegExp, cause: RegExp): void {
  expect(r.code).toBe(MACHINE);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  const lines = r.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(path);
  expect(lines[0]).toMatch(cause);
}

/** A git repository with ledgers on a small tmpfs of its own; undefined where mounting is not allowed. */
async function onTmpfs(size: string): Promise<{ dir: string; unmount: () => void } | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-tmpfs-"));
  const m = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (m.status !== 0) return undefined;
  const unmount = () => {
    spawnSync("umount", [dir]);
    rmSync(dir, { recursive: true, force: true });
  };
  execFileSync("git", ["init", "-q", "--template=", dir]);
  const init = await runCli(["init"], { cwd: dir, env: ACTOR });
  expect(init.code).toBe(0);
  return { dir, unmount };
}

/** Fills the file system holding `dir` to the last byte. */
function fill(dir: string): string {
  const filler = join(dir, "filler");
  const block = Buffer.alloc(4096, 1);
  const fd = openSync(filler, "w");
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe("ENOSPC");
  } finally {
    closeSync(fd);
  }
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `f${i}`), "x"); // and the last few bytes and inodes
    } catch {
      break;
    }
  }
  return filler;
}

describe("machine faults", () => {
  it(".git/taskgate a file: add, set and claim exit 74 naming it, and change nothing", async () => {
    const dir = await makeRepo();
    expect((await runCli(["add", "--ready", "one"], { cwd: dir })).code).toBe(0);
    rmSync(join(dir, ".git", "taskgate"), { recursive: true, force: true });
    writeFileSync(join(dir, ".git", "taskgate"), "not a folder\n");
    const before = snapshot(dir);
    for (const args of [
      ["add", "two"],
      ["set", "T-1", "priority=P1"],
      ["claim", "T-1"],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expectMachineFault(r, /\.git\/taskgate: it is not a folder/, /move or remove that file/);
      expect(snapshot(dir)).toEqual(before);
    }
    // Reads still answer.
    expect((await runCli(["status"], { cwd: dir })).code).toBe(0);
  });

  it("a folder where a ledger should be: every command that reads it exits 74 naming it, nothing changed; the MCP server refuses the same way", async () => {
    const dir = await makeRepo();
    expect((await runCli(["add", "--ready", "one"], { cwd: dir })).code).toBe(0);
    const readers: Record<string, string[][]> = {
      "TASKS.md": [
        ["check"],
        ["status"],
        ["list"],
        ["show", "T-1"],
        ["next"],
        ["claim", "T-1"],
        ["add", "two"],
        ["init"],
      ],
      "APPROVALS.md": [["check"], ["status"], ["approvals"], ["claim", "T-1"], ["add", "two"], ["init"]],
    };
    for (const [name, commands] of Object.entries(readers)) {
      const kept = readFileSync(join(dir, name));
      rmSync(join(dir, name));
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "notes.txt"), "kept\n");
      const otherName = name === "TASKS.md" ? "APPROVALS.md" : "TASKS.md";
      const other = readFileSync(join(dir, otherName));
      for (const args of commands) {
        const r = await runCli(args, { cwd: dir });
        expect([args.join(" "), r.code]).toEqual([args.join(" "), MACHINE]);
        expectMachineFault(
          r,
          new RegExp(`${name.replace(".", "\\.")}: it is a folder, where taskgate expected a file \\(EISDIR\\)`),
          /move or rename that folder/,
        );
        expect(readFileSync(join(dir, otherName))).toEqual(other);
        expect(readdirSync(join(dir, name))).toEqual(["notes.txt"]);
      }
      const json = await runCli(["claim", "T-1", "--json"], { cwd: dir });
      expect(JSON.parse(json.stdout)).toMatchObject({ code: "MACHINE", exitCode: MACHINE });
      if (name === "TASKS.md") {
        const agent = await connectAgent(dir, { as: "alice@example.com" });
        try {
          for (const [tool, args] of [
            ["next_task", {}],
            ["claim_task", { id: "T-1" }],
            ["show_task", { id: "T-1" }],
          ] as const) {
            const a = await agent.call(tool, args);
            expect(a.isError).toBe(true);
            expect(a.value.message).toMatch(/TASKS\.md: it is a folder, where taskgate expected a file/);
          }
        } finally {
          await agent.close();
        }
        expect(agent.stderr()).not.toMatch(/internal error|\n\s+at /);
      }
      // Nothing in the folder was touched; with the ledger back, the board reads as before.
      expect(readFileSync(join(dir, name, "notes.txt"), "utf8")).toBe("kept\n");
      rmSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name), kept);
      expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
    }
  });

  it("a write into a folder that is not there (a dangling link, --tasks in a missing folder): exit 74 naming it, not an internal error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taskgate-nofolder-"));
    execFileSync("git", ["init", "-q", dir]);
    const gone = join(dir, "gone", "TASKS.md");
    symlinkSync(gone, join(dir, "TASKS.md"));
    const linked = await runCli(["init"], { cwd: dir, env: ACTOR });
    expectMachineFault(
      linked,
      /TASKS\.md \(a link to \S*gone\/TASKS\.md\): the folder it goes in does not exist \(ENOENT\)/,
      /fix the symbolic link/,
    );
    expect(existsSync(join(dir, "APPROVALS.md"))).toBe(false);
    const named = await runCli(["--tasks", join(dir, "missing", "TASKS.md"), "init"], { cwd: dir, env: ACTOR });
    expectMachineFault(
      named,
      /missing\/TASKS\.md: the folder it goes in does not exist \(ENOENT\)/,
      /create that folder/,
    );
    expect(existsSync(join(dir, "missing"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a full file system (a 256 KB tmpfs): exit 74 naming TASKS.md, nothing changed; space freed, the write goes through", async (ctx) => {
    const fs = await onTmpfs("256k");
    if (!fs) return ctx.skip();
    try {
      const before = snapshot(fs.dir);
      const filler = fill(fs.dir);
      const r = await runCli(["add", "a task that does not fit"], { cwd: fs.dir, env: ACTOR });
      expectMachineFault(
        r,
        /(TASKS\.md|\.git\/taskgate): no space left on the device \(ENOSPC\)/,
        /nothing was changed; free some space/,
      );
      expect(snapshot(fs.dir)).toEqual(before);
      rmSync(filler);
      const again = await runCli(["add", "fits now"], { cwd: fs.dir, env: ACTOR });
      expect([again.code, again.stderr]).toEqual([0, ""]);
    } finally {
      fs.unmount();
    }
  });

  it("a read-only file system (tmpfs remounted read-only): exit 74 naming the path", async (ctx) => {
    const fs = await onTmpfs("1m");
    if (!fs) return ctx.skip();
    try {
      expect((await runCli(["add", "first"], { cwd: fs.dir, env: ACTOR })).code).toBe(0);
      const before = snapshot(fs.dir);
      expect(spawnSync("mount", ["-o", "remount,ro", fs.dir]).status).toBe(0);
      const r = await runCli(["add", "second"], { cwd: fs.dir, env: ACTOR });
      expectMachineFault(
        r,
        new RegExp(`${fs.dir}\\S*: the file system is read-only \\(EROFS\\)`),
        /remount it read-write/,
      );
      expect(snapshot(fs.dir)).toEqual(before);
    } finally {
      fs.unmount();
    }
  });

  it.skipIf(root || process.platform === "win32")(
    "a folder without write permission: exit 74 naming the path",
    async () => {
      const dir = await makeRepo();
      const before = snapshot(dir);
      chmodSync(join(dir, ".git", "taskgate"), 0o555);
      chmodSync(dir, 0o555);
      try {
        const r = await runCli(["add", "denied"], { cwd: dir });
        expectMachineFault(r, /: permission denied \(EACCES\)/, /check who owns it/);
        expect(snapshot(dir)).toEqual(before);
      } finally {
        chmodSync(dir, 0o755);
        chmodSync(join(dir, ".git", "taskgate"), 0o755);
      }
    },
  );

  // Where the fault cannot be made for real here (no mount rights, a quota, the open files
  // of a process), the store's test hook fails the write of the temp file with the code.
  const CAUSES: Record<string, RegExp> = {
    ENOSPC: /no space left on the device/,
    EDQUOT: /disk quota is used up/,
    EACCES: /permission denied/,
    EPERM: /operation not permitted/,
    EROFS: /file system is read-only/,
    EMFILE: /too many open files in this process/,
    ENFILE: /too many open files on this system/,
  };
  it("each fault injected into the write of the temp file: exit 74, one line, nothing changed", async () => {
    const dir = await makeRepo();
    expect((await runCli(["add", "--ready", "one"], { cwd: dir })).code).toBe(0);
    const before = snapshot(dir);
    for (const [code, cause] of Object.entries(CAUSES)) {
      for (const args of [
        ["add", "two"],
        ["claim", "T-1"],
        ["approval", "request", "T-1"],
      ]) {
        const r = await runCli(args, { cwd: dir, env: { TASKGATE_TEST_FAULT: `write:${code}` } });
        expectMachineFault(
          r,
          /(TASKS|APPROVALS)\.md: /,
          new RegExp(`${cause.source} \\(${code}\\); nothing was changed`),
        );
        expect(snapshot(dir)).toEqual(before);
      }
    }
  });

  it("init failing between its two renames: says which file was written; the next init refuses and says how to finish", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taskgate-partial-"));
    execFileSync("git", ["init", "-q", dir]);
    const env = { TASKGATE_ACTOR: "alice@example.com" };
    const r = await runCli(["init"], { cwd: dir, env: { ...env, TASKGATE_TEST_FAULT: "rename2:ENOSPC" } });
    expectMachineFault(
      r,
      /APPROVALS\.md: not written \(ENOSPC/,
      /but \S*TASKS\.md was: the ledgers may disagree\. To finish it: mv /,
    );
    expect([existsSync(join(dir, "TASKS.md")), existsSync(join(dir, "APPROVALS.md"))]).toEqual([true, false]);
    const tasks = readFileSync(join(dir, "TASKS.md"));

    const next = await runCli(["init"], { cwd: dir, env });
    expect(next.code).toBe(3);
    expect(next.stderr).toMatch(/stopped between its renames: \S*TASKS\.md written, \S*APPROVALS\.md not written/);
    expect(readFileSync(join(dir, "TASKS.md"))).toEqual(tasks);
    // The repair the message gives, run as it is written.
    const repair = /To finish it: (.*?); or, to keep/.exec(next.stderr)?.[1] as string;
    expect(spawnSync("sh", ["-c", repair]).status).toBe(0);
    const check = await runCli(["check"], { cwd: dir, env });
    expect([check.code, check.stderr]).toEqual([0, ""]);
    expect((await runCli(["add", "after the repair"], { cwd: dir, env })).code).toBe(0);
  });
});
