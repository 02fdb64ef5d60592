// policy suggest on a board made by real commands: ten approvals of docs tasks by a person,
// none sent back, suggest an auto-approve rule (carol approves, as alice added the tasks); --request files it as an approval request
// that changes nothing, that its requester cannot approve, and that another AUDIT decides.

import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

let dir: string;
/** APPROVALS.md's Rules section and Roles section: what an applied suggestion would change. */
const rulesAndRoles = () => /## Roles\n[\s\S]*?\n(?=## A-|## Log)/.exec(read(dir, "APPROVALS.md"))?.[0];
const cli = (args: string[]) => runCli(args, { cwd: dir });

beforeAll(async () => {
  dir = await makeRepo(["bob: WORK", "carol: AUDIT"]);
  for (let n = 1; n <= 10; n++) {
    expect((await cli(["add", "--labels", "docs", `Doc ${n}`])).code).toBe(0);
    expect((await cli(["--as", "bob", "approval", "request", `T-${n}`])).code).toBe(0);
    if (n < 10) expect((await cli(["--as", "carol", "approve", `A-${n}`])).code).toBe(0);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("policy suggest", () => {
  it("suggests nothing at 9 approvals, and an auto-approve rule at 10, with the evidence", async () => {
    const before = await cli(["policy", "suggest"]);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe("No change suggested: no evidence crosses a threshold (see docs/forecast.md)\n");
    expect((await cli(["--as", "carol", "approve", "A-10"])).code).toBe(0);
    const r = await cli(["policy", "suggest", "--json"]);
    const j = JSON.parse(r.stdout);
    expect(j.suggestions).toHaveLength(1);
    expect(j.suggestions[0]).toMatchObject({
      kind: "auto-approve",
      change: "rules: auto-approve label docs in REVIEW",
    });
    expect(j.suggestions[0].evidence[0]).toMatch(
      /^10 approvals of docs tasks by people, none sent back or reopened after/,
    );
  });

  it("--request files it for another AUDIT and changes nothing else", async () => {
    const tasksBefore = read(dir, "TASKS.md");
    const rulesBefore = rulesAndRoles();
    expect(rulesBefore).toContain("## Rules");
    const r = await cli(["policy", "suggest", "--request"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rules: auto-approve label docs in REVIEW  (requested as A-11)");
    expect(read(dir, "TASKS.md")).toBe(tasksBefore);
    expect(rulesAndRoles()).toBe(rulesBefore);
    const shown = JSON.parse((await cli(["approval", "show", "A-11", "--json"])).stdout);
    expect(JSON.stringify(shown)).toContain('"pending"');
    // Its requester cannot approve it; another AUDIT can, and still nothing is applied.
    const own = await cli(["approve", "A-11"]);
    expect(own.code).toBe(1);
    expect((await cli(["--as", "carol", "approve", "A-11"])).code).toBe(0);
    expect(read(dir, "TASKS.md")).toBe(tasksBefore);
    expect(rulesAndRoles()).toBe(rulesBefore);
  });
});
