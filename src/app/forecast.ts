// forecast, and the phases' progress for status, board and the report: the board's phases and
// its log read once (the log through the log memo, as metrics reads it), then rules/forecast.ts.

import { stateCounts } from "../ledger/clean-ledger.js";
import { type Phase, phaseOf, readPhases } from "../ledger/phases.js";
import type { TasksLedger } from "../ledger/tasks.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { type Forecast, forecast } from "../rules/forecast.js";
import { LogFold } from "../rules/log-fold.js";
import { foldTasksLog } from "../rules/metrics.js";
import { type PhaseProgress, phaseProgress } from "../rules/phases.js";
import type { Context, Derived } from "./context.js";
import { RefusedError } from "./errors.js";
import { missingLedger, parseApprovals, parseTasksLazily } from "./ledgers.js";
import { logOf } from "./metrics.js";

/** The seed when none is given: the same board at the same time gives the same answer. */
export const DEFAULT_SEED = 1;

export interface ForecastScope {
  /** The phase; null for the whole board. */
  readonly phase: PhaseProgress | null;
  readonly forecast: Forecast;
}

export interface ForecastView {
  readonly scopes: readonly ForecastScope[];
  readonly errors: readonly Diagnostic[];
  readonly seed: number;
}

/** The phases of a board and each one's progress (none for a board without a Phases section). */
export function phasesOf(ledger: TasksLedger): { phases: Phase[]; progress: PhaseProgress[] } {
  // A board read lazily is clean, and the clean scan knows no Phases section: it has none (and
  // asking its document for its sections would read every entry).
  if (ledger.entryIds) return { phases: [], progress: [] };
  const phases = readPhases(ledger.doc, []);
  return { phases, progress: phases.length ? phaseProgress(phases, ledger.tasks) : [] };
}

/** What the forecasts need of the board: per scope, its progress and the times its tasks were done and added. */
interface ScopeFacts {
  readonly phase: PhaseProgress | null;
  readonly remaining: number;
  readonly done: number[];
  readonly added: number[];
}
interface ForecastFacts {
  /** Errors in the ledgers: the forecast is made anyway, but may be wrong. */
  readonly errors: Diagnostic[];
  readonly phases: string[];
  readonly since: number | null;
  readonly scopes: ScopeFacts[];
}

/**
 * The facts, through the memo when the ledgers did not change since the last call (as status
 * does): a forecast on a board of 10,000 tasks then reads neither its tasks nor its log.
 */
async function forecastFacts(ctx: Context): Promise<ForecastFacts> {
  const tasksFile = ctx.ports.readSnapshot(ctx.paths.tasks);
  if (!tasksFile) throw missingLedger(ctx, "tasks");
  const approvalsFile = ctx.ports.readSnapshot(ctx.paths.approvals);
  const sources = [tasksFile, approvalsFile];
  const memoized = ctx.ports.memo?.get("forecast", sources) as ForecastFacts | undefined;
  if (memoized) return memoized;
  const ledger = parseTasksLazily(ctx, tasksFile.text);
  // Phases and phase fields make a board other than clean (clean-scan.ts), so a clean board
  // has none and is forecast from its state counts alone.
  const { phases, progress } = phasesOf(ledger);
  const actors = (approvalsFile && parseApprovals(ctx, approvalsFile.text).actors) ?? new Map();
  const fold: Derived<LogFold> = {
    advance: (table, d) => foldTasksLog(table, actors, d),
    parts: (d) => d.parts(),
    fromParts: (p) => LogFold.fromParts(p),
  };
  const memo = await ctx.ports.logMemo?.();
  const { table, derived } = logOf(memo, ctx.paths.tasks, tasksFile.bytes, ledger.doc, ledger.log, fold);
  const folded = derived ?? foldTasksLog(table, actors);
  const doneTimes = folded.doneTime.view();
  const doneTarget = folded.doneTarget.view();
  const counts = stateCounts(ledger);
  const known = (xs: Iterable<number>) => [...xs].filter((t) => !Number.isNaN(t));
  const scopes: ScopeFacts[] = [
    {
      phase: null,
      remaining: counts.PLAN + counts.READY + counts.DOING + counts.REVIEW,
      done: [...doneTimes],
      added: known(folded.created),
    },
  ];
  if (phases.length) {
    // Each log target's phase now (a task's phase is its field's value today).
    const phaseIndex = new Map(phases.map((p, i) => [p.name, i]));
    const ofTask = new Map<string, number>();
    for (const t of ledger.tasks) {
      const p = phaseOf(t);
      const i = p === undefined ? undefined : phaseIndex.get(p);
      if (i !== undefined) ofTask.set(t.id, i);
    }
    const ofTarget = Int32Array.from(table.targets, (id) => ofTask.get(id) ?? -1);
    progress.forEach((p, i) => {
      const done: number[] = [];
      for (let k = 0; k < doneTimes.length; k++)
        if (ofTarget[doneTarget[k] as number] === i) done.push(doneTimes[k] as number);
      const added: number[] = [];
      for (let x = 0; x < ofTarget.length; x++) if (ofTarget[x] === i) added.push(folded.created[x] as number);
      scopes.push({ phase: p, remaining: p.total - p.done, done, added: known(added) });
    });
  }
  const facts: ForecastFacts = {
    errors: ledger.diagnostics.filter((d) => d.severity === "error"),
    phases: phases.map((p) => p.name),
    since: table.length ? (table.time[0] as number) : null,
    scopes,
  };
  ctx.ports.memo?.put("forecast", sources, facts);
  return facts;
}

export async function forecastView(
  ctx: Context,
  options: { phase?: string | undefined; seed?: number | undefined } = {},
): Promise<ForecastView> {
  const seed = options.seed ?? DEFAULT_SEED;
  const facts = await forecastFacts(ctx);
  if (options.phase !== undefined && !facts.phases.includes(options.phase)) {
    throw new RefusedError(
      `There is no phase "${options.phase}" in ${ctx.paths.tasksDisplay}${facts.phases.length ? ` (phases: ${facts.phases.join(", ")})` : " (it has no ## Phases section)"}`,
    );
  }
  const scopes = facts.scopes
    .filter((s) => (options.phase === undefined ? true : s.phase?.name === options.phase))
    .map((s) => ({
      phase: s.phase,
      forecast: forecast({
        doneTimes: s.done,
        addedTimes: s.added,
        remaining: s.remaining,
        now: ctx.now,
        since: facts.since ?? undefined,
        due: s.phase?.due,
        seed,
      }),
    }));
  return { scopes, seed, errors: facts.errors };
}
