// What went wrong, as the facts of a `taskgate.error` document (documents.ts): the stable code
// (refusals get the MCP server's codes, read from the ledger by refusal.ts), the sentence, the
// file and line where there is one, and the exit code.

import { diagnosticJson } from "../model/diagnostic.js";
import { MATRIX, type TaskAction } from "../rules/matrix.js";
import type { Context } from "./context.js";
import type { ErrorFacts } from "./documents.js";
import {
  BusyError,
  EXIT,
  InvalidLedgerError,
  MachineFaultError,
  MissingLedgerError,
  RefusedError,
  type TaskgateError,
  UnreachableError,
  UsageError,
} from "./errors.js";
import { parseTasksLazily } from "./ledgers.js";
import { explainRefusal } from "./refusal.js";

/** The command that failed and the task (or approval) it named, for the refusal's code. */
export interface Attempted {
  readonly command?: string | undefined;
  readonly id?: string | undefined;
  /** An approval's ID among the arguments. */
  readonly approval?: string | undefined;
  /** Whether a non-empty --reason was given. */
  readonly reasonGiven?: boolean;
}

export function errorFacts(e: TaskgateError, ctx: Context | undefined, attempted: Attempted): ErrorFacts {
  const base = { message: e.message, exitCode: e.exitCode };
  if (e instanceof InvalidLedgerError) {
    const first = e.diagnostics.find((d) => d.severity === "error") ?? e.diagnostics[0];
    return {
      ...base,
      code: "INVALID_LEDGER",
      file: first?.file,
      line: first?.line,
      diagnostics: e.diagnostics.map(diagnosticJson),
    };
  }
  if (e instanceof MissingLedgerError) return { ...base, code: "NO_BOARD", file: e.file };
  if (e instanceof MachineFaultError) return { ...base, code: "MACHINE", file: e.path };
  if (e instanceof UnreachableError) return { ...base, code: "UNREACHABLE" };
  if (e instanceof BusyError) return { ...base, code: "BUSY" };
  if (e instanceof UsageError) return { ...base, code: "INVALID_ARGUMENT" };
  if (!(e instanceof RefusedError) || !ctx) return { ...base, code: e.exitCode === EXIT.refused ? "REFUSED" : "ERROR" };
  // `next --claim` claims: its refusals are a claim's.
  const command = attempted.command === "next" ? "claim" : attempted.command;
  const action = command && command in MATRIX ? (command as TaskAction) : undefined;
  if ((command === "approve" || command === "reject") && attempted.approval !== undefined) {
    const decision = {
      id: attempted.approval,
      decision: command,
      reasonGiven: Boolean(attempted.reasonGiven),
    } as const;
    const r = explainRefusal(ctx, e, { decision });
    return {
      ...base,
      code: r?.code ?? "REFUSED",
      next: r?.next,
      ...(r?.code === "NOT_FOUND" ? { file: ctx.paths.approvalsDisplay } : {}),
    };
  }
  if (!action) {
    // A command outside the role matrix (show, run, approve, ...): only whether the task exists.
    if (attempted.id !== undefined && !taskExists(ctx, attempted.id))
      return { ...base, code: "NOT_FOUND", file: ctx.paths.tasksDisplay };
    return { ...base, code: "REFUSED" };
  }
  const r = explainRefusal(ctx, e, { action, id: attempted.id });
  return {
    ...base,
    code: r?.code ?? "REFUSED",
    next: r?.next,
    holder: r?.holder,
    retryAfter: r?.retryAfter,
    ...(r?.code === "NOT_FOUND" ? { file: ctx.paths.tasksDisplay } : {}),
  };
}

function taskExists(ctx: Context, id: string): boolean {
  try {
    return parseTasksLazily(ctx, ctx.ports.readText(ctx.paths.tasks)).byId.has(id);
  } catch {
    return true; // cannot tell: say nothing more than "refused"
  }
}
