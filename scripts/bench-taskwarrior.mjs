// Taskwarrior on the benchmark's boards (issue #21): when `task` is installed, the generated
// TASKS.md is written as Taskwarrior 2.x data (pending.data and completed.data, one task a
// line in its FF4 format) in a temp folder with a taskrc of its own, so npm run bench can time
// Taskwarrior's equivalent of each command on the same tasks, side by side.
//
// The same mix: every task with its title, state (DONE -> completed, DOING -> started, the
// rest pending), priority (P0 -> H, P1 -> M, P2 -> L, P3 none), labels as tags, dependencies,
// creation time, and its text as annotations. Taskwarrior has no log section: its undo.data
// (the history it appends to at every change) gets each task's creation, as its log would.

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** `task --version`, or undefined when Taskwarrior is not on PATH. */
export function taskwarriorVersion() {
  const r = spawnSync("task", ["--version"], { encoding: "utf8", env: { ...process.env, TASKRC: "/dev/null" } });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const uuidOf = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const epoch = (iso) => String(Math.floor(Date.parse(iso) / 1000));
/** An FF4 value: JSON's string escapes, as Taskwarrior 2.6 writes them. */
const ff4 = (v) => JSON.stringify(v);

/** The entries of a generated TASKS.md: id number, title, fields, text lines. */
function entries(tasksText) {
  const out = [];
  let cur;
  for (const line of tasksText.split("\n")) {
    if (line.startsWith("## ")) {
      const m = /^## T-(\d+) (.*)$/.exec(line);
      cur = m ? { n: Number(m[1]), title: m[2], fields: {}, text: [] } : undefined;
      if (cur) out.push(cur);
      continue;
    }
    if (!cur) continue;
    const f = /^- ([a-z-]+): (.*)$/.exec(line);
    if (f && cur.text.length === 0) cur.fields[f[1]] = f[2];
    else if (line.trim() !== "") cur.text.push(line);
  }
  return out;
}

/**
 * Writes `tasksText` as a Taskwarrior board under `dir` (dir/data, dir/taskrc). Returns the env
 * to run `task` with, and the working-set IDs of the pending tasks taskgate has READY (start
 * and modify take those), in file order.
 */
export function taskwarriorBoard(tasksText, dir) {
  const data = join(dir, "data");
  mkdirSync(data, { recursive: true });
  const pending = [];
  const completed = [];
  const readyIds = [];
  const undo = [];
  for (const e of entries(tasksText)) {
    const f = e.fields;
    const entry = epoch(f.created ?? "2025-01-01T08:00:00Z");
    const attrs = [
      ["description", e.title],
      ["entry", entry],
      ["modified", entry],
      ["uuid", uuidOf(e.n)],
    ];
    const pri = { P0: "H", P1: "M", P2: "L" }[f.priority];
    if (pri) attrs.push(["priority", pri]);
    if (f.labels) attrs.push(["tags", f.labels.split(/,\s*/).join(",")]);
    if (f.depends)
      attrs.push([
        "depends",
        f.depends
          .split(/,\s*/)
          .map((d) => uuidOf(Number(d.slice(2))))
          .join(","),
      ]);
    e.text.forEach((t, k) => {
      attrs.push([`annotation_${Number(entry) + 1 + k}`, t]);
    });
    const done = f.state === "DONE";
    if (done) attrs.push(["end", String(Number(entry) + 3600)]);
    if (f.state === "DOING") attrs.push(["start", String(Number(entry) + 60)]);
    attrs.push(["status", done ? "completed" : "pending"]);
    attrs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const line = `[${attrs.map(([k, v]) => `${k}:${ff4(v)}`).join(" ")}]`;
    undo.push(`time ${entry}\nnew ${line}\n---\n`);
    if (done) completed.push(line);
    else {
      pending.push(line);
      if (f.state === "READY") readyIds.push(pending.length);
    }
  }
  writeFileSync(join(data, "pending.data"), pending.length ? `${pending.join("\n")}\n` : "");
  writeFileSync(join(data, "completed.data"), completed.length ? `${completed.join("\n")}\n` : "");
  writeFileSync(join(data, "undo.data"), undo.join(""));
  writeFileSync(join(data, "backlog.data"), "");
  const rc = join(dir, "taskrc");
  // No confirmation prompts, no hooks, no colour, no "task news" nag; the rest as installed.
  writeFileSync(rc, `data.location=${data}\nconfirmation=off\nhooks=off\ncolor=off\nnews.version=2.6.2\n`);
  return { env: { TASKRC: rc, TASKDATA: data }, readyIds };
}
