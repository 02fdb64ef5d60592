// Times for people: in the local zone with its offset, as git shows them
// (`2026-12-06 00:37 +09:00`), respecting TZ; `--utc` shows UTC the same way. Only human
// output uses these: the ledgers, log lines (watch, run) and every --json document keep
// ISO 8601 UTC with Z (model/time.ts), so what a program reads never depends on the zone.

let utc = false;

/** Set once by the CLI from the --utc option. */
export function showUtc(on: boolean): void {
  utc = on;
}

const two = (n: number) => String(n).padStart(2, "0");

/** `2026-12-06 00:37 +09:00` in the local zone (or `+00:00` with --utc). */
export function humanTime(ms: number): string {
  const d = new Date(ms);
  if (utc)
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} +00:00`;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())} ${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/**
 * A ledger time (ISO 8601 UTC with Z) in a message for people, as humanTime, where it says
 * when something ends or may start (`until`, `until=`, `not before`): a lease's end, a retry's
 * start. Other times in messages stay as they are: an example of the format to type
 * ("a UTC time (2026-11-01T09:00:00Z)"), or a value the user gave, quoted back.
 */
const ISO_UTC = /(?<=\buntil[ =]|\bnot before )\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z\b/g;

export function localizeTimes(text: string): string {
  return text.replace(ISO_UTC, (m) => {
    const t = Date.parse(m);
    return Number.isNaN(t) ? m : humanTime(t);
  });
}
