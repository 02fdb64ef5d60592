// The measures in Prometheus' text exposition format, for node_exporter's textfile collector:
// names start with taskgate_, units are in the names (_seconds, _ratio), counters end in
// _total, and no label ever holds a task ID (labels stay few and bounded).

import type { Metrics, Spread } from "./metrics.js";
import type { ReportForecast } from "./report-html.js";

type Labels = Readonly<Record<string, string>>;

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const labelText = (l: Labels) => {
  const keys = Object.keys(l);
  return keys.length ? `{${keys.map((k) => `${k}="${escapeLabel(l[k] as string)}"`).join(",")}}` : "";
};
const num = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : x > 0 ? "+Inf" : "NaN");

/** Standing problems now (the board's, not the log's): what `taskgate health` names one by one. */
export interface BoardGauges {
  readonly pendingApprovals: number;
  readonly approvalsOverSla: number;
  readonly expiredLeases: number;
  readonly deadLetters: number;
}

export function toPrometheus(
  m: Metrics,
  forecasts: readonly ReportForecast[] = [],
  board: BoardGauges | undefined = undefined,
): string {
  const { totals } = m;
  const out: string[] = [];
  const family = (name: string, type: "gauge" | "counter" | "summary", help: string) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  };
  const sample = (name: string, value: number | null, labels: Labels = {}) => {
    if (value !== null) out.push(`${name}${labelText(labels)} ${num(value)}`);
  };
  const summary = (name: string, help: string, parts: [Labels, Spread][]) => {
    family(name, "summary", help);
    for (const [labels, s] of parts) {
      sample(name, s.median === null ? null : s.median / 1000, { ...labels, quantile: "0.5" });
      sample(name, s.p90 === null ? null : s.p90 / 1000, { ...labels, quantile: "0.9" });
      sample(`${name}_sum`, s.sum / 1000, labels);
      sample(`${name}_count`, s.count, labels);
    }
  };

  family(
    "taskgate_state_changes_total",
    "counter",
    "State changes and approval decisions in the whole log, by whether automation made them (who acted, not which command).",
  );
  sample("taskgate_state_changes_total", totals.automated, { automated: "true" });
  sample("taskgate_state_changes_total", totals.changes - totals.automated, { automated: "false" });
  family("taskgate_approval_decisions_total", "counter", "Approval decisions in the whole log, by who made them.");
  sample("taskgate_approval_decisions_total", totals.autoDecisions, { decided_by: "automation" });
  sample("taskgate_approval_decisions_total", totals.decisions - totals.autoDecisions, { decided_by: "person" });
  family("taskgate_steps_total", "counter", "Steps of work in the whole log, by whether automation took them.");
  sample("taskgate_steps_total", totals.automatedSteps, { automated: "true" });
  sample("taskgate_steps_total", totals.steps - totals.automatedSteps, { automated: "false" });
  // Named anew (it was taskgate_automation_ratio, a share of log lines): docs/metrics.md.
  family(
    "taskgate_automated_steps_ratio",
    "gauge",
    "Share of the period's steps of work taken by automation (an automation actor or a rule) (0..1).",
  );
  sample("taskgate_automated_steps_ratio", m.automation.rate);
  family(
    "taskgate_automatable_automated_ratio",
    "gauge",
    "Share of the period's steps that automation may take (Roles, policy) that it took (0..1).",
  );
  sample("taskgate_automatable_automated_ratio", m.automation.automatableRate);
  summary("taskgate_approval_wait_seconds", "Time from an approval request to its decision, decided in the period.", [
    [{ decided_by: "automation" }, m.approvalWait.automatic],
    [{ decided_by: "person" }, m.approvalWait.manual],
  ]);
  family(
    "taskgate_approval_wait_change_ratio",
    "gauge",
    "Change of the median approval wait against the previous period of the same length.",
  );
  sample("taskgate_approval_wait_change_ratio", m.approvalWait.change);
  family("taskgate_failures", "gauge", "Failures in the period: expired leases recovered, failed runs.");
  sample("taskgate_failures", m.recovery.leaseExpiries, { kind: "lease_expired" });
  sample("taskgate_failures", m.recovery.failedRuns, { kind: "run_failed" });
  family(
    "taskgate_auto_recovery_ratio",
    "gauge",
    "Share of the period's failures that ended DONE with the work redone without a person (0..1).",
  );
  sample("taskgate_auto_recovery_ratio", m.recovery.rate);
  family(
    "taskgate_auto_recovery_tasks_ratio",
    "gauge",
    "Share of the tasks with a failure in the period whose last failure ended DONE without a person (0..1).",
  );
  sample("taskgate_auto_recovery_tasks_ratio", m.recovery.tasksRate);
  family(
    "taskgate_work_done_twice",
    "gauge",
    "Work done twice in the period: runs of one task that overlapped, claims lost mid-run.",
  );
  sample("taskgate_work_done_twice", m.workDoneTwice.overlaps, { kind: "overlapping_runs" });
  sample("taskgate_work_done_twice", m.workDoneTwice.lostClaims, { kind: "lost_claims" });
  summary("taskgate_recovery_seconds", "Time from a failure to the work handed in again, for automatic recoveries.", [
    [{}, m.recovery.timeToRecover],
  ]);
  family("taskgate_throughput_tasks_per_day", "gauge", "Tasks done per day in the period.");
  sample("taskgate_throughput_tasks_per_day", m.flow.throughputPerDay);
  summary("taskgate_lead_time_seconds", "From a task's creation to DONE, for tasks done in the period.", [
    [{}, m.flow.leadTime],
  ]);
  summary("taskgate_cycle_time_seconds", "From a task's first claim to DONE, for tasks done in the period.", [
    [{}, m.flow.cycleTime],
  ]);
  family("taskgate_tasks", "gauge", "Tasks by state now.");
  for (const [state, n] of Object.entries(m.flow.wip)) sample("taskgate_tasks", n, { state });
  family("taskgate_tasks_blocked", "gauge", "Open tasks marked blocked now.");
  sample("taskgate_tasks_blocked", m.flow.blocked);
  summary("taskgate_open_task_age_seconds", "Age of the tasks not DONE, since their creation.", [[{}, m.flow.openAge]]);
  if (board) {
    family("taskgate_approvals_pending", "gauge", "Approval requests pending now.");
    sample("taskgate_approvals_pending", board.pendingApprovals);
    family("taskgate_approvals_over_sla", "gauge", "Approval requests pending now for longer than the policy's SLA.");
    sample("taskgate_approvals_over_sla", board.approvalsOverSla);
    family("taskgate_leases_expired", "gauge", "Leases expired now and not yet recovered (is watch running?).");
    sample("taskgate_leases_expired", board.expiredLeases);
    family("taskgate_dead_letters", "gauge", "Tasks blocked as dead letters now.");
    sample("taskgate_dead_letters", board.deadLetters);
  }
  family("taskgate_goal_met", "gauge", "1 when a goal from the policy is met, 0 when missed (absent without data).");
  for (const [goal, g] of Object.entries(m.goals)) {
    if (g && g.met !== null) sample("taskgate_goal_met", g.met ? 1 : 0, { goal });
  }
  family("taskgate_period_seconds", "gauge", "Length of the period the gauges describe.");
  sample("taskgate_period_seconds", (m.until - m.since) / 1000);
  if (forecasts.length) {
    // The whole board without a label; each phase with its name (names from the Phases section: few).
    const labelsOf = (f: ReportForecast): Labels => (f.phase ? { phase: f.phase.name } : {});
    family(
      "taskgate_forecast_p85_timestamp_seconds",
      "gauge",
      "When the remaining work will be done with 85% likelihood (Unix time; absent when the forecast cannot know).",
    );
    for (const f of forecasts) {
      if (f.forecast.kind === "forecast" && f.forecast.p85 !== null)
        sample("taskgate_forecast_p85_timestamp_seconds", Math.floor(f.forecast.p85 / 1000), labelsOf(f));
    }
    family(
      "taskgate_forecast_on_time_ratio",
      "gauge",
      "The share of simulated futures that finish a phase by its due time.",
    );
    for (const f of forecasts) {
      if (f.forecast.kind === "forecast" && f.forecast.onTime !== null)
        sample("taskgate_forecast_on_time_ratio", f.forecast.onTime, labelsOf(f));
    }
  }
  return `${out.join("\n")}\n`;
}
