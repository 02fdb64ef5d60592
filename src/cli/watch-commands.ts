// `watch` (one tick with --once, or a long-running loop) and `schedule install`.

import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { eventDoc } from "../app/documents.js";
import { EXIT, TaskgateError, UsageError } from "../app/errors.js";
import type { WatchEvent } from "../app/watch.js";
import { lockDirFor } from "../io/places.js";
import { formatTime, parseDuration } from "../model/time.js";
import { terminalText } from "../rules/values.js";
import type { CommandKit } from "./workflow-commands.js";

export interface WatchKit extends CommandKit {
  /** A fresh context: a long-running watch reads the clock again for every tick. */
  readonly context: () => { ctx: Context };
  /** Sets the exit code main() returns. */
  readonly setExit: (code: number) => void;
}

const durationOption = (name: string, text: string): number => {
  const d = parseDuration(text);
  if (d === undefined || d <= 0)
    throw new UsageError(`Expected a duration like 30s or 5m for ${name}, found "${text}"`);
  return d;
};

function eventLine(e: WatchEvent): string {
  return `${terminalText(`${formatTime(e.time)} ${e.event} ${e.target} ${e.why}`, true)}\n`;
}

/** One versioned taskgate.event document a line, its facts as fields (documents.ts). */
function eventJson(e: WatchEvent): string {
  return `${JSON.stringify(eventDoc(e))}\n`;
}

export function registerWatchCommands(program: Command, kit: WatchKit): void {
  program
    .command("watch")
    .description("recover expired leases, run due schedules, auto-approve, report health: once, or on every change")
    .option("--once", "run one tick and exit (for cron, systemd timers, Task Scheduler)")
    .option("--interval <duration>", "time between ticks when nothing changes", "30s")
    .option("--settle <duration>", "quiet time after a ledger change before the tick", "300ms")
    .option("--poll", "poll the ledgers' stat every second instead of using file system events")
    .option("--json", "one versioned taskgate.event document per event and line")
    .option("--quiet", "print only problems (cron then mails only when something is wrong)")
    .addHelpText(
      "after",
      `
Exit codes of watch --once: 0 nothing wrong (recoveries and scheduled runs are not problems);
3 a ledger or a schedule is invalid; 4 a ledger stayed locked; 6 a problem was found (a task
blocked as a dead letter, a scheduled check failed, a stale lock, a failing hook, or any standing problem
taskgate health finds after the tick: an approval past its SLA or stale, an expired lease not
recovered, a hook or merge driver missing, a schedule overdue); 1 a step was refused (for
example no automation actor with the role it needs). A long-running watch ends
with 0 on SIGINT or SIGTERM, after the tick in progress.`,
    )
    .action(
      async (o: {
        once?: boolean;
        interval: string;
        settle: string;
        poll?: boolean;
        json?: boolean;
        quiet?: boolean;
      }) => {
        const interval = durationOption("--interval", o.interval);
        const settle = durationOption("--settle", o.settle);
        const lockStale = Number(kit.env.TASKGATE_LOCK_STALE_MS) || 5000;
        const { tick } = await import("../app/watch.js");
        const print = (e: WatchEvent) => {
          if (o.quiet && !e.problem) return;
          kit.out.write(o.json ? eventJson(e) : eventLine(e));
        };
        // Standing problems (dead letters and the tasks behind them) come back every tick: --once
        // prints them each time; a long-running watch prints each again only after it went away.
        let standing = new Set<string>();
        let lastEvents: readonly WatchEvent[] = [];
        const runTick = async (): Promise<{ exitCode: number; nextDue: number | undefined }> => {
          const { ctx } = kit.context();
          try {
            const r = await tick(ctx, {
              random: Math.random,
              lockStale,
              lockDir: lockDirFor(ctx.paths.tasks),
              env: kit.env,
            });
            lastEvents = r.events;
            const now = new Set<string>();
            for (const e of r.events) {
              const key =
                e.event === "dead-letter" || e.event === "behind-dead-letter" ? `${e.event} ${e.target} ${e.why}` : "";
              if (key) now.add(key);
              if (!key || o.once || !standing.has(key)) print(e);
            }
            standing = now;
            return r;
          } catch (e) {
            // A ledger missing or unreadable: a problem of this tick, not the end of a long watch.
            if (o.once || !(e instanceof TaskgateError)) throw e;
            print({ time: ctx.now, event: "refused", target: ctx.paths.tasksDisplay, why: e.message, problem: true });
            return { exitCode: e.exitCode, nextDue: undefined };
          }
        };
        if (o.once) {
          const r = await runTick();
          // The exit code is health's findings' as well (app/health.ts): a standing problem the
          // tick did not report as an event is printed as one of its own.
          const { ctx } = kit.context();
          const { healthFindings, healthExitCode } = await import("../app/health.js");
          const findings = await healthFindings(ctx);
          const reported = new Set(
            lastEvents.map((e) => `${e.event === "escalate" ? "dead-letter" : e.event} ${e.target}`),
          );
          const invalidReported = lastEvents.some((e) => e.event === "invalid");
          for (const f of findings) {
            if (reported.has(`${f.kind} ${f.target}`)) continue;
            if (f.kind === "hook-failed" && lastEvents.some((e) => e.event === "hook-failed")) continue;
            // A scheduled check this tick already named it (check.ts: "A-1 has waited ...").
            if (lastEvents.some((e) => e.event === "check" && e.why.startsWith(`${f.target} `))) continue;
            if (f.kind === "invalid-ledger") {
              if (invalidReported) continue;
              print({
                time: ctx.now,
                event: "invalid",
                target: f.target,
                why: `${f.file}:${f.line}: ${f.message}`,
                problem: true,
              });
            } else print({ time: ctx.now, event: f.kind, target: f.target, why: f.message, problem: true });
          }
          const found = healthExitCode(findings);
          kit.setExit(r.exitCode === EXIT.invalid || found === EXIT.invalid ? EXIT.invalid : r.exitCode || found);
          return;
        }
        const { startLoop } = await import("../app/watch-loop.js");
        const { ctx } = kit.context();
        const loop = startLoop({
          files: [ctx.paths.tasks, ctx.paths.approvals],
          interval,
          settle,
          poll: Boolean(o.poll),
          tick: async () => (await runTick()).nextDue,
        });
        // "on", not "once": the lock library's signal-exit kills the process with the signal when
        // it finds itself the last listener, which a spent "once" listener would make it.
        const stop = () => loop.stop();
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
        await loop.done;
        process.removeListener("SIGINT", stop);
        process.removeListener("SIGTERM", stop);
        kit.setExit(EXIT.ok);
      },
    );

  const schedule = program.command("schedule").description("run watch --once from the OS scheduler");
  schedule
    .command("uninstall")
    .description(
      "remove what schedule install --write installed: this repository's crontab line or systemd user units (prints the schtasks command on Windows)",
    )
    .option("--cron", "the line in the user's crontab")
    .option("--systemd", "the systemd user service and timer")
    .option("--windows", "print the schtasks /Delete command")
    .action(async (o: { cron?: boolean; systemd?: boolean; windows?: boolean }) => {
      const chosen = (["cron", "systemd", "windows"] as const).filter((k) => o[k]);
      if (chosen.length !== 1) throw new UsageError("Choose one scheduler: --cron, --systemd or --windows");
      const { ctx } = kit.context();
      const { uninstallSchedule } = await import("../app/uninstall.js");
      for (const line of uninstallSchedule(ctx, chosen[0] as "cron" | "systemd" | "windows", kit.env))
        kit.out.write(`${line}\n`);
    });
  schedule
    .command("install")
    .description("print (or with --write, install) a crontab line, systemd user units or a schtasks command")
    .option("--cron", "a line for the user's crontab")
    .option("--systemd", "a systemd user service and timer")
    .option("--windows", "a Windows Task Scheduler (schtasks) command")
    .option("--every <duration>", "how often: minutes or hours that divide an hour or a day", "5m")
    .option("--print", "print what to install (the default)")
    .option("--write", "install it: the user's crontab, or ~/.config/systemd/user (and enable the timer)")
    .action(
      async (o: {
        cron?: boolean;
        systemd?: boolean;
        windows?: boolean;
        every: string;
        print?: boolean;
        write?: boolean;
      }) => {
        const chosen = (["cron", "systemd", "windows"] as const).filter((k) => o[k]);
        if (chosen.length !== 1) throw new UsageError("Choose one scheduler: --cron, --systemd or --windows");
        if (o.print && o.write) throw new UsageError("--print and --write exclude each other");
        const { ctx } = kit.context();
        const { installSchedule } = await import("../app/schedule-install.js");
        const r = installSchedule(ctx, {
          scheduler: chosen[0] as "cron" | "systemd" | "windows",
          every: o.every,
          write: Boolean(o.write),
          bin: process.argv[1] ?? "taskgate",
          env: kit.env,
        });
        for (const f of r.files) {
          if (r.files.length > 1) kit.out.write(`# ${f.name}\n`);
          kit.out.write(f.text);
          if (r.files.length > 1) kit.out.write("\n");
        }
        for (const d of r.done) kit.out.write(`${d}\n`);
      },
    );
}
