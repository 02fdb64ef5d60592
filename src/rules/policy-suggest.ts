// `policy suggest`: changes to the policy and the approval rules that the board's own history
// argues for, each with the counts and dates a person can check in the logs. Pure: the
// approvals, the tasks' labels and the log's facts in, suggestions out. Nothing here applies
// a suggestion: `policy suggest --request` files each as an approval request for another
// AUDIT. The thresholds are SUGGEST below, and docs/forecast.md lists them.

import { type LogTable, W } from "../ledger/log-facts.js";
import type { Policy } from "../model/task.js";
import { formatDuration, formatTime } from "../model/time.js";

export const SUGGEST = {
  /** Approvals of a label's tasks needed before anything is said about the label. */
  minApprovals: 10,
  /** Automatically approved work sent back or reopened in more than this share: stop auto-approving. */
  maxReworkShare: 0.2,
  /** Runs (spells in DOING) needed before the lease is judged. */
  minRuns: 20,
  /** The lease suggested: the 95th percentile run time, with this margin, in whole minutes. */
  leaseMargin: 1.25,
} as const;

export interface DecidedApproval {
  readonly id: string;
  /** The task it approved. */
  readonly task: string;
  readonly decidedAt: number;
  /** Decided by a rule (or an automation actor), not a person. */
  readonly automatic: boolean;
}

export interface SuggestInput {
  readonly approvals: readonly DecidedApproval[];
  readonly labelsOf: ReadonlyMap<string, readonly string[]>;
  readonly tasksLog: LogTable;
  /** How long each run lasted: the spells in DOING (claim to leaving DOING). */
  readonly runLengths: ArrayLike<number>;
  /** Leases that expired and were recovered. */
  readonly leaseExpiries: number;
  readonly policy: Policy;
}

export type SuggestionKind = "stop-auto-approve" | "auto-approve" | "lease";

export interface Suggestion {
  readonly kind: SuggestionKind;
  /** The change, in one line (the approval request's subject). */
  readonly change: string;
  /** What to write where, for the person who applies it. */
  readonly apply: string;
  /** Counts and dates to check in the logs. */
  readonly evidence: readonly string[];
}

export function suggestPolicy(input: SuggestInput): Suggestion[] {
  const out: Suggestion[] = [];
  // When each task was sent back (rework) or reopened (moved out of DONE), from the log.
  const T = input.tasksLog;
  const sentBack = new Map<string, number[]>();
  for (let i = 0; i < T.length; i++) {
    const action = T.action[i] as number;
    const reopened = T.from[i] === W.DONE && T.to[i] !== W.DONE && T.to[i] !== 0;
    if (action !== W.rework && !reopened) continue;
    const id = T.targets[T.target[i] as number] as string;
    const list = sentBack.get(id);
    if (list) list.push(T.time[i] as number);
    else sentBack.set(id, [T.time[i] as number]);
  }
  const backAfter = (a: DecidedApproval) => sentBack.get(a.task)?.find((t) => t >= a.decidedAt);

  // Per label: its approvals, automatic and by people, and which were sent back after.
  const byLabel = new Map<string, { auto: DecidedApproval[]; manual: DecidedApproval[] }>();
  for (const a of input.approvals) {
    for (const label of input.labelsOf.get(a.task) ?? []) {
      let e = byLabel.get(label);
      if (!e) byLabel.set(label, (e = { auto: [], manual: [] }));
      (a.automatic ? e.auto : e.manual).push(a);
    }
  }
  const span = (xs: readonly DecidedApproval[]) => {
    const times = xs.map((a) => a.decidedAt).sort((a, b) => a - b);
    return `${formatTime(times[0] as number)} to ${formatTime(times[times.length - 1] as number)}`;
  };
  for (const [label, { auto, manual }] of [...byLabel].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const backAuto = auto.filter((a) => backAfter(a) !== undefined);
    if (auto.length >= SUGGEST.minApprovals && backAuto.length / auto.length > SUGGEST.maxReworkShare) {
      out.push({
        kind: "stop-auto-approve",
        change: `rules: stop auto-approving label ${label}`,
        apply: `in APPROVALS.md's rules, before the approve rules: - id: no-auto-${label}\n  deny: { labels: [${label}] }`,
        evidence: [
          `${backAuto.length} of ${auto.length} automatic approvals of ${label} tasks (${Math.round((backAuto.length / auto.length) * 100)}%, more than ${SUGGEST.maxReworkShare * 100}%) were sent back or reopened after, ${span(auto)}`,
          `sent back: ${backAuto
            .slice(0, 10)
            .map((a) => `${a.task} (${a.id}, at ${formatTime(backAfter(a) as number)})`)
            .join(", ")}${backAuto.length > 10 ? ", ..." : ""}`,
        ],
      });
    }
    const backManual = manual.filter((a) => backAfter(a) !== undefined);
    if (auto.length === 0 && manual.length >= SUGGEST.minApprovals && backManual.length === 0) {
      out.push({
        kind: "auto-approve",
        change: `rules: auto-approve label ${label} in REVIEW`,
        apply: `in APPROVALS.md's rules: - id: auto-${label}\n  approve: { labels: [${label}], subject-state: REVIEW }`,
        evidence: [
          `${manual.length} approvals of ${label} tasks by people, none sent back or reopened after, ${span(manual)}; none automatic yet`,
          `approvals: ${manual
            .slice(0, 10)
            .map((a) => a.id)
            .join(", ")}${manual.length > 10 ? ", ..." : ""}`,
        ],
      });
    }
  }

  // The lease against how long runs take.
  const runs = Float64Array.from(input.runLengths).sort();
  if (runs.length >= SUGGEST.minRuns) {
    const p95 = runs[Math.max(0, Math.ceil(0.95 * runs.length) - 1)] as number;
    if (p95 > input.policy.lease) {
      const lease = Math.ceil((p95 * SUGGEST.leaseMargin) / 60_000) * 60_000;
      out.push({
        kind: "lease",
        change: `policy: lease ${formatDuration(input.policy.lease)} -> ${formatDuration(lease)}`,
        apply: `in TASKS.md's ## Policy: - lease: ${formatDuration(lease)}`,
        evidence: [
          `the 95th percentile of ${runs.length} runs (time in DOING) is ${formatDuration(Math.round(p95 / 1000) * 1000)}, longer than the lease of ${formatDuration(input.policy.lease)}`,
          `${input.leaseExpiries} leases expired and were recovered; ${formatDuration(lease)} is the 95th percentile with ${Math.round((SUGGEST.leaseMargin - 1) * 100)}% margin`,
        ],
      });
    }
  }
  return out;
}
