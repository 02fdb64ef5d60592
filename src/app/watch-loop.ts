// The long-running `watch`: a tick at start, whenever either ledger changes (fs.watch on their
// folders, waiting for writes to settle; polling where fs.watch does not work), at every
// interval, and when a schedule is due. Ticks never overlap, and no lock is held between
// them. stop() ends the loop after the current tick.

import { type FSWatcher, statSync, watch } from "node:fs";
import { basename, dirname } from "node:path";

export interface LoopOptions {
  readonly files: readonly string[];
  /** Time between ticks when nothing happens, in ms. */
  readonly interval: number;
  /** How long the ledgers must stay quiet after a change before the tick, in ms. */
  readonly settle: number;
  /** Poll the files' stat instead of fs.watch (also used when fs.watch fails). */
  readonly poll: boolean;
  /** Runs one tick; returns when the next schedule is due (epoch ms), if any. */
  readonly tick: (reason: string) => Promise<number | undefined>;
}

export interface Loop {
  /** Resolves when the loop has ended (after stop(), once the running tick is done). */
  readonly done: Promise<void>;
  stop(): void;
}

const POLL_MS = 1000;
/** setTimeout's largest delay; a schedule further away than this is re-checked at the interval. */
const MAX_TIMER = 2 ** 31 - 1;

export function startLoop(options: LoopOptions): Loop {
  let stopping = false;
  let running = false;
  let again: string | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let nextTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  let finish: () => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const cleanup = () => {
    for (const w of watchers) w.close();
    clearTimeout(settleTimer);
    clearTimeout(nextTimer);
    clearInterval(pollTimer);
    finish();
  };

  const run = async (reason: string) => {
    if (stopping) return;
    if (running) {
      again = reason; // one more tick after this one: a change may have come in meanwhile
      return;
    }
    running = true;
    clearTimeout(nextTimer);
    let nextDue: number | undefined;
    try {
      nextDue = await options.tick(reason);
    } catch (e) {
      stopping = true;
      cleanup();
      fail(e);
      return;
    } finally {
      running = false;
    }
    if (stopping) {
      cleanup();
      return;
    }
    if (again !== undefined) {
      const r = again;
      again = undefined;
      void run(r);
      return;
    }
    const wait = Math.min(options.interval, nextDue === undefined ? options.interval : nextDue - Date.now() + 50);
    nextTimer = setTimeout(
      () => void run(wait < options.interval ? "schedule" : "interval"),
      Math.max(0, Math.min(wait, MAX_TIMER)),
    );
  };

  const changed = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void run("change"), options.settle);
  };

  const startPolling = () => {
    const stamp = (f: string) => {
      try {
        const s = statSync(f);
        return `${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        return "missing";
      }
    };
    let last = options.files.map(stamp).join("|");
    pollTimer = setInterval(() => {
      const now = options.files.map(stamp).join("|");
      if (now !== last) {
        last = now;
        changed();
      }
    }, POLL_MS);
  };

  if (options.poll) startPolling();
  else {
    try {
      // The folders, not the files: a write replaces a ledger by renaming a new file over it.
      const names = new Set(options.files.map((f) => basename(f)));
      for (const dir of new Set(options.files.map((f) => dirname(f)))) {
        const w = watch(dir, (_event, name) => {
          if (name === null || names.has(basename(name.toString()))) changed();
        });
        w.on("error", () => {
          w.close();
          if (!pollTimer) startPolling();
        });
        watchers.push(w);
      }
    } catch {
      for (const w of watchers) w.close();
      watchers.length = 0;
      startPolling();
    }
  }
  void run("start");

  return {
    done,
    stop() {
      if (stopping) return;
      stopping = true;
      if (!running) cleanup();
    },
  };
}
