// What every use case gets: where the ledgers are, the time (read once per command), who acts,
// and the ports to the outside world.

import type { Hasher } from "../ledger/log.js";

export interface LedgerPaths {
  readonly tasks: string;
  readonly approvals: string;
  /** The same paths as the user should see them in messages. */
  readonly tasksDisplay: string;
  readonly approvalsDisplay: string;
}

export interface Update<T> {
  readonly writes: ReadonlyArray<{ readonly path: string; readonly text: string }>;
  readonly result: T;
}

export interface Ports {
  readText(path: string): string | undefined;
  /** The file's content hash, and its text on demand; undefined when the file does not exist. */
  readSnapshot(path: string): { readonly hash: string; readonly text: string } | undefined;
  /** Memos of derived views keyed by content hashes; undefined where none are kept. */
  readonly memo:
    | { get(name: string, key: string): unknown; put(name: string, key: string, value: unknown): void }
    | undefined;
  update<T>(paths: readonly string[], decide: (texts: (string | undefined)[]) => Update<T>): Promise<T>;
  readonly hasher: Hasher;
  /** --as, TASKGATE_ACTOR, then git's user.email / user.name; undefined if none is set. */
  actorName(): string | undefined;
  readonly host: string;
}

export interface Context {
  readonly paths: LedgerPaths;
  readonly now: number;
  readonly ports: Ports;
}
