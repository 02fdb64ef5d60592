// What `schedule install` prints: the crontab line, the systemd service and timer, or the
// schtasks command that runs `watch --once --quiet` for one repository every N minutes.
// Pure text from the paths and the period; the caller decides whether to print or write.

import { describeCharacter, forbiddenCharacter } from "./values.js";
import { schtasksSchedule } from "./windows.js";

export interface UnitInput {
  /** The repository folder (watch runs with --dir here). */
  readonly dir: string;
  /** The Node executable and taskgate's bin script, both absolute. */
  readonly node: string;
  readonly bin: string;
  /** Period in whole minutes, dividing an hour or a day (see everyToCron). */
  readonly minutes: number;
  /** A cron expression for the period. */
  readonly cron: string;
  /** A short, stable name for this repository's units (taskgate-watch-<hash>). */
  readonly name: string;
}

/** Quoted for a POSIX shell (cron runs its lines with /bin/sh). */
export function shQuote(s: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Why a path cannot go into a scheduler entry, as one sentence, or undefined when it can. A
 * line break would end the entry and start another (a crontab line, a unit file setting), and
 * no scheduler's quoting keeps one; other control characters are refused with them.
 */
export function unitPathProblem(u: UnitInput, scheduler: "cron" | "systemd" | "windows"): string | undefined {
  const paths: [string, string][] = [
    ["The repository folder", u.dir],
    ["The Node executable's path", u.node],
    ["taskgate's script path", u.bin],
  ];
  for (const [what, path] of paths) {
    const cp = forbiddenCharacter(path);
    if (cp !== undefined) {
      return `${what} ${JSON.stringify(path)} contains ${describeCharacter(cp)}, which no scheduler entry can hold safely; rename or move it, then run schedule install again`;
    }
  }
  // A unit file trims a setting's blanks and joins a line ending in "\" to the next one.
  if (scheduler === "systemd" && /[\s\\]$/.test(u.dir)) {
    return `The repository folder ${JSON.stringify(u.dir)} ends in a blank or a backslash, which a systemd unit file cannot hold in WorkingDirectory=; rename it, then run schedule install again`;
  }
  return undefined;
}

/**
 * One argument of a crontab command: quoted for the shell, and every % (which cron turns into a
 * line break, unless escaped as \%) outside the shell's quotes, so that no backslash in the
 * path can stand before it and change what cron's escape means.
 */
export function cronQuote(s: string): string {
  return s
    .split("%")
    .map((part) => (part === "" ? "" : shQuote(part)))
    .join("\\%");
}

export function cronLine(u: UnitInput): string {
  const cmd = [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"].map(cronQuote).join(" ");
  // The marker comment makes the line findable: `--write` replaces it rather than adding a second.
  return `${u.cron} ${cmd} # ${u.name}`;
}

/** Kept literal in a unit file setting: % starts a specifier, so it is doubled. */
const sdSpecifierLiteral = (s: string) => s.replace(/%/g, "%%");

/**
 * systemd's quoting for one ExecStart word: double quotes with C escapes for backslash and
 * quote; then % doubled (specifiers are resolved first) and $ doubled (ExecStart expands $X).
 */
function sdQuote(s: string): string {
  const quoted = /^[A-Za-z0-9_./@+=:,-]+$/.test(s) ? s : `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return sdSpecifierLiteral(quoted).replace(/\$/g, "$$$$");
}

/** Free text for Description=: specifiers doubled, and in quotes so that no "\" ends the line. */
const sdDescribed = (dir: string) => `"${sdSpecifierLiteral(dir)}"`;

export function systemdUnits(u: UnitInput): { service: string; timer: string } {
  const exec = [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"].map(sdQuote).join(" ");
  const service = `[Unit]
Description=taskgate watch --once for ${sdDescribed(u.dir)}

[Service]
Type=oneshot
WorkingDirectory=${sdSpecifierLiteral(u.dir)}
ExecStart=${exec}
`;
  const calendar = u.minutes < 60 ? `*-*-* *:00/${u.minutes}:00` : `*-*-* 00/${u.minutes / 60}:00:00`;
  const timer = `[Unit]
Description=Run taskgate watch --once every ${u.minutes < 60 ? `${u.minutes} minute${u.minutes === 1 ? "" : "s"}` : `${u.minutes / 60} hour${u.minutes === 60 ? "" : "s"}`} for ${sdDescribed(u.dir)}

[Timer]
OnCalendar=${calendar}
Persistent=true

[Install]
WantedBy=timers.target
`;
  return { service, timer };
}

/**
 * One argument as the Microsoft C runtime (and schtasks, and node.exe) splits a command line:
 * in double quotes, a quote escaped with a backslash, and backslashes doubled where they stand
 * before a quote.
 */
export function msQuote(s: string, always = true): string {
  if (!always && s !== "" && !/[\s"]/.test(s)) return s;
  let out = '"';
  let backslashes = 0;
  for (const ch of s) {
    if (ch === "\\") {
      backslashes++;
      continue;
    }
    if (ch === '"') out += `${"\\".repeat(backslashes * 2 + 1)}"`;
    else out += `${"\\".repeat(backslashes)}${ch}`;
    backslashes = 0;
  }
  return `${out}${"\\".repeat(backslashes * 2)}"`;
}

/** The arguments of `schtasks /Create` for this entry (what --write passes, without a shell). */
export function schtasksArgs(u: UnitInput): string[] {
  const tr = `${msQuote(u.node)} ${msQuote(u.bin)} --dir ${msQuote(u.dir)} watch --once --quiet`;
  const { sc, mo } = schtasksSchedule(u.minutes);
  return ["/Create", "/F", "/TN", u.name, "/SC", sc, "/MO", String(mo), "/TR", tr];
}

/** The characters cmd.exe acts on in a command line (% and ! expand, the rest split or redirect). */
const CMD_SPECIAL = /[%!^&|<>()"]/g;

/**
 * The schtasks command to paste into cmd.exe. cmd.exe toggles its quoting at every ", without
 * regard to backslashes, so a path's & | < > ^ % could fall outside its quotes: when the line
 * holds any of them, every character cmd.exe acts on (quotes included) is escaped with ^, so
 * that cmd.exe never enters quoting and passes the line to schtasks as it is.
 */
export function schtasksCommand(u: UnitInput): string {
  const [, , , name, ...rest] = schtasksArgs(u);
  const line = `schtasks /Create /F /TN ${msQuote(name as string)} ${rest.map((a) => msQuote(a, false)).join(" ")}`;
  return /[%!^&|<>]/.test(line) ? line.replace(CMD_SPECIAL, "^$&") : line;
}
