// Times and durations as the ledgers write them: ISO 8601 UTC with Z, and 90s / 30m / 2h / 1d.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a strict ISO 8601 UTC time ("2026-11-24T10:30:00Z", optionally with milliseconds);
 * undefined if it is not one (2026-02-30 and 25:00 included). Written with character codes
 * rather than a regular expression: every task has a time, and this runs before the JIT
 * has warmed up.
 */
export function parseTime(text: string): number | undefined {
  return parseTimeAt(text, 0, text.length);
}

/** parseTime of text.slice(start, end), read in place. */
export function parseTimeAt(text: string, start: number, end: number): number | undefined {
  const n = end - start;
  if (n < 20 || text.charCodeAt(end - 1) !== 90 /* Z */) return undefined;
  const o = start;
  if (text.charCodeAt(o + 4) !== 45 || text.charCodeAt(o + 7) !== 45 || text.charCodeAt(o + 10) !== 84)
    return undefined;
  if (text.charCodeAt(o + 13) !== 58 || text.charCodeAt(o + 16) !== 58) return undefined;
  const y = digit(text, o) * 1000 + digit(text, o + 1) * 100 + digit(text, o + 2) * 10 + digit(text, o + 3);
  const mo = digit(text, o + 5) * 10 + digit(text, o + 6);
  const day = digit(text, o + 8) * 10 + digit(text, o + 9);
  const h = digit(text, o + 11) * 10 + digit(text, o + 12);
  const mi = digit(text, o + 14) * 10 + digit(text, o + 15);
  const s = digit(text, o + 17) * 10 + digit(text, o + 18);
  let ms = 0;
  if (n === 20) {
    // no fraction
  } else if (text.charCodeAt(o + 19) === 46 && n >= 22 && n <= 24) {
    for (let i = o + 20; i < end - 1; i++) ms = ms * 10 + digit(text, i);
    ms *= n === 22 ? 100 : n === 23 ? 10 : 1;
  } else return undefined;
  if (y < 0 || mo < 1 || mo > 12 || day < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0) {
    return undefined;
  }
  const leap = mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  if (day > (DAYS_IN_MONTH[mo - 1] as number) + (leap ? 1 : 0)) return undefined;
  return Date.UTC(y, mo - 1, day, h, mi, s, ms);
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
}

/** Formats a time as the ledgers store it: seconds precision, UTC, Z. */
export function formatTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "90s", "30m", "2h", "1d" (and "500ms" for tests) into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = UNIT_MS[m[2] as string] as number;
  return Number.isSafeInteger(n * unit) ? n * unit : undefined;
}

/** Formats milliseconds in the largest whole unit: 1800000 -> "30m". */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** Human age: "3d", "5h", "12m", "40s". */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h`;
  if (s >= 60) return `${Math.floor(s / 60)}m`;
  return `${s}s`;
}
