// Ledgers reached through symbolic links (issue #27, item 4): a write changes the file the
// link points to and leaves the link a link; two links to one file share one lock.

import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { makeRepo, runCli } from "../support/cli.js";

const WORKERS = Array.from({ length: 20 }, (_, i) => `w${i + 1}`);
const ROUNDS = Number(process.env.TASKGATE_TEST_LINK_ROUNDS ?? 1);

/** A repository whose TASKS.md and APPROVALS.md are links into real/, and a second folder linking there too. */
async function linkedBoard(): Promise<{ repo: string; other: string; real: string }> {
  const repo = await makeRepo([...WORKERS.map((w) => `${w}: WORK`)]);
  const real = join(repo, "real");
  mkdirSync(real);
  for (const name of ["TASKS.md", "APPROVALS.md"]) {
    renameSync(join(repo, name), join(real, name));
    symlinkSync(join("real", name), join(repo, name));
  }
  const other = mkdtempSync(join(tmpdir(), "taskgate-links-"));
  for (const name of ["TASKS.md", "APPROVALS.md"]) symlinkSync(join(real, name), join(other, name));
  return { repo, other, real };
}

const isLink = (p: string) => lstatSync(p).isSymbolicLink();

function tasksAt(path: string) {
  const { ledger, log, diagnostics } = lintLedger("tasks", "TASKS.md", readFileSync(path, "utf8"), sha256Hex);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ledger, log };
}

describe("symlinked ledgers", () => {
  it("add and claim through links: the links stay links and their targets hold the change", async () => {
    const { repo, real } = await linkedBoard();
    const add = await runCli(["add", "--ready", "through a link"], { cwd: repo });
    expect([add.code, add.stderr]).toEqual([0, ""]);
    const claim = await runCli(["--as", "w1", "claim", "T-1"], { cwd: repo });
    expect([claim.code, claim.stderr]).toEqual([0, ""]);
    for (const name of ["TASKS.md", "APPROVALS.md"]) expect(isLink(join(repo, name))).toBe(true);
    const { ledger, log } = tasksAt(join(real, "TASKS.md"));
    expect(ledger.byId.get("T-1")?.task).toMatchObject({ title: "through a link", state: "DOING" });
    expect(log.map((e) => e.action)).toEqual(["init", "add", "claim"]);
    // Nothing was left beside the links or the targets.
    expect(readdirSync(repo).sort()).toEqual([".git", "APPROVALS.md", "TASKS.md", "real"]);
    expect(readdirSync(real).sort()).toEqual(["APPROVALS.md", "TASKS.md"]);
  });

  it("init through links to files not made yet creates the targets and keeps the links", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taskgate-dangling-"));
    execFileSync("git", ["init", "-q", dir]);
    mkdirSync(join(dir, "real"));
    for (const name of ["TASKS.md", "APPROVALS.md"]) symlinkSync(join("real", name), join(dir, name));
    const r = await runCli(["init"], { cwd: dir, env: { TASKGATE_ACTOR: "alice@example.com" } });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    for (const name of ["TASKS.md", "APPROVALS.md"]) {
      expect(isLink(join(dir, name))).toBe(true);
      expect(lstatSync(join(dir, "real", name)).isFile()).toBe(true);
    }
    expect(tasksAt(join(dir, "real", "TASKS.md")).log.map((e) => e.action)).toEqual(["init"]);
  });

  it("an approval requested through a link lands in its target", async () => {
    const { repo, real } = await linkedBoard();
    expect((await runCli(["add", "--ready", "x"], { cwd: repo })).code).toBe(0);
    const before = readFileSync(join(real, "APPROVALS.md"), "utf8");
    const r = await runCli(["--as", "w1", "approval", "request", "T-1"], { cwd: repo });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(isLink(join(repo, "APPROVALS.md"))).toBe(true);
    const after = readFileSync(join(real, "APPROVALS.md"), "utf8");
    expect(after).not.toBe(before);
    expect(after).toContain(r.stdout.trim().split(/\s/)[0] as string);
  });

  for (let round = 1; round <= ROUNDS; round++) {
    it(`20 claims racing through two links to one file: one winner${ROUNDS > 1 ? ` (round ${round})` : ""}`, async () => {
      const { repo, other, real } = await linkedBoard();
      expect((await runCli(["add", "--ready", "contested"], { cwd: repo })).code).toBe(0);
      const runs = await Promise.all(
        WORKERS.map((w, i) => runCli(["--as", w, "claim", "T-1"], { cwd: i % 2 ? other : repo })),
      );
      const winners = runs.filter((r) => r.code === 0);
      expect(winners).toHaveLength(1);
      for (const r of runs.filter((x) => x.code !== 0)) {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/leased to w\d+/);
      }
      const { ledger, log } = tasksAt(join(real, "TASKS.md"));
      expect(log.filter((e) => e.action === "claim")).toHaveLength(1);
      expect(ledger.byId.get("T-1")?.task.lease?.token).toBe(1);
      for (const dir of [repo, other])
        for (const n of ["TASKS.md", "APPROVALS.md"]) expect(isLink(join(dir, n))).toBe(true);
    });
  }
});
