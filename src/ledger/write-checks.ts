// The two checks of `check` that need a parser the line reader does not load: a schedule's
// cron expression (croner) and the approval rules (YAML). Every write refuses while a ledger
// has any error (issue #20), these included, but most boards have neither, and loading both
// parsers would cost every write several milliseconds. So the modules that own the parsers
// register their check here when they are loaded, and a ledger that needs one before it is
// loaded says so with ChecksNotLoaded; the command is then run again with both loaded
// (cli/main.ts), before anything was written.

import type { Diagnostic } from "../model/diagnostic.js";
import type { ApprovalsLedger } from "./approvals.js";
import type { Schedule } from "./tasks.js";

type ScheduleCheck = (file: string, schedules: readonly Schedule[]) => Diagnostic[];
type RulesCheck = (file: string, block: NonNullable<ApprovalsLedger["rules"]>) => Diagnostic[];

let scheduleCheck: ScheduleCheck | undefined;
let rulesCheck: RulesCheck | undefined;

export function registerScheduleCheck(check: ScheduleCheck): void {
  scheduleCheck = check;
}

export function registerRulesCheck(check: RulesCheck): void {
  rulesCheck = check;
}

/** A check a ledger needs has not been loaded yet: load them (loadWriteChecks) and run again. */
export class ChecksNotLoaded extends Error {
  constructor() {
    super("internal: a ledger check was needed before its parser was loaded");
  }
}

/** The schedules' and rules' errors of a ledger, as `check` reports them. */
export function parserChecks(
  file: string,
  ledger: { readonly schedules?: readonly Schedule[]; readonly rules?: ApprovalsLedger["rules"] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (ledger.schedules?.length) {
    if (!scheduleCheck) throw new ChecksNotLoaded();
    out.push(...scheduleCheck(file, ledger.schedules));
  }
  if (ledger.rules && ledger.rules.text.trim() !== "") {
    if (!rulesCheck) throw new ChecksNotLoaded();
    out.push(...rulesCheck(file, ledger.rules));
  }
  return out;
}
