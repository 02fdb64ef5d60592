// Typed errors carrying the exit code; only the CLI's entry point turns them into an exit.

import type { Diagnostic } from "../model/diagnostic.js";

export const EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  invalid: 3,
  busy: 4,
  nothingToDo: 5,
  problem: 6,
  /** The machine said no: no space, no permission, a read-only or missing folder (sysexits EX_IOERR). */
  machine: 74,
  /** The shared board's remote could not be reached (docs/share.md). */
  unreachable: 7,
  internal: 70,
} as const;

export class TaskgateError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A rule said no: wrong role, wrong state, unknown task, bad value. Nothing was written. */
export class RefusedError extends TaskgateError {
  constructor(message: string) {
    super(message, EXIT.refused);
  }
}

/** A ledger that is not there: every command but init says to run init (or where to point --dir). */
export class MissingLedgerError extends RefusedError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export class UsageError extends TaskgateError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A ledger has errors; the diagnostics say where. Nothing was written. */
export class InvalidLedgerError extends TaskgateError {
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(message, EXIT.invalid);
  }
}

/** The ledger was locked or changed by another process for too long; run the command again. */
export class BusyError extends TaskgateError {
  constructor(message: string) {
    super(message, EXIT.busy);
  }
}

/**
 * A fault of the machine, not of taskgate nor of the ledgers: no space, no permission, a
 * read-only file system, taskgate's own folder not a folder, too many open files. One line
 * naming the path, the cause and what to do; what was (or was not) changed is in the message.
 */
export class MachineFaultError extends TaskgateError {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string,
  ) {
    super(message, EXIT.machine);
  }
}

/** The shared board's remote could not be reached, so nothing was written or counted as held. */
export class UnreachableError extends TaskgateError {
  constructor(message: string) {
    super(message, EXIT.unreachable);
  }
}
