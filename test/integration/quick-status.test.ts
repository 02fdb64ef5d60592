// The quick status (src/cli/quick-status.ts, dist/quick-status.cjs): a status its memo answers
// is printed by a bundle of its own, and must be, byte for byte and exit code alike, what the
// full command prints for the same memo; anything it cannot answer so goes to the full command.
// Real boards, real processes; a preload records which bundles each process read.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { CLI } from "../support/paths.js";

const made: string[] = [];
let preload: string;
let readsFile: string;

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), "taskgate-quick-"));
  made.push(tmp);
  preload = join(tmp, "reads.cjs");
  readsFile = join(tmp, "reads.txt");
  // Records every file read with readFileSync (how bin/taskgate.cjs loads the bundles).
  writeFileSync(
    preload,
    `const fs = require("node:fs"); const seen = []; const real = fs.readFileSync;
fs.readFileSync = function (p, ...rest) { seen.push(String(p)); return real.call(this, p, ...rest); };
process.on("exit", () => fs.writeFileSync(${JSON.stringify(readsFile)}, seen.join("\\n")));`,
  );
});

afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

interface Answer {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Which bundle answered: the quick one alone, or the main one. */
  readonly by: "quick" | "main";
}

function status(args: readonly string[], cwd: string, env: Record<string, string> = {}): Answer {
  const r = spawnSync(process.execPath, ["-r", preload, CLI, ...args], {
    cwd,
    env: baseEnv(env),
    encoding: "utf8",
  });
  const reads = readFileSync(readsFile, "utf8").split("\n");
  const main = reads.some((p) => /[\\/]dist[\\/]taskgate\.cjs$/.test(p));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, by: main ? "main" : "quick" };
}

/** Whether the last process read a ledger's bytes (the snapshot reads them by descriptor). */
const readLedgers = () =>
  readFileSync(readsFile, "utf8")
    .split("\n")
    .some((p) => /^\d+$/.test(p));

/** The full command's answer (it also leaves the memo), then the same call as users make it. */
function both(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const full = status(args, cwd, { ...env, TASKGATE_TEST_NO_QUICK: "1" });
  const quick = status(args, cwd, env);
  return { full, quick };
}

describe("the quick status", () => {
  let repo: string;
  const at = "2026-12-01T09:00:00Z";
  beforeAll(async () => {
    repo = await makeRepo(["bob: WORK", "carol: AUDIT"]);
    made.push(repo);
    const cli = (args: string[], env: Record<string, string> = {}) =>
      runCli(args, { cwd: repo, env: { TASKGATE_NOW: at, ...env } });
    expect((await cli(["add", "日本語のタスク 🚀", "--ready"])).code).toBe(0);
    expect((await cli(["add", "Two", "--ready"])).code).toBe(0);
    expect((await cli(["add", "Three"])).code).toBe(0);
    // A lease that expires at 09:10, and an approval waiting.
    expect((await cli(["--as", "bob", "claim", "T-1", "--ttl", "10m"])).code).toBe(0);
    expect((await cli(["--as", "bob", "approval", "request", "deploy", "the", "release"])).code).toBe(0);
  });

  it("prints what the full command prints, for every form of a plain status", () => {
    const other = mkdtempSync(join(tmpdir(), "taskgate-quick-cwd-"));
    made.push(other);
    const later = { TASKGATE_NOW: "2026-12-01T09:30:00Z" };
    const cases: [string[], Record<string, string>, string][] = [
      [["status"], later, repo],
      [["status", "--json"], later, repo],
      [["status"], { TASKGATE_NOW: at }, repo],
      [["--utc", "status"], later, repo],
      // Times shown in the local zone, and in UTC with --utc, whatever the zone.
      [["status"], { ...later, TZ: "Asia/Tokyo" }, repo],
      [["--utc", "status"], { ...later, TZ: "Asia/Tokyo" }, repo],
      [["status"], { ...later, TZ: "America/St_Johns", TASKGATE_LANG: "ja" }, repo],
      [["--no-color", "status"], { ...later, NO_COLOR: "", FORCE_COLOR: "1" }, repo],
      [["status"], { ...later, NO_COLOR: "", FORCE_COLOR: "1" }, repo],
      [["status"], { ...later, TASKGATE_LANG: "ja" }, repo],
      [["status", "--json"], { ...later, LANG: "ja_JP.UTF-8" }, repo],
      [["--dir", repo, "status"], later, other],
      [[`--dir=${repo}`, "--as", "carol", "status", "--json"], later, other],
      [["--tasks", join(repo, "TASKS.md"), "--approvals", join(repo, "APPROVALS.md"), "status"], later, other],
      [["status"], { ...later, TASKGATE_DIR: repo }, other],
    ];
    for (const [args, env, cwd] of cases) {
      const { full, quick } = both(args, cwd, env);
      expect(full.by).toBe("main");
      expect({ ...quick, by: "main" }, `${args.join(" ")} ${JSON.stringify(env)}`).toEqual(full);
      expect(quick.by, `${args.join(" ")} ${JSON.stringify(env)}`).toBe("quick");
    }
    // What it printed is the real board: the lease expired, the approval pending, in Japanese too.
    const { quick } = both(["status", "--json"], repo, later);
    expect(JSON.parse(quick.stdout)).toMatchObject({
      tasks: 3,
      byState: { READY: 1, DOING: 1, PLAN: 1 },
      leases: { held: 0, expired: [{ id: "T-1", holder: expect.stringMatching(/^bob/) }] },
      approvals: { pending: 1 },
    });
    expect(both(["status"], repo, { ...later, TASKGATE_LANG: "ja" }).quick.stdout).toContain("タスク 3 件");
  });

  it("leaves to the full command what it cannot answer exactly, which then answers as ever", () => {
    const later = { TASKGATE_NOW: "2026-12-01T09:30:00Z" };
    const cases: [string[], Record<string, string>][] = [
      [["status", "--bogus"], later],
      [["status", "extra"], later],
      [["--dir", join(repo, "nowhere"), "status"], later],
      [["--json", "status"], later],
      [["status"], { TASKGATE_NOW: "not a time" }],
      [["status"], { ...later, TASKGATE_NO_MEMO: "1" }],
      [["--as", "bob", "--as", "carol", "status"], later],
    ];
    for (const [args, env] of cases) {
      const { full, quick } = both(args, repo, env);
      expect(quick, `${args.join(" ")} ${JSON.stringify(env)}`).toEqual(full);
      expect(quick.by).toBe("main");
    }
    expect(both(["--dir", join(repo, "nowhere"), "status"], repo, later).quick.code).toBe(2);
  });

  it("answers for a board with errors as the full command does, and from the stamps once the board has settled", async () => {
    const dir = await makeRepo();
    made.push(dir);
    expect((await runCli(["add", "One"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["add", "Two"], { cwd: dir })).code).toBe(0);
    // A mistyped state and an unknown field: errors and warnings to count.
    writeFileSync(
      join(dir, "TASKS.md"),
      read(dir, "TASKS.md")
        .replace("- state: PLAN", "- state: PALN")
        .replace("## T-2 Two\n", "## T-2 Two\n- colour: red\n"),
    );
    for (const args of [["status"], ["status", "--json"]]) {
      const { full, quick } = both(args, dir);
      expect({ ...quick, by: "main" }).toEqual(full);
      expect(quick.by).toBe("quick");
    }
    expect(JSON.parse(both(["status", "--json"], dir).quick.stdout).errors).toBeGreaterThan(0);
    // Settled (no change for more than three seconds): the memo's answer comes from the
    // ledgers' stamps, and neither ledger is read.
    await new Promise((r) => setTimeout(r, 3300));
    const settled = both(["status"], dir);
    expect({ ...settled.quick, by: "main" }).toEqual(settled.full);
    expect(status(["status"], dir).by).toBe("quick");
    expect(readLedgers()).toBe(false);
  });

  it("a changed board, a board with phases or hooks, and a task's worktree go to the full command", async () => {
    const dir = await makeRepo();
    made.push(dir);
    expect((await runCli(["add", "One"], { cwd: dir })).code).toBe(0);
    expect(both(["status"], dir).quick.by).toBe("quick");
    // A hand edit: the memo has no answer for these bytes, so the full command reads them.
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("## T-1 One", "## T-1 Uno"));
    expect(status(["status"], dir).by).toBe("main");
    expect(status(["status"], dir).by).toBe("quick");
    // Hooks (status reports their delivery) and phases (their progress): the full command's.
    const withHooks = `${read(dir, "TASKS.md")}\n## Hooks\n\n- on: approved\n  run: echo hi\n`;
    writeFileSync(join(dir, "TASKS.md"), withHooks);
    for (let i = 0; i < 2; i++) {
      const { full, quick } = both(["status"], dir);
      expect(quick).toEqual(full);
      expect(quick.by).toBe("main");
    }
    // Phases (their progress is shown).
    const withPhases = read(dir, "TASKS.md")
      .replace(/\n## Hooks[\s\S]*$/, "\n")
      .replace("## T-1 ", "## Phases\n- docs: 2026-12-31 Write them\n\n## T-1 ")
      .replace(/(## T-1 .*\n- state: \w+\n)/, "$1- phase: docs\n");
    writeFileSync(join(dir, "TASKS.md"), withPhases);
    for (let i = 0; i < 2; i++) {
      const { full, quick } = both(["status"], dir);
      expect(quick).toEqual(full);
      expect(quick.stdout).toContain("Phases:");
      expect(quick.by).toBe("main");
    }
    // A linked worktree of the board's repository.
    writeFileSync(
      join(dir, "TASKS.md"),
      read(dir, "TASKS.md")
        .replace(/## Phases\n.*\n\n/, "")
        .replace("- phase: docs\n", ""),
    );
    execFileSync("git", ["add", "-A"], { cwd: dir });
    execFileSync("git", ["commit", "-qm", "board"], { cwd: dir });
    const linked = join(mkdtempSync(join(tmpdir(), "taskgate-quick-wt-")), "wt");
    made.push(join(linked, ".."));
    execFileSync("git", ["worktree", "add", "-q", linked], { cwd: dir });
    for (let i = 0; i < 2; i++) {
      const { full, quick } = both(["status"], linked);
      expect(quick).toEqual(full);
      expect(quick.by).toBe("main");
    }
    expect(status(["status"], dir).by).toBe("quick");
  });
});
