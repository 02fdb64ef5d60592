// The shared board's seams with the rest (docs/share.md): who a board commit is by, what a
// program started by `run` reads, and processes that were started before `taskgate share`.
// Real git, real processes. Rounds of the share-versus-writers race: TASKGATE_SHARE_RACE_ROUNDS.

import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseEnv, makeRepo, type Run, runCli } from "../support/cli.js";
import { type Agent, connectAgent } from "../support/mcp.js";
import { CLI } from "../support/paths.js";

const RACE_ROUNDS = Number(process.env.TASKGATE_SHARE_RACE_ROUNDS) || 3;

const made: string[] = [];
const agents: Agent[] = [];
afterAll(async () => {
  for (const a of agents) await a.close().catch(() => undefined);
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function ok(args: string[], cwd: string, env?: Record<string, string>): Promise<Run> {
  const r = await runCli(args, { cwd, ...(env ? { env } : {}) });
  expect([r.code, r.stderr], `taskgate ${args.join(" ")}`).toEqual([0, ""]);
  return r;
}

async function repo(roles: string[] = []): Promise<string> {
  const dir = await makeRepo(roles);
  made.push(dir);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "the board");
  return dir;
}

describe("who a write on the shared board is by", () => {
  it("the commit is by git's identity, not --as: a line by bob in alice's commit is reported as forged by verify", async () => {
    const dir = await repo(["bob: WORK, AUDIT"]);
    await ok(["add", "--ready", "Task"], dir);
    await ok(["share"], dir);
    const shared = git(dir, "rev-parse", "taskgate").trim();
    await ok(["claim", "T-1"], dir);
    await ok(["submit", "T-1"], dir);
    expect((await runCli(["accept", "T-1"], { cwd: dir })).code).toBe(1); // four eyes
    const honest = git(dir, "rev-parse", "taskgate").trim();
    expect((await ok(["verify", "--range", `${shared}..taskgate`], dir)).stdout).toMatch(/checked: ok/);
    await ok(["--as", "bob", "accept", "T-1"], dir);
    expect(git(dir, "log", "-1", "--format=%an <%ae>", "taskgate").trim()).toBe("Alice <alice@example.com>");
    const r = await runCli(["verify", "--range", `${honest}..taskgate`], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/Log line by bob, but the change is alice@example\.com's.*forged/);
  });

  it("the move itself is by git's identity too", async () => {
    const dir = await repo();
    await ok(["--as", "mallory", "share"], dir);
    expect(git(dir, "log", "-1", "--format=%an <%ae>", "taskgate").trim()).toBe("Alice <alice@example.com>");
  });
});

describe("run on a shared board", () => {
  it("the program's own taskgate reads and writes the shared board, not the stale in-tree files", async () => {
    const dir = await repo();
    await ok(["add", "--ready", "Task"], dir);
    await ok(["share"], dir);
    const intree = readFileSync(join(dir, "TASKS.md"));
    const bin = join(dir, ".bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "taskgate"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, "taskgate"), 0o755);
    const r = await runCli(["run", "T-1", "--", "sh", "-c", 'taskgate add "from child" && taskgate show T-1'], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env.PATH}` },
    });
    expect([r.code, r.stdout + r.stderr]).toEqual([0, expect.stringMatching(/T-1[\s\S]*DOING/)]);
    expect(git(dir, "show", "taskgate:TASKS.md")).toMatch(/from child/);
    expect(readFileSync(join(dir, "TASKS.md")).equals(intree)).toBe(true);
  });
});

describe("processes started before share", () => {
  it("an MCP server started before share refuses to write the in-tree files afterwards", async () => {
    const dir = await repo(["w1: WORK"]);
    await ok(["add", "--ready", "Task"], dir);
    await ok(["add", "--ready", "Other"], dir);
    const a = await connectAgent(dir, { as: "w1" });
    agents.push(a);
    expect((await a.call("claim_task", { id: "T-1" })).isError).toBe(false);
    await ok(["share"], dir);
    const intree = readFileSync(join(dir, "TASKS.md"));
    const branch = git(dir, "rev-parse", "taskgate").trim();
    const r = await a.call("claim_task", { id: "T-2" });
    expect(r.isError).toBe(true);
    expect(String(r.value.message)).toMatch(/shares its board on branch taskgate since this process started/);
    expect(readFileSync(join(dir, "TASKS.md")).equals(intree)).toBe(true);
    expect(git(dir, "rev-parse", "taskgate").trim()).toBe(branch);
  });

  it(`share racing in-tree writers (${RACE_ROUNDS} rounds): every write that exited 0 is on the board the clone uses`, async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const dir = await repo();
      const adds = Array.from(
        { length: 6 },
        (_, i) =>
          new Promise<{ code: number | null; title: string }>((done) => {
            const title = `race ${round} ${i}`;
            const p = spawn(process.execPath, [CLI, "add", title], { cwd: dir, env: baseEnv(), stdio: "ignore" });
            p.on("exit", (code) => done({ code, title }));
          }),
      );
      const share = await runCli(["share"], { cwd: dir });
      const results = await Promise.all(adds);
      expect([0, 4]).toContain(share.code);
      const shared = share.code === 0;
      const board = shared ? git(dir, "show", "taskgate:TASKS.md") : readFileSync(join(dir, "TASKS.md"), "utf8");
      for (const { code, title } of results) {
        expect([0, 1]).toContain(code);
        if (code === 0) expect(board, `${title} exited 0`).toContain(title);
      }
      // After the race, a write goes where the clone now says the board is.
      await ok(["add", "after"], dir);
      const now = shared ? git(dir, "show", "taskgate:TASKS.md") : readFileSync(join(dir, "TASKS.md"), "utf8");
      expect(now).toContain("after");
    }
  });
});
