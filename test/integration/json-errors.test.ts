// Every command with --json answers an error with one taskgate.error document on stdout (the
// sentence still on stderr) and the documented exit code: usage errors commander finds before
// the command runs, refusals, a missing board, invalid ledgers.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeRepo, runCli } from "../support/cli.js";

/** The one document on stdout, checked against the schema. */
function errorDocOf(stdout: string): Record<string, unknown> {
  const d = JSON.parse(stdout) as Record<string, unknown>;
  expect(Object.keys(d).slice(0, 2)).toEqual(["schema", "version"]);
  expect(d).toMatchObject({ schema: "taskgate.error", version: 1 });
  expect(d.code).toMatch(/^[A-Z][A-Z_]+$/);
  expect(typeof d.message).toBe("string");
  expect((d.message as string).length).toBeGreaterThan(10);
  expect(d).toHaveProperty("file");
  expect(d).toHaveProperty("line");
  expect(Array.isArray(d.diagnostics)).toBe(true);
  return d;
}

// [what, args, exit code, stable code]
const READS: [string, string[], number, string][] = [
  ["unknown command", ["bogus", "--json"], 2, "UNKNOWN_COMMAND"],
  ["unknown option of status", ["status", "--bogus", "--json"], 2, "UNKNOWN_OPTION"],
  ["missing argument of show", ["show", "--json"], 2, "MISSING_ARGUMENT"],
  ["show of a task that is not there", ["show", "T-99", "--json"], 1, "NOT_FOUND"],
  ["list with an unknown state", ["list", "--state", "FOO", "--json"], 2, "INVALID_ARGUMENT"],
  ["approvals with an unknown status", ["approvals", "--status", "pendng", "--json"], 2, "INVALID_ARGUMENT"],
  ["metrics with a bad --since", ["metrics", "--since", "bogus", "--json"], 2, "INVALID_ARGUMENT"],
  ["forecast of a phase that is not there", ["forecast", "--phase", "nope", "--json"], 1, "REFUSED"],
  ["verify of a range that is not one", ["verify", "--range", "nonsense", "--json"], 2, "INVALID_ARGUMENT"],
  ["approval show of a request that is not there", ["approval", "show", "A-9", "--json"], 1, "REFUSED"],
  ["whoami with an unknown option", ["whoami", "--bogus", "--json"], 2, "UNKNOWN_OPTION"],
  ["policy suggest with an unknown option", ["policy", "suggest", "--bogus", "--json"], 2, "UNKNOWN_OPTION"],
  ["board with an unknown option", ["board", "--bogus", "--json"], 2, "UNKNOWN_OPTION"],
  ["watch --once with a bad interval", ["watch", "--once", "--interval", "0", "--json"], 2, "INVALID_ARGUMENT"],
  ["health with an unknown option", ["health", "--bogus", "--json"], 2, "UNKNOWN_OPTION"],
];

const WRITES: [string, string[], number, string][] = [
  ["add with a bad priority", ["add", "--priority", "P9", "x", "--json"], 1, "REFUSED"],
  ["set of a task that is not there", ["set", "T-99", "title=x", "--json"], 1, "NOT_FOUND"],
  ["ready of a task that is not there", ["ready", "T-99", "--json"], 1, "NOT_FOUND"],
  ["accept of a PLAN task", ["accept", "T-1", "--json"], 1, "WRONG_STATE"],
  ["claim by an actor with no roles", ["--as", "zed", "claim", "T-2", "--json"], 1, "ROLE_DENIED"],
  ["next by an actor with no roles", ["--as", "zed", "next", "--claim", "--json"], 1, "ROLE_DENIED"],
  ["accept by a WORK actor", ["--as", "bob", "accept", "T-1", "--json"], 1, "ROLE_DENIED"],
  // A task that is not there is NOT_FOUND whoever asks, as the sentence says (it was ROLE_DENIED).
  ["accept of a task that is not there, by a WORK actor", ["--as", "bob", "accept", "T-99", "--json"], 1, "NOT_FOUND"],
  ["ready of a task that is not there, by a WORK actor", ["--as", "bob", "ready", "T-99", "--json"], 1, "NOT_FOUND"],
  // next offers a task to take: an actor who may not claim is told so, with or without --claim.
  ["next by an AUDIT-only actor", ["--as", "erin", "next", "--json"], 1, "ROLE_DENIED"],
  ["next --claim by an AUDIT-only actor", ["--as", "erin", "next", "--claim", "--json"], 1, "ROLE_DENIED"],
  ["submit of a lease held by another", ["--as", "carol", "submit", "T-2", "--json"], 1, "LEASE_HELD"],
  ["approval request of a task that is not there", ["approval", "request", "T-99", "--json"], 1, "NOT_FOUND"],
  ["approve of a request that is not there", ["approve", "A-9", "--json"], 1, "NOT_FOUND"],
  // A-1 is carol's request (beforeAll): a WORK actor may not decide it, nor may carol.
  ["approve by a WORK actor", ["--as", "bob", "approve", "A-1", "--json"], 1, "ROLE_DENIED"],
  ["reject of one's own request", ["--as", "carol", "reject", "a1", "--reason", "no", "--json"], 1, "FOUR_EYES"],
  ["roles grant of a role that is not one", ["roles", "grant", "x", "BOSS", "--json"], 2, "INVALID_ARGUMENT"],
  ["run of a task that is not there", ["run", "--json", "T-99", "--", "true"], 1, "NOT_FOUND"],
  ["work with an empty command", ["work", "--exec", "", "--json"], 2, "INVALID_ARGUMENT"],
  ["share with a remote that is not there", ["share", "--remote", "nope", "--json"], 2, "INVALID_ARGUMENT"],
];

describe("--json errors: one taskgate.error document on stdout, the sentence on stderr", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeRepo(["bob: WORK", "carol: WORK, AUDIT", "erin: AUDIT"]);
    expect((await runCli(["add", "Plan"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["add", "--ready", "Held"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["--as", "bob", "claim", "T-2"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["--as", "carol", "approval", "request", "ship", "it"], { cwd: dir })).code).toBe(0);
  });

  for (const [what, args, exit, code] of [...READS, ...WRITES]) {
    it(`${what}: exit ${exit}, code ${code}`, async () => {
      const before = readFileSync(join(dir, "TASKS.md"), "utf8");
      const r = await runCli(args, { cwd: dir });
      expect(r.code).toBe(exit);
      // run's stdout is its program's: its documents, the error's too, are the lines on stderr.
      const run = args.includes("run");
      if (run) expect(r.stdout).toBe("");
      const d = errorDocOf(run ? (r.stderr.split("\n").find((l) => l.startsWith("{")) ?? "") : r.stdout);
      expect(d).toMatchObject({ code, exitCode: exit });
      // The same sentence on stderr, for people.
      expect(r.stderr).toContain((d.message as string).split("\n")[0]);
      expect(readFileSync(join(dir, "TASKS.md"), "utf8")).toBe(before);
    });
  }

  it("status outside any board: NO_BOARD, exit 1, naming the file", async () => {
    const empty = mkdtempSync(join(tmpdir(), "taskgate-noboard-"));
    for (const args of [
      ["status", "--json"],
      ["list", "--json"],
      ["check", "--json"],
      ["approvals", "--json"],
      ["metrics", "--json"],
      ["add", "x", "--json"],
      ["health", "--json"],
      ["watch", "--once", "--json"],
    ]) {
      const r = await runCli(args, { cwd: empty });
      expect(r.code).toBe(1);
      expect(errorDocOf(r.stdout)).toMatchObject({ code: "NO_BOARD", exitCode: 1 });
      expect(errorDocOf(r.stdout).file).toMatch(/^(TASKS|APPROVALS)\.md$/);
    }
  });

  it("a write to an invalid ledger: INVALID_LEDGER, exit 3, with the first error's file and line", async () => {
    const bad = await makeRepo();
    const path = join(bad, "TASKS.md");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("\n## Log\n", "\n## T-1 Broken\n- state: doing\n\n## Log\n"),
    );
    const r = await runCli(["add", "More", "--json"], { cwd: bad });
    expect(r.code).toBe(3);
    const d = errorDocOf(r.stdout);
    expect(d).toMatchObject({ code: "INVALID_LEDGER", file: "TASKS.md", exitCode: 3 });
    expect(d.line).toBeGreaterThan(1);
    expect((d.diagnostics as { code: string }[]).length).toBeGreaterThan(0);
  });

  it("without --json nothing is printed on stdout, and --json after -- is the program's", async () => {
    const r = await runCli(["show", "T-99"], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stdout: "" });
    const p = await runCli(["run", "T-99", "--", "true", "--json"], { cwd: dir });
    expect(p).toMatchObject({ code: 1, stdout: "" });
  });

  it("watch, run and work with --json: one taskgate.event document a line, the facts as fields", async () => {
    const repo = await makeRepo(["bob: WORK"]);
    for (const t of ["Fails", "Works"]) expect((await runCli(["add", "--ready", t], { cwd: repo })).code).toBe(0);
    const events = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const run = await runCli(
      ["--as", "bob", "run", "--json", "T-1", "--", process.execPath, "-e", "console.log('out'); process.exit(3)"],
      { cwd: repo },
    );
    expect(run.code).toBe(6); // taskgate's: the program failed
    expect(run.stdout).toBe("out\n"); // stdout is the program's; the events are on stderr
    const ran = events(run.stderr);
    expect(ran.map((e) => e.event)).toEqual(["claim", "start", "fail"]);
    for (const e of ran) expect(e).toMatchObject({ schema: "taskgate.event", version: 1, target: "T-1" });
    expect(ran[0]).toMatchObject({ token: 1, reused: false });
    expect(ran[1]?.argv).toEqual([process.execPath, "-e", "console.log('out'); process.exit(3)"]);
    expect(ran[2]).toMatchObject({ exitCode: 3, signal: null, attempts: 1, deadLetter: false, problem: true });
    expect(ran[2]?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const work = await runCli(["--as", "bob", "work", "--json", "--exec", "true", "--exit-when-idle"], { cwd: repo });
    expect(work.code).toBe(0);
    const worked = events(work.stdout);
    expect(worked.length).toBe(work.stdout.trimEnd().split("\n").length); // every line a document
    expect(worked.map((e) => `${e.event} ${e.target}`)).toEqual(["claim T-2", "start T-2", "review T-2", "summary -"]);
    expect(worked.at(-1)).toMatchObject({ schema: "taskgate.event", done: 1, failed: 0 });
    expect(worked[2]).toMatchObject({ exitCode: 0, schema: "taskgate.event", version: 1 });

    const later = { TASKGATE_NOW: new Date(Date.now() + 3 * 3_600_000).toISOString() };
    expect((await runCli(["--as", "bob", "claim", "T-1", "--ttl", "1m"], { cwd: repo, env: later })).code).toBe(0);
    const after = { TASKGATE_NOW: new Date(Date.now() + 4 * 3_600_000).toISOString() };
    const watch = await runCli(["watch", "--once", "--json"], { cwd: repo, env: after });
    const watched = events(watch.stdout);
    expect(watched.length).toBe(watch.stdout.trimEnd().split("\n").length);
    expect(watched[0]).toMatchObject({
      schema: "taskgate.event",
      version: 1,
      event: "recover",
      target: "T-1",
      attempts: 2,
      holder: expect.stringMatching(/^bob@/),
    });
  });
});
