// One tick of `watch`: recover expired leases, run due schedules, decide pending requests by
// the rules, report health. Level-triggered and idempotent: each step reads the ledgers,
// decides from what is there now and writes through the store, whose compare-and-swap makes
// a second tick (or a second process) see the first one's result and do nothing.
//
// Everything a tick does is done by an automation actor from "## Roles" (CMD to recover and
// add, AUDIT to decide), so the metrics count it as automated.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { judgeOwner, readOwner } from "../io/lock.js";
import type { ApprovalsLedger } from "../ledger/approvals.js";
import { appendLog } from "../ledger/edit.js";
import { formatLogLine, lastHash, readLog } from "../ledger/log.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Role } from "../model/approval.js";
import { type Diagnostic, formatDiagnostic } from "../model/diagnostic.js";
import { formatAge, formatTime } from "../model/time.js";
import { isStale } from "../rules/gate.js";
import { isLeaseExpired } from "../rules/lease.js";
import { planAddTask } from "../rules/plan-add.js";
import { planRecovery } from "../rules/recover.js";
import type { Schedule } from "../rules/schedules.js";
import { deadLetters } from "../rules/summary.js";
import type { Who } from "../rules/workflow.js";
import { autoApprove, loadRules } from "./approvals.js";
import type { Context } from "./context.js";
import { EXIT, InvalidLedgerError, RefusedError, TaskgateError } from "./errors.js";
import { applyChecked, loadWriteChecks, missingLedger, parseApprovals, parseTasks, requireValid } from "./ledgers.js";
import { HOOKS_HEADING } from "./status-memo.js";

export type WatchEventKind =
  | "recover"
  | "escalate"
  | "schedule"
  | "armed"
  | "approve"
  | "reject"
  | "check"
  | "invalid"
  | "stale-approval"
  | "stale-lock"
  | "dead-letter"
  | "behind-dead-letter"
  | "busy"
  | "refused"
  | "hook"
  | "hook-failed"

  // Standing problems only health finds (app/health.ts), which `watch --once` reports too.
  | "expired-lease"
  | "approval-sla"
  | "hook-missing"
  | "merge-driver-missing"
  | "schedule-overdue";

export interface WatchEvent {
  readonly time: number;
  readonly event: WatchEventKind;
  /** A task or approval ID, a schedule's name, a file. */
  readonly target: string;
  readonly why: string;
  /** Something a person should look at: --quiet prints only these, and --once exits non-zero. */
  readonly problem: boolean;
  /** The event's facts as fields (what `--json` prints beside the sentence). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface TickOptions {
  /** Uniform in [0, 1): the backoff's jitter. */
  readonly random: () => number;
  /** Age after which a lock file whose holder stopped refreshing it is stale, in ms. */
  readonly lockStale: number;
  /** Where the store keeps lock and temp files (for the health report). */
  readonly lockDir: string;
  /** The environment hook programs run with (default: this process's). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

export interface TickResult {
  readonly events: WatchEvent[];
  /** The exit code `watch --once` ends with: 0, or the most serious problem's code. */
  readonly exitCode: number;
  /** The next time a schedule is due (for the long-running watch's timer), if any. */
  readonly nextDue: number | undefined;
}

/** Exit code of `watch --once` when the tick found a problem (escalation, failed check, unhealthy). */
const EXIT_PROBLEM: number = EXIT.problem;

export async function tick(ctx: Context, options: TickOptions): Promise<TickResult> {
  const events: WatchEvent[] = [];
  let exitCode: number = EXIT.ok;
  const emit: Emit = (event, target, why, problem, code = EXIT_PROBLEM, data) => {
    events.push({ time: ctx.now, event, target, why, problem, ...(data ? { data } : {}) });
    if (problem && (exitCode === EXIT.ok || code === EXIT.invalid)) exitCode = code;
  };
  /** Runs a step; a refusal or a busy ledger is reported and the tick goes on. */
  const step = async (target: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      if (!(e instanceof TaskgateError)) throw e;
      const kind = e.exitCode === EXIT.busy ? "busy" : e.exitCode === EXIT.invalid ? "invalid" : "refused";
      emit(kind, target, e.message.split("\n")[0] as string, true, e.exitCode);
    }
  };

  const { paths, ports } = ctx;
  // Every check a write makes (the logs' chains, the schedules, the rules), as check makes them:
  // watch writes nothing while either ledger has any error.
  await loadWriteChecks();
  const tasksText = ports.readText(paths.tasks);
  if (tasksText === undefined) throw missingLedger(ctx, "tasks");
  const tasks = parseTasks(ctx, tasksText);
  const approvals = parseApprovals(ctx, ports.readText(paths.approvals));
  const invalid: Diagnostic[] = [];
  for (const [file, ds] of [
    [paths.tasksDisplay, tasks.diagnostics],
    [paths.approvalsDisplay, approvals.diagnostics],
  ] as const) {
    try {
      requireValid(file, ds);
    } catch (e) {
      if (!(e instanceof InvalidLedgerError)) throw e;
      invalid.push(...e.diagnostics);
    }
  }
  if (invalid.length) {
    const first = invalid[0] as (typeof invalid)[number];
    emit(
      "invalid",
      first.file,
      `${invalid.length} error${invalid.length === 1 ? "" : "s"}, nothing recovered or scheduled until fixed; first: ${formatDiagnostic(first)}`,
      true,
      EXIT.invalid,
    );
  } else {
    // The lock is taken only when there is something to do (the store decides again under it).
    if (tasks.tasks.some((t) => t.lease !== undefined && isLeaseExpired(t.lease, ctx.now, tasks.policy.clockSkew))) {
      await step(paths.tasksDisplay, () => recover(ctx, approvals, options, emit));
    }
    await step(paths.tasksDisplay, () => runSchedules(ctx, approvals, emit));
    await step(paths.approvalsDisplay, async () => {
      await decidePending(ctx, approvals, emit);
    });
    reportStaleApprovals(ctx, emit);
    reportDeadLetters(ctx, tasksText, tasks, events, emit);
  }
  reportStaleLocks(options, emit);
  // Events to the hooks (docs/hooks.md): after this tick's writes, retried with backoff.
  let hookRetry: number | undefined;
  if (HOOKS_HEADING.test(tasksText)) {
    await step("hooks", async () => {
      const { deliverHooks } = await import("./hook-delivery.js");
      for (const r of await deliverHooks(ctx, { due: true, env: options.env ?? process.env })) {
        const what = `${paths.tasksDisplay}:${r.hook.line} ${r.hook.text}`;
        if (r.failure) {
          hookRetry = Math.min(hookRetry ?? Number.POSITIVE_INFINITY, r.failure.nextTry);
          emit(
            "hook-failed",
            what,
            `${r.delivered} delivered, then ${r.failure.failures} failed ${r.failure.failures === 1 ? "try" : "tries"} of event ${r.failure.event} (${r.pending} waiting): ${r.failure.error}`,
            true,
          );
        } else if (r.delivered > 0)
          emit("hook", what, `${r.delivered} event${r.delivered === 1 ? "" : "s"} delivered`, false);
      }
    });
  }
  const scheduled = invalid.length ? undefined : await nextScheduled(tasks, ctx.now);
  // A long-running watch wakes for a failing hook's next try as for a schedule.
  const nextDue = hookRetry === undefined ? scheduled : Math.min(scheduled ?? hookRetry, hookRetry);
  return { events, exitCode, nextDue };
}

type Emit = (
  event: WatchEventKind,
  target: string,
  why: string,
  problem: boolean,
  code?: number,
  data?: Readonly<Record<string, unknown>>,
) => void;

/** The automation actor holding `role`: the one named by --as if it is automation, else the first listed. */
function automationWho(ctx: Context, approvals: ApprovalsLedger, role: Role): Who | undefined {
  const named = ctx.ports.actorName();
  const candidates = [...approvals.actors.values()].filter((a) => a.automation && a.roles.includes(role));
  const chosen = candidates.find((a) => a.name === named) ?? candidates[0];
  return chosen && { actor: chosen.name, roles: chosen.roles, automation: true, host: ctx.ports.host };
}

function noAutomation(ctx: Context, role: Role, what: string): RefusedError {
  return new RefusedError(
    `${what}, but no automation actor in ${ctx.paths.approvalsDisplay} has the ${role} role; add a line like "- taskgate-watch: CMD, AUDIT (automation)" under "## Roles"`,
  );
}

async function recover(ctx: Context, approvals: ApprovalsLedger, options: TickOptions, emit: Emit): Promise<void> {
  const { paths, ports } = ctx;
  const recovered = await ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    // Without an automation actor holding CMD, nobody may recover: the planner refuses, but
    // only when a lease did expire.
    const who = automationWho(ctx, approvals, "CMD") ?? { actor: "-", roles: [], automation: true, host: ports.host };
    const plan = planRecovery(ledger, who, { now, hasher: ports.hasher, random: options.random });
    if (!plan.ok) throw noAutomation(ctx, "CMD", "Leases expired");
    if (plan.result.length === 0) return { writes: [], result: [] };
    const next = applyChecked("tasks", paths.tasksDisplay, text as string, plan.splices);
    return { writes: [{ path: paths.tasks, text: next }], result: plan.result };
  });
  for (const r of recovered) {
    const lease = `${r.holder}'s lease ended ${formatTime(r.expiredAt)}`;
    if (r.deadLetter !== undefined) {
      emit(
        "escalate",
        r.id,
        `blocked as a ${r.deadLetter}; unblock it once the cause is fixed (taskgate unblock ${r.id}), or cancel it`,
        true,
        undefined,
        { holder: r.holder, expiredAt: formatTime(r.expiredAt), attempts: r.attempts, deadLetter: true },
      );
    } else {
      emit(
        "recover",
        r.id,
        `back to READY: ${lease}; attempt ${r.attempts}, not before ${formatTime(r.notBefore as number)}`,
        false,
        undefined,
        {
          holder: r.holder,
          expiredAt: formatTime(r.expiredAt),
          attempts: r.attempts,
          notBefore: formatTime(r.notBefore as number),
        },
      );
    }
  }
}

async function loadSchedules(
  ledger: TasksLedger,
  emit: Emit | undefined,
): Promise<{ schedules: Schedule[]; mod: typeof import("../rules/schedules.js") } | undefined> {
  if (ledger.schedules.length === 0) return undefined;
  const mod = await import("../rules/schedules.js");
  const schedules: Schedule[] = [];
  for (const entry of ledger.schedules) {
    const parsed = mod.parseSchedule(entry);
    if (parsed.ok) schedules.push(parsed.schedule);
    else emit?.("invalid", entry.name, `${ledger.doc.file}:${parsed.line}: ${parsed.message}`, true, EXIT.invalid);
  }
  return { schedules, mod };
}

async function nextScheduled(ledger: TasksLedger, now: number): Promise<number | undefined> {
  const loaded = await loadSchedules(ledger, undefined);
  if (!loaded) return undefined;
  const times = loaded.schedules
    .map((s) => loaded.mod.nextRunAfter(s, now))
    .filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** The last recorded run of every schedule, from a ledger's log. */
function recordedRuns(ledger: TasksLedger, mod: typeof import("../rules/schedules.js")): Map<string, number> {
  return mod.lastRecorded(readLog(ledger.doc, ledger.log, undefined).entries);
}

async function runSchedules(ctx: Context, approvals: ApprovalsLedger, emit: Emit): Promise<void> {
  const { paths, ports } = ctx;
  const first = parseTasks(ctx, ports.readText(paths.tasks));
  const loaded = await loadSchedules(first, emit);
  if (!loaded || loaded.schedules.length === 0) return;
  const { schedules, mod } = loaded;
  const who = automationWho(ctx, approvals, "CMD");
  if (!who) throw noAutomation(ctx, "CMD", "TASKS.md has schedules");
  const recorded = recordedRuns(first, mod);

  for (const schedule of schedules) {
    const since = recorded.get(schedule.name);
    if (since === undefined) {
      const next = mod.nextRunAfter(schedule, ctx.now);
      const wrote = await record(ctx, who, schedule, mod, undefined, {
        armed: "true",
        next: next === undefined ? undefined : formatTime(next),
      });
      if (wrote) {
        emit(
          "armed",
          schedule.name,
          `first seen; runs ${next === undefined ? "never (the expression names no future time)" : `first at ${formatTime(next)}`}`,
          false,
          undefined,
          { next: next === undefined ? null : formatTime(next) },
        );
      }
      continue;
    }
    const due = mod.dueRun(schedule, since, ctx.now);
    if (!due) continue;
    const missed = due.missed ? `, ${due.missed} earlier time${due.missed === 1 ? "" : "s"} missed` : "";
    const base = { due: formatTime(due.at), action: schedule.action.kind, missed: due.missed || undefined };
    const action = schedule.action;
    if (action.kind === "add") {
      // The task and the record in one write: two ticks can never both add it.
      const added = await ports.update([paths.tasks], ([text], now) => {
        const ledger = parseTasks(ctx, text);
        requireValid(paths.tasksDisplay, ledger.diagnostics);
        if ((recordedRuns(ledger, mod).get(schedule.name) ?? Number.NEGATIVE_INFINITY) >= due.at) {
          return { writes: [], result: undefined };
        }
        const plan = planAddTask(
          ledger,
          { title: action.title, priority: action.priority, labels: action.labels, state: action.state },
          { now, actor: who.actor, role: "CMD", hasher: ports.hasher, automation: true },
        );
        if (!plan.ok) throw new RefusedError(`Schedule "${schedule.name}" could not add its task: ${plan.message}`);
        const withTask = applyChecked("tasks", paths.tasksDisplay, text as string, plan.splices);
        const after = parseTasks(ctx, withTask);
        const line = recordLine(ctx, now, who, schedule, after, { ...base, task: plan.result.id });
        const next = applyChecked("tasks", paths.tasksDisplay, withTask, [appendLog(after.doc, after.log, [line])]);
        return { writes: [{ path: paths.tasks, text: next }], result: plan.result.id };
      });
      if (added)
        emit(
          "schedule",
          schedule.name,
          `added ${added} "${action.title}" (due ${base.due}${missed})`,
          false,
          undefined,
          {
            action: "add",
            due: base.due,
            missed: due.missed,
            task: added,
          },
        );
      continue;
    }
    let problems = 0;
    if (action.kind === "check") {
      const found = await scheduledCheck(ctx);
      problems = found.length;
      for (const p of found) emit("check", p.target, p.why, true);
    } else {
      const decided = await decidePending(ctx, approvals, emit, true);
      problems = decided.problems;
    }
    const wrote = await record(ctx, who, schedule, mod, due.at, { ...base, problems });
    if (wrote) {
      emit(
        "schedule",
        schedule.name,
        `ran ${action.kind} (due ${base.due}${missed}): ${problems === 0 ? "no problems" : `${problems} problem${problems === 1 ? "" : "s"}`}`,
        false,
        undefined,
        { action: action.kind, due: base.due, missed: due.missed, problems },
      );
    }
  }
}

function recordLine(
  ctx: Context,
  now: number,
  who: Who,
  schedule: Schedule,
  ledger: TasksLedger,
  details: Record<string, string | number | undefined>,
): string {
  return formatLogLine(ctx.ports.hasher, lastHash(ledger.doc, ledger.log), {
    time: now,
    actor: who.actor,
    role: "CMD",
    action: "schedule",
    target: schedule.name,
    details: { ...details, auto: "true" },
  });
}

/** Records a run (or the arming) of a schedule, unless another tick recorded it first. */
async function record(
  ctx: Context,
  who: Who,
  schedule: Schedule,
  mod: typeof import("../rules/schedules.js"),
  dueAt: number | undefined,
  details: Record<string, string | number | undefined>,
): Promise<boolean> {
  const { paths, ports } = ctx;
  return ports.update([paths.tasks], ([text], now) => {
    const ledger = parseTasks(ctx, text);
    requireValid(paths.tasksDisplay, ledger.diagnostics);
    const last = recordedRuns(ledger, mod).get(schedule.name);
    if (last !== undefined && (dueAt === undefined || last >= dueAt)) return { writes: [], result: false };
    const line = recordLine(ctx, now, who, schedule, ledger, details);
    const next = applyChecked("tasks", paths.tasksDisplay, text as string, [appendLog(ledger.doc, ledger.log, [line])]);
    return { writes: [{ path: paths.tasks, text: next }], result: true };
  });
}

/** The scheduled `check`: errors, approvals past their SLA, tasks in DOING or REVIEW far too long. */
async function scheduledCheck(ctx: Context): Promise<{ target: string; why: string }[]> {
  const { checkLedgers } = await import("./check.js");
  const { findStuck } = await import("../rules/stuck.js");
  const { lintLedger } = await import("../ledger/lint.js");
  const r = await checkLedgers(ctx, { sla: true });
  const out = r.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => ({ target: `${d.file}:${d.line}`, why: d.message }));
  const tasksText = ctx.ports.readText(ctx.paths.tasks) as string;
  const linted = lintLedger("tasks", ctx.paths.tasksDisplay, tasksText, ctx.ports.hasher);
  for (const s of findStuck(linted.ledger.tasks, linted.log, ctx.now)) {
    out.push({
      target: s.id,
      why: `in ${s.state} for ${formatAge(ctx.now - s.since)}, far longer than usual (median ${formatAge(s.usual)})`,
    });
  }
  return out;
}

/** Pending requests decided by the rules, as the automation actor with AUDIT. */
async function decidePending(
  ctx: Context,
  approvals: ApprovalsLedger,
  emit: Emit,
  scheduled = false,
): Promise<{ problems: number }> {
  const pending = approvals.approvals.some((a) => a.status === "pending");
  if (!pending || !approvals.rules) return { problems: 0 };
  if (!automationWho(ctx, approvals, "AUDIT")) {
    if (!scheduled) return { problems: 0 }; // no automation with AUDIT: decisions are left to people
    throw noAutomation(ctx, "AUDIT", "A schedule runs auto-approve");
  }
  loadRules(ctx, approvals); // rules with errors are reported as a refusal, before any decision
  const r = await autoApprove(ctx);
  for (const o of r.outcomes) {
    if (o.skipped !== undefined) continue;
    if (o.verdict.decision === "approve")
      emit("approve", o.id, `approved by ${r.actor} (rule ${o.verdict.rule.id})`, false);
    if (o.verdict.decision === "reject")
      emit("reject", o.id, `rejected by ${r.actor} (rule ${o.verdict.rule.id}, hard deny)`, false);
  }
  return { problems: 0 };
}

/**
 * Dead letters are standing problems: every tick reports each one (unless this tick's recovery
 * just escalated it) and every open task that waits for one, until someone unblocks or cancels
 * it, whoever made it (watch, run, work).
 */
function reportDeadLetters(
  ctx: Context,
  readText: string,
  read: TasksLedger,
  events: readonly WatchEvent[],
  emit: Emit,
): void {
  // Read again only when this tick (or anyone) wrote meanwhile.
  const text = ctx.ports.readText(ctx.paths.tasks);
  const tasks = text === readText ? read : parseTasks(ctx, text);
  const found = deadLetters(tasks.tasks);
  const escalated = new Set(events.filter((e) => e.event === "escalate").map((e) => e.target));
  for (const id of found.deadLetters) {
    if (escalated.has(id)) continue;
    const t = tasks.byId.get(id)?.task;
    emit(
      "dead-letter",
      id,
      `${t?.blocked ?? "blocked as a dead letter"}; unblock it once the cause is fixed (taskgate unblock ${id}), or cancel it`,
      true,
    );
  }
  for (const b of found.behind) {
    const which = b.deadLetters.join(", ");
    emit(
      "behind-dead-letter",
      b.id,
      `waits for the dead letter${b.deadLetters.length === 1 ? "" : "s"} ${which}: it cannot start until ${b.deadLetters.length === 1 ? "it is" : "they are"} unblocked and done, or cancelled`,
      true,
    );
  }
}

/** Approved requests whose subject changed since, while the subject is still open. */
function reportStaleApprovals(ctx: Context, emit: Emit): void {
  const tasks = parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks));
  const approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  for (const a of approvals.approvals) {
    if (a.subject === undefined || !isStale(tasks, a, ctx.ports.hasher)) continue;
    if (tasks.byId.get(a.subject)?.task.state === "DONE") continue;
    emit(
      "stale-approval",
      a.id,
      `approved, but ${a.subject} changed since, so it no longer counts; request again`,
      true,
    );
  }
}

/** Lock files whose holder stopped refreshing them (a process died while writing), and its temp files. */
function reportStaleLocks(options: TickOptions, emit: Emit): void {
  let names: string[];
  try {
    names = readdirSync(options.lockDir);
  } catch {
    return; // no lock folder yet: nothing was ever written with a lock
  }
  for (const n of names) {
    const isLock = n.endsWith(".lock");
    if (!isLock && !n.endsWith(".tmp")) continue;
    let age: number;
    try {
      age = Date.now() - statSync(join(options.lockDir, n)).mtimeMs; // real files age by the real clock
    } catch {
      continue; // released meanwhile
    }
    if (isLock) {
      // Judged as the store judges it: a holder alive on this host is never stale, however
      // old its lock (a paused writer); one known gone is, at once; others by their age.
      const path = join(options.lockDir, n);
      const owner = readOwner(path);
      const judged = owner ? judgeOwner(owner) : undefined;
      if (judged?.kind === "alive") continue;
      if (judged?.kind === "gone") {
        emit("stale-lock", path, `a lock held by ${judged.why}: the next write takes it over`, true);
      } else if (age > options.lockStale) {
        emit(
          "stale-lock",
          path,
          `a lock not refreshed for ${formatAge(age)}: its holder${judged ? ` (${judged.why})` : ""} stopped while writing; the next write takes it over`,
          true,
        );
      }
    } else if (!isLock && age > 60_000) {
      emit("stale-lock", join(options.lockDir, n), `a temp file left ${formatAge(age)} ago by a killed write`, true);
    }
  }
}
