// The clean-board scan that status and the write check use, against the full reader: on every
// fixture, on generated ledgers full of tricky Markdown, and on plain boards with one line
// broken in one of many ways. The clean scan must answer only for boards the reader finds
// without any diagnostic, and then with the same counts, policy and entry texts. (When the
// reader was rewritten for fewer allocations, this test also compared it with a frozen copy of
// the old reader; that copy was dropped once the rewrite had landed, golden fixtures and the
// remark differential keep the reader itself in check.)

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { sha256Hex } from "../../src/io/hash.js";
import { scanCleanTasks } from "../../src/ledger/clean-scan.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { taskContentHash } from "../../src/rules/subject.js";
import { boardFacts } from "../../src/rules/summary.js";
import { generatedLedgerText } from "../support/gen-ledger.js";
import { FIXTURES } from "../support/paths.js";

/** The clean scan answers only for a board without diagnostics, and then agrees with the reader. */
function expectAgree(text: string): "clean" | "not clean" {
  const ledger = readTasks("TASKS.md", text);
  const clean = scanCleanTasks(text);
  if (!clean) return "not clean";
  expect(ledger.diagnostics).toEqual([]);
  const { tasks, byState, blocked, leases } = boardFacts(ledger.tasks);
  expect({ tasks: clean.tasks, byState: clean.byState, blocked: clean.blocked, leases: clean.leases }).toEqual({
    tasks,
    byState,
    blocked,
    leases,
  });
  expect(clean.policy).toEqual(ledger.policy);
  // What approvals are bound to, from the entry's text alone (status's stale check).
  for (const t of ledger.tasks) {
    const entry = clean.entryText(t.id) as string;
    expect(taskContentHash(readTasks("TASKS.md", entry), t.id, sha256Hex)).toBe(
      taskContentHash(ledger, t.id, sha256Hex),
    );
  }
  expect(clean.entryText("T-999999")).toBeUndefined();
  return "clean";
}

/** Ways to break (or merely change) one line of a plain board. */
const MUTATIONS: ((line: string, n: number) => string[])[] = [
  () => [],
  (l) => [l, l],
  (l) => [l.replace(/: .*/, ": ")],
  (l) => [l.replace(/: .*/, ":")],
  (l) => [l.replace(/: .*/, ": DOING")],
  (l) => [l.replace(/: .*/, ": doing")],
  (l) => [l.replace(/: .*/, ": P7")],
  (l) => [l.replace(/: .*/, ": cancelled")],
  (l) => [l.replace(/: .*/, ": done")],
  (l) => [l.replace(/: .*/, ": 2026-02-30T10:00:00Z")],
  (l) => [l.replace(/: .*/, ": 2026-02-28T10:00:00.5Z")],
  (l) => [l.replace(/: .*/, ": a b, c")],
  (l) => [l.replace(/: .*/, ": ünïcode, 日本")],
  (l) => [l.replace(/: .*/, ": ,a,,b,")],
  (l) => [l.replace(/: .*/, ": a\u00a0")],
  (l, n) => [l.replace(/: .*/, `: T-${n}`)],
  (l) => [l.replace(/: .*/, ": T-1, T-2, T-3")],
  (l) => [l.replace(/: .*/, ": T-01")],
  (l) => [l.replace(/: .*/, ": T-99999")],
  (l) => [l.replace(/: .*/, ": bob@host token=2 until=2026-11-24T10:30:00Z ttl=30m")],
  (l) => [l.replace(/: .*/, ": waiting on the vendor")],
  (l) => [l, "- lease: bob@h token=1 until=2026-11-24T10:30:00Z ttl=30m"],
  (l) => [l, "- lease:"],
  (l) => [l, "- state: DOING"],
  (l) => [l, "- depends: T-1"],
  (l) => [l, "- depends: T-2, T-3"],
  (l) => [l, "- blocked: yes"],
  (l) => [l, "- blocked: \u00a0"],
  (l) => [l, "- assignee: bob"],
  (l) => [l, "- assignee: not a name"],
  (l) => [l, "- attempts: 2"],
  (l) => [l, "- attempts: -1"],
  (l) => [l, "- fence: 3"],
  (l) => [l, "- workers: bob, carol"],
  (l) => [l, "- rework: please fix"],
  (l) => [l, "- not-before: 2026-11-24T10:30:00Z"],
  (l) => [l, "- evidence: ci run 8812"],
  (l) => [l, "- Bad Key: x"],
  (l) => [l, "- extra:"],
  (l) => [l, "* priority: P1"],
  (l) => [l, "-\tlabels:\tx"],
  (l) => [l, "text right under the fields"],
  (l) => [l, "- not a field"],
  (l) => [l, "### a sub-heading"],
  (l) => [l, "# A level-1 heading"],
  (l) => [l, "## Policy"],
  (l) => [l, "## Log"],
  (l) => [l, "## Notes"],
  (l) => [l, "## T-1 Again"],
  (l) => [l, "## T-007 Zeros"],
  (l) => [l, "## T-5"],
  (l) => [l, "## T-5x Odd"],
  (l) => [l, "## T-6 \u2028 separator"],
  (l) => [l, "## T-9999999 Far"],
  (l) => [l, "## t-3 lower"],
  (l) => [l, "<<<<<<< HEAD"],
  (l) => [l, "======="],
  (l) => [l, "    indented"],
  (l) => [l, "```"],
  (l) => [l, "- max-attempts: 0"],
  (l) => [l, "- clock-skew: 1m"],
  (l) => [l, "- wip-limit: DOING=2"],
  (l) => [l, "- approval-required: prod"],
  (l) => [`${l}\r`],
  (l) => [`${l} \t`],
  (l) => [l.replace(/^## (T-\d+) .*/, "## $1 \u00a0")],
  (l) => [l.replace(/^## (T-\d+) (.*)/, "##\t$1\t$2 ##")],
  (l) => [l.replace(/^(- \w+):/, "$1 :")],
  // Shapes the clean scan reads an entry in at once (clean-scan.ts PLAIN_ENTRY), and near misses.
  (l) => [l, "- resolution: done"],
  (l) => [l, "- resolution: cancelled", "- resolution: done"],
  (l) => [l, "- created: 2024-02-29T10:00:00Z"],
  (l) => [l, "- created: 2026-02-29T10:00:00Z"],
  (l) => [l, "- created: 2026-04-31T23:59:59.999Z"],
  (l) => [l, "- created: 2026-12-31T24:00:00Z"],
  (l) => [l, "- not-before: 2026-01-30T00:00:60Z"],
  (l) => [l, "- assignee: bob", "- not-before: 2026-11-30T10:30:00Z"],
  (l) => [l, "- fence: 2", "- workers: bob,carol", "- attempts: 1"],
  (l) => [l, "- workers: bob, carol", "- fence: 2"],
  (l, n) => [l, `- depends: T-${n},T-${n + 1}`],
  (l) => [l.replace(/^## (T-\d+) .*/, "## $1 #5 and #")],
  (l) => [l.replace(/^## (T-\d+) .*/, "## $1 #")],
  (l) => [l.replace(/^## (T-\d+) .*/, "## $1 Ünïcode title ✓")],
  (l) => [l.replace(/^## (T-\d+) .*/, "## $1 x")],
  (l) => [l.replace(/^## (T-\d+) (.*)/, "## $1  $2")],
];

const plainBoard = fc
  .record({
    count: fc.integer({ min: 1, max: 25 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    edits: fc.array(
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.integer({ min: 1, max: 30 })),
      { minLength: 1, maxLength: 3 },
    ),
    crlf: fc.boolean(),
  })
  .map(({ count, seed, edits, crlf }) => {
    let lines = generateLedgers(count, { seed }).tasks.split("\n");
    for (const [at, m, n] of edits) {
      const i = at % lines.length;
      lines = [
        ...lines.slice(0, i),
        ...(MUTATIONS[m] as (l: string, n: number) => string[])(lines[i] ?? "", n),
        ...lines.slice(i + 1),
      ];
    }
    return lines.join(crlf ? "\r\n" : "\n");
  });

describe("the clean scan against the reader", () => {
  it("agrees on every fixture", () => {
    for (const dir of ["valid", "invalid", "edits"]) {
      for (const f of readdirSync(join(FIXTURES, dir)).filter((x) => x.endsWith(".md") && !x.startsWith("approvals"))) {
        expectAgree(readFileSync(join(FIXTURES, dir, f), "utf8"));
      }
    }
  });

  it("agrees on generated ledgers with tricky Markdown", () => {
    fc.assert(
      fc.property(generatedLedgerText, (text) => void expectAgree(text)),
      { numRuns: 300 },
    );
  });

  it("agrees on plain boards with lines broken or changed, and the clean scan answers only when clean", () => {
    let clean = 0;
    let notClean = 0;
    fc.assert(
      fc.property(plainBoard, (text) => {
        if (expectAgree(text) === "clean") clean++;
        else notClean++;
      }),
      { numRuns: 1500 },
    );
    expect(clean).toBeGreaterThan(100);
    expect(notClean).toBeGreaterThan(100);
  });

  it("agrees on entries in the shapes the clean scan reads at once, and on near misses", () => {
    const board = generateLedgers(6, { seed: 11 }).tasks;
    // Each case replaces T-3's entry; the heading and field lines, then whether it is clean.
    const cases: [string[], boolean][] = [
      [["## T-3 Plain", "- state: READY", "- priority: P1", "- labels: a, b", "- created: 2026-01-31T10:00:00Z"], true],
      [["## T-3 Plain", "- state: DONE", "- resolution: done", "- created: 2026-01-31T10:00:00Z"], true],
      [["## T-3 Plain", "- state: DONE", "- created: 2026-01-31T10:00:00Z", "- resolution: done"], true],
      [
        [
          "## T-3 Plain",
          "- state: DONE",
          "- resolution: done",
          "- created: 2026-01-31T10:00:00Z",
          "- resolution: done",
        ],
        false,
      ],
      [["## T-3 Plain", "- state: READY", "- created: 2026-01-31T10:00:00Z", "- resolution: done"], false],
      [["## T-3 Plain", "- state: READY", "- created: 2024-02-29T10:00:00Z"], true],
      [["## T-3 Plain", "- state: READY", "- created: 2026-02-29T10:00:00Z"], false],
      [["## T-3 Plain", "- state: READY", "- created: 2026-04-31T10:00:00Z"], false],
      [["## T-3 Plain", "- state: READY", "- created: 2026-04-30T10:00:00.25Z"], true],
      [["## T-3 Plain", "- state: READY", "- created: 2026-04-10T24:00:00Z"], false],
      [["## T-3 Plain", "- state: READY", "- not-before: 2026-05-31T10:00:00Z"], true],
      [["## T-3 Plain", "- state: READY", "- not-before: 2026-06-31T10:00:00Z"], false],
      [
        [
          "## T-3 Plain",
          "- state: DONE",
          "- created: 2026-01-01T10:00:00Z",
          "- assignee: bob",
          "- fence: 2",
          "- workers: bob, carol",
          "- attempts: 1",
          "- resolution: done",
        ],
        true,
      ],
      [["## T-3 Plain", "- state: READY", "- workers: bob", "- fence: 2"], true],
      [["## T-3 Plain", "- state: READY", "- depends: T-1,T-2"], true],
      [["## T-3 Plain", "- state: READY", "- depends: T-1, T-3"], false],
      [["## T-3 Plain", "- state: READY", "- depends: T-1, T-99"], false],
      [["## T-3 Plain", "- state: READY", "- depends: T-1, T-4"], true],
      [["## T-3 Plain", "- state: DOING"], false],
      [["## T-3 Plain", "- state: READY", "- state: READY"], false],
      [["## T-3 Plain", "- state: READY", "- priority: P1", "- priority: P2"], false],
      [["## T-3 #5 and #6", "- state: READY"], true],
      [["## T-3 #", "- state: READY"], false],
      [["## T-3 ends in #", "- state: READY"], true],
      [["## T-3 ends in ##", "- state: READY"], true],
      [["## T-3 Ünïcode ✓", "- state: READY"], true],
      [["## T-3 \u00a0", "- state: READY"], false],
      [["## T-3 x", "- state: READY"], true],
      [["## T-1 Twice", "- state: READY"], false],
      [["## T-3 Plain", "- state: PLAN", "- labels: ünï"], true],
    ];
    for (const [lines, clean] of cases) {
      const text = board.replace(/## T-3 [\s\S]*?(?=## T-4 )/, `${lines.join("\n")}\n\nSome text.\n\n`);
      expect(text).toContain(lines.join("\n"));
      expect(expectAgree(text), lines.join(" / ")).toBe(clean ? "clean" : "not clean");
    }
  });

  it("reports a dependency cycle exactly when the graph has one", () => {
    const board = (deps: [number, number][]) => {
      const lines = ["# Tasks", ""];
      for (let i = 1; i <= 8; i++) {
        const d = deps.filter(([a]) => a === i).map(([, b]) => `T-${b}`);
        lines.push(`## T-${i} Task ${i}`, "- state: READY", ...(d.length ? [`- depends: ${d.join(", ")}`] : []), "");
      }
      return lines.join("\n");
    };
    /** An independent answer: reachability by repeated squaring over 8 nodes. */
    const hasCycle = (deps: [number, number][]) => {
      const reach = Array.from({ length: 9 }, () => Array(9).fill(false) as boolean[]);
      for (const [a, b] of deps) if (a !== b && b <= 8) (reach[a] as boolean[])[b] = true;
      for (let k = 1; k <= 8; k++)
        for (let i = 1; i <= 8; i++)
          for (let j = 1; j <= 8; j++) if (reach[i]?.[k] && reach[k]?.[j]) (reach[i] as boolean[])[j] = true;
      return [1, 2, 3, 4, 5, 6, 7, 8].some((i) => reach[i]?.[i]);
    };
    const edge = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 12 }), (deps) => {
        expectAgree(board(deps));
        const cycles = readTasks("TASKS.md", board(deps)).diagnostics.filter((d) => d.code === "dependency-cycle");
        expect(cycles.length > 0).toBe(hasCycle(deps));
      }),
      { numRuns: 500 },
    );
  });

  it("answers for the boards the benchmark and taskgate write", () => {
    for (const n of [1, 50, 400]) expect(expectAgree(generateLedgers(n, { seed: n }).tasks)).toBe("clean");
    const lines = [
      "\uFEFF# Tasks",
      "",
      "## Policy",
      "- lease: 30m",
      "- approval-required: prod",
      "",
      "## Schedules",
      "- a: x",
      "",
    ];
    lines.push(
      "## T-1 Held",
      "- state: DOING",
      "- lease: bob@h token=1 until=2026-11-24T10:30:00Z ttl=30m",
      "- fence: 1",
    );
    lines.push("- workers: bob", "- blocked: waiting", "- attempts: 1", "- not-before: 2026-11-24T10:30:00Z", "");
    lines.push("## T-2 Done", "- state: DONE", "- resolution: cancelled", "- depends: T-1", "- labels: a, ünï", "");
    lines.push("## Log", "- 2026-11-24T09:00:00Z bob WORK claim T-1 token=1 ttl=30m ~ 0123456789ab", "");
    expect(expectAgree(lines.join("\r\n"))).toBe("clean");
  });
});
