// The Node implementations of the ports the use cases need.

import { hostname } from "node:os";
import { dirname } from "node:path";
import type { Ports } from "../app/context.js";
import { gitConfig } from "./git.js";
import { sha256Hex } from "./hash.js";
import { fileMemo } from "./memo.js";
import type { LedgerStore } from "./store.js";
import { readLedgerFile, readLedgerSnapshot } from "./text.js";

export interface PortOptions {
  readonly as?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly tasksPath: string;
}

export function nodePorts(opts: PortOptions): Ports {
  let store: LedgerStore | undefined;
  let actor: { name: string | undefined } | undefined;
  const ms = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    readText: readLedgerFile,
    readSnapshot: readLedgerSnapshot,
    memo: fileMemo(opts.tasksPath, opts.env),
    // Loaded only by metrics and report: other commands never pay for it.
    logMemo: async () => (await import("./log-memo.js")).fileLogMemo(opts.env),
    update: async (paths, decide) => {
      // Loaded only by commands that write: reads never pay for the lock library.
      const { LedgerStore } = await import("./store.js");
      store ??= new LedgerStore({
        lockTimeout: ms(opts.env.TASKGATE_LOCK_TIMEOUT_MS),
        lockStale: ms(opts.env.TASKGATE_LOCK_STALE_MS),
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
}
