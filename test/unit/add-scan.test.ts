// `add` reads the board once (issue #21): on a clean board it scans the board to read it, and
// proves its result clean from the new entry and the log line alone (clean-splice.ts), as
// `set` does for the entry it edits; it scanned its whole result a second time before. Counted
// here by the scans of a board-sized text, through the use cases themselves (addTask,
// setFields) on ledgers kept in memory; a board add cannot prove that way (CRLF line endings)
// is still scanned whole, and every result is the one the full reader finds valid.

import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { addTask } from "../../src/app/add.js";
import type { Context, Ports } from "../../src/app/context.js";
import { loadWriteChecks } from "../../src/app/ledgers.js";
import { setFields } from "../../src/app/set.js";
import { sha256Hex } from "../../src/io/hash.js";
import { readTasks } from "../../src/ledger/tasks.js";

/** The length of every text the clean scan reads. */
const scanned = vi.hoisted(() => [] as number[]);
vi.mock("../../src/ledger/clean-scan.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/ledger/clean-scan.js")>();
  return {
    ...real,
    scanCleanTasks: (text: string) => {
      scanned.push(text.length);
      return real.scanCleanTasks(text);
    },
  };
});

const PATHS = {
  tasks: "/mem/TASKS.md",
  approvals: "/mem/APPROVALS.md",
  tasksDisplay: "TASKS.md",
  approvalsDisplay: "APPROVALS.md",
};
const NOW = Date.UTC(2026, 11, 6, 4);

/**
 * A context on ledgers in `files`. The board's name differs at each call (`call`): a process
 * keeps the last board it read or wrote by name and text (ledgers.ts), and each call here
 * stands for a command of its own, which starts with none.
 */
function contextOf(files: Map<string, string>, call: number): Context {
  const ports: Ports = {
    readText: (p) => files.get(p),
    readSnapshot: (p) => {
      const text = files.get(p);
      return text === undefined ? undefined : { text, bytes: Buffer.from(text, "utf8") };
    },
    memo: undefined,
    update: async (paths, decide) => {
      const u = decide(
        paths.map((p) => files.get(p)),
        NOW,
      );
      for (const w of u.writes) files.set(w.path, w.text);
      return u.result;
    },
    hasher: sha256Hex,
    actorName: () => "alice",
    host: "test-host",
  };
  return { paths: { ...PATHS, tasksDisplay: `TASKS.md (call ${call})` }, now: NOW, ports } as Context;
}

/** How many texts of at least `size` characters the clean scan read while `f` ran. */
async function boardScans(size: number, f: () => Promise<unknown>): Promise<number> {
  scanned.length = 0;
  await f();
  return scanned.filter((n) => n >= size).length;
}

describe("add on a clean board", () => {
  const { tasks, approvals, readyIds } = generateLedgers(2000, { seed: 21 });
  beforeAll(loadWriteChecks); // the schedules' parser, as the CLI loads it for a write

  it("scans the board once, as set does, and leaves it valid", async () => {
    const files = new Map([
      [PATHS.tasks, tasks],
      [PATHS.approvals, approvals],
    ]);
    const size = tasks.length;
    const adds: number[] = [];
    for (const [i, input] of [
      { title: "Bench task", labels: "backend" },
      { title: "With its dependencies", depends: `${readyIds[0]}, ${readyIds[1]}`, priority: "P1" },
      { title: "Ready at once", state: "READY" as const },
    ].entries()) {
      adds.push(await boardScans(size, () => addTask(contextOf(files, i), input)));
      const after = readTasks("TASKS.md", files.get(PATHS.tasks) as string);
      expect(after.diagnostics, `add ${i}`).toEqual([]);
      expect(after.tasks.length).toBe(2001 + i);
    }
    const set = await boardScans(size, () =>
      setFields(contextOf(files, 3), readyIds[2] as string, [["priority", "P3"]]),
    );
    expect(adds).toEqual([1, 1, 1]);
    expect(set).toBe(1);
  });

  it("still scans a result it cannot prove so (CRLF) whole", async () => {
    const files = new Map([
      [PATHS.tasks, tasks.replace(/\n/g, "\r\n")],
      [PATHS.approvals, approvals],
    ]);
    expect(await boardScans(tasks.length, () => addTask(contextOf(files, 4), { title: "Bench task" }))).toBe(2);
    expect(readTasks("TASKS.md", files.get(PATHS.tasks) as string).diagnostics).toEqual([]);
  });
});
