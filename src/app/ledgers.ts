// Reading the ledgers for a use case, and the checks every write makes before and after.

import { type ApprovalsLedger, readApprovals } from "../ledger/approvals.js";
import { cleanScanOf, readCleanTasks } from "../ledger/clean-ledger.js";
import { cleanAfterSplices } from "../ledger/clean-splice.js";
import type { LedgerKind, LedgerText } from "../ledger/document.js";
import { applySplices, type Splice } from "../ledger/edit.js";
import { chainFrom, type LogSection, lastHashIn, logIsClean, readLog } from "../ledger/log.js";
import { readTasks, type TasksLedger } from "../ledger/tasks.js";
import { parserChecks } from "../ledger/write-checks.js";
import { compareDiagnostics, type Diagnostic, formatDiagnostic, hasErrors } from "../model/diagnostic.js";
import type { TaskAction } from "../rules/matrix.js";
import { authorize } from "../rules/roles.js";
import type { Context, Ports } from "./context.js";
import { InvalidLedgerError, MissingLedgerError, RefusedError, UsageError } from "./errors.js";

export function missingLedger(ctx: Context, which: LedgerKind): RefusedError {
  const name = which === "tasks" ? ctx.paths.tasksDisplay : ctx.paths.approvalsDisplay;
  return new MissingLedgerError(
    `${name} does not exist; run "taskgate init" to create TASKS.md and APPROVALS.md, or point --dir at the folder that has them`,
    name,
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

interface Proof {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The hash of the log's last line ("" for an empty log). */
  readonly last: string;
  readonly memo: NonNullable<Ports["memo"]>;
  readonly hasher: Ports["hasher"];
}

/**
 * TASKS.md texts whose log this process proved clean (the last read, and the one its write
 * leaves): the whole text, where
 * its "## Log" section lies and the hash of its last line. applyChecked proves a written log
 * clean by checking only the lines the write appended to one of them, and a decision the
 * store runs again on the same text (store.ts) finds its proof here, not in the memo, which
 * by then holds the log that write was about to leave.
 */
const proofs: Proof[] = [];

function proofOf(text: string, start?: number, end?: number): Proof | undefined {
  return proofs.find((p) => p.text === text && (start === undefined || (p.start === start && p.end === end)));
}

/** Keeps only these proofs (and so only these texts: at 50,000 tasks each is 16 MB). */
function keepProofs(...kept: Proof[]): void {
  proofs.splice(0, proofs.length, ...kept);
}

const MEMO_NAME = "log-clean";

const utf8 = new TextEncoder();

/**
 * Whether the log in `section` is clean, as logIsClean says. A memo (ctx.ports.logCheckMemo,
 * which compares the section's bytes in full, as status's memo does) answers for a log a
 * write of this build proved clean: the log it wrote, unchanged since by anyone. Each write
 * then hashes only the lines it appends, not every line of the log again.
 */
function logCheckedClean(ctx: Context, doc: LedgerText, log: LogSection, memo: Ports["memo"]): boolean {
  const { section } = log;
  const { hasher } = ctx.ports;
  if (!memo || !section) return logIsClean(doc, section, hasher);
  const known = proofOf(doc.text, section.start, section.end);
  if (known) {
    keepProofs({ ...known, text: doc.text });
    return true;
  }
  const at = { text: doc.text, start: section.start, end: section.end, memo, hasher };
  if (memo.get(MEMO_NAME, [utf8.encode(doc.text.slice(section.start, section.end))]) === true) {
    keepProofs({ ...at, last: lastHashIn(doc.text, section.start, section.end) });
    return true;
  }
  const nl = doc.text.indexOf("\n", section.start) + 1; // the line after the heading
  const last = nl === 0 ? "" : chainFrom(doc.text, nl, section.end, "", hasher);
  if (last === undefined) return false;
  keepProofs({ ...at, last });
  // Remembered now, not only by a write that lands: a refused or idle write (a task not in
  // the state asked for, nothing to change) hashed every log line again at each call until
  // one landed (57 ms of 170 at 10,000 tasks), and so did every write after a new build.
  memo.put(MEMO_NAME, [utf8.encode(doc.text.slice(section.start, section.end))], true);
  return true;
}

/**
 * After a write to TASKS.md (text -> next) whose log was proven clean: when the new log is the
 * proven one with lines appended, those lines are checked (chainFrom, from the proven last
 * hash) and, if clean, the new log is put in the memo for the next write.
 */
function rememberCleanLog(
  text: string,
  next: string,
  section: { readonly start: number; readonly end: number } | undefined,
): void {
  const p = proofOf(text);
  if (!p || !section) return;
  const length = p.end - p.start;
  const from = section.start + length;
  if (from > section.end || !next.startsWith(text.slice(p.start, p.end), section.start)) return;
  // The appended text must start a line: the proven last line is then unchanged.
  if (length > 0 && next.charCodeAt(from - 1) !== 10 && next.charCodeAt(from) !== 10 && from !== section.end) return;
  const last = from === section.end ? p.last : chainFrom(next, from, section.end, p.last, p.hasher);
  if (last === undefined) return;
  const logText = next.slice(section.start, section.end);
  p.memo.put(MEMO_NAME, [utf8.encode(logText)], true);
  keepProofs({ ...p, text: next, start: section.start, end: section.end, last }, p);
}

const PARSER_CHECKS = "parser-checks";

/**
 * parserChecks, answered by a memo (ctx.ports.parserCheckMemo) for schedules and rules this
 * build found clean before: the memo is keyed by exactly what the checks read (each
 * schedule's name and cron expression, the rules block's text; not where they are, which
 * changes no verdict) and compares it in full, so any change to them is checked again. A clean
 * board's writes then load neither croner nor the YAML parser, and are not run a second time
 * to load them (cli/main.ts): 5 to 10 ms of each write on a board with both.
 */
function memoizedParserChecks(ctx: Context, ledger: Parameters<typeof parserChecks>[1] & { doc: LedgerText }) {
  const schedules = ledger.schedules?.length ? ledger.schedules.map((s) => [s.name, s.spec]) : [];
  const rules = ledger.rules && ledger.rules.text.trim() !== "" ? ledger.rules.text : undefined;
  const memo = ctx.ports.parserCheckMemo?.(ledger.doc.kind);
  if (!memo || (schedules.length === 0 && rules === undefined)) return parserChecks(ledger.doc.file, ledger);
  const sources = [utf8.encode(JSON.stringify([schedules, rules ?? null]))];
  if (memo.get(PARSER_CHECKS, sources) === true) return [];
  const found = parserChecks(ledger.doc.file, ledger);
  if (found.length === 0) memo.put(PARSER_CHECKS, sources, true);
  return found;
}

function withLogCheck<
  L extends { doc: LedgerText; log: LogSection; diagnostics: Diagnostic[] } & Parameters<typeof parserChecks>[1],
>(ctx: Context, ledger: L, memo?: Ports["memo"]): L {
  let found: Diagnostic[] | undefined;
  logChecks.set(ledger.diagnostics, () => {
    found ??= [
      ...(logCheckedClean(ctx, ledger.doc, ledger.log, memo)
        ? []
        : readLog(ledger.doc, ledger.log, ctx.ports.hasher).diagnostics),
      // A bad schedule or approval rule, too (the parsers are loaded only where there are some).
      ...memoizedParserChecks(ctx, ledger),
    ];
    return found;
  });
  return ledger;
}

export function parseTasks(ctx: Context, text: string | undefined): TasksLedger {
  if (text === undefined) throw missingLedger(ctx, "tasks");
  return withLogCheck(ctx, lastRead.full(ctx.paths.tasksDisplay, text), ctx.ports.logCheckMemo);
}

/**
 * The last TASKS.md read, kept with its whole text: a long-lived process (taskgate mcp) is
 * asked again and again about a board that changed only by its own last write, or not at
 * all. A ledger is given back only for a text equal to the one it was read from, compared in
 * full, so an edit by anyone, by any means, is always seen. A read ledger is never changed.
 */
const lastRead = (() => {
  type Kept = { file: string; text: string; readonly ledger: TasksLedger | undefined };
  /** A text read clean when first asked for (a write's result is, only if read again). */
  const lazily = (file: string, text: string): Kept => {
    let ledger: TasksLedger | undefined | null = null;
    return {
      file,
      text,
      get ledger() {
        if (ledger === null) ledger = readCleanTasks(file, text);
        return ledger;
      },
    };
  };
  let full: Kept | undefined;
  // The last two texts read clean: a write reads the board, then the text it would leave; when
  // the store plans it again at a later second (store.ts), the board is known without a scan.
  let clean: Kept | undefined;
  let cleanBefore: Kept | undefined;
  const same = (k: Kept | undefined, file: string, text: string): k is Kept =>
    k !== undefined && k.file === file && k.text === text;
  return {
    full(file: string, text: string): TasksLedger {
      if (!same(full, file, text)) full = { file, text, ledger: readTasks(file, text) };
      return full.ledger as TasksLedger;
    },
    clean(file: string, text: string): TasksLedger | undefined {
      if (same(clean, file, text)) return clean.ledger;
      if (same(cleanBefore, file, text)) [clean, cleanBefore] = [cleanBefore, clean];
      else [clean, cleanBefore] = [lazily(file, text), clean];
      return clean.ledger;
    },
    /** The ledger of `text` when it was read clean here already, else undefined (nothing read). */
    ifRead(file: string, text: string): TasksLedger | undefined {
      if (same(clean, file, text)) return clean.ledger;
      if (same(cleanBefore, file, text)) return cleanBefore.ledger;
      return undefined;
    },
    /** Keeps `text` as the last one read, to be read clean when asked for. */
    keep(file: string, text: string): void {
      if (!same(clean, file, text)) [clean, cleanBefore] = [lazily(file, text), clean];
    },
  };
})();

/**
 * TASKS.md read only as far as the command asks when the board is clean (clean-ledger.ts:
 * set, the transitions, show, list); any other through readTasks, with its diagnostics.
 */
export function parseTasksLazily(ctx: Context, text: string | undefined): TasksLedger {
  if (text === undefined) throw missingLedger(ctx, "tasks");
  return withLogCheck(
    ctx,
    lastRead.clean(ctx.paths.tasksDisplay, text) ?? lastRead.full(ctx.paths.tasksDisplay, text),
    ctx.ports.logCheckMemo,
  );
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
  // A write of one task to a clean board: only what it changed is checked (clean-splice.ts),
  // not the whole board again.
  const read = kind === "tasks" ? lastRead.ifRead(file, text) : undefined;
  const scan = read && cleanScanOf(read);
  const fast = scan && cleanAfterSplices(text, scan, splices);
  if (fast) {
    lastRead.keep(file, next);
    rememberCleanLog(text, next, fast.log);
    return next;
  }
  // A result the clean scan answers for has no diagnostic at all; otherwise read it fully.
  // (Read as the next command will read it: a long-lived process then reads it only once.)
  const clean = kind === "tasks" ? lastRead.clean(file, next) : undefined;
  if (clean) {
    rememberCleanLog(text, next, clean.log.section);
    return next;
  }
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
