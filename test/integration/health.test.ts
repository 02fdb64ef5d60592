// `taskgate health`: each standing problem named on a line of its own with a non-zero exit;
// a clean board exits 0; `watch --once` ends with the same findings' code. Real files, real
// git, real processes; the clock fixed with TASKGATE_NOW.

import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";

const T0 = Date.parse("2026-11-24T09:30:00Z");
const at = (minutes: number) => ({ TASKGATE_NOW: new Date(T0 + minutes * 60_000).toISOString() });

async function board(): Promise<string> {
  const dir = await makeRepo(["bob: WORK", "carol: WORK, AUDIT"]);
  expect((await runCli(["add", "--ready", "Write the runbook"], { cwd: dir, env: at(0) })).code).toBe(0);
  return dir;
}

async function health(dir: string, minutes: number) {
  const text = await runCli(["health"], { cwd: dir, env: at(minutes) });
  const json = await runCli(["health", "--json"], { cwd: dir, env: at(minutes) });
  expect(json.code).toBe(text.code);
  const doc = JSON.parse(json.stdout) as { schema: string; ok: boolean; problems: { kind: string; target: string }[] };
  expect(doc.schema).toBe("taskgate.health");
  expect(doc.ok).toBe(text.code === 0);
  // One line per problem, in the same order as the document's.
  if (doc.problems.length) {
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(doc.problems.length);
    lines.forEach((l, i) => {
      expect(l.startsWith(`${doc.problems[i]?.kind} ${doc.problems[i]?.target}`)).toBe(true);
    });
  }
  return { code: text.code, stdout: text.stdout, problems: doc.problems };
}

describe("taskgate health", () => {
  it("a clean board: exit 0, and watch --once agrees", async () => {
    const dir = await board();
    const h = await health(dir, 1);
    expect(h).toMatchObject({ code: 0, stdout: "ok: no standing problem\n", problems: [] });
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(1) })).code).toBe(0);
  });

  it("a broken hash chain: invalid-ledger with file and line, exit 3", async () => {
    const dir = await board();
    const path = join(dir, "TASKS.md");
    // A log line's text changed after it was written: its hash no longer chains.
    writeFileSync(path, read(dir, "TASKS.md").replace('title="Write the runbook"', 'title="Write the handbook"'));
    const h = await health(dir, 1);
    expect(h.code).toBe(3);
    expect(h.problems.map((p) => p.kind)).toContain("invalid-ledger");
    expect(h.stdout).toMatch(/^invalid-ledger TASKS\.md \(TASKS\.md:\d+\): .*hash/im);
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(1) })).code).toBe(3);
  });

  it("an expired lease nobody recovered: named, exit 6, until watch recovers it", async () => {
    const dir = await board();
    expect((await runCli(["--as", "bob", "claim", "T-1", "--ttl", "5m"], { cwd: dir, env: at(1) })).code).toBe(0);
    expect((await health(dir, 3)).code).toBe(0);
    const h = await health(dir, 20);
    expect(h.code).toBe(6);
    expect(h.problems).toEqual([expect.objectContaining({ kind: "expired-lease", target: "T-1" })]);
    expect(h.stdout).toMatch(/^expired-lease T-1: bob@\S+'s lease ended 2026-11-24T09:36:00Z .*is watch running\?/);
    const prom = join(dir, "taskgate.prom");
    expect((await runCli(["metrics", "--prom", prom], { cwd: dir, env: at(20) })).code).toBe(0);
    expect(readFileSync(prom, "utf8")).toMatch(/^taskgate_leases_expired 1$/m);
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(20) })).code).toBe(0); // recovers it
    expect((await health(dir, 21)).code).toBe(0);
  });

  it("a dead letter: named, exit 6, until someone unblocks it", async () => {
    const dir = await board();
    const path = join(dir, "TASKS.md");
    writeFileSync(path, read(dir, "TASKS.md").replace("- max-attempts: 3", "- max-attempts: 1"));
    const run = await runCli(["--as", "bob", "run", "T-1", "--", process.execPath, "-e", "process.exit(2)"], {
      cwd: dir,
      env: at(1),
    });
    expect(run.code).toBe(6);
    const h = await health(dir, 2);
    expect(h.code).toBe(6);
    expect(h.problems).toEqual([expect.objectContaining({ kind: "dead-letter", target: "T-1" })]);
    const w = await runCli(["watch", "--once"], { cwd: dir, env: at(2) });
    expect(w.code).toBe(6);
    expect(w.stdout).toMatch(/dead-letter T-1/);
    const prom = join(dir, "taskgate.prom");
    expect((await runCli(["metrics", "--prom", prom], { cwd: dir, env: at(2) })).code).toBe(0);
    expect(readFileSync(prom, "utf8")).toMatch(/^taskgate_dead_letters 1$/m);
    expect((await runCli(["unblock", "T-1"], { cwd: dir, env: at(3) })).code).toBe(0);
    expect((await health(dir, 4)).code).toBe(0);
  });

  it("an approval past the SLA, and one made stale: each named, exit 6; watch --once exits 6 too", async () => {
    const dir = await board();
    expect((await runCli(["approval", "request", "T-1"], { cwd: dir, env: at(1) })).code).toBe(0);
    expect((await runCli(["add", "Second"], { cwd: dir, env: at(1) })).code).toBe(0);
    expect((await runCli(["approval", "request", "T-2"], { cwd: dir, env: at(1) })).code).toBe(0);
    expect((await runCli(["--as", "carol", "approve", "A-2"], { cwd: dir, env: at(2) })).code).toBe(0);
    expect((await health(dir, 3)).code).toBe(0);
    expect((await runCli(["set", "T-2", "title=Second, changed"], { cwd: dir, env: at(4) })).code).toBe(0);
    const h = await health(dir, 25 * 60);
    expect(h.code).toBe(6);
    expect(h.problems.map((p) => `${p.kind} ${p.target}`)).toEqual(["approval-sla A-1", "stale-approval A-2"]);
    expect(h.stdout).toMatch(/^approval-sla A-1: pending for \S+, past the policy's approval-sla/m);
    // status names both, in the reader's language, separators included.
    const said = async (env: Record<string, string>) =>
      (await runCli(["status"], { cwd: dir, env: { ...at(25 * 60), ...env } })).stdout;
    expect(await said({})).toContain("APPROVALS.md: 1 pending, 1 past SLA, 1 stale (A-2)\n");
    expect(await said({ TASKGATE_LANG: "ja" })).toContain(
      "APPROVALS.md: 保留中 1 件、SLA 超過 1 件、古い承認 1 件（A-2）\n",
    );
    const prom = join(dir, "taskgate.prom");
    expect((await runCli(["metrics", "--prom", prom], { cwd: dir, env: at(25 * 60) })).code).toBe(0);
    const text = readFileSync(prom, "utf8");
    expect(text).toMatch(/^taskgate_approvals_pending 1$/m);
    expect(text).toMatch(/^taskgate_approvals_over_sla 1$/m);
    const w = await runCli(["watch", "--once"], { cwd: dir, env: at(25 * 60) });
    expect(w.code).toBe(6);
    expect(w.stdout).toMatch(/ approval-sla A-1 pending for/);
  });

  it("the pre-commit hook and the merge driver configured but missing: each named, exit 6", async () => {
    const dir = await board();
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
    expect((await health(dir, 1)).code).toBe(0);
    chmodSync(join(dir, ".git", "hooks", "pre-commit"), 0o644);
    writeFileSync(join(dir, ".gitattributes"), "/TASKS.md merge=taskgate\n");
    const h = await health(dir, 1);
    expect(h.code).toBe(6);
    expect(h.problems.map((p) => p.kind)).toEqual(["merge-driver-missing", "hook-missing"]);
    expect(h.stdout).toMatch(/not executable, so git skips it/);
    expect(h.stdout).toMatch(/no merge\.taskgate\.driver/);
    expect((await runCli(["merge-driver", "install"], { cwd: dir })).code).toBe(0);
    const hook = join(dir, ".git", "hooks", "pre-commit");
    chmodSync(hook, 0o755);
    expect((await health(dir, 1)).code).toBe(0);
    // The program the hook runs is gone (a moved checkout, an uninstalled package).
    writeFileSync(hook, readFileSync(hook, "utf8").replace(/ \S*taskgate\.cjs/, " /nonexistent/taskgate.cjs"));
    const gone = await health(dir, 1);
    expect(gone.problems).toEqual([expect.objectContaining({ kind: "hook-missing", target: "pre-commit" })]);
    expect(gone.stdout).toMatch(/\/nonexistent\/taskgate\.cjs is not there/);
    // Put back, then git is sent to another hooks folder (as husky does): the check no longer runs.
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
    expect((await health(dir, 1)).code).toBe(0);
    execFileSync("git", ["config", "core.hooksPath", ".husky"], { cwd: dir });
    const moved = await health(dir, 1);
    expect(moved.code).toBe(6);
    expect(moved.stdout).toMatch(/^hook-missing pre-commit: .*git runs the hooks in .*\.husky \(core\.hooksPath\)/m);
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0); // installs into .husky
    expect((await health(dir, 1)).code).toBe(0);
  });

  it("a schedule whose run is overdue (nobody runs watch): named with its line, exit 6", async () => {
    const dir = await board();
    const path = join(dir, "TASKS.md");
    writeFileSync(
      path,
      read(dir, "TASKS.md").replace("## Schedules\n", "## Schedules\n- nightly: `0 2 * * *` UTC check\n"),
    );
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(1) })).code).toBe(0); // armed
    expect((await health(dir, 60)).code).toBe(0);
    // Due 2026-11-25T02:00Z; 10 minutes late is within the grace, an hour late is overdue.
    expect((await health(dir, 16 * 60 + 40)).code).toBe(0);
    const h = await health(dir, 17 * 60 + 30);
    expect(h.code).toBe(6);
    expect(h.problems).toEqual([expect.objectContaining({ kind: "schedule-overdue", target: "nightly" })]);
    expect(h.stdout).toMatch(/^schedule-overdue nightly \(TASKS\.md:\d+\): due 2026-11-25T02:00:00Z \(1h/);
    expect((await runCli(["watch", "--once"], { cwd: dir, env: at(17 * 60 + 30) })).code).toBe(0); // runs it
    expect((await health(dir, 17 * 60 + 31)).code).toBe(0);
  });

  it("an event hook that keeps failing: hook-failed, exit 6, the sentence status shows", async () => {
    const dir = await board();
    const path = join(dir, "TASKS.md");
    // A program hook that always fails (exit 1), trusted on this machine.
    const hook = `- claimed: run ${JSON.stringify(process.execPath)} -e process.exit(1)\n`;
    writeFileSync(
      path,
      read(dir, "TASKS.md").replace("## Log", () => `## Hooks\n${hook}\n## Log`),
    );
    const env = { ...at(1), TASKGATE_TEST_NO_HOOK_START: "1" };
    expect((await runCli(["hooks", "trust"], { cwd: dir, env })).code).toBe(0);
    expect((await health(dir, 1)).code).toBe(0);
    expect((await runCli(["--as", "bob", "claim", "T-1"], { cwd: dir, env })).code).toBe(0);
    expect((await runCli(["hooks", "deliver"], { cwd: dir, env })).code).not.toBe(0);
    const h = await health(dir, 2);
    expect(h.code).toBe(6);
    expect(h.problems).toEqual([expect.objectContaining({ kind: "hook-failed", target: "hooks" })]);
    const status = await runCli(["status"], { cwd: dir, env: at(2) });
    const sentence = h.stdout.trimEnd().replace(/^hook-failed hooks: /, "");
    expect(status.stdout).toContain(sentence);
  });
});
