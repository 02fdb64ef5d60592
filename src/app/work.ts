// `work`: a worker loop. It takes the best task (next --claim) and runs the command for it
// under a lease, up to N at once, until told to stop, K tasks were started, or (with
// --exit-when-idle) nothing is left to do. The first SIGINT or SIGTERM stops taking tasks
// and lets the running ones finish; a second stops them too, and their leases are released.

import type { Context } from "./context.js";
import { EXIT, TaskgateError } from "./errors.js";
import { newSession, type RunEvent, type RunHandle, type RunOptions, type RunOutcome, startRun } from "./run.js";

export interface WorkOptions extends Omit<RunOptions, "id"> {
  readonly parallel: number;
  readonly maxTasks: number | undefined;
  readonly exitWhenIdle: boolean;
  /** How long to wait before looking again when there is nothing to do, in ms. */
  readonly idleWait: number;
}

export interface WorkTotals {
  done: number;
  failed: number;
  retried: number;
  lost: number;
  interrupted: number;
}

export interface Worker {
  readonly running: ReadonlyMap<string, RunHandle>;
  readonly totals: WorkTotals;
  readonly done: Promise<WorkTotals>;
  /** First call: take no more tasks. Second: stop the running ones as well. */
  stop(signal: NodeJS.Signals): void;
}

export function startWork(
  makeCtx: () => Context,
  options: WorkOptions,
  onEvent: (
    e: RunEvent | { time: number; event: "idle" | "stop"; target: string; why: string; problem: boolean },
  ) => void,
): Worker {
  const running = new Map<string, RunHandle>();
  // One session for the whole loop: its runs' leases are its own, and no other loop's.
  const session = options.session ?? newSession("work");
  const totals: WorkTotals = { done: 0, failed: 0, retried: 0, lost: 0, interrupted: 0 };
  let stopping = 0;
  let started = 0;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(r, ms);
      wake = () => {
        clearTimeout(t);
        r();
      };
    });

  const count = (o: RunOutcome) => {
    if (o.result === "review" || o.result === "done" || o.result === "released") totals.done++;
    else if (o.result === "failed") {
      totals.failed++;
      if (!o.deadLetter) totals.retried++;
    } else if (o.result === "lost") totals.lost++;
    else totals.interrupted++;
  };

  const loop = async (): Promise<WorkTotals> => {
    for (;;) {
      if (stopping || (options.maxTasks !== undefined && started >= options.maxTasks)) break;
      if (running.size >= options.parallel) {
        await Promise.race([...running.values()].map((h) => h.done));
        continue;
      }
      let handle: RunHandle;
      try {
        handle = await startRun(makeCtx, { ...options, id: undefined, session, token: undefined }, onEvent);
      } catch (e) {
        if (!(e instanceof TaskgateError)) throw e;
        if (e.exitCode !== EXIT.nothingToDo && e.exitCode !== EXIT.busy) throw e;
        if (options.exitWhenIdle && running.size === 0) break;
        onEvent({ time: Date.now(), event: "idle", target: "-", why: e.message, problem: false });
        // Look again when a run ends (it may unblock a task) or after a while.
        await Promise.race([sleep(options.idleWait), ...[...running.values()].map((h) => h.done)]);
        continue;
      }
      started++;
      running.set(handle.task.id, handle);
      void handle.done.then((o) => {
        running.delete(handle.task.id);
        count(o);
        wake?.();
      });
    }
    await Promise.all([...running.values()].map((h) => h.done));
    return totals;
  };

  return {
    running,
    totals,
    done: loop(),
    stop(signal) {
      stopping++;
      wake?.();
      onEvent({
        time: Date.now(),
        event: "stop",
        target: "-",
        why:
          stopping === 1
            ? `${signal}: taking no more tasks; waiting for ${running.size} running (send it again to stop them)`
            : `${signal}: stopping ${running.size} running task${running.size === 1 ? "" : "s"}; their leases are released`,
        problem: false,
      });
      if (stopping >= 2) for (const h of running.values()) h.interrupt("SIGTERM");
    },
  };
}
