// `run ID -- PROGRAM ARGS...` and `work --exec 'PROGRAM ARGS...'`.

import { resolve } from "node:path";
import type { Command } from "commander";
import { eventDoc } from "../app/documents.js";
import { EXIT, UsageError } from "../app/errors.js";
import type { OnSuccess, RunEvent, RunResult } from "../app/run.js";
import { findWorkTree } from "../io/git.js";
import { privateDirFor } from "../io/places.js";
import { formatAge, formatTime, parseDuration } from "../model/time.js";
import { instantiate, parseTemplate } from "../rules/command-template.js";
import { collectList } from "./options.js";
import { output } from "./output.js";
import type { WatchKit } from "./watch-commands.js";
import { truncate } from "./width.js";

const duration = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const d = parseDuration(text);
  if (d === undefined || d <= 0)
    throw new UsageError(`Expected a duration like 90s, 30m or 2h for ${name}, found "${text}"`);
  return d;
};

const onSuccessOf = (text: string): OnSuccess => {
  if (text === "review" || text === "done" || text === "release") return text;
  throw new UsageError(`Expected --on-success review, done or release, found "${text}"`);
};

type AnyEvent = Pick<RunEvent, "time" | "target" | "why" | "problem" | "data"> & { event: string };

const line = (e: AnyEvent) => `${formatTime(e.time)} ${e.event} ${e.target} ${e.why}\n`;
/** One versioned taskgate.event document a line, its facts as fields (documents.ts). */
const json = (e: AnyEvent) => `${JSON.stringify(eventDoc(e))}\n`;

/**
 * run's exit code is taskgate's, never the program's (a program exiting 3 is not an invalid
 * ledger): 0 the program succeeded and the task was handed on; 6 it failed, was killed or could
 * not start (its own exit code is in the fail line and the JSON's exitCode); 1 the lease was
 * lost and the program stopped; the other codes as every command.
 */
export function runExitCode(result: RunResult): number {
  if (result === "lost") return EXIT.refused;
  if (result === "failed" || result === "interrupted") return EXIT.problem;
  return EXIT.ok;
}

interface RunFlags {
  ttl?: string;
  onSuccess: string;
  logDir?: string;
  grace: string;
  json?: boolean;
  worktree?: boolean;
  base?: string;
}

export function registerRunCommands(program: Command, kit: WatchKit): void {
  const common = (c: Command) =>
    c
      .option("--ttl <duration>", "lease length (default: the policy's lease); renewed every TTL/3 while it runs")
      .option(
        "--on-success <what>",
        "after exit 0: review (submit), done (submit, then the automation actor accepts), release",
        "review",
      )
      .option("--log-dir <dir>", "where each run's output is kept (default: .git/taskgate/runs)")
      .option("--grace <duration>", "time between SIGTERM and SIGKILL when the program must stop", "10s")
      .option("--worktree", "run in the task's own git worktree (branch task/<ID>-<title>), made if it has none")
      .option("--base <commit>", "with --worktree: the commit a new task branch starts from (default: HEAD)")

      .option("--json", "one versioned taskgate.event document per event and line");

  // The default is taskgate's own folder, made private and checked like the locks' (places.ts):
  // a program's output may hold secrets.
  const logDirOf = (o: RunFlags, tasksPath: string) =>
    o.logDir ? resolve(o.logDir) : privateDirFor(tasksPath, "runs");

  common(
    program
      .command("run")
      .description("run a program for a task under a lease: exit 0 submits it, a failure retries it later")
      .argument("<id>", "task ID, like T-12")
      .argument("<command...>", "after --: the program and its arguments (started directly, not by a shell)"),
  )
    .addHelpText(
      "after",
      "\nThe program gets TASKGATE_TASK_ID, TASKGATE_TASK_TITLE, TASKGATE_TASK_FILE (the task's Markdown),\nTASKGATE_LEASE_TOKEN, TASKGATE_TASKS and TASKGATE_APPROVALS.\n\nExit codes of run (taskgate's, never the program's; the program's own is in the last line and\nin --json's exitCode): 0 the program exited 0 and the task was submitted (or released, or\naccepted with --on-success); 6 the program failed, was killed or could not be started, or run\nwas interrupted (the task went back to READY, or was blocked as a dead letter); 1 the lease was\nlost and the program stopped, or the task could not be claimed; 2, 3, 4, 74 as every command.",
    )
    .action(async (id: string, command: string[], o: RunFlags) => {
      const { ctx } = kit.context();
      const { startRun } = await import("../app/run.js");
      // Through output(): written in order, and waited for before the process exits.
      const out = output(1);
      const err = output(2);
      const print = (e: AnyEvent) => err.write(o.json ? json(e) : line(e));
      const handle = await startRun(
        () => kit.context().ctx,
        {
          id: kit.normalizeId(id),
          argv: () => command,
          ttl: duration("--ttl", o.ttl),
          onSuccess: onSuccessOf(o.onSuccess),
          logDir: logDirOf(o, ctx.paths.tasks),
          grace: duration("--grace", o.grace) as number,
          via: "run",
          echo: { out, err },
          root: findWorkTree(ctx.paths.tasks) ?? process.cwd(),
          token: /^[1-9]\d*$/.test(kit.env.TASKGATE_LEASE_TOKEN ?? "")
            ? Number(kit.env.TASKGATE_LEASE_TOKEN)
            : undefined,
          worktree: o.worktree ? { base: (await import("../app/worktree.js")).worktreeBase(o.base) } : undefined,
        },
        print,
      );
      // The program runs in a process group of its own: Ctrl-C and signals reach it through us.
      const onSignal = (signal: NodeJS.Signals) => handle.interrupt(signal);
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const outcome = await handle.done;
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      kit.setExit(runExitCode(outcome.result));
    });

  common(
    program
      .command("work")
      .description("a worker loop: take the best task, run a command for it under a lease, repeat (N at once)")
      .requiredOption(
        "--exec <command>",
        "the command for each task; {id}, {title} and {file} (the task's Markdown) become arguments (no shell)",
      )
      .option("--parallel <n>", "tasks run at once", "1")
      .option("--label <label>", "only tasks with this label; repeat for all of several", collectList)
      .option("--max-tasks <k>", "start at most this many tasks, then finish")
      .option("--exit-when-idle", "end when no task is left to start (instead of waiting for new ones)"),
  ).action(
    async (
      o: RunFlags & {
        exec: string;
        parallel: string;
        label?: string[];
        maxTasks?: string;
        exitWhenIdle?: boolean;
      },
    ) => {
      const template = parseTemplate(o.exec);
      if (!template.ok) throw new UsageError(template.message);
      const parallel = Number(o.parallel);
      if (!Number.isInteger(parallel) || parallel < 1)
        throw new UsageError(`Expected --parallel as a whole number of at least 1, found "${o.parallel}"`);
      const maxTasks = o.maxTasks === undefined ? undefined : Number(o.maxTasks);
      if (maxTasks !== undefined && (!Number.isInteger(maxTasks) || maxTasks < 1)) {
        throw new UsageError(`Expected --max-tasks as a whole number of at least 1, found "${o.maxTasks}"`);
      }
      const { ctx } = kit.context();
      const { startWork } = await import("../app/work.js");
      const tty = Boolean(process.stdout.isTTY) && !o.json;
      let board = 0; // lines of the live view on screen
      const worker = startWork(
        () => kit.context().ctx,
        {
          labels: o.label ?? [],
          argv: (task) => instantiate(template.words, task),
          ttl: duration("--ttl", o.ttl),
          onSuccess: onSuccessOf(o.onSuccess),
          logDir: logDirOf(o, ctx.paths.tasks),
          grace: duration("--grace", o.grace) as number,
          via: "work",
          echo: undefined,
          root: findWorkTree(ctx.paths.tasks) ?? process.cwd(),
          parallel,
          maxTasks,
          exitWhenIdle: Boolean(o.exitWhenIdle),
          idleWait: 2000,
          worktree: o.worktree ? { base: (await import("../app/worktree.js")).worktreeBase(o.base) } : undefined,
        },
        (e) => {
          if (tty) {
            if (e.event === "idle" || e.event === "start" || e.event === "claim") return; // the live view shows these
            clear();
            process.stdout.write(line(e));
            draw();
          } else if (e.event !== "idle") kit.out.write(o.json ? json(e) : line(e));
        },
      );
      const clear = () => {
        if (board) process.stdout.write(`\x1b[${board}A\x1b[0J`);
        board = 0;
      };
      const draw = () => {
        if (!tty) return;
        const now = Date.now();
        // Each row one terminal line, cut by display width: a row that wrapped would make the
        // redraw's cursor-up count wrong.
        const room = Math.max(20, (process.stdout.columns ?? 80) - 1);
        const rows = [...worker.running.values()].map((h) =>
          truncate(
            `  ${h.task.id.padEnd(7)} ${formatAge(now - h.startedAt).padStart(4)} running, lease ${formatAge(Math.max(0, h.leaseUntil() - now))} left  ${h.task.title}`,
            room,
          ),
        );
        const t = worker.totals;
        rows.push(
          `  done ${t.done}  failed ${t.failed} (retried ${t.retried})  lost ${t.lost}  running ${worker.running.size}`,
        );
        process.stdout.write(`${rows.join("\n")}\n`);
        board = rows.length;
      };
      const timer = tty
        ? setInterval(() => {
            clear();
            draw();
          }, 1000)
        : undefined;
      const onSignal = (signal: NodeJS.Signals) => worker.stop(signal);
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const totals = await worker.done;
      clearInterval(timer);
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      if (tty) clear();
      const summary = `done ${totals.done}, failed ${totals.failed} (retried ${totals.retried}), lost ${totals.lost}, interrupted ${totals.interrupted}`;
      kit.out.write(
        o.json
          ? `${JSON.stringify(eventDoc({ time: Date.now(), event: "summary", target: "-", why: summary, problem: false, data: { ...totals } }))}\n`
          : `${summary}\n`,
      );
      kit.setExit(EXIT.ok);
    },
  );
}
