// The Node implementations of the ports the use cases need.

import { hostname } from "node:os";
import { dirname } from "node:path";
import type { ActorSource, LedgerPaths, Ports } from "../app/context.js";
import { RefusedError } from "../app/errors.js";
import { HOOKS_HEADING } from "../app/status-memo.js";
import { gitConfig, gitIdentity } from "./git.js";
import { readShareSetting, type ShareSetting } from "./git-ref.js";
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
  /**
   * The in-tree board of a clone that may share it later (no file named, TASKGATE_SHARE not
   * off): a write is refused, under the files' locks, once `taskgate share` turned sharing on,
   * so a process started before (mcp, serve, a long command) never writes the stale files.
   */
  readonly refuseOnceShared?: boolean | undefined;
  /**
   * taskgate's own script and APPROVALS.md's path: after every write, when TASKS.md has hooks,
   * start `taskgate hooks deliver` detached from it (docs/hooks.md). Unset: no delivery started.
   */
  readonly hooks?: { readonly bin: string; readonly approvals: string } | undefined;
}

export function nodePorts(opts: PortOptions): Ports {
  let store: LedgerStore | undefined;
  let actor: { name: string | undefined; source: ActorSource | undefined } | undefined;
  const findActor = () => {
    const cwd = dirname(opts.tasksPath);
    if (opts.as !== undefined) return { name: opts.as, source: "--as" as const };
    if (opts.env.TASKGATE_ACTOR) return { name: opts.env.TASKGATE_ACTOR, source: "TASKGATE_ACTOR" as const };
    const email = gitConfig(cwd, "user.email");
    if (email) return { name: email, source: "git user.email" as const };
    const name = gitConfig(cwd, "user.name");
    return { name, source: name ? ("git user.name" as const) : undefined };
  };
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
    parserCheckMemo: (ledger) => fileMemo(opts.tasksPath, opts.env, `checks-${ledger}-`),
    // Loaded only by metrics and report: other commands never pay for it.
    logMemo: async () => (await import("./log-memo.js")).fileLogMemo(opts.env),
    update: afterWrites(opts, async (paths, decide) => {
      // Loaded only by commands that write: reads never pay for the lock library.
      const { LedgerStore } = await import("./store.js");
      store ??= new LedgerStore({
        lockTimeout: ms(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
        lockStale: ms(opts.env.TASKGATE_LOCK_STALE_MS),
        clock,
        hooks: testHooks(opts.env),
        underLock: opts.refuseOnceShared ? () => refuseIfShared(dirname(opts.tasksPath)) : undefined,
      });
      return store.update(paths, decide);
    }),
    hasher: sha256Hex,
    actorName: () => {
      actor ??= findActor();
      return actor.name;
    },
    actorSource: () => {
      actor ??= findActor();
      return actor.source;
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
    author: () => gitIdentity(dirname(paths.tasks)),
    timeout: ms(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
    clock,
    debug: opts.env.TASKGATE_SHARE_DEBUG ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  return {
    ...ports,
    readText: (p) => board.readText(p),
    readSnapshot: (p) => board.readSnapshot(p),
    update: afterWrites(opts, (p, decide) => board.update(p, decide), board),
    board,
  };
}

/**
 * `update`, followed, once a write landed (durable, its locks released), by the start of a
 * detached `taskgate hooks deliver` when TASKS.md has hooks (docs/hooks.md): the command neither
 * waits for it nor fails with it. TASKGATE_TEST_NO_HOOK_START=1 (tests only) starts none, as if
 * the process had been killed right after its write.
 */
function afterWrites(opts: PortOptions, update: Ports["update"], shared?: unknown): Ports["update"] {
  const hooks = opts.hooks;
  if (!hooks || opts.env.TASKGATE_TEST_NO_HOOK_START === "1") return update;
  return async (paths, decide) => {
    let last: { before: (string | undefined)[]; writes: readonly { path: string; text: string }[] } | undefined;
    const result = await update(paths, (texts, now) => {
      const u = decide(texts, now);
      last = { before: texts, writes: u.writes };
      return u;
    });
    const done = last;
    if (done && done.writes.length > 0) {
      const tasksText = done.writes.find((w) => w.path === opts.tasksPath)?.text ?? readLedgerFile(opts.tasksPath);
      if (tasksText !== undefined && HOOKS_HEADING.test(tasksText)) {
        const { addsEventLine, startDeliverer } = await import("./hook-outbox.js");
        // A write that logged no event (add, set, renew, ...) starts nothing.
        if (done.writes.some((w) => addsEventLine(done.before[paths.indexOf(w.path)], w.text))) {
          startDeliverer(
            hooks.bin,
            shared ? undefined : { tasks: opts.tasksPath, approvals: hooks.approvals },
            shared ? process.cwd() : dirname(opts.tasksPath),
            opts.env,
          );
        }
      }
    }
    return result;
  };
}

function refuseIfShared(cwd: string): void {
  const now = readShareSetting(cwd);
  if (!now) return;
  throw new RefusedError(
    `This clone shares its board on branch ${now.branch} since this process started (taskgate share): nothing was written to the in-tree files; start it again to use the shared board`,
  );
}

/**
 * For tests only: TASKGATE_TEST_STOP_BEFORE=rename (or =check) stops a writer (SIGSTOP) right
 * before its first rename (or the check before it); on Windows it waits instead, until the file
 * TASKGATE_TEST_RESUME_FILE names is gone (at most 60 s; 4 s without one); TASKGATE_TEST_FAULT=STEP:CODE fails a step of the write ("write", "rename2") with an
 * errno code, where the machine's fault cannot be made for real.
 */
function testHooks(env: NodeJS.ProcessEnv) {
  const fault = /^(write|rename2):(E[A-Z]+)$/.exec(env.TASKGATE_TEST_FAULT ?? "");
  return {
    stopBefore: (["check", "rename"] as const).find((s) => s === env.TASKGATE_TEST_STOP_BEFORE),
    resumeWhenGone: env.TASKGATE_TEST_RESUME_FILE || undefined,
    fault: fault ? { step: fault[1] as string, code: fault[2] as string } : undefined,
  };
}
