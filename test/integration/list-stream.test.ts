// list and list --json print each row as the line reader gives it (src/app/views.ts listRows),
// without building every task: what the real CLI prints must be exactly the document and the
// table made from the full reader's tasks, on a clean board (rows from their text) and on a
// board with errors (read whole, as before), with filters, colours off and on.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Chalk } from "chalk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { taskDoc } from "../../src/app/documents.js";
import { jsonDoc } from "../../src/cli/render.js";
import { scanCleanTasks } from "../../src/ledger/clean-scan.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { filterTasks, type TaskFilter } from "../../src/rules/filter.js";
import { runCli } from "../support/cli.js";
import { tableBefore } from "../support/list-table.js";

const { tasks: generated, approvals } = generateLedgers(600, { seed: 11, ready: 0.5 });
/** The generated board with titles and values of every kind the rows are written from. */
const clean = generated
  .replace("## T-5 ", "## T-5 日本語のタスク「とても長いタイトルがここで切られます」 🚀 ")
  .replace("## T-9 ", '## T-9 "quoted" \\ back\there ')
  .replace("## T-19 ", "## T-19 ｆｕｌｌ width ")
  .replace(/(## T-30 .*\n- state: )\w+\n/, "$1READY\n- assignee: bob\n- blocked: \u00a0the vendor\u00a0\n")
  .replace(/(## T-31 .*\n- state: \w+\n(?:- priority: P\d\n)?- labels: )[^\n]*/, "$1a,b ,  c");
/** The same with errors: a state no task can have, a resolution on a task that is not DONE. */
const broken = clean
  .replace("- state: DONE\n", "- state: DONNE\n")
  .replace("- state: PLAN\n", "- state: PLAN\n- resolution: done\n");

const filters: [string[], TaskFilter][] = [
  [[], {}],
  [["--state", "ready,doing"], { states: ["READY", "DOING"] }],
  [["--label", "docs", "--label", "ux"], { labels: ["docs", "ux"] }],
  [["--assignee", "bob"], { assignee: "bob" }],
  [["--label", "nope"], { labels: ["nope"] }],
];

describe("list prints its rows as the line reader gives them", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "taskgate-list-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is given boards with every kind of row", () => {
    for (const part of ["日本語のタスク", '"quoted"', "ｆｕｌｌ", "- blocked: \u00a0the vendor", "- labels: a,b ,  c"])
      expect(clean).toContain(part);
  });

  it.each([
    ["a clean board", clean, 0],
    ["a board with errors", broken, 2],
  ])(
    "on %s: the document and the table the full reader's tasks make",
    async (_name, text, errors) => {
      writeFileSync(join(dir, "TASKS.md"), text);
      writeFileSync(join(dir, "APPROVALS.md"), approvals);
      const full = readTasks("TASKS.md", text);
      expect(full.diagnostics.filter((d) => d.severity === "error")).toHaveLength(errors);
      // The clean one is read row by row from its text, the other whole.
      expect(scanCleanTasks(text) !== undefined).toBe(errors === 0);
      for (const [args, filter] of filters) {
        const tasks = filterTasks(full.tasks, filter);
        const json = await runCli(["list", ...args, "--json"], { cwd: dir });
        // A board with errors is listed, with one line on stderr saying the rows may be wrong.
        if (errors === 0) expect(json.stderr).toBe("");
        else
          expect(json.stderr).toMatch(
            /^taskgate: 2 errors in the ledgers, so what is shown may be wrong \(first: TASKS\.md:\d+:\d+: error: Expected a state .*\); run taskgate check\n$/,
          );
        expect(json.stdout, args.join(" ")).toBe(
          jsonDoc("list", { file: "TASKS.md", count: tasks.length, tasks: tasks.map(taskDoc) }),
        );
        const plain = await runCli(["list", ...args], { cwd: dir });
        expect(plain.stdout, args.join(" ")).toBe(tableBefore(new Chalk({ level: 0 }), tasks, 100));
        const coloured = await runCli(["list", ...args], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "" } });
        expect(coloured.stdout, args.join(" ")).toBe(tableBefore(new Chalk({ level: 1 }), tasks, 100));
        expect([json.code, plain.code, coloured.code]).toEqual([0, 0, 0]);
      }
      // show says so too.
      const shown = await runCli(["show", full.tasks[0]?.id ?? "T-1"], { cwd: dir });
      expect(shown.code).toBe(0);
      if (errors === 0) expect(shown.stderr).toBe("");
      else expect(shown.stderr).toMatch(/^taskgate: 2 errors in the ledgers, so what is shown may be wrong /);
    },
    120_000,
  );
});
