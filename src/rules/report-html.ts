// `report --html`: one self-contained page (no script, no network: styles inline, charts as
// inline SVG, a Content-Security-Policy that forbids loading anything) with the board, the
// measures, and charts of throughput, approval wait times and automation over time.

import type { Task } from "../model/task.js";
import { STATES } from "../model/task.js";
import { formatAge, formatTime } from "../model/time.js";
import { holderWithSession } from "./lease.js";
import type { Metrics, Spread } from "./metrics.js";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 1000) / 10}%`);
const age = (ms: number | null) => (ms === null ? "–" : formatAge(ms));
const day = (t: number) => formatTime(t).slice(5, 10);

const W = 640;
const H = 180;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

function axes(yMax: number, yLabel: (v: number) => string, xLabels: [number, string][]): string {
  const plotH = H - PAD.top - PAD.bottom;
  const parts: string[] = [];
  for (const frac of [0, 0.5, 1]) {
    const y = PAD.top + plotH * (1 - frac);
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${esc(yLabel(yMax * frac))}</text>`,
    );
  }
  for (const [x, label] of xLabels) parts.push(`<text x="${x}" y="${H - 8}" text-anchor="middle">${esc(label)}</text>`);
  return parts.join("");
}

function chart(title: string, desc: string, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(desc)}"><title>${esc(desc)}</title>${body}</svg></figure>`;
}

function every<T>(xs: readonly T[], most: number): T[] {
  const step = Math.max(1, Math.ceil(xs.length / most));
  return xs.filter((_, i) => i % step === 0);
}

function throughputChart(m: Metrics): string {
  const days = m.flow.daily;
  const max = Math.max(1, ...days.map((d) => d[1]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / Math.max(1, days.length);
  const bars = days
    .map(([, n], i) => {
      const h = (n / max) * plotH;
      return `<rect class="bar" x="${(PAD.left + i * bw + 1).toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${day(days[i]?.[0] ?? 0)}: ${n} done</title></rect>`;
    })
    .join("");
  const labels = every(
    days.map((d, i) => [PAD.left + i * bw + bw / 2, day(d[0])] as [number, string]),
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
    m.flow.daily.map((d) => [x(d[0]), day(d[0])] as [number, string]),
    8,
  );
  const legend = `<text x="${W - PAD.right}" y="${PAD.top + 10}" text-anchor="end"><tspan class="auto-t">● automatic</tspan> <tspan class="manual-t">● manual</tspan></text>`;
  return chart(
    "Approval wait",
    `Time from request to decision for ${ds.length} decisions`,
    axes(max, (v) => formatAge(v), labels) + dots + legend,
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
    : `<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no state changes in this period</text>`;
  const labels = every(
    days.map((d, i) => [PAD.left + i * step, day(d[0])] as [number, string]),
    8,
  );
  return chart(
    "Automation over time",
    "Share of each day's state changes and decisions made by automation",
    axes(1, (v) => `${Math.round(v * 100)}%`, labels) + line,
  );
}

function spreadCells(s: Spread): string {
  return `<td>${age(s.median)}</td><td>${age(s.p90)}</td><td>${s.count}</td>`;
}

export function reportHtml(m: Metrics, tasks: readonly Task[], now: number, title: string): string {
  const goal = (name: string, g: Metrics["goals"]["automation"], fmt: (x: number) => string) =>
    g
      ? `<tr><td>${esc(name)}</td><td>${fmt(g.target)}</td><td>${g.actual === null ? "–" : fmt(g.actual)}</td><td class="${g.met === null ? "" : g.met ? "met" : "missed"}">${g.met === null ? "no data" : g.met ? "met" : "missed"}</td></tr>`
      : "";
  const signed = (x: number) => `${x > 0 ? "+" : ""}${Math.round(x * 1000) / 10}%`;
  const goals = [
    goal("Automation rate", m.goals.automation, pct),
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
    const more = inState.length > 200 ? `<li><small>and ${inState.length - 200} more</small></li>` : "";
    return `<section class="col"><h3>${state} <span>${inState.length}</span></h3><ul>${items}${more}</ul></section>`;
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
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}p.period{color:#5b6472;margin:0}
table{border-collapse:collapse;margin:4px 0}td,th{padding:3px 10px;border-bottom:1px solid #e3e6eb;text-align:left}
th{font-weight:600;color:#5b6472}.met{color:#137333;font-weight:600}.missed{color:#b3261e;font-weight:600}
.board{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}.col{background:#f4f6f9;border-radius:6px;padding:8px}
.col h3{font-size:13px;margin:0 0 6px}.col h3 span{color:#5b6472;font-weight:400}.col ul{list-style:none;margin:0;padding:0}
.col li{background:#fff;border-radius:4px;padding:4px 6px;margin:0 0 6px;box-shadow:0 1px 1px #0001}
.col li small{display:block;color:#5b6472}.col li.is-blocked{border-left:3px solid #b3261e}.blocked{color:#b3261e!important}
figure{margin:8px 0 16px}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:11px;fill:#5b6472}
.grid{stroke:#e3e6eb}.bar{fill:#3b6fd8}.line{fill:none;stroke:#137333;stroke-width:2}.auto{fill:#137333}.manual{fill:#d07a16}
.auto-t{fill:#137333}.manual-t{fill:#d07a16}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="period">${formatTime(m.since)} to ${formatTime(m.until)}</p>
<h2>Board</h2>
<div class="board">${board}</div>
<h2>Measures</h2>
<table>
<tr><th>Automation rate</th><td>${pct(m.automation.rate)}</td><td colspan="2">${m.automation.automated} of ${m.automation.changes} state changes and decisions</td></tr>
<tr><th>Auto-recovery rate</th><td>${pct(r.rate)}</td><td colspan="2">${r.autoRecovered} of ${r.failures} failures (${r.leaseExpiries} expired leases, ${r.failedRuns} failed runs)</td></tr>
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
${goals ? `<h2>Goals</h2><table><tr><th></th><th>goal</th><th>actual</th><th></th></tr>${goals}</table>` : ""}
<h2>Charts</h2>
${throughputChart(m)}
${waitChart(m)}
${automationChart(m)}
</body>
</html>
`;
}
