// list's table as it was made before its rows were streamed (every task first, then the rows):
// the reference the streamed table (src/cli/render.ts writeTaskTable) is held to.

import type { ChalkInstance } from "chalk";
import { displayWidth, padEnd, truncate } from "../../src/cli/width.js";
import type { Task } from "../../src/model/task.js";
import { terminalText } from "../../src/rules/values.js";

export function tableBefore(c: ChalkInstance, tasks: readonly Task[], width: number): string {
  if (tasks.length === 0) return "No tasks match.\n";
  const idW = Math.max(2, ...tasks.map((t) => displayWidth(t.id)));
  const color = { PLAN: c.gray, READY: c.cyan, DOING: c.yellow, REVIEW: c.magenta, DONE: c.green };
  const rows = tasks.map((t) => {
    const meta = [
      t.assignee ? `@${terminalText(t.assignee)}` : "",
      t.labels.length ? `[${terminalText(t.labels.join(", "))}]` : "",
      t.blocked !== undefined ? "blocked" : "",
    ]
      .filter(Boolean)
      .join(" ");
    const fixed = idW + 2 + 6 + 2 + 2 + 2;
    const room = Math.max(10, width - fixed - (meta ? displayWidth(meta) + 2 : 0));
    const title = truncate(terminalText(t.title), room);
    const state = color[t.state](padEnd(t.state, 6));
    const metaOut = meta ? `  ${t.blocked !== undefined ? c.red(meta) : c.dim(meta)}` : "";
    return `${padEnd(t.id, idW)}  ${state}  ${t.priority}  ${title}${metaOut}`;
  });
  return `${rows.join("\n")}\n`;
}
