// The bench's Taskwarrior side (scripts/bench-taskwarrior.mjs, issue #21) times Taskwarrior
// on "the same board": this checks that Taskwarrior itself, reading the data the bench
// writes, sees the generated board's tasks (titles, states, priorities, labels, dependencies,
// text), and that the commands the bench times run on it. It needs Taskwarrior (`task`),
// which CI does not install: there it is skipped, as the bench then skips the comparison.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { taskwarriorBoard, taskwarriorVersion } from "../../scripts/bench-taskwarrior.mjs";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

interface Exported {
  description: string;
  status: string;
  priority?: string;
  tags?: string[];
  depends?: string[] | string;
  annotations?: { description: string }[];
  uuid: string;
}

describe.skipIf(taskwarriorVersion() === undefined)("the bench's Taskwarrior board", () => {
  it("holds the generated board's tasks as Taskwarrior reads them, and the timed commands run on it", () => {
    const { tasks } = generateLedgers(60, { seed: 21 });
    const dir = mkdtempSync(join(tmpdir(), "taskgate-tw-"));
    made.push(dir);
    const board = taskwarriorBoard(tasks, dir);
    const task = (...args: string[]) =>
      spawnSync("task", args, { env: { ...process.env, ...board.env }, encoding: "utf8", timeout: 30_000 });

    const exported = JSON.parse(task("export").stdout) as Exported[];
    const entries = [...tasks.matchAll(/^## T-(\d+) (.*)\n- state: (\w+)\n- priority: (P\d)\n- labels: (.*)\n/gm)];
    expect(entries.length).toBe(60);
    expect(exported.length).toBe(60);
    const byTitle = new Map(exported.map((t) => [t.description, t]));
    for (const [, , title, state, priority, labels] of entries) {
      const t = byTitle.get(title as string);
      expect(t, title).toBeDefined();
      expect(t?.status).toBe(state === "DONE" ? "completed" : "pending");
      expect(t?.priority).toBe({ P0: "H", P1: "M", P2: "L" }[priority as string]);
      expect([...(t?.tags ?? [])].sort()).toEqual([...new Set((labels as string).split(", "))].sort());
    }
    // Dependencies and text came across too.
    const depends = (tasks.match(/^- depends: /gm) ?? []).length;
    expect(exported.filter((t) => t.depends !== undefined).length).toBe(depends);
    expect(exported.some((t) => (t.annotations ?? []).length > 0)).toBe(true);

    // The READY tasks' working-set IDs, which start and modify take, are those tasks.
    const ready = entries.filter((e) => e[3] === "READY").map((e) => e[2]);
    expect(board.readyIds.length).toBe(ready.length);
    const info = task(String(board.readyIds[0]), "info");
    expect(info.status).toBe(0);
    expect(info.stdout).toContain(ready[0]);
    // The timed commands run on it.
    expect(task("list").status).toBe(0);
    expect(task(String(board.readyIds[0]), "modify", "priority:H").status).toBe(0);
    expect(task(String(board.readyIds[1]), "start").status).toBe(0);
    const added = task("add", "Bench task", "+backend");
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/Created task \d+/);
  });
});
