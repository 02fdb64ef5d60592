// The Node implementations of the ports the use cases need.

import { hostname } from "node:os";
import { dirname } from "node:path";
import type { LedgerPaths, Ports } from "../app/context.js";
import { gitConfig } from "./git.js";
import type { ShareSetting } from "./git-ref.js";
import { GitBoardStore } from "./git-store.js";
import { sha256Hex } from "./hash.js";
import { fileMemo } from "./memo.js";
import type { LedgerStore } from "./store.js";
import { readLedgerFile, readLedgerSnapshot } from "./text.js";

export interface PortOptions {
  readonly as?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly tasksPath: string;
  /** The shared board (docs/share.md): the ledgers are read and written on its branch. */
  readonly share?: { readonly setting: ShareSetting; readonly paths: LedgerPaths } | undefined;
}

export function nodePorts(opts: PortOptions): Ports {
  let store: LedgerStore | undefined;
  let actor: { name: string | undefined } | undefined;
  const ms = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  // TASKGATE_NOW fixes the clock (tests, replays): a fixed now stays fixed under the lock too.
  const fixed = opts.env.TASKGATE_NOW ? Date.parse(opts.env.TASKGATE_NOW) : Number.NaN;
  const clock = Number.isNaN(fixed) ? Date.now : () => fixed;
  const ports: Ports = {
    readText: readLedgerFile,
    readSnapshot: readLedgerSnapshot,
    memo: fileMemo(opts.tasksPath, opts.env),
    // Its own file: a write's memo of its log must not replace status's memo, nor the reverse.
    logCheckMemo: fileMemo(opts.tasksPath, opts.env, "log-"),
    // Loaded only by metrics and report: other commands never pay for it.
    logMemo: async () => (await import("./log-memo.js")).fileLogMemo(opts.env),
    update: async (paths, decide) => {
      // Loaded only by commands that write: reads never pay for the lock library.
      const { LedgerStore } = await import("./store.js");
      store ??= new LedgerStore({
        lockTimeout: ms(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
        lockStale: ms(opts.env.TASKGATE_LOCK_STALE_MS),
        clock,
        hooks: testHooks(opts.env),
      });
      return store.update(paths, decide);
    },
    hasher: sha256Hex,
    actorName: () => {
      actor ??= {
        name:
          opts.as ??
          (opts.env.TASKGATE_ACTOR || undefined) ??
          gitConfig(dirname(opts.tasksPath), "user.email") ??
          gitConfig(dirname(opts.tasksPath), "user.name"),
      };
      return actor.name;
    },
    host: hostname(),
    session: opts.env.TASKGATE_SESSION || undefined,
  };
  if (!opts.share) return ports;
  const { setting, paths } = opts.share;
  const board = new GitBoardStore({
    share: setting,
    cwd: dirname(paths.tasks),
    names: new Map([
      [paths.tasks, "TASKS.md"],
      [paths.approvals, "APPROVALS.md"],
    ]),
    author: () => ports.actorName(),
    timeout: ms(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
    clock,
    debug: opts.env.TASKGATE_SHARE_DEBUG ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  return {
    ...ports,
    readText: (p) => board.readText(p),
    readSnapshot: (p) => board.readSnapshot(p),
    update: (p, decide) => board.update(p, decide),
    board,
  };
}

/**
 * For tests only: TASKGATE_TEST_STOP_BEFORE=rename (or =check) stops a writer (SIGSTOP) right
 * before its first rename (or the check before it); TASKGATE_TEST_FAULT=STEP:CODE fails a step of the write ("write", "rename2") with an
 * errno code, where the machine's fault cannot be made for real.
 */
function testHooks(env: NodeJS.ProcessEnv) {
  const fault = /^(write|rename2):(E[A-Z]+)$/.exec(env.TASKGATE_TEST_FAULT ?? "");
  return {
    stopBefore: (["check", "rename"] as const).find((s) => s === env.TASKGATE_TEST_STOP_BEFORE),
    fault: fault ? { step: fault[1] as string, code: fault[2] as string } : undefined,
  };
}
