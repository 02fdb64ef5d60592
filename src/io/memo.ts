// A memo of what a read command derived from the ledgers, keyed by the SHA-256 of their exact
// bytes and by the build of taskgate that derived it. It is a cache that cannot disagree with
// the files: any change to a ledger (or to taskgate) is a different key, and then the memo is
// simply not used. One small file per ledger, in taskgate's own folder inside .git.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { lockDirFor, shortHash } from "./places.js";

/** Set by the build (scripts/build.mjs) to a hash of the sources; absent when run from src. */
declare const __TASKGATE_BUILD__: string | undefined;
export const BUILD = typeof __TASKGATE_BUILD__ === "string" ? __TASKGATE_BUILD__ : undefined;

export interface Memo {
  get(name: string, key: string): unknown;
  put(name: string, key: string, value: unknown): void;
}

export function fileMemo(ledgerPath: string, env: NodeJS.ProcessEnv): Memo | undefined {
  if (!BUILD || env.TASKGATE_NO_MEMO === "1") return undefined;
  let where: { dir: string; file: string } | undefined;
  const place = () => {
    if (!where) {
      const dir = join(lockDirFor(ledgerPath), "memo");
      where = { dir, file: join(dir, `${basename(ledgerPath)}-${shortHash(ledgerPath)}.json`) };
    }
    return where;
  };
  const fullKey = (name: string, key: string) => `${BUILD}\n${name}\n${key}`;
  return {
    get(name, key) {
      try {
        const m = JSON.parse(readFileSync(place().file, "utf8")) as { key?: string; value?: unknown };
        return m.key === fullKey(name, key) ? m.value : undefined;
      } catch {
        return undefined; // none yet, or half a file from another era: recompute
      }
    },
    put(name, key, value) {
      try {
        const { dir, file } = place();
        mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ key: fullKey(name, key), value }));
        renameSync(tmp, file);
      } catch {
        // A memo is an optimisation: not being able to write one changes nothing.
      }
    },
  };
}
