// Everything one ledger says about itself: the reader's diagnostics plus the log's chain.

import { compareDiagnostics, type Diagnostic } from "../model/diagnostic.js";
import { type ApprovalsLedger, readApprovals } from "./approvals.js";
import type { LedgerKind } from "./document.js";
import { type Hasher, type LogEntry, readLog } from "./log.js";
import { readTasks, type TasksLedger } from "./tasks.js";

export interface Linted<L> {
  readonly ledger: L;
  readonly log: LogEntry[];
  readonly diagnostics: Diagnostic[];
}

export function lintLedger(kind: "tasks", file: string, text: string, hasher: Hasher): Linted<TasksLedger>;
export function lintLedger(kind: "approvals", file: string, text: string, hasher: Hasher): Linted<ApprovalsLedger>;
export function lintLedger(
  kind: LedgerKind,
  file: string,
  text: string,
  hasher: Hasher,
): Linted<TasksLedger | ApprovalsLedger>;
export function lintLedger(
  kind: LedgerKind,
  file: string,
  text: string,
  hasher: Hasher,
): Linted<TasksLedger | ApprovalsLedger> {
  const ledger = kind === "tasks" ? readTasks(file, text) : readApprovals(file, text);
  const log = readLog(ledger.doc, ledger.log, hasher);
  return {
    ledger,
    log: log.entries,
    diagnostics: [...ledger.diagnostics, ...log.diagnostics].sort(compareDiagnostics),
  };
}
