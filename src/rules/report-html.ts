// `report --html`: one self-contained page (no script, no network: styles inline, charts as
// inline SVG, a Content-Security-Policy that forbids loading anything) with the board, the
// measures, and charts of throughput, approval wait times and automation over time.

import type { Task } from "../model/task.js";
import { STATES } from "../model/task.js";
import { formatAge, formatTime } from "../model/time.js";
import type { Forecast } from "./forecast.js";
import { holderWithSession } from "./lease.js";
import type { Metrics, Spread } from "./metrics.js";
import type { PhaseProgress } from "./phases.js";

/** A forecast for the report: of the whole board (phase null) or of a phase. */
export interface ReportForecast {
  readonly phase: PhaseProgress | null;
  readonly forecast: Forecast;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 1000) / 10}%`);
const age = (ms: number | null) => (ms === null ? "–" : formatAge(ms));
const day = (t: number) => formatTime(t).slice(5, 10);
/** Day i of the series: its date (MM-DD in m.timeZone), with "*" when the period covers only part of it. */
const seriesDay = (m: Metrics, i: number) => {
  const d = m.days[i];
  return d ? `${d.date.slice(5)}${d.partial ? "*" : ""}` : "";
};

const W = 640;
const H = 180;
const PAD = { left: 56, right: 24, top: 16, bottom: 28 };

/**
 * The top of a count axis: a whole number, even from 2 up, so the middle tick is a whole
 * number too (a top of 1 had ticks "1, 1, 0": 0.5 rounded).
 */
export function countTop(max: number): number {
  return max <= 1 ? 1 : Math.ceil(max / 2) * 2;
}

/** Grid lines and tick labels; the middle tick only where it is a label of its own. */
function axes(yMax: number, yLabel: (v: number) => string, xLabels: [number, string][]): string {
  const plotH = H - PAD.top - PAD.bottom;
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const frac of [0, 1, 0.5]) {
    const label = yLabel(yMax * frac);
    if (seen.has(label)) continue;
    seen.add(label);
    const y = PAD.top + plotH * (1 - frac);
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text class="ytick" x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${esc(label)}</text>`,
    );
  }
  // Labels near an edge are anchored inside it, so none is cut off by the picture's border.
  for (const [x, label] of xLabels) {
    const anchor = x < PAD.left + 16 ? "start" : x > W - PAD.right - 16 ? "end" : "middle";
    const at = anchor === "start" ? Math.max(2, x - 8) : anchor === "end" ? Math.min(W - 2, x + 8) : x;
    parts.push(`<text class="xtick" x="${at.toFixed(1)}" y="${H - 8}" text-anchor="${anchor}">${esc(label)}</text>`);
  }
  return parts.join("");
}

function chart(title: string, desc: string, body: string, legend = ""): string {
  return `<figure><figcaption>${esc(title)}${legend}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(desc)}"><title>${esc(desc)}</title>${body}</svg></figure>`;
}

function every<T>(xs: readonly T[], most: number): T[] {
  const step = Math.max(1, Math.ceil(xs.length / most));
  return xs.filter((_, i) => i % step === 0);
}

function throughputChart(m: Metrics): string {
  const days = m.flow.daily;
  const max = countTop(Math.max(1, ...days.map((d) => d[1])));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / Math.max(1, days.length);
  const bars = days
    .map(([, n], i) => {
      const h = (n / max) * plotH;
      return `<rect class="bar" x="${(PAD.left + i * bw + 1).toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${m.days[i]?.date ?? ""}${m.days[i]?.partial ? " (part of the day)" : ""}: ${n} done</title></rect>`;
    })
    .join("");
  const labels = every(
    days.map((_, i) => [PAD.left + i * bw + bw / 2, seriesDay(m, i)] as [number, string]),
    8,
  );
  return chart(
    "Throughput",
    `Tasks done per day, ${days.length} days`,
    axes(max, (v) => String(Math.round(v)), labels) + bars,
  );
}

function waitChart(m: Metrics): string {
  const ds = m.approvalWait.decisions;
  const max = Math.max(60_000, ...ds.map((d) => d[1]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + ((t - m.since) / (m.until - m.since)) * plotW;
  const dots = ds
    .map(
      ([t, wait, auto]) =>
        `<circle class="${auto ? "auto" : "manual"}" cx="${x(t).toFixed(1)}" cy="${(PAD.top + plotH * (1 - wait / max)).toFixed(1)}" r="4"><title>${formatTime(t)}: waited ${formatAge(wait)} (${auto ? "automatic" : "manual"})</title></circle>`,
    )
    .join("");
  const labels = every(
    m.flow.daily.map((d, i) => [x(d[0]), seriesDay(m, i)] as [number, string]),
    8,
  );
  // The legend beside the title, never over the dots.
  const legend = ` <span class="legend"><span class="auto-t">● automatic</span> <span class="manual-t">● manual</span></span>`;
  return chart(
    "Approval wait",
    `Time from request to decision for ${ds.length} decisions`,
    axes(max, (v) => formatAge(v), labels) + dots,
    legend,
  );
}

function automationChart(m: Metrics): string {
  const days = m.automation.daily;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length - 1);
  const points = days
    .map(([, n, auto], i) => (n ? [PAD.left + i * step, PAD.top + plotH * (1 - auto / n)] : undefined))
    .filter((p): p is [number, number] => p !== undefined);
  const line = points.length
    ? `<polyline class="line" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ")}"/>` +
      points.map(([px, py]) => `<circle class="auto" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3"/>`).join("")
    : `<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no steps of work in this period</text>`;
  const labels = every(
    days.map((_, i) => [PAD.left + i * step, seriesDay(m, i)] as [number, string]),
    8,
  );
  return chart(
    "Automation over time",
    `Share of each day's steps of work taken by automation (days in ${m.timeZone}; * part of a day)`,
    axes(1, (v) => `${Math.round(v * 100)}%`, labels) + line,
  );
}

/** The forecast's distribution: trials finished on each day from now, the 85% date and the due time marked. */
function forecastChart(name: string, f: Forecast & { kind: "forecast" }, now: number): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const DAY = 86_400_000;
  const dueDay = f.due === undefined ? undefined : (f.due - now) / DAY;
  const lastDay = Math.max(
    1,
    ...f.histogram.map((h) => h[0]),
    dueDay !== undefined && dueDay > 0 ? Math.ceil(dueDay) : 0,
  );
  const max = countTop(Math.max(1, ...f.histogram.map((h) => h[1])));
  const x = (d: number) => PAD.left + (d / (lastDay + 1)) * plotW;
  const bw = Math.max(1, plotW / (lastDay + 1) - 1);
  const bars = f.histogram
    .map(([d, n]) => {
      const h = (n / max) * plotH;
      return `<rect class="bar" x="${(x(d) - bw / 2).toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"><title>${day(now + d * DAY)}: ${n} of ${f.trials} trials</title></rect>`;
    })
    .join("");
  // The marks' labels sit above the plot (never over a bar), the earlier one left of its line
  // and the later one right of its own, so the two never cover each other.
  const mark = (t: number, cls: string, label: string, side: "left" | "right") => {
    const d = (t - now) / DAY;
    if (d < 0 || d > lastDay + 1) return "";
    const lx = x(d) + (side === "left" ? -3 : 3);
    return `<line class="${cls}" x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="${PAD.top}" y2="${PAD.top + plotH}"/><text x="${lx.toFixed(1)}" y="${PAD.top - 2}" text-anchor="${side === "left" ? "end" : "start"}" class="${cls}-t">${esc(label)}</text>`;
  };
  const dueFirst = f.due !== undefined && f.p85 !== null && f.due < f.p85;
  const labels = every(
    Array.from({ length: lastDay + 2 }, (_, d) => [x(d), day(now + d * DAY)] as [number, string]),
    8,
  );
  const due = f.due === undefined ? "" : mark(f.due, "due", `due ${day(f.due - 1)}`, dueFirst ? "left" : "right");
  const p85 = f.p85 === null ? "" : mark(f.p85, "p85", "85%", dueFirst ? "right" : "left");
  const onTime = f.onTime === null ? "" : `; ${pct(f.onTime)} of the trials finish by the due time`;
  return chart(
    `Forecast: ${name}`,
    `When ${name} will be done in ${f.trials} simulated futures: 50% by ${f.p50 === null ? "later" : day(f.p50)}, 85% by ${f.p85 === null ? "later" : day(f.p85)}, 95% by ${f.p95 === null ? "later" : day(f.p95)}${onTime}`,
    `${axes(max, (v) => String(Math.round(v)), labels)}${bars}${p85}${due}`,
  );
}

function phasesSection(forecasts: readonly ReportForecast[], now: number): string {
  if (!forecasts.length) return "";
  const rows = forecasts
    .map(({ phase: p, forecast: f }) => {
      const name = p ? p.name : "whole board";
      const progress = p ? `${p.done} of ${p.total} done` : `${f.remaining} not done`;
      const blocks = p
        ? [
            ...p.blocked.map((b) => `${esc(b.id)} blocked: ${esc(b.reason)}`),
            ...p.waiting.map((w) => `${esc(w.id)} waits on ${esc(w.on.join(", "))}`),
          ].join("<br>")
        : "";
      const when =
        f.kind === "forecast"
          ? `50% ${f.p50 === null ? "later" : day(f.p50)} · 85% ${f.p85 === null ? "later" : day(f.p85)} · 95% ${f.p95 === null ? "later" : day(f.p95)}${f.onTime === null ? "" : ` · on time ${pct(f.onTime)}`}`
          : f.kind === "done"
            ? "done"
            : esc(f.sentence);
      return `<tr><td>${esc(name)}</td><td>${p?.due === undefined ? "–" : esc(formatTime(p.due))}</td><td>${progress}</td><td>${blocks || "–"}</td><td>${when}</td></tr>`;
    })
    .join("");
  const charts = forecasts
    .map(({ phase, forecast: f }) =>
      f.kind === "forecast" ? forecastChart(phase ? phase.name : "whole board", f, now) : "",
    )
    .join("");
  return `<h2>Phases and forecasts</h2>
<table><tr><th></th><th>due</th><th>progress</th><th>what blocks it</th><th>forecast</th></tr>${rows}</table>
${charts}`;
}

function spreadCells(s: Spread): string {
  return `<td>${age(s.median)}</td><td>${age(s.p90)}</td><td>${s.count}</td>`;
}

export function reportHtml(
  m: Metrics,
  tasks: readonly Task[],
  now: number,
  title: string,
  forecasts: readonly ReportForecast[] = [],
  /** DONE tasks left out of `tasks` (the column shows the most recent: rules/recent-done.ts). */
  hiddenDone = 0,
): string {
  const goal = (name: string, g: Metrics["goals"]["automation"], fmt: (x: number) => string) =>
    g
      ? `<tr><td>${esc(name)}</td><td>${fmt(g.target)}</td><td>${g.actual === null ? "–" : fmt(g.actual)}</td><td class="${g.met === null ? "" : g.met ? "met" : "missed"}">${g.met === null ? "no data" : g.met ? "met" : "missed"}</td></tr>`
      : "";
  const signed = (x: number) => `${x > 0 ? "+" : ""}${Math.round(x * 1000) / 10}%`;
  const goals = [
    goal("Automatable automated", m.goals.automation, pct),
    goal("Auto-recovery rate", m.goals.recovery, pct),
    goal("Approval wait change", m.goals.approvalWait, signed),
  ].join("");
  const board = STATES.map((state) => {
    const inState = tasks.filter((t) => t.state === state);
    const items = inState
      .slice(0, 200)
      .map((t) => {
        const lease = t.lease
          ? `<small>${esc(holderWithSession(t.lease.holder.split("@")[0] ?? "", t.lease.session))} · ${t.lease.until > now ? `${formatAge(t.lease.until - now)} left` : "expired"}</small>`
          : "";
        const blocked = t.blocked !== undefined ? `<small class="blocked">blocked: ${esc(t.blocked)}</small>` : "";
        return `<li${t.blocked !== undefined ? ' class="is-blocked"' : ""}><b>${esc(t.id)}</b> ${esc(t.title)}${lease}${blocked}</li>`;
      })
      .join("");
    const hidden = state === "DONE" ? hiddenDone : 0;
    const more =
      inState.length > 200
        ? `<li><small>and ${inState.length - 200} more</small></li>`
        : hidden
          ? `<li class="more"><small>and ${hidden} done earlier</small></li>`
          : "";
    return `<section class="col"><h3>${state} <span>${inState.length + hidden}</span></h3><ul>${items}${more}</ul></section>`;
  }).join("");
  const r = m.recovery;
  const w = m.approvalWait;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",YuGothic,"Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}p.period{color:#5b6472;margin:0}
table{border-collapse:collapse;margin:4px 0}td,th{padding:3px 10px;border-bottom:1px solid #e3e6eb;text-align:left}
th{font-weight:600;color:#5b6472}.met{color:#137333;font-weight:600}.missed{color:#b3261e;font-weight:600}
.board{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:12px}.col{background:#f4f6f9;border-radius:6px;padding:8px;min-width:0}
.col h3{font-size:13px;margin:0 0 6px}.col h3 span{color:#5b6472;font-weight:400}.col ul{list-style:none;margin:0;padding:0}
.col li{background:#fff;border-radius:4px;padding:4px 6px;margin:0 0 6px;box-shadow:0 1px 1px #0001;overflow-wrap:anywhere;line-break:strict}
.col li small{display:block;color:#5b6472}.col li.is-blocked{border-left:3px solid #b3261e}.blocked{color:#b3261e!important}
figure{margin:8px 0 16px}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:11px;fill:#5b6472}
.grid{stroke:#e3e6eb}.bar{fill:#3b6fd8}.line{fill:none;stroke:#137333;stroke-width:2}.auto{fill:#137333}.manual{fill:#d07a16}
.auto-t{fill:#137333;color:#137333}.manual-t{fill:#d07a16;color:#d07a16}.legend{font-weight:400;font-size:12px;margin-left:8px}
.due{stroke:#b3261e;stroke-width:2}.due-t{fill:#b3261e!important}.p85{stroke:#1d2330;stroke-dasharray:4 3}.p85-t{fill:#1d2330!important}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="period">${formatTime(m.since)} to ${formatTime(m.until)}</p>
<h2>Board</h2>
<div class="board">${board}</div>
<h2>Measures</h2>
<table>
<tr><th>Automation rate</th><td>${pct(m.automation.rate)}</td><td colspan="2">${m.automation.automated} of ${m.automation.steps} steps of work taken by automation</td></tr>
<tr><th>Automatable automated</th><td>${pct(m.automation.automatableRate)}</td><td colspan="2">${m.automation.automatableAutomated} of ${m.automation.automatable} steps automation may take</td></tr>
<tr><th>Auto-recovery rate</th><td>${pct(r.rate)}</td><td colspan="2">${r.autoRecovered} of ${r.failures} failures (${r.leaseExpiries} expired leases, ${r.failedRuns} failed runs); per task ${pct(r.tasksRate)}, ${r.tasksAutoRecovered} of ${r.tasks}; dead letters: ${r.deadLetters.length ? esc(r.deadLetters.join(", ")) : "none"}</td></tr>
<tr><th>Work done twice</th><td>${m.workDoneTwice.overlaps + m.workDoneTwice.lostClaims}</td><td colspan="2">${m.workDoneTwice.overlaps} overlapping runs, ${m.workDoneTwice.lostClaims} claims lost mid-run</td></tr>
<tr><th>Done</th><td>${m.flow.done}</td><td colspan="2">${Math.round(m.flow.throughputPerDay * 100) / 100} a day; blocked now: ${m.flow.blocked}</td></tr>
</table>
<table>
<tr><th></th><th>median</th><th>p90</th><th>count</th></tr>
<tr><th>Approval wait, all</th>${spreadCells(w.all)}</tr>
<tr><th>Approval wait, automatic</th>${spreadCells(w.automatic)}</tr>
<tr><th>Approval wait, manual</th>${spreadCells(w.manual)}</tr>
<tr><th>Approval wait, previous period</th>${spreadCells(w.previous)}</tr>
<tr><th>Time to recover</th>${spreadCells(r.timeToRecover)}</tr>
<tr><th>Lead time</th>${spreadCells(m.flow.leadTime)}</tr>
<tr><th>Cycle time</th>${spreadCells(m.flow.cycleTime)}</tr>
<tr><th>Open work age</th>${spreadCells(m.flow.openAge)}</tr>
</table>
${phasesSection(forecasts, now)}
${goals ? `<h2>Goals</h2><table><tr><th></th><th>goal</th><th>actual</th><th></th></tr>${goals}</table>` : ""}
<h2>Charts</h2>
${throughputChart(m)}
${waitChart(m)}
${automationChart(m)}
</body>
</html>
`;
}
