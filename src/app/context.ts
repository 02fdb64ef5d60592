// What every use case gets: where the ledgers are, the time (read once per command, for what it
// reads; a write gets the time under its lock from update), who acts,
// and the ports to the outside world.

import type { Hasher } from "../ledger/log.js";
import type { LogTable } from "../ledger/log-facts.js";

export interface LedgerPaths {
  readonly tasks: string;
  readonly approvals: string;
  /** The same paths as the user should see them in messages. */
  readonly tasksDisplay: string;
  readonly approvalsDisplay: string;
}

export type ActorSource = "--as" | "TASKGATE_ACTOR" | "git user.email" | "git user.name";

export interface Update<T> {
  readonly writes: ReadonlyArray<{ readonly path: string; readonly text: string }>;
  readonly result: T;
}

/** What a memo is derived from: each ledger's bytes or snapshot, undefined for a missing one. */
export type MemoSources = readonly (
  | Uint8Array
  | { readonly bytes: Uint8Array; readonly stamp?: string | undefined; readonly size?: number }
  | undefined
)[];

export interface Ports {
  readText(path: string): string | undefined;
  /**
   * The file's bytes and text, each read on demand, and its stamp where the file has one (see
   * src/io/text.ts readLedgerSnapshot; none on a shared board); undefined when there is no file.
   */
  readSnapshot(
    path: string,
  ): { readonly text: string; readonly bytes: Uint8Array; readonly stamp?: string | undefined } | undefined;
  /**
   * Memos of derived views, each kept with the ledger bytes it was derived from (undefined for
   * a missing ledger) and given back only for exactly those bytes; undefined where none are kept.
   * A source may be a snapshot (readSnapshot): the memo then reads its bytes only when its stamp
   * does not say they are the memo's.
   */
  readonly memo:
    | {
        get(name: string, sources: MemoSources, opts?: { readonly cheap?: boolean }): unknown;
        put(name: string, sources: MemoSources, value: unknown): void;
      }
    | undefined;
  /**
   * A memo, like `memo`, of TASKS.md's logs proven clean (logIsClean): given the "## Log"
   * section's text, which it compares in full, a write does not hash every line of it again.
   */
  readonly logCheckMemo?: Ports["memo"];
  /**
   * A memo, like `memo`, per ledger, of the schedules or approval rules a write's check found
   * clean (write-checks.ts): given exactly what those checks read, a write does not load the
   * cron or YAML parser again to find them clean again.
   */
  readonly parserCheckMemo?: (ledger: "tasks" | "approvals") => Ports["memo"];
  /**
   * The memo of the logs read as columns (loaded only by the commands that use it), or
   * undefined where none is kept. Its table() gives a ledger's log in text[start, end) as
   * columns, continuing the memo where it applies, and what `derived` derives from it line
   * by line; `bytes` are the file's, which `text` was decoded from.
   */
  readonly logMemo?: () => Promise<LogMemo | undefined>;
  /**
   * Runs `decide` under the locks of `paths` with their texts and `now`, the time read under
   * the locks (the write lands then: a lease granted ends ttl after it, a log line carries
   * it); writes what it returns. Use `now`, not ctx.now, for anything the write records.
   */
  update<T>(paths: readonly string[], decide: (texts: (string | undefined)[], now: number) => Update<T>): Promise<T>;
  readonly hasher: Hasher;
  /** --as, TASKGATE_ACTOR, then git's user.email / user.name; undefined if none is set. */
  actorName(): string | undefined;
  /** Where actorName's answer came from (whoami); undefined when nothing names anyone. */
  actorSource?(): ActorSource | undefined;
  readonly host: string;
  /** TASKGATE_SESSION: the agent session acting (run and work name their own); undefined in a plain terminal. */
  readonly session?: string | undefined;
  /**
   * Set when the board is shared through git (docs/share.md): where it lives in words, and
   * why the board shown may be older than the remote's (undefined: it is the remote's).
   */
  readonly board?:
    | {
        describe(): string;
        readonly offline: string | undefined;
        /** A long-lived process: fetch again at the next read when the last fetch is this old. */
        refresh(olderThanMs: number): void;
        /** serve: fetch in a child process (the server keeps answering); "ok" or why not. */
        fetchInBackground(timeoutMs: number): Promise<string>;
      }
    | undefined;
}

type Typed = Float64Array | Int32Array | Uint8Array;

/** What is derived from a log line by line, and kept in a memo as numbers and typed columns. */
export interface Derived<D> {
  /** `d` (undefined: nothing yet) brought up to the table's last line. */
  advance(table: LogTable, d: D | undefined): D;
  parts(d: D): { readonly numbers: Record<string, number>; readonly columns: Record<string, Typed> };
  /** undefined when the parts are not a D's. */
  fromParts(p: { readonly numbers: Record<string, number>; readonly columns: Record<string, Typed> }): D | undefined;
}

export interface LogMemo {
  table<D>(
    file: string,
    text: string,
    bytes: Uint8Array,
    start: number,
    end: number,
    derived?: Derived<D>,
  ): { table: LogTable; derived: D | undefined };
}

export interface Context {
  readonly paths: LedgerPaths;
  readonly now: number;
  readonly ports: Ports;
}
