// The page: one self-contained document (inline style and script, each carrying the
// response's CSP nonce; no network, no fonts, no build step). The board itself is rendered
// here on the server as an HTML fragment, every value through `esc`, and the script swaps
// the fragment in when the events stream says the ledgers changed.

import type { ApprovalRow } from "../app/approvals.js";
import type { MetricsView } from "../app/metrics.js";
import type { StatusView } from "../app/views.js";
import { STATES, type Task } from "../model/task.js";
import { formatAge, formatDuration, formatTime } from "../model/time.js";

export interface BoardData {
  readonly now: number;
  readonly actor: string;
  /** The actor's roles, or why nobody can act (the same sentence as the CLI's). */
  readonly roles: readonly string[] | string;
  readonly readOnly: boolean;
  readonly board: string | undefined;
  readonly status: StatusView;
  readonly tasks: readonly Task[];
  readonly pending: readonly ApprovalRow[];
  readonly approvalSla: number;
  readonly metrics: MetricsView | undefined;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const pct = (r: number | null): string => (r === null ? "–" : `${Math.round(r * 100)}%`);
const ms = (v: number | null | undefined): string => (v === null || v === undefined ? "–" : formatDuration(v));

function button(act: string, id: string, label: string, reason: "none" | "optional" | "required"): string {
  return `<button type="button" data-act="${esc(act)}" data-id="${esc(id)}" data-reason="${reason}">${esc(label)}</button>`;
}

/** A card's decisions, with the reason box when one of them takes a reason. */
function actions(buttons: string[], withReason: boolean): string {
  const box = withReason
    ? `<input type="text" name="reason" placeholder="reason" aria-label="reason" maxlength="500">`
    : "";
  return `<div class="acts">${box}${buttons.join("")}</div>`;
}

function leaseText(t: Task, now: number): string {
  if (!t.lease) return "";
  const left = t.lease.until - now;
  const when = left >= 0 ? `${formatAge(left)} left` : `expired ${formatAge(-left)} ago`;
  return `<div class="lease${left < 0 ? " late" : ""}">${esc(t.lease.holder)} · ${esc(when)}</div>`;
}

function card(t: Task, d: BoardData): string {
  const acts: string[] = [];
  if (!d.readOnly) {
    if (t.state === "PLAN") acts.push(button("ready", t.id, "Ready", "none"));
    if (t.state === "REVIEW")
      acts.push(button("accept", t.id, "Accept", "none"), button("rework", t.id, "Rework", "required"));
  }
  const labels = t.labels.length
    ? `<div class="labels">${t.labels.map((l) => `<span>${esc(l)}</span>`).join("")}</div>`
    : "";
  const blocked = t.blocked === undefined ? "" : `<div class="blocked">Blocked: ${esc(t.blocked)}</div>`;
  return `<li class="card${t.blocked === undefined ? "" : " is-blocked"}" data-task="${esc(t.id)}"><div><b>${esc(t.id)}</b> <span class="prio">${esc(t.priority)}</span> <span class="title">${esc(t.title)}</span></div>${labels}${leaseText(t, d.now)}${blocked}${acts.length ? actions(acts, t.state === "REVIEW") : ""}</li>`;
}

function approvalsSection(d: BoardData): string {
  if (d.pending.length === 0)
    return `<section id="approvals"><h2>Approvals</h2><p class="muted">None pending.</p></section>`;
  const rows = d.pending.map((r) => {
    const a = r.approval;
    const over = r.age > d.approvalSla;
    const acts = d.readOnly
      ? ""
      : actions([button("approve", a.id, "Approve", "optional"), button("reject", a.id, "Reject", "required")], true);
    return `<li class="card" data-approval="${esc(a.id)}"><div><b>${esc(a.id)}</b> <span class="title">${esc(a.title)}</span></div><div class="muted">by ${esc(a.requestedBy ?? "?")}${a.subject ? ` · about ${esc(a.subject)}` : ""} · waiting ${esc(formatAge(r.age))} <span class="${over ? "late" : ""}">(SLA ${esc(formatDuration(d.approvalSla))}${over ? ", over" : ""})</span>${r.stale ? " · stale" : ""}</div>${acts}</li>`;
  });
  return `<section id="approvals"><h2>Approvals pending (${d.pending.length})</h2><ul>${rows.join("")}</ul></section>`;
}

/** The phases of TASKS.md's ## Phases (docs/forecast.md): done of total, due time, what blocks them. */
function phasesSection(d: BoardData): string {
  const phases = d.status.phases;
  if (phases.length === 0) return "";
  const rows = phases.map((p) => {
    const due =
      p.due === undefined
        ? ""
        : ` · due ${esc(formatTime(p.due))}${p.due < d.now && p.done < p.total ? ' <span class="late">(past)</span>' : ""}`;
    const blocked = p.blocked.length ? ` · blocked: ${esc(p.blocked.map((b) => b.id).join(", "))}` : "";
    const waiting = p.waiting.length ? ` · waiting: ${esc(p.waiting.map((w) => w.id).join(", "))}` : "";
    return `<li><span>${esc(p.name)}</span> <progress max="${p.total}" value="${p.done}"></progress> ${p.done}/${p.total}<span class="muted">${due}${blocked}${waiting}</span></li>`;
  });
  return `<section id="phases"><h2>Phases</h2><ul>${rows.join("")}</ul></section>`;
}

function metricsSection(m: MetricsView | undefined): string {
  if (!m) return "";
  const x = m.metrics;
  const items = [
    ["Automation rate", `${pct(x.automation.rate)} of ${x.automation.steps} steps of work`],
    ["Approval wait (median)", ms(x.approvalWait.all.median)],
    [
      "Auto-recovery",
      x.recovery.failures ? `${pct(x.recovery.rate)} of ${x.recovery.failures} failures` : "no failures",
    ],
    ["Done in period", String(x.flow.done)],
  ];
  return `<section id="metrics"><h2>Metrics <span class="muted">(last 30 days)</span></h2><dl>${items.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl></section>`;
}

/** The part of the page that changes: everything below the header. */
export function boardFragment(d: BoardData): string {
  const s = d.status.summary;
  const byState = new Map<string, Task[]>(STATES.map((st) => [st, []]));
  for (const t of d.tasks) byState.get(t.state)?.push(t);
  const roles =
    typeof d.roles === "string" ? `<span class="late">${esc(d.roles)}</span>` : esc(d.roles.join(", ") || "no role");
  const who = `<p class="who">Acting as <b>${esc(d.actor)}</b> (${roles})${d.readOnly ? " · read-only" : ""}${d.board ? ` · ${esc(d.board)}` : ""}</p>`;
  const counts = `<p class="counts">${STATES.map((st) => `${esc(st)} ${s.byState[st]}`).join(" · ")} · leases ${s.leases.held}${s.leases.expired.length ? ` (${s.leases.expired.length} expired)` : ""} · blocked ${s.blocked.length}${d.status.errors ? ` · <span class="late">${d.status.errors} ledger error(s): run taskgate check</span>` : ""}</p>`;
  const columns = STATES.map((st) => {
    const list = byState.get(st) ?? [];
    return `<section class="col" data-state="${esc(st)}"><h2>${esc(st)} <span class="muted">${list.length}</span></h2><ul>${list.map((t) => card(t, d)).join("")}</ul></section>`;
  }).join("");
  return `${who}${counts}${approvalsSection(d)}${phasesSection(d)}<div class="board">${columns}</div>${metricsSection(d.metrics)}`;
}

/** A fragment saying why the board cannot be shown (a ledger missing or invalid). */
export function problemFragment(message: string): string {
  return `<p class="problem">${esc(message)}</p>`;
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fafafa;--fg:#1b1b1b;--card:#fff;--line:#ddd;--muted:#666;--late:#b00020;--accent:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#e8e8e8;--card:#1e1e1e;--line:#333;--muted:#9a9a9a;--late:#ff6b6b;--accent:#8ab4f8}}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",YuGothic,"Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif;background:var(--bg);color:var(--fg)}
header{display:flex;gap:.5em;align-items:center;padding:.5em 1em;border-bottom:1px solid var(--line)}
header h1{font-size:1.1em;margin:0}#live{font-size:.85em;color:var(--muted)}#live.on::before{content:"● ";color:#2e7d32}
main{padding:0 1em 2em}h2{font-size:1em;margin:.8em 0 .4em}ul{list-style:none;margin:0;padding:0}
.board{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:.8em}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4em .6em;margin:0 0 .4em;overflow-wrap:anywhere}
.is-blocked{border-color:var(--late)}.blocked,.late{color:var(--late)}.muted,.lease,.prio{color:var(--muted)}
.labels span{display:inline-block;font-size:.8em;border:1px solid var(--line);border-radius:3px;padding:0 .3em;margin:.2em .2em 0 0}
.acts{margin-top:.3em;display:flex;gap:.4em;flex-wrap:wrap}.acts input{flex:1 1 8em;min-width:0;font:inherit;padding:.15em .4em;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}button{font:inherit;padding:.2em .7em;border-radius:4px;border:1px solid var(--accent);background:transparent;color:var(--accent);cursor:pointer}
#notice{margin:.5em 0;padding:.4em .6em;border-radius:4px;display:none}#notice.show{display:block;border:1px solid var(--line)}#notice.bad{border-color:var(--late);color:var(--late)}
dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:.5em;margin:0}dl div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4em .6em}dt{color:var(--muted);font-size:.85em}dd{margin:0;font-size:1.2em}
.problem{color:var(--late);font-weight:bold}progress{vertical-align:middle}
@media (max-width:600px){.board{grid-template-columns:1fr}header{flex-wrap:wrap}}
`;

// The page's one script: follow the events, fetch the fragment again on each change, and
// send a decision as a same-origin POST (the cookie carries the token). Messages shown with
// textContent, never as HTML.
const SCRIPT = `
"use strict";
const board = document.getElementById("board");
const notice = document.getElementById("notice");
const live = document.getElementById("live");
let seq = 0;
async function refresh() {
  const mine = ++seq;
  const r = await fetch("/fragment", { cache: "no-store" });
  if (r.ok && mine === seq) board.innerHTML = await r.text();
}
function say(text, bad) { notice.textContent = text; notice.className = "show" + (bad ? " bad" : ""); }
const events = new EventSource("/events");
let connected = false;
// After a reconnect, changes may have been missed: look again.
events.addEventListener("hello", () => { if (connected) refresh().catch(() => {}); connected = true; });
events.addEventListener("change", () => { refresh().catch(() => {}); });
// Time left and ages move without any change to the ledgers.
setInterval(() => { refresh().catch(() => {}); }, 30000);
events.onopen = () => { live.className = "on"; live.textContent = "live"; };
events.onerror = () => { live.className = ""; live.textContent = "reconnecting"; };
board.addEventListener("click", async (ev) => {
  const b = ev.target instanceof Element ? ev.target.closest("button[data-act]") : null;
  if (!b) return;
  const act = b.dataset.act, id = b.dataset.id;
  const box = b.parentElement ? b.parentElement.querySelector("input[name=reason]") : null;
  const reason = b.dataset.reason !== "none" && box ? box.value.trim() : "";
  if (b.dataset.reason === "required" && !reason) { say("Write a reason to " + act + " " + id + ".", true); if (box) box.focus(); return; }
  b.disabled = true;
  try {
    const r = await fetch("/api/" + act, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(reason ? { id, reason } : { id }) });
    const j = await r.json();
    if (r.ok) say(j.message || (act + " " + id + ": done"), false);
    else say(j.error ? j.error.message : "Refused (" + r.status + ")", true);
  } catch (e) { say("The server did not answer: " + e, true); }
  finally { b.disabled = false; refresh().catch(() => {}); }
});
`;

export function pageHtml(nonce: string, fragment: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>taskgate board</title><link rel="icon" href="data:,"><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>taskgate</h1><span id="live">connecting</span></header>
<main><div id="notice" role="status" aria-live="polite"></div><div id="board">${fragment}</div></main>
<script nonce="${nonce}">${SCRIPT}</script></body></html>
`;
}
