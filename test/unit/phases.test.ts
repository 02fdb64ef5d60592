// The Phases section and the phase field as read from TASKS.md, and each phase's progress.

import { describe, expect, it } from "vitest";
import { readPhases } from "../../src/ledger/phases.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { phaseProgress } from "../../src/rules/phases.js";

const board = (phases: string, tasks: string) =>
  readTasks("TASKS.md", `# Tasks\n\n## Phases\n${phases}\n${tasks}## Log\n`);

describe("phases", () => {
  it("reads names, due times (a date is the end of that UTC day) and descriptions", () => {
    const l = board("- a: 2026-12-20 Automate it\n- b: 2026-12-31T12:00:00Z\n- c:\n- d: just words\n", "");
    expect(l.diagnostics).toEqual([]);
    expect(readPhases(l.doc, [])).toEqual([
      { name: "a", due: Date.UTC(2026, 11, 21), description: "Automate it", line: 4 },
      { name: "b", due: Date.UTC(2026, 11, 31, 12), description: undefined, line: 5 },
      { name: "c", due: undefined, description: undefined, line: 6 },
      { name: "d", due: undefined, description: "just words", line: 7 },
    ]);
  });

  it("reports a bad due time, a phase named twice, and a task in an unknown phase, each at its line", () => {
    const l = board(
      "- a: 2026-02-30 Nope\n- a: 2026-12-01\n",
      "## T-1 One\n- state: READY\n- phase: b\n\n## T-2 Two\n- state: READY\n- phase: a\n\n",
    );
    expect(l.diagnostics.map((d) => `${d.line}:${d.code}: ${d.message}`)).toEqual([
      '5:duplicate-field: Field "a" appears twice',
      '4:bad-phase-due: Expected phase a\'s due time as a date (2026-12-20) or a UTC time (2026-12-20T18:00:00Z), found "2026-02-30"',
      '9:unknown-phase: T-1 is in phase "b", which the Phases section does not name (phases: a)',
    ]);
  });

  it("counts each phase's tasks done, and what blocks it", () => {
    const l = board(
      "- a:\n- b:\n",
      [
        "## T-1 One\n- state: DONE\n- resolution: cancelled\n- phase: a\n",
        "## T-2 Two\n- state: READY\n- phase: a\n- blocked: keys\n",
        "## T-3 Three\n- state: READY\n- phase: a\n- depends: T-1, T-4\n",
        "## T-4 Four\n- state: DOING\n- phase: b\n",
        "## T-5 Five\n- state: READY\n",
        "",
      ].join("\n"),
    );
    expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [a, b] = phaseProgress(readPhases(l.doc, []), l.tasks);
    expect(a).toMatchObject({ name: "a", total: 3, done: 1, cancelled: 1 });
    expect(a?.blocked).toEqual([{ id: "T-2", reason: "keys" }]);
    expect(a?.waiting).toEqual([{ id: "T-3", on: ["T-4"] }]);
    expect(b).toMatchObject({ name: "b", total: 1, done: 0, blocked: [], waiting: [] });
  });
});
