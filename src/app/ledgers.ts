// Reading the ledgers for a use case, and the checks every write makes before and after.

import { type ApprovalsLedger, readApprovals } from "../ledger/approvals.js";
import { readCleanTasks } from "../ledger/clean-ledger.js";
import type { LedgerKind, LedgerText } from "../ledger/document.js";
import { applySplices, type Splice } from "../ledger/edit.js";
import { type LogSection, logIsClean, readLog } from "../ledger/log.js";
import { readTasks, type TasksLedger } from "../ledger/tasks.js";
import { parserChecks } from "../ledger/write-checks.js";
import { compareDiagnostics, type Diagnostic, formatDiagnostic, hasErrors } from "../model/diagnostic.js";
import type { TaskAction } from "../rules/matrix.js";
import { authorize } from "../rules/roles.js";
import type { Context } from "./context.js";
import { InvalidLedgerError, RefusedError, UsageError } from "./errors.js";

export function missingLedger(ctx: Context, which: LedgerKind): RefusedError {
  const name = which === "tasks" ? ctx.paths.tasksDisplay : ctx.paths.approvalsDisplay;
  return new RefusedError(
    `${name} does not exist; run "taskgate init" to create TASKS.md and APPROVALS.md, or point --dir at the folder that has them`,
  );
}

/**
 * The log's own errors (a malformed line, a time that is not UTC, a broken hash chain), found
 * by the same readLog with the same hash as `check` (lint.ts), for each ledger read here: keyed
 * by the ledger's diagnostics array, which is what every write hands to requireValid. They are
 * found only when a write asks (hashing every log line is work that status, list and show do
 * not do), and never left out: before, writes judged only the reader's diagnostics, so 109
 * writes went through on ledgers whose log `check` rejected (issue #20).
 */
const logChecks = new WeakMap<readonly Diagnostic[], () => Diagnostic[]>();

function withLogCheck<
  L extends { doc: LedgerText; log: LogSection; diagnostics: Diagnostic[] } & Parameters<typeof parserChecks>[1],
>(ctx: Context, ledger: L): L {
  let found: Diagnostic[] | undefined;
  logChecks.set(ledger.diagnostics, () => {
    found ??= [
      ...(logIsClean(ledger.doc, ledger.log.section, ctx.ports.hasher)
        ? []
        : readLog(ledger.doc, ledger.log, ctx.ports.hasher).diagnostics),
      // A bad schedule or approval rule, too (the parsers are loaded only where there are some).
      ...parserChecks(ledger.doc.file, ledger),
    ];
    return found;
  });
  return ledger;
}

export function parseTasks(ctx: Context, text: string | undefined): TasksLedger {
  if (text === undefined) throw missingLedger(ctx, "tasks");
  return withLogCheck(ctx, lastRead.full(ctx.paths.tasksDisplay, text));
}

/**
 * The last TASKS.md read, kept with its whole text: a long-lived process (taskgate mcp) is
 * asked again and again about a board that changed only by its own last write, or not at
 * all. A ledger is given back only for a text equal to the one it was read from, compared in
 * full, so an edit by anyone, by any means, is always seen. A read ledger is never changed.
 */
const lastRead = (() => {
  type Kept = { file: string; text: string; ledger: TasksLedger | undefined };
  let full: Kept | undefined;
  let clean: Kept | undefined;
  const same = (k: Kept | undefined, file: string, text: string): k is Kept =>
    k !== undefined && k.file === file && k.text === text;
  return {
    full(file: string, text: string): TasksLedger {
      if (!same(full, file, text)) full = { file, text, ledger: readTasks(file, text) };
      return full.ledger as TasksLedger;
    },
    clean(file: string, text: string): TasksLedger | undefined {
      if (!same(clean, file, text)) clean = { file, text, ledger: readCleanTasks(file, text) };
      return clean.ledger;
    },
  };
})();

/**
 * TASKS.md read only as far as the command asks when the board is clean (clean-ledger.ts:
 * set, the transitions, show, list); any other through readTasks, with its diagnostics.
 */
export function parseTasksLazily(ctx: Context, text: string | undefined): TasksLedger {
  if (text === undefined) throw missingLedger(ctx, "tasks");
  return withLogCheck(ctx, lastRead.clean(ctx.paths.tasksDisplay, text) ?? lastRead.full(ctx.paths.tasksDisplay, text));
}

export function parseApprovals(ctx: Context, text: string | undefined): ApprovalsLedger {
  if (text === undefined) throw missingLedger(ctx, "approvals");
  return withLogCheck(ctx, readApprovals(ctx.paths.approvalsDisplay, text));
}

export function loadTasks(ctx: Context): TasksLedger {
  return parseTasks(ctx, ctx.ports.readText(ctx.paths.tasks));
}

export function loadApprovals(ctx: Context): ApprovalsLedger | undefined {
  const text = ctx.ports.readText(ctx.paths.approvals);
  return text === undefined ? undefined : parseApprovals(ctx, text);
}

/**
 * Writes are refused while a ledger has errors: the diagnostics say what to fix. For a ledger
 * read by this module, `diagnostics` (its reader's) are joined by its log's, as `check` reports
 * them.
 */
export function requireValid(file: string, readerDiagnostics: readonly Diagnostic[]): void {
  const logCheck = logChecks.get(readerDiagnostics);
  const diagnostics = logCheck ? [...readerDiagnostics, ...logCheck()] : readerDiagnostics;
  if (!hasErrors(diagnostics)) return;
  const errors = diagnostics.filter((d) => d.severity === "error").sort(compareDiagnostics);
  throw new InvalidLedgerError(
    `${file} has ${errors.length} error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} first (nothing was written):\n${errors
      .slice(0, 10)
      .map(formatDiagnostic)
      .join("\n")}`,
    errors,
  );
}

/** Applies the splices and reads the result again: an edit may not leave an error behind. */
export function applyChecked(kind: LedgerKind, file: string, text: string, splices: readonly Splice[]): string {
  const next = applySplices(text, splices);
  // A result the clean scan answers for has no diagnostic at all; otherwise read it fully.
  // (Read as the next command will read it: a long-lived process then reads it only once.)
  if (kind === "tasks" && lastRead.clean(file, next)) return next;
  const after = kind === "tasks" ? readTasks(file, next).diagnostics : readApprovals(file, next).diagnostics;
  if (hasErrors(after)) {
    const errors = after.filter((d) => d.severity === "error").sort(compareDiagnostics);
    throw new InvalidLedgerError(
      `That change would leave ${file} invalid, so nothing was written:\n${errors.slice(0, 10).map(formatDiagnostic).join("\n")}`,
      errors,
    );
  }
  return next;
}

export function actingAs(ctx: Context, approvals: ApprovalsLedger, action: TaskAction) {
  const name = ctx.ports.actorName();
  if (!name) {
    throw new UsageError(
      'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"',
    );
  }
  requireValid(approvals.doc.file, approvals.diagnostics);
  const auth = authorize(approvals.actors, name, action, ctx.paths.approvalsDisplay);
  if (!auth.ok) throw new RefusedError(auth.message);
  return auth;
}

/** Loads the parsers behind the schedules' and rules' checks, so every write can run them. */
export async function loadWriteChecks(): Promise<void> {
  await import("../rules/schedules.js");
  await import("../rules/approval-rules.js");
}
