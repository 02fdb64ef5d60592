// Reading scheduler entries back the way their schedulers and shells read them, for the tests
// of `schedule install`: cron's % handling then a real /bin/sh; systemd's specifiers, $ and
// quoting (checked by systemd-analyze verify where it runs); cmd.exe's ^, quotes and % then the
// Microsoft C runtime's argument splitting. Each returns the argv the entry would run.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A crontab line's command as cron hands it to /bin/sh (Vixie cron: \% is %, % ends the command). */
export function cronCommand(line: string): { command: string; stdin: string | undefined } {
  const m = /^(\S+\s+){5}(.*)$/.exec(line);
  if (!m) throw new Error(`not a crontab line: ${line}`);
  const raw = m[2] as string;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === "\\" && raw[i + 1] === "%") {
      out += "%";
      i++;
    } else if (c === "%") {
      return { command: out, stdin: raw.slice(i + 1) };
    } else out += c;
  }
  return { command: out, stdin: undefined };
}

/** The argv a crontab line runs, split by a real /bin/sh. */
export function cronArgv(line: string): string[] {
  const { command, stdin } = cronCommand(line);
  if (stdin !== undefined) throw new Error(`cron would cut the command at an unescaped %: ${line}`);
  // The command's words become printf's arguments; its trailing "# name" is a shell comment.
  const out = execFileSync("/bin/sh", ["-c", `printf '%s\\0' ${command}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

/** systemd's unquoting of an ExecStart value (after specifiers and $ are resolved). */
function systemdWords(value: string): string[] {
  const words: string[] = [];
  let i = 0;
  const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", s: " " };
  while (i < value.length) {
    while (value[i] === " " || value[i] === "\t") i++;
    if (i >= value.length) break;
    let word = "";
    let quote: string | undefined;
    for (; i < value.length; i++) {
      const c = value[i] as string;
      if (!quote && (c === " " || c === "\t")) break;
      if (c === "\\") {
        const e = value[i + 1] as string;
        if (!(e in escapes)) throw new Error(`unsupported escape \\${e} in ${value}`);
        word += escapes[e];
        i++;
      } else if (quote && c === quote) quote = undefined;
      else if (!quote && (c === '"' || c === "'")) quote = c;
      else word += c;
    }
    if (quote) throw new Error(`unbalanced quoting in ${value}`);
    words.push(word);
  }
  return words;
}

/** Resolves %% and $$ as systemd does; any other specifier or variable is an injection. */
function systemdLiteral(value: string, dollars: boolean): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === "%" || (dollars && c === "$")) {
      if (value[i + 1] !== c) throw new Error(`unescaped ${c} in ${value}`);
      i++;
    }
    out += c;
  }
  return out;
}

/** A unit file's settings (no continuation lines allowed: a line ending in \ joins the next). */
export function unitSettings(text: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line.endsWith("\\")) throw new Error(`a line ending in \\ joins the next: ${line}`);
    const m = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (m) {
      if (settings.has(m[1] as string)) throw new Error(`${m[1]} set twice`);
      settings.set(m[1] as string, (m[2] as string).trim());
    } else if (line !== "" && !/^\[[A-Za-z]+\]$/.test(line)) throw new Error(`not a unit file line: ${line}`);
  }
  return settings;
}

export function systemdExecArgv(service: string): string[] {
  return systemdWords(systemdLiteral(unitSettings(service).get("ExecStart") ?? "", true));
}

export function systemdWorkingDirectory(service: string): string {
  return systemdLiteral(unitSettings(service).get("WorkingDirectory") ?? "", false);
}

/** Whether systemd-analyze is here and works without a running manager. */
export function systemdAnalyzeWorks(): boolean {
  const r = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  return r.status === 0;
}

/** systemd-analyze verify of one service: its complaints (empty when it is satisfied). */
export function systemdVerify(name: string, service: string): string {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-units-"));
  const path = join(dir, name);
  writeFileSync(path, service);
  const r = spawnSync("systemd-analyze", ["verify", "--man=no", path], { encoding: "utf8", timeout: 30_000 });
  return r.status === 0 ? "" : `${r.stderr}${r.stdout}`.trim() || `exit ${r.status}`;
}

/**
 * What cmd.exe passes on for a command line: % expansion first (a %name% whose name holds no ^
 * would expand, an injection), then ^ escapes outside quotes; an unescaped & | < > outside
 * quotes would end the command.
 */
export function cmdLine(line: string): string {
  const percent = /%([^%]*)%/g;
  for (let m = percent.exec(line); m; m = percent.exec(line)) {
    if (m[1] !== "" && !(m[1] as string).includes("^")) throw new Error(`cmd.exe would expand %${m[1]}% in ${line}`);
  }
  let out = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "^") {
      out += line[++i] ?? "";
      continue;
    } else if (!quoted && "&|<>".includes(c)) throw new Error(`cmd.exe would act on ${c} in ${line}`);
    out += c;
  }
  return out;
}

/** The Microsoft C runtime's splitting of a command line into argv (CommandLineToArgvW's rules). */
export function msArgv(line: string): string[] {
  const args: string[] = [];
  let cur = "";
  let have = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if ((c === " " || c === "\t") && !quoted) {
      if (have) args.push(cur);
      cur = "";
      have = false;
    } else if (c === "\\") {
      let n = 0;
      while (line[i] === "\\") {
        n++;
        i++;
      }
      if (line[i] === '"') {
        cur += "\\".repeat(Math.floor(n / 2));
        if (n % 2 === 1) cur += '"';
        else i--; // the quote toggles, next round
      } else {
        cur += "\\".repeat(n);
        i--;
      }
      have = true;
    } else if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
      have = true;
    } else {
      cur += c;
      have = true;
    }
  }
  if (have) args.push(cur);
  return args;
}

/** The argv the scheduled task runs: cmd.exe, then schtasks' own argv, then its /TR value. */
export function schtasksArgv(command: string): string[] {
  const argv = msArgv(cmdLine(command.trim()));
  if (argv[0] !== "schtasks") throw new Error(`not a schtasks command: ${command}`);
  const tr = argv.indexOf("/TR");
  if (tr < 0 || argv.length !== tr + 2) throw new Error(`expected /TR and one value last: ${JSON.stringify(argv)}`);
  return msArgv(argv[tr + 1] as string);
}
