// run and work hand the program the whole task: {file} in work's --exec and TASKGATE_TASK_FILE
// name the task's Markdown (heading, fields and text) written for the run, as an argument,
// never as shell text.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

async function repoWithTask(): Promise<string> {
  const dir = await makeRepo(["w1: WORK"]);
  expect((await runCli(["add", "--ready", "--labels", "parser", "Parse the $(whoami) file"], { cwd: dir })).code).toBe(
    0,
  );
  const path = join(dir, "TASKS.md");
  const text = read(dir, "TASKS.md");
  // The task's text, under its fields: what an agent needs besides the title.
  writeFileSync(path, text.replace(/(## T-1 [^\n]*\n(?:- [^\n]*\n)*)/, "$1\nAcceptance: the parser reads `a.csv`.\n"));
  return dir;
}

describe("the task's Markdown for the program", () => {
  it("work --exec gets {file} as one argument and TASKGATE_TASK_FILE, with the task's fields and text", async () => {
    const dir = await repoWithTask();
    const out = join(dir, "seen.json");
    const program = `require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify({ arg: process.argv[1], env: process.env.TASKGATE_TASK_FILE, text: require("fs").readFileSync(process.argv[1], "utf8") }))`;
    const r = await runCli(
      ["--as", "w1", "work", "--exit-when-idle", "--exec", `${process.execPath} -e '${program}' {file}`],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const seen = JSON.parse(readFileSync(out, "utf8"));
    expect(seen.arg).toBe(seen.env);
    expect(seen.arg).toMatch(/T-1-.*\.md$/);
    expect(seen.text).toMatch(/^## T-1 Parse the \$\(whoami\) file\n- state: DOING\n/);
    expect(seen.text).toContain("- labels: parser\n");
    expect(seen.text).toContain("Acceptance: the parser reads `a.csv`.\n");
  });

  it("run gives TASKGATE_TASK_FILE to its program", async () => {
    const dir = await repoWithTask();
    const out = join(dir, "seen.txt");
    const program = `require("fs").writeFileSync(${JSON.stringify(out)}, require("fs").readFileSync(process.env.TASKGATE_TASK_FILE, "utf8"))`;
    const r = await runCli(["--as", "w1", "run", "T-1", "--", process.execPath, "-e", program], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Acceptance: the parser reads `a.csv`.");
  });
});
