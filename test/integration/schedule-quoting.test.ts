// Item 2 of issue 27: scheduler entries that cannot be injected. A folder whose name holds a
// line break is refused with one sentence and no entry; folders with &, %, ', ", $, \, ! and
// blanks give entries that parse back, by each scheduler's own rules, to the same paths.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cronLine, schtasksCommand, systemdUnits, type UnitInput } from "../../src/rules/scheduler-units.js";
import { forbiddenCharacter } from "../../src/rules/values.js";
import { runCli } from "../support/cli.js";
import { CLI } from "../support/paths.js";
import {
  cronArgv,
  schtasksArgv,
  systemdAnalyzeWorks,
  systemdExecArgv,
  systemdVerify,
  systemdWorkingDirectory,
  unitSettings,
} from "../support/scheduler-parse.js";

const parent = mkdtempSync(join(tmpdir(), "taskgate-sched-"));

async function repoIn(name: string): Promise<string> {
  const dir = join(parent, name);
  mkdirSync(dir);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: dir });
  const r = await runCli(["init"], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

const install = (dir: string, flag: string) => runCli(["schedule", "install", flag, "--every", "10m"], { cwd: dir });

/** The files of a --systemd answer: "# name" lines, each followed by its text. */
function unitFiles(stdout: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const part of stdout.split(/^# (?=taskgate-watch-)/m).filter(Boolean)) {
    const nl = part.indexOf("\n");
    files.set(part.slice(0, nl), part.slice(nl + 1).replace(/\n$/, ""));
  }
  return files;
}

const ODD_FOLDERS = [
  "a & b",
  "100% done %PATH% %%",
  "it's",
  'say "hi"',
  "two  spaces  inside",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a folder name holding ${USER} literally
  "dollar $HOME ${USER} $$",
  "back\\slash\\%x\\\\y",
  "bang! caret^ pipe| lt< gt> (paren)",
  "semi; hash # tick ` star *",
  "ünï ☃ \u202e rtl",
];

describe("schedule install with odd folder names", () => {
  it("a folder whose name holds a newline: --cron, --systemd and --windows refuse with one sentence", async () => {
    const dir = await repoIn("evil\n* * * * * touch injected #");
    for (const flag of ["--cron", "--systemd", "--windows"]) {
      const r = await install(dir, flag);
      expect(r.code, flag).toBe(1);
      expect(r.stdout, flag).toBe("");
      const lines = r.stderr.split("\n").filter(Boolean);
      expect(lines, flag).toHaveLength(1);
      expect(r.stderr).toMatch(/repository folder .* contains U\+000A LINE FEED/);
    }
  });

  it.each(["tab\there", "cr\rhere", "esc\u001bhere", "ls\u2028here"])("also refuses %j", async (name) => {
    const dir = await repoIn(name);
    const r = await install(dir, "--cron");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/contains U\+/);
  });

  for (const folder of ODD_FOLDERS) {
    it(`every entry for ${JSON.stringify(folder)} parses back to the same paths`, async () => {
      const dir = await repoIn(folder);
      const dirs = [dir, realpathSync(dir)];
      const expectArgv = (argv: string[], what: string) => {
        expect(argv.length, what).toBe(7);
        expect(argv[0], what).toBe(process.execPath);
        expect(argv[1], what).toBe(realpathSync(CLI));
        expect(argv[2]).toBe("--dir");
        expect(dirs, what).toContain(argv[3]);
        expect(argv.slice(4)).toEqual(["watch", "--once", "--quiet"]);
      };

      const cron = await install(dir, "--cron");
      expect(cron.code, cron.stderr).toBe(0);
      const lines = cron.stdout.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expectArgv(cronArgv(lines[0] as string), "cron");

      const sd = await install(dir, "--systemd");
      expect(sd.code, sd.stderr).toBe(0);
      const files = unitFiles(sd.stdout);
      expect(files.size).toBe(2);
      const [serviceName, service] = [...files].find(([n]) => n.endsWith(".service")) as [string, string];
      expectArgv(systemdExecArgv(service), "systemd");
      expect(dirs).toContain(systemdWorkingDirectory(service));
      for (const text of files.values()) unitSettings(text); // no joined or stray lines
      if (systemdAnalyzeWorks() && !/\s$/.test(folder)) expect(systemdVerify(serviceName, service)).toBe("");

      const win = await install(dir, "--windows");
      expect(win.code, win.stderr).toBe(0);
      expect(win.stdout.split("\n").filter(Boolean)).toHaveLength(1);
      expectArgv(schtasksArgv(win.stdout), "schtasks");
    });
  }

  it("a folder ending in a blank: systemd refuses it (a unit file trims it), cron and schtasks keep it", async () => {
    const dir = await repoIn("ends in blank ");
    const sd = await install(dir, "--systemd");
    expect(sd.code).toBe(1);
    expect(sd.stdout).toBe("");
    expect(sd.stderr).toMatch(/ends in a blank or a backslash/);
    expect((await install(dir, "--cron")).code).toBe(0);
  });
});

describe("scheduler quoting, for any path without control characters", () => {
  const pathChar = fc.oneof(
    fc.constantFrom(..."&%'\"$\\!^|<>()#;` *?~=:,{}[]@-_.ü☃\u202e".split("")),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  );
  const path = fc
    .array(pathChar, { minLength: 1, maxLength: 30 })
    .map((cs) => `/${cs.join("")}`)
    .filter((p) => forbiddenCharacter(p) === undefined);
  const unit = (dir: string, node = "/usr/bin/node"): UnitInput => ({
    dir,
    node,
    bin: "/opt/task gate/bin/taskgate.cjs",
    minutes: 5,
    cron: "*/5 * * * *",
    name: "taskgate-watch-0123456789",
  });
  const argvOf = (u: UnitInput) => [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"];

  it("cron lines split by /bin/sh give the same argv", () => {
    fc.assert(
      fc.property(path, path, (dir, node) => {
        expect(cronArgv(cronLine(unit(dir, node)))).toEqual(argvOf(unit(dir, node)));
      }),
      { seed: 27, numRuns: 150 },
    );
  });

  it("systemd ExecStart and WorkingDirectory read back the same", () => {
    fc.assert(
      fc.property(
        path.filter((p) => !/[\s\\]$/.test(p)),
        path,
        (dir, node) => {
          const { service, timer } = systemdUnits(unit(dir, node));
          expect(systemdExecArgv(service)).toEqual(argvOf(unit(dir, node)));
          expect(systemdWorkingDirectory(service)).toBe(dir);
          unitSettings(timer);
        },
      ),
      { seed: 27, numRuns: 500 },
    );
  });

  it("schtasks through cmd.exe's and the C runtime's rules gives the same argv", () => {
    fc.assert(
      fc.property(path, path, (dir, node) => {
        expect(schtasksArgv(schtasksCommand(unit(dir, node)))).toEqual(argvOf(unit(dir, node)));
      }),
      { seed: 27, numRuns: 500 },
    );
  });
});
