// status's answer from its memo alone: what a status on a board that did not change needs,
// apart from the readers that derive it (views.ts statusView), so that the quick start of
// `taskgate status` (src/cli/quick-status.ts) loads no parser.

import type { PhaseProgress } from "../rules/phases.js";
import { type StatusFacts, type StatusSummary, summarize } from "../rules/summary.js";
import type { Context } from "./context.js";

/** What status keeps in its memo: all that depends on the ledgers' contents alone. */
export interface StatusMemo {
  /** Each phase's progress (none without a Phases section). */
  readonly phases: readonly PhaseProgress[];
  readonly facts: StatusFacts;
  readonly errors: number;
  readonly warnings: number;
  readonly approvalsFound: boolean;
  /** TASKS.md has a Hooks section (docs/hooks.md): status then reports on their delivery. */
  readonly hasHooks: boolean;
}

/** The memo's facts judged at a time: the counts, leases and approvals as of then. */
export interface StatusView extends Omit<StatusMemo, "facts"> {
  readonly summary: StatusSummary;
}

/** The memo's name for status's facts. */
export const STATUS_MEMO = "status";

/** A Hooks section's heading, at a line's start. */
export const HOOKS_HEADING = /(^|\n)## Hooks[ \t]*\r?\n/;

type Snapshot = NonNullable<ReturnType<Context["ports"]["readSnapshot"]>>;

/** Both ledgers as snapshots (read when asked for); undefined when TASKS.md is not there. */
export function statusSources(
  ctx: Pick<Context, "paths"> & { readonly ports: Pick<Context["ports"], "readSnapshot"> },
): [Snapshot, Snapshot | undefined] | undefined {
  const tasks = ctx.ports.readSnapshot(ctx.paths.tasks);
  return tasks ? [tasks, ctx.ports.readSnapshot(ctx.paths.approvals)] : undefined;
}

/** The facts the memo keeps for exactly these ledgers, or undefined; `cheap`: see Memo.get. */
export function statusMemo(
  ctx: { readonly ports: Pick<Context["ports"], "memo"> },
  sources: [Snapshot, Snapshot | undefined],
  cheap = false,
): StatusMemo | undefined {
  return ctx.ports.memo?.get(STATUS_MEMO, sources, { cheap }) as StatusMemo | undefined;
}

/** The view at `now` (leases and approvals are judged at it, never kept). */
export function statusOf(memo: StatusMemo, now: number): StatusView {
  const { facts, ...rest } = memo;
  return { ...rest, summary: summarize(facts, now) };
}
