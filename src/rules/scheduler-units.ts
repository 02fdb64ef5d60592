// What `schedule install` prints: the crontab line, the systemd service and timer, or the
// schtasks command that runs `watch --once --quiet` for one repository every N minutes.
// Pure text from the paths and the period; the caller decides whether to print or write.

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

export function cronLine(u: UnitInput): string {
  // cron turns an unescaped % into a new line: escape it after the shell quoting.
  const cmd = [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"].map(shQuote).join(" ").replace(/%/g, "\\%");
  // The marker comment makes the line findable: `--write` replaces it rather than adding a second.
  return `${u.cron} ${cmd} # ${u.name}`;
}

/** Kept literal in a unit file: % starts a specifier and $ a variable, so both are doubled. */
const sdLiteral = (s: string) => s.replace(/%/g, "%%").replace(/\$/g, "$$$$");

/** systemd's quoting for ExecStart: double quotes, with backslashes and quotes escaped. */
function sdQuote(s: string): string {
  const quoted = /^[A-Za-z0-9_./@+=:,-]+$/.test(s) ? s : `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return sdLiteral(quoted);
}

export function systemdUnits(u: UnitInput): { service: string; timer: string } {
  const exec = [u.node, u.bin, "--dir", u.dir, "watch", "--once", "--quiet"].map(sdQuote).join(" ");
  const service = `[Unit]
Description=taskgate watch --once for ${sdLiteral(u.dir)}

[Service]
Type=oneshot
WorkingDirectory=${sdLiteral(u.dir)}
ExecStart=${exec}
`;
  const calendar = u.minutes < 60 ? `*-*-* *:00/${u.minutes}:00` : `*-*-* 00/${u.minutes / 60}:00:00`;
  const timer = `[Unit]
Description=Run taskgate watch --once every ${u.minutes < 60 ? `${u.minutes} minute${u.minutes === 1 ? "" : "s"}` : `${u.minutes / 60} hour${u.minutes === 60 ? "" : "s"}`} for ${sdLiteral(u.dir)}

[Timer]
OnCalendar=${calendar}
Persistent=true

[Install]
WantedBy=timers.target
`;
  return { service, timer };
}

/** Quoted for cmd.exe inside schtasks' /TR: inner quotes escaped with a backslash. */
export function schtasksCommand(u: UnitInput): string {
  const q = (s: string) => `\\"${s}\\"`;
  const tr = `${q(u.node)} ${q(u.bin)} --dir ${q(u.dir)} watch --once --quiet`;
  const [sc, mo] = u.minutes < 60 ? ["MINUTE", u.minutes] : ["HOURLY", u.minutes / 60];
  return `schtasks /Create /F /TN "${u.name}" /SC ${sc} /MO ${mo} /TR "${tr}"`;
}
