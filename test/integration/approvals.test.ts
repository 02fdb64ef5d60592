// The approval gate with real processes: one decision when twenty race, refusals that change
// nothing, staleness that closes the gate, and role grants that wait for a second AUDIT.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { makeRepo, read, runCli } from "../support/cli.js";

const AUDITORS = Array.from({ length: 20 }, (_, i) => `auditor${i + 1}`);

async function board(): Promise<string> {
  const dir = await makeRepo(["bob: WORK", "carol: WORK, AUDIT", "dave: AUDIT", ...AUDITORS.map((a) => `${a}: AUDIT`)]);
  const run = async (...args: string[]) => {
    const r = await runCli(args, { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    return r.stdout;
  };
  await run("add", "Deploy the service", "--labels", "prod", "--ready");
  await run("--as", "bob", "claim", "T-1");
  await run("--as", "bob", "submit", "T-1");
  await run("--as", "bob", "approval", "request", "T-1", "--evidence", "ci run 8812");
  return dir;
}

describe("approval gate", () => {
  it("20 processes approve or reject the same request at once: exactly one decision", async () => {
    const dir = await board();
    const runs = await Promise.all(
      AUDITORS.map((a, i) =>
        runCli(i % 2 ? ["--as", a, "reject", "A-1", "--reason", `no from ${a}`] : ["--as", a, "approve", "A-1"], {
          cwd: dir,
        }),
      ),
    );
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^taskgate: A-1 is already (approved|rejected) by auditor\d+ at \S+; a decision is final/,
      );
    }
    const l = lintLedger("approvals", "APPROVALS.md", read(dir, "APPROVALS.md"), sha256Hex);
    expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(l.log.filter((e) => e.action === "approve" || e.action === "reject")).toHaveLength(1);
  });

  it("refuses self-approval, a WORK-only approver and the subject's last modifier, changing nothing", async () => {
    const dir = await board();
    // A-1 was requested by bob; A-2 (about T-1 too) by alice, superseding it.
    expect((await runCli(["approval", "request", "T-1"], { cwd: dir })).stdout).toBe("A-2 (supersedes A-1)\n");
    // bob submitted T-1, so he is its last modifier; give him AUDIT to show that rule.
    writeFileSync(
      join(dir, "APPROVALS.md"),
      read(dir, "APPROVALS.md").replace("- bob: WORK\n", "- bob: WORK, AUDIT\n"),
    );
    const before = read(dir, "APPROVALS.md");
    const cases: [string[], string][] = [
      [
        ["approve", "A-2"],
        "alice@example.com requested A-2 and may not decide it; another AUDIT actor must (four eyes)",
      ],
      [["--as", "bob", "approve", "A-2"], "bob last changed T-1 (submit at "],
      [
        ["--as", "carol", "approve", "A-1"],
        "A-1 is already superseded; a decision is final (request again to start over)",
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
    }
    const workOnlyText = before.replace("- bob: WORK, AUDIT\n", "- bob: WORK\n");
    writeFileSync(join(dir, "APPROVALS.md"), workOnlyText);
    const workOnly = await runCli(["--as", "bob", "approve", "A-2"], { cwd: dir });
    expect([workOnly.code, workOnly.stderr]).toEqual([
      1,
      "taskgate: bob (WORK) may not approve; that takes the AUDIT role\n",
    ]);
    expect(read(dir, "APPROVALS.md")).toBe(workOnlyText);
    expect(readApprovals("APPROVALS.md", workOnlyText).approvals.map((a) => a.status)).toEqual([
      "superseded",
      "pending",
    ]);
  });

  it("an approval goes stale when one byte of the task's text changes, and the gate then refuses acceptance", async () => {
    const dir = await board();
    expect((await runCli(["--as", "dave", "approve", "A-1"], { cwd: dir })).code).toBe(0);
    const tasksPath = join(dir, "TASKS.md");
    const original = read(dir, "TASKS.md");
    // A hand edit of the task's text after the approval.
    writeFileSync(
      tasksPath,
      original.replace(/(## T-1 Deploy the service\n(?:- .*\n)*)/, "$1\nAlso rotate the key.\n"),
    );
    const status = JSON.parse((await runCli(["status", "--json"], { cwd: dir })).stdout);
    expect(status.approvals.stale).toEqual(["A-1"]);
    const check = await runCli(["check"], { cwd: dir });
    expect(check.stdout).toMatch(
      /APPROVALS\.md:\d+:1: warning: A-1 was approved, but T-1 changed since, so it no longer counts \(stale\)/,
    );
    const refused = await runCli(["--as", "carol", "accept", "T-1"], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "taskgate: T-1 has the label prod, so accepting it needs an approved request; A-1 was approved, but T-1 changed since (stale): run taskgate approval request T-1\n",
    );
    // Put the text back: the approval counts again and carol (who did not work on it) accepts.
    writeFileSync(tasksPath, original);
    const accepted = await runCli(["--as", "carol", "accept", "T-1"], { cwd: dir });
    expect([accepted.code, accepted.stderr]).toEqual([0, ""]);
  });

  it("a role grant takes effect only after another AUDIT actor approves it", async () => {
    const dir = await board();
    const req = await runCli(["--as", "bob", "roles", "grant", "bob", "AUDIT"], { cwd: dir });
    expect(req.code).toBe(0);
    const id = /^(A-\d+):/.exec(req.stdout)?.[1] as string;
    const rolesOf = () => readApprovals("APPROVALS.md", read(dir, "APPROVALS.md")).actors.get("bob")?.roles;
    expect(rolesOf()).toEqual(["WORK"]);
    const selfApprove = await runCli(["--as", "bob", "approve", id], { cwd: dir });
    expect(selfApprove.code).toBe(1);
    expect(rolesOf()).toEqual(["WORK"]);
    const approved = await runCli(["--as", "dave", "approve", id], { cwd: dir });
    expect([approved.code, approved.stderr]).toEqual([0, ""]);
    expect(rolesOf()).toEqual(["WORK", "AUDIT"]);
    expect(read(dir, "APPROVALS.md")).toMatch(new RegExp(`dave AUDIT roles bob roles="WORK, AUDIT" via=${id} ~ `));
  });
});
