// The schedules in TASKS.md's "## Schedules" section, and when each is due.
//
//   - NAME: `CRON` TIME-ZONE ACTION [ARGUMENTS]
//
// CRON has five fields (minute hour day month weekday) or six (seconds first), read by
// croner; TIME-ZONE is an IANA name such as Europe/Berlin, or UTC. ACTION is one of:
//   check                 validity, approvals past their SLA, tasks in DOING or REVIEW far
//                         longer than usual
//   add TITLE [k=v ...]   a recurring task; k is priority, labels or state (PLAN or READY,
//                         default READY)
//   auto-approve          decide pending requests by the rules
//
// When it is due: each run is recorded in the log ("schedule NAME due=..."). A schedule is
// due when a time the expression names lies after the last recorded one and not after now;
// however many such times were missed (nothing was running), it runs once, for the latest,
// and the log line says how many were missed. A schedule seen for the first time is armed
// (a log line "schedule NAME armed=true") and first runs at its next time, so adding a
// schedule never fires it at once.

import type { Schedule as ScheduleEntry } from "../ledger/tasks.js";
import { registerScheduleCheck } from "../ledger/write-checks.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { parseDuration } from "../model/time.js";
import { Cron } from "../vendor/croner.js";
import { isTimeZone } from "./days.js";

export type ScheduleAction =
  | { readonly kind: "check" }
  | { readonly kind: "auto-approve" }
  | {
      readonly kind: "add";
      readonly title: string;
      readonly priority?: string | undefined;
      readonly labels?: string | undefined;
      readonly state: "PLAN" | "READY";
    };

export interface Schedule {
  readonly name: string;
  /** 1-based line in TASKS.md. */
  readonly line: number;
  readonly cron: string;
  readonly timezone: string;
  readonly action: ScheduleAction;
  readonly pattern: Cron;
}

export type ParsedSchedule = { ok: true; schedule: Schedule } | { ok: false; line: number; message: string };

const SPEC = /^`([^`]+)`[ \t]+(\S+)[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const EXAMPLE = "- nightly-check: `0 2 * * *` Europe/Berlin check";

export function parseSchedule(entry: { name: string; spec: string; line: number }): ParsedSchedule {
  const bad = (message: string): ParsedSchedule => ({ ok: false, line: entry.line, message });
  const m = SPEC.exec(entry.spec.trim());
  if (!m) {
    return bad(
      `Expected a schedule like "${EXAMPLE}" (a cron expression in backticks, a time zone, an action), found "${entry.spec}"`,
    );
  }
  const [, cron, timezone, actionWord, rest = ""] = m as unknown as [string, string, string, string, string?];
  if (!isTimeZone(timezone)) {
    return bad(`Expected a time zone like UTC or Europe/Berlin for schedule "${entry.name}", found "${timezone}"`);
  }
  let pattern: Cron;
  try {
    pattern = new Cron(cron, { timezone, paused: true });
  } catch (e) {
    const why = (e as Error).message.replace(/^CronPattern: /, "");
    return bad(`Expected a cron expression like "0 2 * * *" for schedule "${entry.name}", found "${cron}" (${why})`);
  }
  let action: ScheduleAction;
  if (actionWord === "check" || actionWord === "auto-approve") {
    if (rest.trim()) return bad(`The ${actionWord} action takes no arguments, found "${rest.trim()}"`);
    action = { kind: actionWord };
  } else if (actionWord === "add") {
    const words = rest.trim().split(/[ \t]+/);
    const titleWords: string[] = [];
    const fields: Record<string, string> = {};
    for (const w of words) {
      const eq = w.indexOf("=");
      if (eq > 0 && ["priority", "labels", "state"].includes(w.slice(0, eq))) fields[w.slice(0, eq)] = w.slice(eq + 1);
      else if (eq > 0 && /^[a-z-]+$/.test(w.slice(0, eq)))
        return bad(`Schedule "${entry.name}" may set priority, labels or state on the task it adds, not "${w}"`);
      else titleWords.push(w);
    }
    const title = titleWords.join(" ");
    if (!title) return bad(`Schedule "${entry.name}" adds a task: give its title after "add"`);
    const state = fields.state ?? "READY";
    if (state !== "PLAN" && state !== "READY") {
      return bad(`Schedule "${entry.name}" may add a task as PLAN or READY, not "${state}"`);
    }
    action = { kind: "add", title, priority: fields.priority, labels: fields.labels, state };
  } else {
    return bad(`Expected an action check, add or auto-approve for schedule "${entry.name}", found "${actionWord}"`);
  }
  return { ok: true, schedule: { name: entry.name, line: entry.line, cron, timezone, action, pattern } };
}

export interface Due {
  /** The latest time the expression names in (since, now]. */
  readonly at: number;
  /** Earlier times in (since, now] that were missed and are not run separately. */
  readonly missed: number;
}

/** The run that is due after `since` (the last recorded run) up to `now`, if any. */
export function dueRun(schedule: Schedule, since: number, now: number): Due | undefined {
  let next = schedule.pattern.nextRun(new Date(since));
  if (!next || next.getTime() > now) return undefined;
  let at = next.getTime();
  let count = 0;
  // Walk to the latest time not after now (bounded: a per-second schedule missed for a week
  // is 604,800 steps; beyond a million, count no further and run for the last one reached).
  for (;;) {
    next = schedule.pattern.nextRun(next);
    if (!next || next.getTime() > now || count >= 1_000_000) break;
    at = next.getTime();
    count++;
  }
  return { at, missed: count };
}

/** The next time after `after` the schedule names, if any. */
export function nextRunAfter(schedule: Schedule, after: number): number | undefined {
  return schedule.pattern.nextRun(new Date(after))?.getTime();
}

/** A schedule's last recorded run from the log's "schedule" lines: its due time, or when it was armed. */
export function lastRecorded(
  entries: readonly { action: string; target: string; time: number; details: Readonly<Record<string, string>> }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    if (e.action !== "schedule") continue;
    const due = e.details.due ? Date.parse(e.details.due) : Number.NaN;
    const at = Number.isNaN(due) ? e.time : due;
    const before = out.get(e.target);
    if (before === undefined || at > before) out.set(e.target, at);
  }
  return out;
}

/** "5m" -> a cron that runs every 5 minutes, for `schedule install`. */
export function everyToCron(every: string): { cron: string; minutes: number } | { error: string } {
  const ms = parseDuration(every);
  const minutes = ms === undefined ? Number.NaN : ms / 60_000;
  if (!Number.isInteger(minutes) || minutes <= 0) {
    return { error: `Expected --every as whole minutes or hours, like 5m or 1h, found "${every}"` };
  }
  if (minutes < 60 && 60 % minutes === 0)
    return { cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`, minutes };
  if (minutes % 60 === 0 && 24 % (minutes / 60) === 0) {
    const hours = minutes / 60;
    return { cron: hours === 1 ? "0 * * * *" : `0 */${hours} * * *`, minutes };
  }
  return {
    error: `--every ${every} does not divide an hour or a day evenly; use one of 1m, 2m, 5m, 10m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h`,
  };
}

/** The errors of the schedules, as `check` reports them and every write refuses on. */
export function scheduleDiagnostics(file: string, schedules: readonly ScheduleEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of schedules) {
    const parsed = parseSchedule(entry);
    if (!parsed.ok) {
      out.push({
        severity: "error",
        file,
        line: parsed.line,
        column: 3,
        code: "bad-schedule",
        message: parsed.message,
      });
    }
  }
  return out;
}

registerScheduleCheck(scheduleDiagnostics);
