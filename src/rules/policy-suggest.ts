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
  /** Tasks that failed and were then done, needed before max-attempts is judged. */
  minRecovered: 10,
  /** More than this share of them done only on the last allowed attempt: one attempt more. */
  maxLastAttemptShare: 0.2,
  /** Runs needed on each side of the median WIP before the WIP limit is judged. */
  minRunsPerSide: 10,
  /** Runs started at a WIP above the median taking this many times as long (median) as the others. */
  wipSlowdown: 1.5,
  /** Retries after a failure needed on each side of the median wait before the backoff is judged. */
  minRetriesPerSide: 10,
  /** Retries made sooner than the median wait failing again this many times as often as the later ones. */
  retryFailRatio: 1.5,
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

export type SuggestionKind = "stop-auto-approve" | "auto-approve" | "lease" | "max-attempts" | "wip-limit" | "backoff";

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
      if (!e) {
        e = { auto: [], manual: [] };
        byLabel.set(label, e);
      }
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
  out.push(...attemptsSuggestion(input), ...backoffSuggestion(input), ...wipSuggestion(input));
  return out;
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length / 2) - 1)] as number;

/** Tasks done after failing: how many needed the last attempt the policy allows. */
function attemptsSuggestion(input: SuggestInput): Suggestion[] {
  const T = input.tasksLog;
  const failures = new Map<number, number>();
  const recovered: { id: string; failures: number }[] = [];
  for (let i = 0; i < T.length; i++) {
    const x = T.target[i] as number;
    const action = T.action[i] as number;
    if (action === W.fail || action === W.recover) failures.set(x, (failures.get(x) ?? 0) + 1);
    else if (T.to[i] === W.DONE && T.from[i] !== W.DONE) {
      const n = failures.get(x) ?? 0;
      if (n > 0) recovered.push({ id: T.targets[x] as string, failures: n });
      failures.delete(x);
    }
  }
  const max = input.policy.maxAttempts;
  const last = recovered.filter((r) => r.failures >= max - 1);
  if (recovered.length < SUGGEST.minRecovered || last.length / recovered.length <= SUGGEST.maxLastAttemptShare)
    return [];
  return [
    {
      kind: "max-attempts",
      change: `policy: max-attempts ${max} -> ${max + 1}`,
      apply: `in TASKS.md's ## Policy: - max-attempts: ${max + 1}`,
      evidence: [
        `${last.length} of ${recovered.length} tasks that failed and were then done (${Math.round((last.length / recovered.length) * 100)}%, more than ${SUGGEST.maxLastAttemptShare * 100}%) needed the last attempt allowed (${max - 1} failures or more): ${last
          .slice(0, 10)
          .map((r) => r.id)
          .join(", ")}${last.length > 10 ? ", ..." : ""}`,
        "so tasks stopped as dead letters at that limit may well have been done with one attempt more",
      ],
    },
  ];
}

/** Runs started when many tasks were in DOING against the others: does flow slow down with WIP? */
function wipSuggestion(input: SuggestInput): Suggestion[] {
  const T = input.tasksLog;
  let wip = 0;
  const entered = new Map<number, { time: number; wip: number }>();
  const runs: { wip: number; length: number }[] = [];
  for (let i = 0; i < T.length; i++) {
    const x = T.target[i] as number;
    const from = T.from[i] as number;
    const to = T.to[i] as number;
    if (from === W.DOING && to !== W.DOING && to !== 0) {
      const e = entered.get(x);
      if (e) runs.push({ wip: e.wip, length: (T.time[i] as number) - e.time });
      entered.delete(x);
      wip = Math.max(0, wip - 1);
    }
    if (to === W.DOING && from !== W.DOING) {
      wip++;
      entered.set(x, { time: T.time[i] as number, wip });
    }
  }
  if (!runs.length) return [];
  const level = median(runs.map((r) => r.wip));
  const low = runs.filter((r) => r.wip <= level).map((r) => r.length);
  const high = runs.filter((r) => r.wip > level).map((r) => r.length);
  if (low.length < SUGGEST.minRunsPerSide || high.length < SUGGEST.minRunsPerSide) return [];
  const lowMedian = median(low);
  const highMedian = median(high);
  if (highMedian <= lowMedian * SUGGEST.wipSlowdown) return [];
  const current = input.policy.wipLimit.DOING;
  if (current !== undefined && current <= level) return [];
  const secs = (ms: number) => formatDuration(Math.max(1000, Math.round(ms / 1000) * 1000));
  return [
    {
      kind: "wip-limit",
      change: `policy: wip-limit DOING ${current ?? "none"} -> ${level}`,
      apply: `in TASKS.md's ## Policy: - wip-limit: DOING=${level}${Object.entries(input.policy.wipLimit)
        .filter(([s]) => s !== "DOING")
        .map(([s, n]) => `, ${s}=${n}`)
        .join("")}`,
      evidence: [
        `${high.length} runs started with more than ${level} tasks in DOING took ${secs(highMedian)} (median), ${lowMedian > 0 ? `${Math.round((highMedian / lowMedian) * 10) / 10} times` : "longer than"} the ${secs(lowMedian)} of the ${low.length} runs started with ${level} or fewer`,
      ],
    },
  ];
}

/** Retries after a failure: do those made soon after it fail again more often than later ones? */
function backoffSuggestion(input: SuggestInput): Suggestion[] {
  const T = input.tasksLog;
  const failedAt = new Map<number, number>();
  const open = new Map<number, { wait: number; failed: boolean }>();
  const retries: { wait: number; failed: boolean }[] = [];
  for (let i = 0; i < T.length; i++) {
    const x = T.target[i] as number;
    const action = T.action[i] as number;
    const time = T.time[i] as number;
    if (action === W.fail || action === W.recover) {
      const r = open.get(x);
      if (r) {
        r.failed = true;
        retries.push(r);
        open.delete(x);
      }
      failedAt.set(x, time);
    } else if (T.to[i] === W.DOING && T.from[i] !== W.DOING && failedAt.has(x)) {
      open.set(x, { wait: time - (failedAt.get(x) as number), failed: false });
      failedAt.delete(x);
    } else if ((T.to[i] === W.REVIEW || T.to[i] === W.DONE) && open.has(x)) {
      retries.push(open.get(x) as { wait: number; failed: boolean });
      open.delete(x);
    }
  }
  if (!retries.length) return [];
  const wait = median(retries.map((r) => r.wait));
  const soon = retries.filter((r) => r.wait <= wait);
  const later = retries.filter((r) => r.wait > wait);
  if (soon.length < SUGGEST.minRetriesPerSide || later.length < SUGGEST.minRetriesPerSide) return [];
  const share = (xs: typeof retries) => xs.filter((r) => r.failed).length / xs.length;
  const soonShare = share(soon);
  const laterShare = share(later);
  if (soonShare <= laterShare * SUGGEST.retryFailRatio || soonShare === 0) return [];
  const min = Math.max(60_000, Math.ceil(wait / 60_000) * 60_000 + 60_000);
  const { backoff } = input.policy;
  if (min <= backoff.min) return [];
  const max = Math.max(backoff.max, min);
  const pctOf = (x: number) => `${Math.round(x * 100)}%`;
  return [
    {
      kind: "backoff",
      change: `policy: backoff ${formatDuration(backoff.min)}..${formatDuration(backoff.max)} -> ${formatDuration(min)}..${formatDuration(max)}`,
      apply: `in TASKS.md's ## Policy: - backoff: ${formatDuration(min)}..${formatDuration(max)}`,
      evidence: [
        `${soon.filter((r) => r.failed).length} of ${soon.length} retries started within ${formatDuration(Math.max(1000, Math.round(wait / 1000) * 1000))} of a failure failed again (${pctOf(soonShare)}), against ${later.filter((r) => r.failed).length} of ${later.length} started later (${pctOf(laterShare)})`,
      ],
    },
  ];
}
