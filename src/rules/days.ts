// Calendar days in a time zone: the days a period [since, until) covers, each labelled by the
// date it covers in that zone, and clipped to the period (a day the period does not cover
// whole is marked partial: the current day, and a first day that starts mid-day). The zone is
// the policy's `time-zone` (an IANA name such as Europe/Berlin), else UTC. Pure: Intl's time
// zone data, no clock. A day is 23 or 25 hours long when the zone's clocks change in it.

export interface Day {
  /** The date covered, YYYY-MM-DD in the zone. */
  readonly date: string;
  /** The first instant of the day that the period covers (ms). */
  readonly start: number;
  /** Just after the last (ms): the next day's start, or the period's end. */
  readonly end: number;
  /** The period covers only part of the day (it starts or ends within it). */
  readonly partial: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whether Intl knows the zone (UTC always is, without asking Intl: loading its zone data costs over 20 ms of a write). */
export function isTimeZone(tz: string): boolean {
  if (tz === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (year, month 1-12, day) of an instant in a zone. */
type Ymd = readonly [number, number, number];

interface Zone {
  /** The date of instant t there. */
  readonly dateAt: (t: number) => Ymd;
  /** Its offset from UTC at instant t (ms; +1h for Europe/Berlin in winter). */
  readonly offset: (t: number) => number;
}

/** A zone's reader: Intl's (one formatter: making one loads the zone's data), or plain UTC. */
function zoneOf(tz: string): Zone {
  if (tz === "UTC") {
    return {
      dateAt: (t) => {
        const d = new Date(t);
        return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      },
      offset: () => 0,
    };
  }
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  const wall = (t: number) => {
    const parts = f.formatToParts(t);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return [get("year"), get("month"), get("day"), get("hour"), get("minute"), get("second")] as const;
  };
  return {
    dateAt: (t) => {
      const [y, m, d] = wall(t);
      return [y, m, d];
    },
    offset: (t) => {
      const [y, m, d, h, min, sec] = wall(t);
      return Date.UTC(y, m - 1, d, h, min, sec) - Math.floor(t / 1000) * 1000;
    },
  };
}

const label = ([y, m, d]: Ymd) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const same = (a: Ymd, b: Ymd) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * The first instant of a date in the zone: its midnight, or (where the clocks skip midnight)
 * the first instant the date has.
 */
function startOf(date: Ymd, { offset, dateAt }: Zone): number {
  const wall = Date.UTC(date[0], date[1] - 1, date[2]);
  let t = wall - offset(wall);
  t = wall - offset(t); // again at the instant found: right across a change of the clocks
  // Where midnight does not exist, the instant found falls on the day before: step forward.
  for (let i = 0; i < 48 && !same(dateAt(t), date); i++) t += HOUR / 2;
  // Never later than the date's first instant: step back while the half hour before is still it.
  for (let i = 0; i < 48 && same(dateAt(t - HOUR / 2), date); i++) t -= HOUR / 2;
  return t;
}

/** The calendar days the period [since, until) covers in the zone, in order. */
export function daysOf(since: number, until: number, tz = "UTC"): Day[] {
  if (!(until > since)) return [];
  const zone = zoneOf(tz);
  const out: Day[] = [];
  let date = zone.dateAt(since);
  let start = startOf(date, zone);
  while (start < until) {
    const next: Ymd = (() => {
      const d = new Date(Date.UTC(date[0], date[1] - 1, date[2]) + DAY);
      return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    })();
    const nextStart = startOf(next, zone);
    const from = Math.max(start, since);
    const to = Math.min(nextStart, until);
    out.push({ date: label(date), start: from, end: to, partial: from > start || to < nextStart });
    date = next;
    start = nextStart;
  }
  return out;
}

/** The index in `days` of the day holding t (days from daysOf; t within their period). */
export function dayIndex(days: readonly Day[], t: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((days[mid] as Day).start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first instant of a date (YYYY-MM-DD) in the zone, or undefined when it is not a date. */
export function startOfDate(text: string, tz = "UTC"): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date: Ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(date[0], date[1] - 1, date[2]));
  if (check.getUTCMonth() + 1 !== date[1] || check.getUTCDate() !== date[2]) return undefined;
  return startOf(date, zoneOf(tz));
}
