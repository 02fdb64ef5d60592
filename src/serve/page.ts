// The page: one self-contained document (inline style and script, each carrying the
// response's CSP nonce; no network, no fonts, no build step). The board itself is rendered
// here on the server as an HTML fragment, every value through `esc`, and the script swaps
// the fragment in when the events stream says the ledgers changed. Its words go through `tr`,
// the CLI's translation (src/cli/i18n.ts) given by `taskgate serve`: English as written, or
// the reader's language; values are translated as text first, then escaped.

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
  /** The page's words in the reader's language (default: English, as written). */
  readonly tr?: Tr;
}

/** A message in the reader's language (English as it is when there is no translation). */
export type Tr = (text: string) => string;
const asIs: Tr = (text) => text;

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
function actions(buttons: string[], withReason: boolean, tr: Tr): string {
  const reason = esc(tr("reason"));
  const box = withReason
    ? `<input type="text" name="reason" placeholder="${reason}" aria-label="${reason}" maxlength="500">`
    : "";
  return `<div class="acts">${box}${buttons.join("")}</div>`;
}

function leaseText(t: Task, now: number, tr: Tr): string {
  if (!t.lease) return "";
  const left = t.lease.until - now;
  const when = left >= 0 ? tr(`${formatAge(left)} left`) : tr(`expired ${formatAge(-left)} ago`);
  return `<div class="lease${left < 0 ? " late" : ""}">${esc(t.lease.holder)} · ${esc(when)}</div>`;
}

function card(t: Task, d: BoardData): string {
  const tr = d.tr ?? asIs;
  const acts: string[] = [];
  if (!d.readOnly) {
    if (t.state === "PLAN") acts.push(button("ready", t.id, tr("Ready"), "none"));
    if (t.state === "REVIEW")
      acts.push(button("accept", t.id, tr("Accept"), "none"), button("rework", t.id, tr("Rework"), "required"));
  }
  const labels = t.labels.length
    ? `<div class="labels">${t.labels.map((l) => `<span>${esc(l)}</span>`).join("")}</div>`
    : "";
  const blocked = t.blocked === undefined ? "" : `<div class="blocked">${esc(tr(`Blocked: ${t.blocked}`))}</div>`;
  return `<li class="card${t.blocked === undefined ? "" : " is-blocked"}" data-task="${esc(t.id)}"><div><b>${esc(t.id)}</b> <span class="prio">${esc(t.priority)}</span> <span class="title">${esc(t.title)}</span></div>${labels}${leaseText(t, d.now, tr)}${blocked}${acts.length ? actions(acts, t.state === "REVIEW", tr) : ""}</li>`;
}

function approvalsSection(d: BoardData): string {
  const tr = d.tr ?? asIs;
  if (d.pending.length === 0)
    return `<section id="approvals"><h2>${esc(tr("Approvals"))}</h2><p class="muted">${esc(tr("None pending."))}</p></section>`;
  const rows = d.pending.map((r) => {
    const a = r.approval;
    const over = r.age > d.approvalSla;
    const acts = d.readOnly
      ? ""
      : actions(
          [button("approve", a.id, tr("Approve"), "optional"), button("reject", a.id, tr("Reject"), "required")],
          true,
          tr,
        );
    const sla = formatDuration(d.approvalSla);
    return `<li class="card" data-approval="${esc(a.id)}"><div><b>${esc(a.id)}</b> <span class="title">${esc(a.title)}</span></div><div class="muted">${esc(tr(`by ${a.requestedBy ?? "?"}`))}${a.subject ? ` · ${esc(tr(`about ${a.subject}`))}` : ""} · ${esc(tr(`waiting ${formatAge(r.age)}`))} <span class="${over ? "late" : ""}">${esc(over ? tr(`(SLA ${sla}, over)`) : tr(`(SLA ${sla})`))}</span>${r.stale ? ` · ${esc(tr("stale"))}` : ""}</div>${acts}</li>`;
  });
  return `<section id="approvals"><h2>${esc(tr(`Approvals pending (${d.pending.length})`))}</h2><ul>${rows.join("")}</ul></section>`;
}

/** The phases of TASKS.md's ## Phases (docs/forecast.md): done of total, due time, what blocks them. */
function phasesSection(d: BoardData): string {
  const tr = d.tr ?? asIs;
  const phases = d.status.phases;
  if (phases.length === 0) return "";
  const rows = phases.map((p) => {
    const due =
      p.due === undefined
        ? ""
        : ` · ${esc(tr(`due ${formatTime(p.due)}`))}${p.due < d.now && p.done < p.total ? ` <span class="late">${esc(tr("(past)"))}</span>` : ""}`;
    const blocked = p.blocked.length ? ` · ${esc(tr(`blocked: ${p.blocked.map((b) => b.id).join(", ")}`))}` : "";
    const waiting = p.waiting.length ? ` · ${esc(tr(`waiting: ${p.waiting.map((w) => w.id).join(", ")}`))}` : "";
    return `<li><span>${esc(p.name)}</span> <progress max="${p.total}" value="${p.done}"></progress> ${p.done}/${p.total}<span class="muted">${due}${blocked}${waiting}</span></li>`;
  });
  return `<section id="phases"><h2>${esc(tr("Phases"))}</h2><ul>${rows.join("")}</ul></section>`;
}

function metricsSection(m: MetricsView | undefined, tr: Tr): string {
  if (!m) return "";
  const x = m.metrics;
  const items = [
    [tr("Automation rate"), tr(`${pct(x.automation.rate)} of ${x.automation.steps} steps of work`)],
    [tr("Approval wait (median)"), ms(x.approvalWait.all.median)],
    [
      tr("Auto-recovery"),
      x.recovery.failures ? tr(`${pct(x.recovery.rate)} of ${x.recovery.failures} failures`) : tr("no failures"),
    ],
    [tr("Done in period"), String(x.flow.done)],
  ];
  return `<section id="metrics"><h2>${esc(tr("Metrics"))} <span class="muted">${esc(tr("(last 30 days)"))}</span></h2><dl>${items.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl></section>`;
}

/** The part of the page that changes: everything below the header. */
export function boardFragment(d: BoardData): string {
  const tr = d.tr ?? asIs;
  const s = d.status.summary;
  const byState = new Map<string, Task[]>(STATES.map((st) => [st, []]));
  for (const t of d.tasks) byState.get(t.state)?.push(t);
  const roles =
    typeof d.roles === "string"
      ? `<span class="late">${esc(tr(d.roles))}</span>`
      : esc(d.roles.join(", ") || tr("no role"));
  const actor = esc(d.actor);
  const acting = esc(tr(`Acting as ${d.actor}`)).replace(actor, () => `<b>${actor}</b>`);
  const who = `<p class="who">${acting} (${roles})${d.readOnly ? ` · ${esc(tr("read-only"))}` : ""}${d.board ? ` · ${esc(d.board)}` : ""}</p>`;
  const expired = s.leases.expired.length ? ` ${esc(tr(`(${s.leases.expired.length} expired)`))}` : "";
  const errors = d.status.errors
    ? ` · <span class="late">${esc(tr(`${d.status.errors} ledger error(s): run taskgate check`))}</span>`
    : "";
  const counts = `<p class="counts">${STATES.map((st) => `${esc(st)} ${s.byState[st]}`).join(" · ")} · ${esc(tr(`leases ${s.leases.held}`))}${expired} · ${esc(tr(`blocked ${s.blocked.length}`))}${errors}</p>`;
  const columns = STATES.map((st) => {
    const list = byState.get(st) ?? [];
    return `<section class="col" data-state="${esc(st)}"><h2>${esc(st)} <span class="muted">${list.length}</span></h2><ul>${list.map((t) => card(t, d)).join("")}</ul></section>`;
  }).join("");
  return `${who}${counts}${approvalsSection(d)}${phasesSection(d)}<div class="board">${columns}</div>${metricsSection(d.metrics, tr)}`;
}

/** A fragment saying why the board cannot be shown (a ledger missing or invalid). */
export function problemFragment(message: string, tr: Tr = asIs): string {
  return `<p class="problem">${esc(tr(message))}</p>`;
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
const L = JSON.parse(document.getElementById("words").textContent);
const fill = (text, v) => text.replace(/\\{(\\w+)\\}/g, (w, k) => (k in v ? String(v[k]) : w));
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
events.onopen = () => { live.className = "on"; live.textContent = L.live; };
events.onerror = () => { live.className = ""; live.textContent = L.reconnecting; };
board.addEventListener("click", async (ev) => {
  const b = ev.target instanceof Element ? ev.target.closest("button[data-act]") : null;
  if (!b) return;
  const act = b.dataset.act, id = b.dataset.id;
  const box = b.parentElement ? b.parentElement.querySelector("input[name=reason]") : null;
  const reason = b.dataset.reason !== "none" && box ? box.value.trim() : "";
  if (b.dataset.reason === "required" && !reason) { say(fill(L.reason, { act, id }), true); if (box) box.focus(); return; }
  b.disabled = true;
  try {
    const r = await fetch("/api/" + act, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(reason ? { id, reason } : { id }) });
    const j = await r.json();
    if (r.ok) say(j.message || fill(L.done, { act, id }), false);
    else say(j.error ? j.error.message : fill(L.refused, { status: r.status }), true);
  } catch (e) { say(fill(L.noAnswer, { error: e }), true); }
  finally { b.disabled = false; refresh().catch(() => {}); }
});
`;

/**
 * The words the script shows, in the reader's language: {name} in them is filled in by the
 * script (the catalog writes these as {{name}}, literal braces, not placeholders).
 */
function scriptWords(tr: Tr): Record<string, string> {
  return {
    live: tr("live"),
    reconnecting: tr("reconnecting"),
    reason: tr("Write a reason to {act} {id}."),
    done: tr("{act} {id}: done"),
    refused: tr("Refused ({status})"),
    noAnswer: tr("The server did not answer: {error}"),
  };
}

/** The whole page: `lang` is the reader's language ("en" or "ja"), its words through `tr`. */
export function pageHtml(nonce: string, fragment: string, lang = "en", tr: Tr = asIs): string {
  // JSON in a script element that is data, not code: "<" escaped so no text can end the element.
  const words = JSON.stringify(scriptWords(tr)).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(tr("taskgate board"))}</title><link rel="icon" href="data:,"><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>taskgate</h1><span id="live">${esc(tr("connecting"))}</span></header>
<main><div id="notice" role="status" aria-live="polite"></div><div id="board">${fragment}</div></main>
<script type="application/json" id="words">${words}</script>
<script nonce="${nonce}">${SCRIPT}</script></body></html>
`;
}
