// Item 6 of issue 27: no task vanishes without an error, and no ID is given out twice. A heading
// mistyped by hand, or an entry deleted by hand while its log line stays, is an error that
// names the line and the ID; writes are refused; add never gives the ID out again.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTasks } from "../../src/ledger/tasks.js";
import { nextTaskId } from "../../src/rules/plan-add.js";
import { makeRepo, read, runCli } from "../support/cli.js";

async function threeTasks(): Promise<string> {
  const dir = await makeRepo();
  for (const t of ["one", "two", "three"]) expect((await runCli(["add", t], { cwd: dir })).code).toBe(0);
  return dir;
}

const lineOf = (text: string, pattern: RegExp) => text.split("\n").findIndex((l) => pattern.test(l)) + 1;
const addLines = (text: string, id: string) => text.split("\n").filter((l) => l.includes(` add ${id} `)).length;

async function expectRefusedEverywhere(dir: string, line: number, pattern: RegExp) {
  const check = await runCli(["check"], { cwd: dir });
  expect(check.code).toBe(3);
  expect(check.stdout + check.stderr).toMatch(new RegExp(`TASKS\\.md:${line}:\\d+: error: .*T-3`));
  expect(check.stdout + check.stderr).toMatch(pattern);
  const before = [read(dir, "TASKS.md"), read(dir, "APPROVALS.md")];
  for (const args of [
    ["add", "four"],
    ["set", "T-1", "priority=P1"],
    ["ready", "T-2"],
    ["block", "T-1", "--reason", "x"],
  ]) {
    const r = await runCli(args, { cwd: dir });
    expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(3);
    expect(r.stderr).toMatch(/T-3/);
  }
  expect([read(dir, "TASKS.md"), read(dir, "APPROVALS.md")]).toEqual(before);
  expect(addLines(before[0] as string, "T-3")).toBe(1);
}

describe("task IDs and entry headings", () => {
  it("## T-3 mistyped as ## T_3!: check exits 3 naming line and ID, writes refused, T-3 never reused", async () => {
    const dir = await threeTasks();
    const path = join(dir, "TASKS.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("## T-3 three", "## T_3! three"));
    const line = lineOf(read(dir, "TASKS.md"), /^## T_3! three$/);
    await expectRefusedEverywhere(dir, line, /"## T_3! three" looks like the heading of T-3/);
    // Were the ledger read past its error, the next ID would still be T-4, not T-3.
    expect(nextTaskId(readTasks("TASKS.md", read(dir, "TASKS.md")))).toBe("T-4");
    // Fixed by hand, the next add gives T-4.
    writeFileSync(path, readFileSync(path, "utf8").replace("## T_3! three", "## T-3 three"));
    expect((await runCli(["add", "four"], { cwd: dir })).stdout).toBe("T-4\n");
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("the T-3 entry deleted by hand (log line kept): the same", async () => {
    const dir = await threeTasks();
    const path = join(dir, "TASKS.md");
    const text = readFileSync(path, "utf8");
    const deleted = text.replace(/## T-3 three\n(?:- .*\n)*\n?/, "");
    expect(deleted).not.toBe(text);
    writeFileSync(path, deleted);
    const line = lineOf(deleted, / add T-3 /);
    await expectRefusedEverywhere(dir, line, /The log adds T-3 here, but no entry/);
    expect(nextTaskId(readTasks("TASKS.md", deleted))).toBe("T-4");
    // status and list still answer (reading is not refused), and say there is an error.
    const status = await runCli(["status"], { cwd: dir });
    expect(status.stdout).toMatch(/1 error/);
  });

  it("an ordinary section is still only a warning", async () => {
    const dir = await threeTasks();
    const path = join(dir, "TASKS.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("## Log", "## Notes\n\nFree text.\n\n## Log"));
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout + check.stderr).toMatch(/Unknown section "Notes"/);
    expect((await runCli(["add", "four"], { cwd: dir })).stdout).toBe("T-4\n");
  });
});
