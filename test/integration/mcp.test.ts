// `taskgate mcp` driven by the SDK's own client over stdio, against real ledgers in real git
// repositories: the tool list (golden, byte budget), the worker loop, identity, four eyes,
// leases held by the server (renewed, released at EOF, recovered after SIGKILL), edits made by
// the CLI between two calls, and two servers racing for one task.
// Rounds of the race: 20 by default, TASKGATE_TEST_MCP_ROUNDS=100 for the 100.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { baseEnv, makeRepo, runCli } from "../support/cli.js";
import { expectGolden } from "../support/golden.js";
import { type Agent, connectAgent } from "../support/mcp.js";
import { CLI, FIXTURES } from "../support/paths.js";

/** tools/list as sent, compact: at most 2,000 tokens (bytes / 4), which every session pays once. */
const TOOLS_BUDGET_BYTES = 8000;

const agents: Agent[] = [];
async function agent(dir: string, as: string, env: Record<string, string> = {}): Promise<Agent> {
  const a = await connectAgent(dir, { as, env });
  agents.push(a);
  return a;
}
afterAll(async () => {
  for (const a of agents) await a.close().catch(() => undefined);
});

const ROLES = ["w1: WORK", "w2: WORK", "aud: WORK, AUDIT", "rev: AUDIT", "boss: CMD"];

/** A repository with READY tasks, and no clock-skew margin so short leases expire when they say. */
async function board(titles: string[]): Promise<string> {
  const dir = await makeRepo(ROLES);
  const path = join(dir, "TASKS.md");
  writeFileSync(
    path,
    readFileSync(path, "utf8")
      .replace(/- clock-skew: [^\n]*\n/, "")
      .replace("## Policy\n", "## Policy\n- clock-skew: 0s\n"),
  );
  for (const t of titles) {
    const r = await runCli(["--as", "boss", "add", t, "--ready"], { cwd: dir });
    expect(r.stderr).toBe("");
  }
  return dir;
}

const showJson = async (dir: string, id: string) => {
  const r = await runCli(["--as", "boss", "show", id, "--json"], { cwd: dir });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout).task as { state: string; lease: { holder: string; token: number; until: string } | null };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("taskgate mcp", () => {
  it("lists its tools as the golden file says, within the byte budget, with short names and hints", async () => {
    const dir = await board([]);
    const a = await agent(dir, "w1");
    const { tools } = await a.client.listTools();
    expectGolden(join(FIXTURES, "mcp", "tools-list.json"), `${JSON.stringify(tools, null, 2)}\n`);
    const bytes = Buffer.byteLength(JSON.stringify({ tools }));
    expect(bytes).toBeLessThan(TOOLS_BUDGET_BYTES);
    for (const t of tools) {
      expect(t.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(`mcp__taskgate__${t.name}`.length).toBeLessThan(40);
      expect(typeof t.annotations?.readOnlyHint).toBe("boolean");
      expect(typeof t.annotations?.idempotentHint).toBe("boolean");
      expect(t.outputSchema).toBeDefined();
    }
    // The workflow is a resource and the server's instructions, not prose in every tool.
    expect(a.client.getInstructions()).toContain("You act as w1 (WORK)");
    const res = await a.client.readResource({ uri: "taskgate://workflow" });
    expect(JSON.stringify(res.contents[0])).toContain("STALE_TOKEN");
  });

  it("runs the worker loop: next, claim, show, submit; refusals carry a code and what to do next", async () => {
    const dir = await board(["Write the parser", "Document it"]);
    const a = await agent(dir, "w1");
    const n = await a.call("next_task");
    expect((n.value.task as { id: string }).id).toBe("T-1");
    const c = await a.call("claim_task");
    expect(c.value).toMatchObject({ id: "T-1", title: "Write the parser", renewed: true });
    const lease = c.value.lease as { holder: string; token: number };
    expect(lease.token).toBe(1);
    expect(lease.holder).toMatch(/^w1@/);
    // Claiming again what it holds gives the same lease back, writing nothing.
    const before = readFileSync(join(dir, "TASKS.md"), "utf8");
    expect((await a.call("claim_task", { id: "T-1" })).value).toEqual(c.value);
    expect(readFileSync(join(dir, "TASKS.md"), "utf8")).toBe(before);
    const s = await a.call("show_task", { id: "t-1" });
    expect(s.value.task).toMatchObject({ id: "T-1", state: "DOING", holder: lease.holder });
    const again = await a.call("submit_task", { id: "T-1" });
    expect(again.value).toEqual({ id: "T-1", from: "DOING", to: "REVIEW" });
    // Its log lines say the agent went through the server (metrics count them as automation).
    const log = readFileSync(join(dir, "TASKS.md"), "utf8");
    expect(log).toMatch(/ w1 WORK claim T-1 .*via=mcp/);
    expect(log).toMatch(/ w1 WORK submit T-1 .*via=mcp/);
    const twice = await a.call("submit_task", { id: "T-1" });
    expect(twice.isError).toBe(true);
    expect(twice.value).toMatchObject({ code: "WRONG_STATE" });
    // The same sentence as the CLI's, because it comes from the same use case.
    const cli = await runCli(["--as", "w1", "submit", "T-1"], { cwd: dir });
    expect(cli.stderr).toBe(`taskgate: ${twice.value.message}\n`);
    const missing = await a.call("show_task", { id: "T-99" });
    expect(missing.value).toMatchObject({ code: "NOT_FOUND", message: "There is no task T-99 in TASKS.md" });
    const bad = await a.call("claim_task", { id: "twelve" });
    expect(bad.value).toMatchObject({
      code: "INVALID_ARGUMENT",
      message: 'claim_task: "id" must be a task ID like "T-12", found "twelve"',
    });
    const ttl = await a.call("claim_task", { id: "T-2", ttl: "soon" });
    expect(ttl.value.message).toBe('claim_task: "ttl" must be a duration like "90s", "30m" or "2h", found "soon"');
    const extra = await a.call("block_task", { id: "T-2", reason: "waiting", urgent: true });
    expect(extra.value.message).toBe('block_task takes no argument "urgent"; it takes id, reason');
    const noReason = await a.call("block_task", { id: "T-2" });
    expect(noReason.value.message).toBe('block_task needs "reason": why, one line');
    const role = await a.call("accept_task", { id: "T-1" });
    expect(role.value).toMatchObject({ code: "ROLE_DENIED" });
    // A task that is not there is NOT_FOUND, with its sentence, whatever the caller's roles.
    const gone = await a.call("accept_task", { id: "T-99" });
    expect(gone.value).toMatchObject({ code: "NOT_FOUND", message: "There is no task T-99 in TASKS.md" });
    const req = await a.call("request_approval", { subject: "T-1", evidence: ["tests pass"] });
    expect(req.value).toEqual({ id: "A-1", superseded: [] });
  });

  it("a ledger broken between two calls: next and claim answer INVALID_LEDGER with the file, line and every error", async () => {
    const dir = await board(["One"]);
    const a = await agent(dir, "w1");
    expect(((await a.call("next_task")).value.task as { id: string }).id).toBe("T-1");
    const path = join(dir, "TASKS.md");
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace("- state: READY", "- state: REDY"));
    const line = text.split("\n").indexOf("- state: READY") + 1;
    for (const [tool, args] of [
      ["next_task", {}],
      ["claim_task", { id: "T-1" }],
    ] as const) {
      const r = await a.call(tool, args);
      expect(r.isError, tool).toBe(true);
      expect(r.value).toMatchObject({ code: "INVALID_LEDGER", file: "TASKS.md", line });
      expect(r.value.diagnostics).toEqual([
        expect.objectContaining({ file: "TASKS.md", line, column: 10, code: "bad-state", severity: "error" }),
      ]);
      expect(String(r.value.message)).toContain(`TASKS.md:${line}:10: error: Expected a state`);
    }
    expect(readFileSync(path, "utf8")).toBe(text.replace("- state: READY", "- state: REDY"));
  });

  it("refuses an argument naming another actor, and acts only as the identity it started with", async () => {
    const dir = await board(["One"]);
    const a = await agent(dir, "w1");
    for (const key of ["actor", "as", "holder"]) {
      const r = await a.call("claim_task", { id: "T-1", [key]: "boss" });
      expect(r.isError).toBe(true);
      expect(r.value.code).toBe("IDENTITY_FIXED");
      expect(r.value.message).toContain("acts as w1");
    }
    expect((await showJson(dir, "T-1")).state).toBe("READY");
    // TASKGATE_ACTOR is read at start, like --as; an actor with no roles cannot start a server.
    const viaEnv = await connectAgent(dir, { env: { TASKGATE_ACTOR: "w2" } });
    agents.push(viaEnv);
    const c = await viaEnv.call("claim_task", { id: "T-1" });
    expect((c.value.lease as { holder: string }).holder).toMatch(/^w2@/);
    await expect(connectAgent(dir, { as: "stranger" })).rejects.toThrow();
  });

  it("an AUDIT agent cannot accept work it did (four eyes); another AUDIT actor can", async () => {
    const dir = await board(["Review me"]);
    const a = await agent(dir, "aud");
    await a.call("claim_task", { id: "T-1" });
    await a.call("submit_task", { id: "T-1" });
    const own = await a.call("accept_task", { id: "T-1" });
    expect(own.isError).toBe(true);
    expect(own.value).toMatchObject({ code: "FOUR_EYES" });
    expect(String(own.value.message)).toContain("four eyes");
    const r = await agent(dir, "rev");
    // An AUDIT-only agent has no task to take: next_task says why, as claim_task would.
    const offered = await r.call("next_task");
    expect(offered.isError).toBe(true);
    expect(offered.value).toMatchObject({
      code: "ROLE_DENIED",
      message: "rev (AUDIT) may not claim; that takes the WORK role",
    });
    expect((await r.call("accept_task", { id: "T-1" })).value).toEqual({ id: "T-1", from: "REVIEW", to: "DONE" });
  });

  it("sees an edit made by the CLI between two calls", async () => {
    const dir = await board(["Old title"]);
    const a = await agent(dir, "w1");
    expect(((await a.call("show_task", { id: "T-1" })).value.task as { title: string }).title).toBe("Old title");
    expect((await runCli(["--as", "boss", "set", "T-1", "title=New title"], { cwd: dir })).code).toBe(0);
    expect(((await a.call("show_task", { id: "T-1" })).value.task as { title: string }).title).toBe("New title");
    expect((await a.call("board_summary")).value.total).toBe(1);
    expect((await runCli(["--as", "boss", "add", "Another", "--ready"], { cwd: dir })).code).toBe(0);
    const after = await a.call("board_summary");
    expect(after.value.total).toBe(2);
    expect((after.value.byState as Record<string, number>).READY).toBe(2);
    // A hand edit too: the same bytes check, whoever wrote them.
    const path = join(dir, "TASKS.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("## T-1 New title\n", "## T-1 Hand title\n"));
    expect(((await a.call("show_task", { id: "T-1" })).value.task as { title: string }).title).toBe("Hand title");
  });

  it("on a shared board, sees a claim made in another worktree (it reads the branch, not the files)", async () => {
    const dir = await board(["Shared work"]);
    const git = (cwd: string, args: string[]) => spawnSync("git", args, { cwd, env: baseEnv(), encoding: "utf8" });
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-qm", "board"]);
    expect((await runCli(["share"], { cwd: dir })).code).toBe(0);
    const other = `${dir}-wt`;
    expect(git(dir, ["worktree", "add", "-q", other]).status).toBe(0);
    const a = await agent(dir, "w1");
    expect((await runCli(["--as", "w2", "claim", "T-1"], { cwd: other })).code).toBe(0);
    const refused = await a.call("claim_task", { id: "T-1" });
    expect(refused.isError).toBe(true);
    expect(refused.value.code).toBe("LEASE_HELD");
    expect(((await a.call("show_task", { id: "T-1" })).value.task as { state: string }).state).toBe("DOING");
  });

  it("pages lists and keeps a 500-task board's answer under 2,000 tokens", async () => {
    const dir = await makeRepo();
    const g = generateLedgers(500);
    writeFileSync(join(dir, "TASKS.md"), g.tasks);
    writeFileSync(join(dir, "APPROVALS.md"), g.approvals);
    const a = await agent(dir, "bob");
    const first = await a.call("board_summary");
    expect(first.value.total).toBe(500);
    expect((first.value.tasks as unknown[]).length).toBe(10);
    const text = JSON.stringify(first.value);
    expect(Buffer.byteLength(text) / 4).toBeLessThan(2000);
    const second = await a.call("board_summary", { cursor: first.value.cursor as string });
    expect((second.value.tasks as { id: string }[])[0]?.id).toBe("T-11");
    const ready = await a.call("board_summary", { state: "READY", limit: 50 });
    expect(ready.value.total).toBe(g.readyIds.length);
    let cursor = ready.value.cursor as string | null;
    let seen = (ready.value.tasks as unknown[]).length;
    while (cursor) {
      const page = await a.call("board_summary", { state: "READY", limit: 50, cursor });
      seen += (page.value.tasks as unknown[]).length;
      cursor = page.value.cursor as string | null;
    }
    expect(seen).toBe(g.readyIds.length);
    const next = await a.call("next_task");
    expect(Buffer.byteLength(JSON.stringify(next.value)) / 4).toBeLessThan(200);
  });

  it("renews a claimed lease past several TTLs while connected and releases it at EOF", async () => {
    const dir = await board(["Long job"]);
    const a = await connectAgent(dir, { as: "w1" });
    const c = await a.call("claim_task", { id: "T-1", ttl: "3s" });
    const first = Date.parse((c.value.lease as { until: string }).until);
    await sleep(8000); // more than two TTLs: unrenewed, the lease would have ended at `first`
    const held = await showJson(dir, "T-1");
    expect(held.state).toBe("DOING");
    expect(held.lease?.token).toBe(1);
    expect(Date.parse(held.lease?.until as string)).toBeGreaterThan(first + 4000);
    expect(Date.parse(held.lease?.until as string)).toBeGreaterThan(Date.now());
    await a.close(); // stdin EOF
    const after = await showJson(dir, "T-1");
    expect(after).toMatchObject({ state: "READY", lease: null });
    expect(a.stderr()).toContain("released T-1");
  }, 30_000);

  it("keeps renewing through a moment when the ledger is invalid, and holds the lease after it", async () => {
    const dir = await board(["Long job"]);
    const a = await connectAgent(dir, { as: "w1" });
    const c = await a.call("claim_task", { id: "T-1", ttl: "6s" });
    const first = Date.parse((c.value.lease as { until: string }).until);
    // A hand edit breaks the log's hash chain for longer than one renewal period (2 s).
    const path = join(dir, "TASKS.md");
    const good = readFileSync(path, "utf8");
    const broken = good.replace(/ CMD add T-1 /, " CMD add T-1 x=1 ");
    expect(broken).not.toBe(good);
    writeFileSync(path, broken);
    await sleep(2600);
    expect(readFileSync(path, "utf8")).toBe(broken); // nothing was written meanwhile
    writeFileSync(path, good);
    await sleep(4500);
    const held = await showJson(dir, "T-1");
    expect(held.state).toBe("DOING");
    expect(Date.parse(held.lease?.until as string)).toBeGreaterThan(first + 2000);
    expect(a.stderr()).toContain("trying again");
    await a.close();
  }, 30_000);

  it("on SIGTERM releases the leases it holds and exits 0", async () => {
    const dir = await board(["One", "Two"]);
    const a = await connectAgent(dir, { as: "w1" });
    await a.call("claim_task", { id: "T-1" });
    await a.call("claim_task", { id: "T-2" });
    const exited = new Promise<number | null>((resolve) => {
      const child = (a.transport as unknown as { _process: import("node:child_process").ChildProcess })._process;
      child.once("exit", (code) => resolve(code));
    });
    process.kill(a.pid, "SIGTERM");
    expect(await exited).toBe(0);
    for (const id of ["T-1", "T-2"]) expect(await showJson(dir, id)).toMatchObject({ state: "READY", lease: null });
    expect(a.stderr()).toContain("SIGTERM; releasing 2 lease(s)");
    await a.close().catch(() => undefined);
  });

  it("after SIGKILL leaves the lease to expire, and watch --once recovers the task", async () => {
    const dir = await board(["Crashy job"]);
    const a = await connectAgent(dir, { as: "w1" });
    await a.call("claim_task", { id: "T-1", ttl: "2s" });
    process.kill(a.pid, "SIGKILL");
    await a.close().catch(() => undefined);
    expect((await showJson(dir, "T-1")).state).toBe("DOING");
    await sleep(3500);
    const w = await runCli(["--as", "boss", "watch", "--once"], { cwd: dir });
    expect(w.stderr + w.stdout).toContain("T-1");
    expect(await showJson(dir, "T-1")).toMatchObject({ state: "READY", lease: null });
  }, 30_000);

  it("two servers racing for one task: exactly one holder per round, the loser told LEASE_HELD and who holds it", async () => {
    const rounds = Number(process.env.TASKGATE_TEST_MCP_ROUNDS ?? 20);
    const dir = await board(["Contended"]);
    const one = await agent(dir, "w1");
    const two = await agent(dir, "w2");
    const wins = { w1: 0, w2: 0 };
    for (let i = 0; i < rounds; i++) {
      const [r1, r2] = await Promise.all([
        one.call("claim_task", { id: "T-1" }),
        two.call("claim_task", { id: "T-1" }),
      ]);
      const won = [r1, r2].filter((r) => !r.isError);
      const lost = [r1, r2].filter((r) => r.isError);
      expect(won.length, `round ${i}`).toBe(1);
      const winner = won[0]?.value.lease as { holder: string; token: number };
      expect(winner.token).toBe(i + 1);
      expect(lost[0]?.value).toMatchObject({ code: "LEASE_HELD", holder: winner.holder });
      expect(lost[0]?.value.retryAfter).toEqual(expect.any(String));
      expect((await showJson(dir, "T-1")).lease?.holder).toBe(winner.holder);
      const w = r1.isError ? two : one;
      wins[r1.isError ? "w2" : "w1"]++;
      expect((await w.call("release_task", { id: "T-1" })).value).toMatchObject({ to: "READY" });
    }
    expect(wins.w1 + wins.w2).toBe(rounds);
  }, 120_000);
});

describe("start-up of the other commands", () => {
  it("never reads the MCP SDK's bundle: only `taskgate mcp` pays for it", async () => {
    const dir = await board(["One"]);
    const tmp = mkdtempSync(join(tmpdir(), "taskgate-reads-"));
    // Preloaded: records every file the process reads with readFileSync (how bin loads bundles).
    const preload = join(tmp, "reads.cjs");
    writeFileSync(
      preload,
      `const fs = require("node:fs"); const seen = []; const real = fs.readFileSync;
fs.readFileSync = function (p, ...rest) { seen.push(String(p)); return real.call(this, p, ...rest); };
process.on("exit", () => fs.writeFileSync(${JSON.stringify(join(tmp, "reads.txt"))}, seen.join("\\n")));`,
    );
    const reads = (args: string[]) => {
      const r = spawnSync(process.execPath, ["-r", preload, CLI, ...args], {
        cwd: dir,
        env: baseEnv(),
        encoding: "utf8",
        input: "",
      });
      expect(r.status).toBe(0);
      return readFileSync(join(tmp, "reads.txt"), "utf8");
    };
    for (const args of [["status"], ["--as", "w1", "claim", "T-1"], ["--as", "boss", "add", "Two"]]) {
      const files = reads(args);
      expect(files).toContain("taskgate.cjs");
      expect(files).not.toContain("vendor-mcp.cjs");
    }
    // The check can see it: the server itself (stdin at EOF at once) reads it.
    expect(reads(["--as", "w1", "mcp"])).toContain("vendor-mcp.cjs");
  });
});
