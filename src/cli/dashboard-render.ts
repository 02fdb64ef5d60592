// The terminal views of the metrics (a table) and of the board (columns by state).

import type { Task } from "../model/task.js";
import { STATES } from "../model/task.js";
import { formatAge, formatTime } from "../model/time.js";
import { holderWithSession, isLeaseExpired } from "../rules/lease.js";
import type { GoalResult, Metrics, Spread } from "../rules/metrics.js";
import { terminalText } from "../rules/values.js";
import { tr } from "./i18n.js";
import { fitWidth, padEnd } from "./width.js";

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 1000) / 10}%`);
const age = (ms: number | null) => (ms === null ? "-" : formatAge(ms));
const spreadText = (s: Spread) =>
  s.count ? tr(`median ${age(s.median)}, p90 ${age(s.p90)} (${s.count})`) : tr("- (none)");

/** The metrics table's label column: each label in the reader's language, padded by display width. */
const LABEL = 23;
const row = (label: string, value: string) => `  ${padEnd(label, LABEL)}${value}`;

function goalText(name: string, g: GoalResult | undefined, format: (x: number) => string): string | undefined {
  if (!g) return undefined;
  const verdict = g.met === null ? tr("no data yet") : g.met ? tr("met") : tr("missed");
  return `  ${padEnd(name, 22)} ${tr("goal")} ${padEnd(format(g.target), 7)} ${tr("actual")} ${g.actual === null ? "-" : format(g.actual)}  ${verdict}`;
}

/** A list of task IDs, the first few and a count of the rest. */
const tasksText = (ids: readonly string[], most = 8) =>
  ids.length <= most ? ids.join(", ") : tr(`${ids.slice(0, most).join(", ")} and ${ids.length - most} more`);

/**
 * The metrics as a table for people: its headings, labels and the words around the figures
 * in the reader's language (translated here, where the text is laid out, so the label column
 * is padded by display width); --json and the Prometheus file never pass through here.
 */
export function renderMetrics(m: Metrics): string {
  const a = m.automation;
  const w = m.approvalWait;
  const r = m.recovery;
  const f = m.flow;
  const t = m.workDoneTwice;
  const signed = (x: number) => `${x > 0 ? "+" : ""}${Math.round(x * 1000) / 10}%`;
  const lines = [
    tr(`Period ${formatTime(m.since)} .. ${formatTime(m.until)} (days in ${m.timeZone})`),
    "",
    tr("Automation (steps of work, by who took them)"),
    row(tr("automation rate"), `${pct(a.rate)}  ${tr(`(${a.automated} of ${a.steps} steps taken by automation)`)}`),
    row(
      tr("automatable automated"),
      `${pct(a.automatableRate)}  ${tr(`(${a.automatableAutomated} of ${a.automatable} steps automation may take)`)}`,
    ),
    tr("Approval wait (request to decision)"),
    row(tr("all"), spreadText(w.all)),
    row(tr("automatic"), spreadText(w.automatic)),
    row(tr("manual"), spreadText(w.manual)),
    row(tr("previous period"), spreadText(w.previous)),
    row(tr("change of the median"), w.change === null ? "-" : signed(w.change)),
    tr("Recovery"),
    row(tr("failures"), tr(`${r.failures} (${r.leaseExpiries} expired leases, ${r.failedRuns} failed runs)`)),
    row(
      tr("auto-recovery rate"),
      `${pct(r.rate)}  ${tr(`(${r.autoRecovered} ended DONE without a person's action; ${r.recovered} ended DONE)`)}`,
    ),
    row(
      tr("per task"),
      `${pct(r.tasksRate)}  ${tr(`(${r.tasksAutoRecovered} of ${r.tasks} tasks with a failure recovered by themselves)`)}`,
    ),
    row(tr("dead letters"), r.deadLetters.length ? tasksText(r.deadLetters) : tr("none")),
    row(tr("time to recover"), spreadText(r.timeToRecover)),
    tr("Work done twice"),
    row(
      tr("overlapping runs"),
      `${t.overlaps}${t.overlaps ? ` ${tr(`(both running ${formatAge(t.overlapTime)} in all)`)}` : ""}`,
    ),
    row(
      tr("claims lost mid-run"),
      `${t.lostClaims}${t.lostClaims ? ` ${tr(`(${t.lostBy.recovered} recovered, ${t.lostBy.takenOver} taken over, ${t.lostBy.lost} noticed by the run)`)}` : ""}`,
    ),
    ...(t.tasks.length ? [row(tr("tasks"), tasksText(t.tasks))] : []),
    tr("Flow"),
    row(tr("done"), tr(`${f.done} (${Math.round(f.throughputPerDay * 100) / 100} a day)`)),
    row(tr("lead time"), spreadText(f.leadTime)),
    row(tr("cycle time"), spreadText(f.cycleTime)),
    ...STATES.filter((s) => s !== "DONE").map((s) => row(tr(`time in ${s}`), spreadText(f.timeInState[s]))),
    row(tr("work in progress"), STATES.map((s) => `${s} ${f.wip[s]}`).join("  ")),
    row(
      tr("open work age"),
      `${spreadText(f.openAge)}${f.oldestOpen.length ? tr(`; oldest ${f.oldestOpen.map((o) => `${o.id} ${formatAge(o.age)}`).join(", ")}`) : ""}`,
    ),
    row(tr("blocked"), String(f.blocked)),
  ];
  const goals = [
    goalText(tr("automatable automated"), m.goals.automation, (x) => pct(x)),
    goalText(tr("auto-recovery rate"), m.goals.recovery, (x) => pct(x)),
    goalText(tr("approval wait change"), m.goals.approvalWait, signed),
  ].filter((x): x is string => x !== undefined);
  if (goals.length) lines.push(tr("Goals (from the policy)"), ...goals);
  return `${lines.join("\n")}\n`;
}

/** Exactly n display columns: cut with … by width (a 2-column character counts 2), padded. */
const cut = (s: string, n: number) => fitWidth(s, n);

/** Columns by state, as wide as the terminal: each task with its lease (holder, time left) or block. */
export function renderBoard(
  tasks: readonly Task[],
  now: number,
  clockSkew: number,
  width: number,
  hiddenDone = 0,
): string {
  const gap = 2;
  const col = Math.max(12, Math.floor((width - gap * (STATES.length - 1)) / STATES.length));
  const cells = STATES.map((state) => {
    const inState = tasks.filter((t) => t.state === state);
    const hidden = state === "DONE" ? hiddenDone : 0;
    const lines: string[] = [cut(`${state} (${inState.length + hidden})`, col), "─".repeat(col)];
    for (const t of inState) {
      lines.push(cut(`${t.blocked !== undefined ? "⊘ " : ""}${t.id} ${terminalText(t.title)}`, col));
      if (t.lease) {
        const left = t.lease.until - now;
        const expired = isLeaseExpired(t.lease, now, clockSkew);
        const who = terminalText(holderWithSession(t.lease.holder.split("@")[0] ?? "", t.lease.session));
        lines.push(cut(`  ${who} ${expired ? tr("expired") : tr(`${formatAge(left)} left`)}`, col));
      } else if (t.blocked !== undefined) {
        lines.push(cut(`  ${tr(`blocked: ${terminalText(t.blocked)}`)}`, col));
      }
    }
    if (hidden) lines.push(cut(`… ${hidden} earlier`, col));
    return lines;
  });
  const rows = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    out.push(
      cells
        .map((c) => c[i] ?? " ".repeat(col))
        .join(" ".repeat(gap))
        .trimEnd(),
    );
  }
  return `${out.join("\n")}\n`;
}
