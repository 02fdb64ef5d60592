// What a watch tick decides, with the clock and the jitter injected: recovery of expired
// leases with backoff and dead letters, when schedules are due (missed runs, DST), tasks
// stuck far longer than usual, and the scheduler entries `schedule install` prints.

import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { applySplices } from "../../src/ledger/edit.js";
import { readLog } from "../../src/ledger/log.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { backoffDelay } from "../../src/rules/backoff.js";
import { pickNext } from "../../src/rules/dispatch.js";
import { planRecovery } from "../../src/rules/recover.js";
import { cronLine, schtasksCommand, shQuote, systemdUnits } from "../../src/rules/scheduler-units.js";
import { dueRun, everyToCron, lastRecorded, parseSchedule, type Schedule } from "../../src/rules/schedules.js";
import { findStuck } from "../../src/rules/stuck.js";
import { planTransition, type Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const S = 1000;
const MIN = 60_000;
const watch: Who = { actor: "taskgate-watch", roles: ["CMD", "AUDIT"], automation: true, host: "w" };
const bob: Who = { actor: "bob", roles: ["WORK"], automation: false, host: "b1" };

const ledger = (maxAttempts = 3) => `# Tasks

## Policy
- lease: 10m
- clock-skew: 30s
- max-attempts: ${maxAttempts}
- backoff: 1m..1h

## T-1 Leased
- state: READY
- created: 2026-11-20T00:00:00Z

## T-2 Also ready
- state: READY
- created: 2026-11-21T00:00:00Z

## Log
`;

function claim(text: string, id: string, now: number, ttl = 10 * MIN): string {
  const plan = planTransition(readTasks("TASKS.md", text), { action: "claim", id, ttl }, bob, {
    now,
    hasher: sha256Hex,
  });
  if (!plan.ok) throw new Error(plan.message);
  return applySplices(text, plan.splices);
}

function recover(text: string, now: number, random = 0.5, who = watch) {
  const plan = planRecovery(readTasks("TASKS.md", text), who, { now, hasher: sha256Hex, random: () => random });
  if (!plan.ok) return { text, refused: plan.message, result: [] };
  return { text: applySplices(text, plan.splices), refused: undefined, result: plan.result };
}

describe("backoff", () => {
  const range = { min: MIN, max: 60 * MIN };
  it("waits exactly the smallest wait after the first failure", () => {
    expect(backoffDelay(range, 1, 0)).toBe(MIN);
    expect(backoffDelay(range, 1, 0.99)).toBe(MIN);
  });
  it("doubles the ceiling with every failure and spreads the wait below it (full jitter)", () => {
    expect(backoffDelay(range, 3, 0)).toBe(MIN);
    expect(backoffDelay(range, 3, 0.5)).toBe(2.5 * MIN);
    expect(backoffDelay(range, 3, 0.999999)).toBe(4 * MIN);
  });
  it("never exceeds the largest wait", () => {
    for (const r of [0, 0.3, 0.999999]) expect(backoffDelay(range, 40, r)).toBeLessThanOrEqual(60 * MIN);
    expect(backoffDelay(range, 40, 0.999999)).toBe(60 * MIN);
  });
});

describe("recovery of expired leases", () => {
  it("leaves a lease alone inside its TTL plus the clock-skew margin", () => {
    const leased = claim(ledger(), "T-1", T0);
    const r = recover(leased, T0 + 10 * MIN + 30 * S);
    expect(r.result).toEqual([]);
    expect(r.text).toBe(leased);
  });

  it("puts an expired task back to READY with one more attempt and a not-before time", () => {
    const leased = claim(ledger(), "T-1", T0);
    const now = T0 + 10 * MIN + 31 * S;
    const r = recover(leased, now, 0.5);
    expect(r.result).toEqual([
      {
        id: "T-1",
        holder: "bob@b1",
        expiredAt: T0 + 10 * MIN,
        attempts: 1,
        notBefore: now + MIN,
        deadLetter: undefined,
      },
    ]);
    const task = readTasks("TASKS.md", r.text).byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", lease: undefined, attempts: 1, notBefore: now + MIN });
    expect(r.text).toMatch(
      /- 2026-11-24T09:10:31Z taskgate-watch CMD recover T-1 from=DOING to=READY holder=bob@b1 token=1 expired=2026-11-24T09:10:00Z attempts=1 not-before=2026-11-24T09:11:31Z auto=true ~ [0-9a-f]{12}\n$/,
    );
    expect(readTasks("TASKS.md", r.text).diagnostics).toEqual([]);
    expect(
      readLog(readTasks("TASKS.md", r.text).doc, readTasks("TASKS.md", r.text).log, sha256Hex).diagnostics,
    ).toEqual([]);
  });

  it("is idempotent: a second tick on the result finds nothing to do", () => {
    const once = recover(claim(ledger(), "T-1", T0), T0 + 11 * MIN).text;
    const twice = recover(once, T0 + 11 * MIN);
    expect(twice.result).toEqual([]);
    expect(twice.text).toBe(once);
  });

  it("next does not offer the task before its not-before time, and does after", () => {
    const now = T0 + 11 * MIN;
    const back = recover(claim(ledger(), "T-1", T0), now, 0).text;
    const tasks = readTasks("TASKS.md", back);
    expect(pickNext(tasks, bob, {}, now).task?.id).toBe("T-2");
    expect(pickNext(tasks, bob, {}, now + MIN).task?.id).toBe("T-1");
  });

  it("blocks the task as a dead letter at max-attempts, with the reason", () => {
    let text = ledger(2);
    let now = T0;
    text = claim(text, "T-1", now);
    now += 11 * MIN;
    text = recover(text, now, 0).text; // attempt 1: back to READY
    now += 2 * MIN;
    text = claim(text, "T-1", now);
    now += 11 * MIN;
    const r = recover(text, now, 0);
    expect(r.result[0]?.attempts).toBe(2);
    expect(r.result[0]?.deadLetter).toMatch(
      /^dead letter: 2 failures: 2 leases expired \(max-attempts 2\); last error: lease expired: bob@b1's lease ended/,
    );
    const task = readTasks("TASKS.md", r.text).byId.get("T-1")?.task;
    expect(task).toMatchObject({ state: "READY", attempts: 2, notBefore: undefined });
    expect(task?.blocked).toMatch(/^dead letter/);
    expect(r.text).toMatch(/recover T-1 .* attempts=2 dead-letter=true auto=true ~/);
    expect(pickNext(readTasks("TASKS.md", r.text), bob, {}, now + 10 * 60 * MIN).task?.id).toBe("T-2");
  });

  it("recovers every expired task in one write, each log line chained to the one before", () => {
    let text = claim(ledger(), "T-1", T0);
    text = claim(text, "T-2", T0);
    const r = recover(text, T0 + 20 * MIN);
    expect(r.result.map((x) => x.id)).toEqual(["T-1", "T-2"]);
    const tasks = readTasks("TASKS.md", r.text);
    expect(readLog(tasks.doc, tasks.log, sha256Hex).diagnostics).toEqual([]);
  });

  it("needs the CMD role, and says so only when a lease did expire", () => {
    const auditOnly: Who = { ...watch, roles: ["AUDIT"] };
    expect(recover(ledger(), T0, 0.5, auditOnly).refused).toBeUndefined();
    expect(recover(claim(ledger(), "T-1", T0), T0 + 20 * MIN, 0.5, auditOnly).refused).toBe(
      "taskgate-watch (AUDIT) may not recover; that takes the CMD role",
    );
  });
});

function schedule(spec: string, name = "s"): Schedule {
  const p = parseSchedule({ name, spec, line: 7 });
  if (!p.ok) throw new Error(p.message);
  return p.schedule;
}
const at = (iso: string) => Date.parse(iso);

describe("schedules", () => {
  it("reads the cron expression, time zone and action", () => {
    const s = schedule("`0 9 * * MON` Europe/Berlin add Weekly review priority=P1 labels=ops,team");
    expect(s).toMatchObject({ cron: "0 9 * * MON", timezone: "Europe/Berlin" });
    expect(s.action).toEqual({
      kind: "add",
      title: "Weekly review",
      priority: "P1",
      labels: "ops,team",
      state: "READY",
    });
    expect(schedule("`*/5 * * * *` UTC auto-approve").action).toEqual({ kind: "auto-approve" });
  });

  it.each([
    ["every day", /^Expected a schedule like "- nightly-check: `0 2 \* \* \*` Europe\/Berlin check"/],
    [
      "`61 * * * *` UTC check",
      /^Expected a cron expression like "0 2 \* \* \*" for schedule "s", found "61 \* \* \* \*" \(Invalid value for minute: 61\)$/,
    ],
    [
      "`0 2 * * *` Mars/Base check",
      /^Expected a time zone like UTC or Europe\/Berlin for schedule "s", found "Mars\/Base"$/,
    ],
    ["`0 2 * * *` UTC dance", /^Expected an action check, add or auto-approve for schedule "s", found "dance"$/],
    ["`0 2 * * *` UTC check now", /^The check action takes no arguments, found "now"$/],
    ["`0 2 * * *` UTC add", /^Schedule "s" adds a task: give its title after "add"$/],
    ["`0 2 * * *` UTC add X state=DONE", /^Schedule "s" may add a task as PLAN or READY, not "DONE"$/],
    [
      "`0 2 * * *` UTC add X owner=bob",
      /^Schedule "s" may set priority, labels or state on the task it adds, not "owner=bob"$/,
    ],
  ])("refuses %s with a sentence", (spec, message) => {
    const p = parseSchedule({ name: "s", spec, line: 7 });
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.line).toBe(7);
      expect(p.message).toMatch(message);
    }
  });

  const nightly = schedule("`0 2 * * *` UTC check");
  it("is due once a named time lies after the last run and not after now", () => {
    const last = at("2026-11-23T02:00:00Z");
    expect(dueRun(nightly, last, at("2026-11-24T01:59:59Z"))).toBeUndefined();
    expect(dueRun(nightly, last, at("2026-11-24T02:00:00Z"))).toEqual({ at: at("2026-11-24T02:00:00Z"), missed: 0 });
    expect(dueRun(nightly, at("2026-11-24T02:00:00Z"), at("2026-11-24T09:00:00Z"))).toBeUndefined();
  });

  it("catches up missed runs once, for the latest, counting the rest", () => {
    const due = dueRun(nightly, at("2026-11-20T02:00:00Z"), at("2026-11-24T09:00:00Z"));
    expect(due).toEqual({ at: at("2026-11-24T02:00:00Z"), missed: 3 });
    // Recorded at its due time, nothing is due again until the next night.
    expect(dueRun(nightly, due?.at as number, at("2026-11-24T23:00:00Z"))).toBeUndefined();
  });

  it("takes the last run from the log: the latest due time, or when it was armed", () => {
    const runs = lastRecorded([
      { action: "schedule", target: "a", time: at("2026-11-20T10:00:00Z"), details: { armed: "true" } },
      { action: "claim", target: "T-1", time: at("2026-11-21T10:00:00Z"), details: {} },
      { action: "schedule", target: "a", time: at("2026-11-22T10:00:00Z"), details: { due: "2026-11-22T02:00:00Z" } },
      { action: "schedule", target: "b", time: at("2026-11-22T10:00:00Z"), details: { armed: "true" } },
    ]);
    expect(runs).toEqual(
      new Map([
        ["a", at("2026-11-22T02:00:00Z")],
        ["b", at("2026-11-22T10:00:00Z")],
      ]),
    );
  });

  describe("across DST changes in Europe/Berlin (documented in docs/watch.md)", () => {
    const half = schedule("`30 2 * * *` Europe/Berlin check");
    it("spring forward (2026-03-29, 02:00 -> 03:00): 02:30 does not exist, the run is at 03:00 CEST, once", () => {
      const due = dueRun(half, at("2026-03-28T01:30:00Z"), at("2026-03-29T06:00:00Z"));
      expect(due).toEqual({ at: at("2026-03-29T01:00:00Z"), missed: 0 }); // 03:00 CEST
      expect(dueRun(half, due?.at as number, at("2026-03-29T23:00:00Z"))).toBeUndefined();
      expect(dueRun(half, due?.at as number, at("2026-03-30T00:30:00Z"))?.at).toBe(at("2026-03-30T00:30:00Z"));
    });
    it("fall back (2026-10-25, 03:00 -> 02:00): 02:30 happens twice, the run is at the first, once", () => {
      const due = dueRun(half, at("2026-10-24T00:30:00Z"), at("2026-10-25T06:00:00Z"));
      expect(due).toEqual({ at: at("2026-10-25T00:30:00Z"), missed: 0 }); // 02:30 CEST
      // The second 02:30 (CET, 01:30Z) is not a second run.
      expect(dueRun(half, due?.at as number, at("2026-10-25T01:45:00Z"))).toBeUndefined();
      expect(dueRun(half, due?.at as number, at("2026-10-26T01:30:00Z"))?.at).toBe(at("2026-10-26T01:30:00Z"));
    });
  });

  it.each([
    ["1m", "* * * * *"],
    ["5m", "*/5 * * * *"],
    ["30m", "*/30 * * * *"],
    ["1h", "0 * * * *"],
    ["6h", "0 */6 * * *"],
  ])("--every %s is the cron %s", (every, cron) => {
    expect(everyToCron(every)).toMatchObject({ cron });
  });
  it.each(["7m", "90m", "5h", "0m", "soon"])("--every %s is refused", (every) => {
    expect(everyToCron(every)).toHaveProperty("error");
  });
});

describe("tasks stuck far longer than usual", () => {
  const tasks = (states: Record<string, string>) =>
    Object.entries(states).map(([id, state]) => ({ id, state }) as never);
  const move = (target: string, from: string, to: string, minute: number) => ({
    time: T0 + minute * MIN,
    target,
    details: { from, to },
  });
  const history = [1, 2, 3, 4, 5].flatMap((n) => [
    move(`T-${n}`, "READY", "DOING", n * 100),
    move(`T-${n}`, "DOING", "REVIEW", n * 100 + 10), // 10-minute DOING spells
  ]);

  it("reports a task in DOING for more than three times the median spell (and 15 minutes)", () => {
    const log = [...history, move("T-9", "READY", "DOING", 1000)];
    expect(findStuck(tasks({ "T-9": "DOING" }), log, T0 + 1030 * MIN)).toEqual([]);
    expect(findStuck(tasks({ "T-9": "DOING" }), log, T0 + 1031 * MIN)).toEqual([
      { id: "T-9", state: "DOING", since: T0 + 1000 * MIN, usual: 10 * MIN },
    ]);
  });

  it("says nothing without five finished spells to compare with", () => {
    const log = [...history.slice(0, 8), move("T-9", "READY", "DOING", 1000)];
    expect(findStuck(tasks({ "T-9": "DOING" }), log, T0 + 5000 * MIN)).toEqual([]);
  });
});

describe("scheduler entries", () => {
  const u = {
    dir: "/home/ana/my repo",
    node: "/usr/bin/node",
    bin: "/opt/taskgate/bin/taskgate.cjs",
    minutes: 5,
    cron: "*/5 * * * *",
    name: "taskgate-watch-0123456789",
  };
  it("quotes paths for the shell cron runs", () => {
    expect(shQuote("/plain/path")).toBe("/plain/path");
    expect(shQuote("it's here")).toBe("'it'\\''s here'");
    expect(cronLine(u)).toBe(
      "*/5 * * * * /usr/bin/node /opt/taskgate/bin/taskgate.cjs --dir '/home/ana/my repo' watch --once --quiet # taskgate-watch-0123456789",
    );
  });
  it("makes a oneshot service and a persistent timer for systemd", () => {
    const { service, timer } = systemdUnits({ ...u, minutes: 120, cron: "0 */2 * * *" });
    expect(service).toContain(
      'ExecStart=/usr/bin/node /opt/taskgate/bin/taskgate.cjs --dir "/home/ana/my repo" watch --once --quiet',
    );
    expect(timer).toContain("OnCalendar=*-*-* 00/2:00:00\nPersistent=true");
  });
  it("keeps % and $ in paths literal: cron turns % into a new line, systemd expands %x and $X", () => {
    const odd = { ...u, dir: "/srv/my 100%$HOME dir" };
    // The % stands outside the shell's quotes, escaped for cron: '/srv/my 100'\%' dir'.
    expect(cronLine(odd)).toContain("--dir '/srv/my 100'\\%'$HOME dir' watch");
    const { service } = systemdUnits(odd);
    // WorkingDirectory= resolves specifiers but not $: only ExecStart doubles it.
    expect(service).toContain("WorkingDirectory=/srv/my 100%%$HOME dir\n");
    expect(service).toContain('--dir "/srv/my 100%%$$HOME dir" watch');
  });
  it("makes one schtasks command", () => {
    expect(schtasksCommand(u)).toBe(
      'schtasks /Create /F /TN "taskgate-watch-0123456789" /SC MINUTE /MO 5 /TR "\\"/usr/bin/node\\" \\"/opt/taskgate/bin/taskgate.cjs\\" --dir \\"/home/ana/my repo\\" watch --once --quiet"',
    );
  });
});
