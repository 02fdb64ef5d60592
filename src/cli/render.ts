// Human and JSON output. Colour only on a terminal and never with NO_COLOR.

import { Chalk, type ChalkInstance } from "chalk";
import { plainRowDocText, taskDocText } from "../app/documents.js";
import type { ListRow, ListRows } from "../app/views.js";
import { encodeLease } from "../ledger/fields.js";
import { JOINED_ITEMS, listItems, PLAIN_GROUPS, PLAIN_KEYS } from "../ledger/list-rows.js";
import { type Diagnostic, formatDiagnostic } from "../model/diagnostic.js";
import { STATES, type State, type Task } from "../model/task.js";
import { formatAge } from "../model/time.js";
import { holderWithSession } from "../rules/lease.js";
import type { StatusSummary } from "../rules/summary.js";
import { terminalText } from "../rules/values.js";
import { tr } from "./i18n.js";
import { humanTime, localizeTimes } from "./local-time.js";
import { displayWidth, padEnd, truncate } from "./width.js";

export const JSON_SCHEMA_VERSION = 1;

export function makeChalk(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, noColor: boolean): ChalkInstance {
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const off =
    noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== "") || (!stream.isTTY && !force) || env.TERM === "dumb";
  return new Chalk({ level: off ? 0 : 1 });
}

/** One stable JSON document: {"schema": "taskgate.<kind>", "version": 1, ...}. */
export function jsonDoc(kind: string, body: Record<string, unknown>): string {
  return `${JSON.stringify({ schema: `taskgate.${kind}`, version: JSON_SCHEMA_VERSION, ...body }, null, 2)}\n`;
}

/**
 * jsonDoc with a last member that is a long array, written in pieces as it is made (the same
 * bytes as jsonDoc): a list of 50,000 tasks is never one string, nor 50,000 objects at once.
 * The array's `count` items are given one by one by `items` (in a pass that need keep none of
 * them), each written as `toText` makes it: the text of JSON.stringify(item, null, 2) with
 * every line after the first indented by `pad`.
 */
export function writeJsonDocText<T>(
  write: (chunk: string) => void,
  kind: string,
  body: Record<string, unknown>,
  arrayKey: string,
  count: number,
  items: (each: (item: T) => void) => void,
  toText: (item: T, pad: string) => string,
): void {
  const head = jsonDoc(kind, { ...body, [arrayKey]: [] });
  if (count === 0) {
    write(head);
    return;
  }
  // The head ends with `"key": []\n}\n`: open the array there, then each item indented by 4.
  let chunk = `${head.slice(0, head.length - "[]\n}\n".length)}[\n`;
  let i = 0;
  items((item) => {
    chunk += `    ${toText(item, "    ")}${++i < count ? ",\n" : "\n"}`;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = "";
    }
  });
  if (i !== count) throw new Error(`${arrayKey}: ${i} items written where ${count} were counted`);
  write(`${chunk}  ]\n}\n`);
}

const STATE_COLOR: Record<State, (c: ChalkInstance, s: string) => string> = {
  PLAN: (c, s) => c.gray(s),
  READY: (c, s) => c.cyan(s),
  DOING: (c, s) => c.yellow(s),
  REVIEW: (c, s) => c.magenta(s),
  DONE: (c, s) => c.green(s),
};

export function renderDiagnostics(c: ChalkInstance, ds: readonly Diagnostic[]): string {
  return ds
    .map((d) => {
      // In the reader's language here, before the colour (the printer leaves coloured lines
      // alone): FILE:LINE:COL stays first and as it is; --json gives code and message in English.
      const line = terminalText(tr(formatDiagnostic(d)), true);
      return d.severity === "error" ? c.red(line) : c.yellow(line);
    })
    .join("\n");
}

export function renderStatus(
  c: ChalkInstance,
  files: { tasks: string; approvals: string },
  s: StatusSummary,
  approvalsFound: boolean,
  now: number,
  errors: number,
  warnings: number,
): string {
  const lines: string[] = [];
  lines.push(s.tasks === 1 ? tr(`${c.bold(files.tasks)}: 1 task`) : tr(`${c.bold(files.tasks)}: ${s.tasks} tasks`));
  lines.push(`  ${STATES.map((st) => `${STATE_COLOR[st](c, st)} ${s.byState[st]}`).join("  ")}`);
  if (s.blocked.length)
    lines.push(
      `  ${c.red(tr("blocked"))} ${s.blocked.length}: ${s.blocked.slice(0, 10).join(", ")}${s.blocked.length > 10 ? ", ..." : ""}`,
    );
  if (s.deadLetters.length) {
    const list = (ids: string[]) => `${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", ..." : ""}`;
    const behind = s.behindDeadLetter.length
      ? `; ${c.red(`${s.behindDeadLetter.length} blocked behind a dead letter`)}: ${list(s.behindDeadLetter)}`
      : "; none blocked behind them";
    lines.push(`  ${c.red(`dead letters ${s.deadLetters.length}`)}: ${list(s.deadLetters)}${behind}`);
  }
  const expired = s.leases.expired;
  lines.push(
    `  ${tr(`leases: ${s.leases.held} held`)}${s.leases.nextEnd !== undefined ? tr(` (the first ends ${humanTime(s.leases.nextEnd)})`) : ""}${expired.length ? `, ${c.red(tr(`${expired.length} expired`))}` : tr(", none expired")}`,
  );
  for (const e of expired.slice(0, 10)) {
    lines.push(
      `    ${e.id} ${terminalText(holderWithSession(e.holder, e.session))} ${tr(`expired ${formatAge(now - e.since)} ago (${humanTime(e.since)})`)}`,
    );
  }
  if (approvalsFound) {
    const { pending, overSla, stale } = s.approvals;
    // The separator in the reader's language too ("、" in Japanese).
    const comma = tr(", ");
    const sla = overSla.length ? `${comma}${c.red(tr(`${overSla.length} past SLA`))}` : "";
    const staleText = stale.length ? `${comma}${c.yellow(tr(`${stale.length} stale (${stale.join(", ")})`))}` : "";
    lines.push(`${tr(`${c.bold(files.approvals)}: ${pending} pending`)}${sla}${staleText}`);
    for (const a of overSla.slice(0, 10)) lines.push(`    ${a.id} ${tr(`waiting ${formatAge(a.waiting)}`)}`);
  } else lines.push(`${files.approvals}: ${c.yellow(tr("missing"))} ${tr("(run taskgate init)")}`);
  if (errors || warnings) {
    const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
    lines.push(`${errors ? c.red(tr(counts)) : tr(counts)}${tr(": run taskgate check")}`);
  }
  return `${lines.join("\n")}\n`;
}

const pad = padEnd;

/**
 * list's table, written in pieces as its rows come: the ID column is as wide as the widest
 * ID, known before any row is read, so no row is kept.
 */
export function writeTaskTable(
  write: (chunk: string) => void,
  c: ChalkInstance,
  rows: Pick<ListRows, "count" | "ids" | "forEach">,
  width: number,
): void {
  if (rows.count === 0) {
    write(`${tr("No tasks match.")}\n`);
    return;
  }
  let idW = 2;
  for (const id of rows.ids) {
    const w = displayWidth(id);
    if (w > idW) idW = w;
  }
  const fixed = idW + 2 + 6 + 2 + 2 + 2;
  const states = new Map<string, string>();
  const cell = (state: State) => {
    let out = states.get(state);
    if (out === undefined) {
      out = STATE_COLOR[state](c, pad(state, 6));
      states.set(state, out);
    }
    return out;
  };
  let chunk = "";
  const line = (id: string, state: State, priority: string, title: string, meta: string, blocked: boolean) => {
    const room = Math.max(10, width - fixed - (meta ? columns(meta) + 2 : 0));
    const shown = PRINTABLE.test(title)
      ? title.length <= room
        ? title
        : truncate(title, room)
      : truncate(terminalText(title), room);
    const metaOut = meta ? `  ${blocked ? c.red(meta) : c.dim(meta)}` : "";
    const idOut = PRINTABLE.test(id) && id.length < idW ? id + " ".repeat(idW - id.length) : pad(id, idW);
    chunk += `${idOut}  ${cell(state)}  ${priority}  ${shown}${metaOut}\n`;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = "";
    }
  };
  rows.forEach((row) => {
    const m = row.plain;
    if (m) {
      const assignee = m[GROUP.assignee];
      const labels = m[GROUP.labels];
      const blocked = m[GROUP.blocked] !== undefined;
      const items = labels === undefined || JOINED_ITEMS.test(labels) ? undefined : listItems(labels);
      const shownLabels = items === undefined ? labels : items.length ? items.join(", ") : undefined;
      line(
        `T-${m[PLAIN_GROUPS.idNumber]}`,
        (m[GROUP.state] ?? "PLAN") as State,
        m[GROUP.priority] ?? "P2",
        m[PLAIN_GROUPS.title] as string,
        tableMeta(assignee, shownLabels, blocked),
        blocked,
      );
    } else {
      const t = row.task();
      const blocked = t.blocked !== undefined;
      line(
        t.id,
        t.state,
        t.priority,
        t.title,
        tableMeta(t.assignee, t.labels.length ? t.labels.join(", ") : undefined, blocked),
        blocked,
      );
    }
  });
  write(chunk);
}

/** Printable ASCII: what terminalText leaves as it is and displayWidth counts one column each. */
const PRINTABLE = /^[ -~]*$/;

/** displayWidth, without a loop over the characters for printable ASCII. */
const columns = (text: string): number => (PRINTABLE.test(text) ? text.length : displayWidth(text));

/** The group of a PLAIN_ROW match holding each field the table shows. */
const GROUP = {
  state: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("state"),
  priority: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("priority"),
  labels: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("labels"),
  assignee: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("assignee"),
  blocked: PLAIN_GROUPS.firstField + PLAIN_KEYS.indexOf("blocked"),
};

/** What the table shows after a task's title: its assignee, its labels, whether it is blocked. */
function tableMeta(assignee: string | undefined, labels: string | undefined, blocked: boolean): string {
  let meta = assignee ? `@${terminalText(assignee)}` : "";
  if (labels !== undefined) meta += `${meta ? " " : ""}[${terminalText(labels)}]`;
  if (blocked) meta += meta ? " blocked" : "blocked";
  return meta;
}

/** list --json: its document written in pieces as its rows come, none kept. */
export function writeTaskListJson(
  write: (chunk: string) => void,
  body: Record<string, unknown>,
  rows: Pick<ListRows, "count" | "forEach">,
): void {
  writeJsonDocText<ListRow>(
    write,
    "list",
    body,
    "tasks",
    rows.count,
    (each) => rows.forEach(each),
    (row, p) => {
      const plain = row.plain && plainRowDocText(row.plain, row.line, p);
      return plain ?? taskDocText(row.task(), p);
    },
  );
}

export function renderTask(c: ChalkInstance, t: Task, body: string, now: number, clockSkew: number): string {
  const s = (v: string) => terminalText(v);
  const lines = [`${c.bold(t.id)} ${s(t.title)}`];
  lines.push(`  state:    ${STATE_COLOR[t.state](c, t.state)}${t.resolution ? ` (${t.resolution})` : ""}`);
  lines.push(`  priority: ${t.priority}`);
  if (t.labels.length) lines.push(`  labels:   ${s(t.labels.join(", "))}`);
  if (t.depends.length) lines.push(`  depends:  ${t.depends.join(", ")}`);
  if (t.assignee) lines.push(`  assignee: ${s(t.assignee)}`);
  if (t.lease) {
    const left = t.lease.until - now;
    const status = left + clockSkew < 0 ? c.red(tr(`expired ${formatAge(-left)} ago`)) : tr(`${formatAge(left)} left`);
    lines.push(`  lease:    ${localizeTimes(s(encodeLease(t.lease)))} (${status})`);
  }
  if (t.attempts) lines.push(`  attempts: ${t.attempts}`);
  if (t.blocked !== undefined) lines.push(`  blocked:  ${c.red(s(t.blocked))}`);
  if (t.notBefore !== undefined) lines.push(`  not before: ${humanTime(t.notBefore)}`);
  if (t.created !== undefined)
    lines.push(`  created:  ${humanTime(t.created)} ${tr(`(${formatAge(now - t.created)} ago)`)}`);
  const workers = t.fields.find((f) => f.key === "workers")?.value;
  if (workers) lines.push(`  workers:  ${s(workers)}`);
  const rework = t.fields.find((f) => f.key === "rework")?.value;
  if (rework) lines.push(`  rework:   ${c.yellow(s(rework))}`);
  const shown = new Set([
    "state",
    "priority",
    "labels",
    "depends",
    "assignee",
    "lease",
    "attempts",
    "blocked",
    "resolution",
    "not-before",
    "created",
    "fence",
    "workers",
    "rework",
  ]);
  for (const f of t.fields) {
    if (!shown.has(f.key)) {
      lines.push(`  ${s(f.key)}: ${s(f.value)}`);
    }
  }
  if (body.trim()) lines.push("", terminalText(body, true));
  return `${lines.join("\n")}\n`;
}

/** A task as every --json document gives it (app/documents.ts). */
export { taskDoc as taskJson, taskDocText as taskJsonText } from "../app/documents.js";

export { diagnosticJson } from "../model/diagnostic.js";
