// The shared board (docs/share.md): real git, real processes racing, a bare remote on disk.
// Rounds and clone counts are modest by default; the full numbers run with
// TASKGATE_SHARE_ROUNDS=20 TASKGATE_SHARE_CLONES=16 TASKGATE_SHARE_ADDS=10.

import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { baseEnv, makeRepo, type Run, runCli } from "../support/cli.js";
import { connectAgent } from "../support/mcp.js";
import { CLI } from "../support/paths.js";

const ROUNDS = Number(process.env.TASKGATE_SHARE_ROUNDS) || 3;
const CLONES = Number(process.env.TASKGATE_SHARE_CLONES) || 8;
const ADDS = Number(process.env.TASKGATE_SHARE_ADDS) || 3;
const WORKERS = Array.from({ length: 20 }, (_, i) => `w${i}: WORK`);

const made: string[] = [];
afterAll(() => {
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

/** A board with short leases and a small clock-skew margin, so expiry can be waited for. */
async function boardRepo(): Promise<string> {
  const dir = await makeRepo(WORKERS);
  made.push(dir);
  const tasks = join(dir, "TASKS.md");
  writeFileSync(
    tasks,
    readFileSync(tasks, "utf8").replace("clock-skew: 30s", "clock-skew: 1s").replace("DOING=5", "DOING=100"),
  );
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "the board");
  return dir;
}

/** The board's log and tasks as a clone of the branch reads them, with its chain checked. */
function boardAt(gitDir: string, branch = "taskgate") {
  const text = execFileSync("git", ["--git-dir", gitDir, "show", `${branch}:TASKS.md`], { encoding: "utf8" });
  const linted = lintLedger("tasks", "TASKS.md", text, sha256Hex);
  expect(linted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { text, tasks: linted.ledger.tasks, log: linted.log };
}

/** A bare remote holding the shared board, and `n` clones that joined it. */
async function remoteWithClones(n: number): Promise<{ remote: string; origin: string; clones: string[] }> {
  const origin = await boardRepo();
  const top = mkdtempSync(join(tmpdir(), "taskgate-share-"));
  made.push(top);
  const remote = join(top, "remote.git");
  git(top, "init", "-q", "--bare", remote);
  git(origin, "remote", "add", "origin", remote);
  await ok(["share", "--remote", "origin"], origin);
  const clones: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = join(top, `c${i}`);
    git(top, "clone", "-q", remote, c);
    git(c, "config", "user.email", `w${i}`);
    const r = await ok(["share", "--remote", "origin"], c);
    expect(r.stdout).toMatch(/^Joined the shared board on branch taskgate of remote origin/);
    clones.push(c);
  }
  return { remote, origin, clones };
}

describe("worktrees of one clone share the board (update-ref compare-and-swap)", () => {
  it("share moves the in-tree board byte for byte, the chain checks, and status says where it lives", async () => {
    const dir = await boardRepo();
    for (let i = 0; i < 5; i++) await ok(["add", "--ready", `Task ${i}`], dir);
    await ok(["claim", "T-2", "--as", "w1"], dir);
    const before = { tasks: readFileSync(join(dir, "TASKS.md")), approvals: readFileSync(join(dir, "APPROVALS.md")) };
    const r = await ok(["share"], dir);
    expect(r.stdout).toMatch(/^Moved TASKS\.md and APPROVALS\.md byte for byte .* to branch taskgate as commit/);
    expect(git(dir, "config", "taskgate.share.branch").trim()).toBe("taskgate");
    expect(execFileSync("git", ["show", "taskgate:TASKS.md"], { cwd: dir }).equals(before.tasks)).toBe(true);
    expect(execFileSync("git", ["show", "taskgate:APPROVALS.md"], { cwd: dir }).equals(before.approvals)).toBe(true);
    const check = await ok(["check"], dir);
    expect(check.stdout).toContain("taskgate:TASKS.md and taskgate:APPROVALS.md: ok");
    const status = await ok(["status"], dir);
    expect(status.stdout.split("\n")[0]).toBe("Board: shared on branch taskgate by every worktree of this clone");
    // A second share is a no-op; the in-tree files are still read with TASKGATE_SHARE=off.
    expect((await ok(["share"], dir)).stdout).toMatch(/already shares/);
    await ok(["set", "T-1", "priority=P0"], dir);
    expect(readFileSync(join(dir, "TASKS.md")).equals(before.tasks)).toBe(true);
    expect((await ok(["show", "T-1"], dir, { TASKGATE_SHARE: "off" })).stdout).not.toMatch(/P0/);
    expect((await ok(["show", "T-1"], dir)).stdout).toMatch(/P0/);
  });

  it("an in-tree board with errors is not moved (exit 3), and nothing is shared", async () => {
    const dir = await boardRepo();
    await ok(["add", "Task"], dir);
    const tasks = join(dir, "TASKS.md");
    writeFileSync(tasks, readFileSync(tasks, "utf8").replace(/(add T-1 title=Task)/, "$1x"));
    const r = await runCli(["share"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/has 1 error.*not moved/);
    expect(() => git(dir, "rev-parse", "--verify", "-q", "refs/heads/taskgate")).toThrow();
    expect(() => git(dir, "config", "taskgate.share.branch")).toThrow();
  });

  for (let round = 1; round <= ROUNDS; round++) {
    it(`round ${round}: 20 processes in two worktrees claim one task: exactly one wins`, async () => {
      const dir = await boardRepo();
      await ok(["add", "--ready", "Contested"], dir);
      await ok(["share"], dir);
      const wt2 = `${dir}-wt2`;
      made.push(wt2);
      git(dir, "worktree", "add", "-q", "--detach", wt2);
      const runs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => runCli(["claim", "T-1", "--as", `w${i}`], { cwd: i % 2 ? wt2 : dir })),
      );
      const winners = runs.filter((r) => r.code === 0);
      expect(winners).toHaveLength(1);
      for (const r of runs.filter((x) => x.code !== 0)) {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/T-1/);
      }
      const board = boardAt(join(dir, ".git"));
      expect(board.log.filter((e) => e.action === "claim")).toHaveLength(1);
      expect(board.tasks[0]?.lease?.token).toBe(1);
      // Both worktrees see the same board.
      const s1 = JSON.parse((await ok(["show", "T-1", "--json"], dir)).stdout);
      const s2 = JSON.parse((await ok(["show", "T-1", "--json"], wt2)).stdout);
      expect(s1.task).toEqual(s2.task);
      expect(s1.task.state).toBe("DOING");
    });
  }

  it("a hand-made commit on the branch is judged by verify: taskgate's commits pass, a forged state change is caught", async () => {
    const dir = await boardRepo();
    await ok(["add", "--ready", "Task"], dir);
    await ok(["share"], dir);
    const shared = git(dir, "rev-parse", "taskgate").trim();
    // A board commit is by git's identity (docs/share.md): w1's claim is made as w1 in git too.
    await ok(["claim", "T-1", "--as", "w1"], dir, { GIT_AUTHOR_NAME: "w1", GIT_AUTHOR_EMAIL: "w1" });
    // The commits taskgate made on the branch keep the rules, as verify judges them.
    expect((await ok(["verify", "--range", `${shared}..taskgate`], dir)).stdout).toMatch(/1 commit checked: ok/);
    const before = git(dir, "rev-parse", "taskgate").trim();
    const edit = `${dir}-edit`;
    made.push(edit);
    git(dir, "worktree", "add", "-q", edit, "taskgate");
    const tasks = join(edit, "TASKS.md");
    writeFileSync(tasks, readFileSync(tasks, "utf8").replace("- state: DOING", "- state: DONE"));
    git(edit, "commit", "-qam", "by hand");
    const r = await runCli(["verify", "--range", `${before}..taskgate`], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/TASKS\.md/);
  });
});

describe("clones of one bare remote share the board (push with --force-with-lease)", () => {
  it("serve keeps answering while a slow remote is fetched, and shows a claim pushed from another clone", async () => {
    const { origin, clones } = await remoteWithClones(1);
    await ok(["add", "--ready", "First"], origin);
    const clone = clones[0] as string;
    await ok(["status"], clone);
    // Every fetch from this clone now takes 3 s (git runs the upload-pack command in a shell).
    git(clone, "config", "remote.origin.uploadpack", "sleep 3; git-upload-pack");
    const child = spawn(process.execPath, [CLI, "--as", "w0", "serve", "--port", "0"], {
      cwd: clone,
      env: baseEnv({}),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = new URL(
        await new Promise<string>((resolve, reject) => {
          let out = "";
          const timer = setTimeout(() => reject(new Error("serve printed no URL in 30 s")), 30_000);
          child.stdout?.on("data", (d: Buffer) => {
            out += d.toString();
            if (out.includes("\n")) {
              clearTimeout(timer);
              resolve(out.slice(0, out.indexOf("\n")));
            }
          });
        }),
      );
      const status = async () => {
        const began = Date.now();
        const r = await fetch(`${url.origin}/api/list`, {
          headers: { authorization: `Bearer ${url.searchParams.get("token")}` },
        });
        expect(r.status).toBe(200);
        const body = (await r.json()) as { tasks: { id: string; state: string }[] };
        return { ms: Date.now() - began, state: body.tasks.find((t) => t.id === "T-1")?.state };
      };
      expect((await status()).state).toBe("READY");
      await ok(["claim", "T-1", "--as", "w5"], origin);
      // Within 20 s the claim shows; meanwhile every answer comes while fetches are under way.
      const slowest: number[] = [];
      let seen: string | undefined;
      for (let i = 0; i < 80 && seen !== "DOING"; i++) {
        const s = await status();
        slowest.push(s.ms);
        seen = s.state;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(seen).toBe("DOING");
      // A fetch takes 3 s; had a read waited for one, an answer would have taken as long.
      expect(Math.max(...slowest)).toBeLessThan(2000);
    } finally {
      child.kill("SIGINT");
      await new Promise((r) => child.once("exit", r));
    }
  }, 90_000);

  it("an MCP agent in one clone sees, on its next call, a claim pushed from another clone", async () => {
    const { origin, clones } = await remoteWithClones(1);
    await ok(["add", "--ready", "First"], origin);
    await ok(["add", "--ready", "Second"], origin);
    const agent = await connectAgent(clones[0] as string, { as: "w0" });
    try {
      expect(((await agent.call("next_task")).value.task as { id: string }).id).toBe("T-1");
      // Another machine takes T-1 and pushes; this long-lived server fetches on its next call.
      await ok(["claim", "T-1", "--as", "w5"], origin);
      const shown = await agent.call("show_task", { id: "T-1" });
      expect((shown.value.task as { state: string; holder: string }).state).toBe("DOING");
      expect(((await agent.call("next_task")).value.task as { id: string }).id).toBe("T-2");
    } finally {
      await agent.close();
    }
  });

  it(`${CLONES} clones claim one task at once, ${ROUNDS} rounds: exactly one winner each`, async () => {
    const { remote, origin, clones } = await remoteWithClones(CLONES);
    for (let round = 1; round <= ROUNDS; round++) {
      const id = (await ok(["add", "--ready", `Contested ${round}`], origin)).stdout.trim();
      const runs = await Promise.all(clones.map((c, i) => runCli(["claim", id, "--as", `w${i}`], { cwd: c })));
      expect(
        runs.filter((r) => r.code === 0),
        `round ${round}`,
      ).toHaveLength(1);
      for (const r of runs.filter((x) => x.code !== 0))
        expect([r.code, r.stderr]).toEqual([1, expect.stringMatching(id)]);
      const board = boardAt(remote);
      expect(board.log.filter((e) => e.action === "claim" && e.target === id)).toHaveLength(1);
    }
  });

  it(`${CLONES} clones take ${CLONES} different tasks with next --claim: distinct claims, attempts bounded`, async () => {
    const { remote, origin, clones } = await remoteWithClones(CLONES);
    for (let i = 0; i < CLONES; i++) await ok(["add", "--ready", `Task ${i}`], origin);
    const runs = await Promise.all(
      clones.map((c, i) =>
        runCli(["next", "--claim", "--as", `w${i}`], { cwd: c, env: { TASKGATE_SHARE_DEBUG: "1" } }),
      ),
    );
    for (const r of runs) expect(r.code).toBe(0);
    const attempts = runs.map((r) => Math.max(0, ...[...r.stderr.matchAll(/attempt (\d+)/g)].map((m) => Number(m[1]))));
    const worst = Math.max(...attempts);
    console.log(
      `next --claim with ${CLONES} clones: worst ${worst} attempts, mean ${attempts.reduce((a, b) => a + b) / CLONES}`,
    );
    expect(worst).toBeGreaterThanOrEqual(1);
    expect(worst).toBeLessThanOrEqual(100);
    const claims = boardAt(remote).log.filter((e) => e.action === "claim");
    expect(claims).toHaveLength(CLONES);
    expect(new Set(claims.map((e) => e.target)).size).toBe(CLONES);
    expect(new Set(claims.map((e) => e.actor)).size).toBe(CLONES);
  });

  it(`${CLONES} clones each add ${ADDS} tasks at once: distinct IDs, one valid chain`, async () => {
    const { remote, clones } = await remoteWithClones(CLONES);
    // Sixteen clones writing without pause on two shared cores: each attempt takes seconds, so
    // the time a write may keep losing races is raised from 30 s (exit 4 after it).
    const patient = { TASKGATE_LOCK_TIMEOUT_MS: "300000" };
    const ids = (
      await Promise.all(
        clones.map(async (c, i) => {
          const mine: string[] = [];
          for (let k = 0; k < ADDS; k++)
            mine.push((await ok(["add", `c${i} task ${k}`, "--as", "alice@example.com"], c, patient)).stdout.trim());
          return mine;
        }),
      )
    ).flat();
    expect(new Set(ids).size).toBe(CLONES * ADDS);
    const board = boardAt(remote);
    expect(board.tasks.map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(board.log.filter((e) => e.action === "add")).toHaveLength(CLONES * ADDS);
  });

  it("two watch loops on two clones recover an expired lease once", async () => {
    const { remote, origin, clones } = await remoteWithClones(2);
    await ok(["add", "--ready", "Task"], origin);
    await ok(["claim", "T-1", "--ttl", "1s", "--as", "w0"], clones[0] as string);
    const loops = clones.map((c) =>
      spawn(process.execPath, [CLI, "watch", "--interval", "500ms"], { cwd: c, env: baseEnv(), stdio: "ignore" }),
    );
    const ended = loops.map((l) => new Promise<number | null>((r) => l.on("close", (code) => r(code))));
    // 1 s lease + 1 s clock-skew margin, then both loops tick several times more.
    for (let i = 0; i < 150 && boardAt(remote).tasks[0]?.state !== "READY"; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2500));
    for (const l of loops) l.kill("SIGTERM");
    expect(await Promise.all(ended)).toEqual([0, 0]);
    const board = boardAt(remote);
    expect(board.tasks[0]?.state).toBe("READY");
    expect(board.log.filter((e) => e.action === "recover")).toHaveLength(1);
  });

  it("a holder paused past its lease on one clone, taken over on another, cannot renew or submit", async () => {
    const { remote, origin, clones } = await remoteWithClones(2);
    const [a, b] = clones as [string, string];
    await ok(["add", "--ready", "Task"], origin);
    const holder = spawn(
      process.execPath,
      [CLI, "run", "T-1", "--ttl", "3s", "--as", "w0", "--", process.execPath, "-e", "setTimeout(()=>{},9000)"],
      { cwd: a, env: baseEnv(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let holderErr = "";
    holder.stderr.on("data", (d: Buffer) => {
      holderErr += d.toString();
    });
    const exited = new Promise<number | null>((r) => holder.on("close", (code) => r(code)));
    for (let i = 0; i < 100 && !/claim T-1/.test(boardAt(remote).text); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(boardAt(remote).tasks[0]?.state).toBe("DOING");
    process.kill(holder.pid as number, "SIGSTOP");
    await new Promise((r) => setTimeout(r, 5000)); // 3 s lease + 1 s clock-skew margin, and some
    await ok(["claim", "T-1", "--as", "w1"], b); // a takeover of the expired lease
    process.kill(holder.pid as number, "SIGCONT");
    const code = await exited;
    expect(code, holderErr).not.toBe(0);
    for (const action of ["renew", "submit"]) {
      const r = await runCli([action, "T-1", "--token", "1", "--as", "w0"], { cwd: a });
      expect([action, r.code]).toEqual([action, 1]);
    }
    const board = boardAt(remote);
    expect(board.tasks[0]?.state).toBe("DOING");
    expect(board.tasks[0]?.lease?.holder).toMatch(/^w1@/);
    expect(board.tasks[0]?.lease?.token).toBe(2);
    const afterTakeover = board.log.slice(board.log.findIndex((e) => e.action === "claim" && e.actor === "w1"));
    expect(afterTakeover.filter((e) => e.actor === "w0" && ["renew", "submit"].includes(e.action))).toEqual([]);
  });

  it("a commit made by hand on the local branch and not pushed is never moved away; pushed, it is the board", async () => {
    const { remote, clones } = await remoteWithClones(1);
    const c = clones[0] as string;
    await ok(["add", "--ready", "Task", "--as", "alice@example.com"], c);
    const edit = `${c}-edit`;
    made.push(edit);
    git(c, "worktree", "add", "-q", edit, "taskgate");
    const tasks = join(edit, "TASKS.md");
    writeFileSync(tasks, readFileSync(tasks, "utf8").replace("## T-1 Task", "## T-1 Task, retitled by hand"));
    git(edit, "commit", "-qam", "retitle");
    const mine = git(c, "rev-parse", "taskgate").trim();
    await ok(["set", "T-1", "priority=P0", "--as", "alice@example.com"], c);
    expect(git(c, "rev-parse", "taskgate").trim()).toBe(mine);
    expect(boardAt(remote).text).not.toMatch(/retitled/);
    // Published by a normal push (after a pull), the hand edit is what every clone sees.
    git(edit, "pull", "-q", "--rebase", "origin", "taskgate");
    git(edit, "push", "-q", "origin", "taskgate");
    const shown = JSON.parse((await ok(["show", "T-1", "--json"], c)).stdout);
    expect([shown.task.title, shown.task.priority]).toEqual(["Task, retitled by hand", "P0"]);
  });

  it("a push refused by the remote's hook is told from a lost race: exit 1 with its message, not retried", async () => {
    const { remote, clones } = await remoteWithClones(1);
    const c = clones[0] as string;
    await ok(["add", "--ready", "Task", "--as", "alice@example.com"], c);
    const hook = join(remote, "hooks", "pre-receive");
    writeFileSync(hook, "#!/bin/sh\necho 'board frozen for the release' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    const r = await runCli(["claim", "T-1", "--as", "w0"], { cwd: c, env: { TASKGATE_SHARE_DEBUG: "1" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/remote "origin" refused the change to branch taskgate: .*board frozen for the release/);
    expect([...r.stderr.matchAll(/attempt (\d+)/g)].map((m) => m[1])).toEqual(["1"]);
    expect(boardAt(remote).tasks[0]?.state).toBe("READY");
  });

  it("with the remote unreachable a claim is refused (exit 7) and nothing is held", async () => {
    const { remote, clones } = await remoteWithClones(1);
    const c = clones[0] as string;
    await ok(["add", "--ready", "Task", "--as", "alice@example.com"], c);
    git(c, "remote", "set-url", "origin", join(remote, "..", "gone.git"));
    const r = await runCli(["claim", "T-1", "--as", "w0"], { cwd: c });
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/remote "origin" cannot be reached.*nothing is held/);
    const status = await ok(["status"], c);
    expect(status.stdout.split("\n")[0]).toMatch(/^Board: shared on branch taskgate of remote origin .*unreachable/);
    expect(status.stdout).toMatch(/leases: 0 held/);
    expect(boardAt(remote).tasks[0]?.state).toBe("READY");
    expect(boardAt(join(c, ".git")).tasks[0]?.state).toBe("READY");
  });

  for (const kill of ["the whole command", "taskgate alone"] as const) {
    it(`a push killed mid-flight (${kill}), then the claim run again: no duplicate, no loss`, async () => {
      const { remote, clones } = await remoteWithClones(1);
      const c = clones[0] as string;
      await ok(["add", "--ready", "Task", "--as", "alice@example.com"], c);
      const started = join(remote, "hook-started");
      const hook = join(remote, "hooks", "pre-receive");
      writeFileSync(
        hook,
        `#!/bin/sh\ncat >/dev/null\nif [ -f "${join(remote, "slow")}" ]; then touch "${started}"; sleep 3; fi\n`,
      );
      chmodSync(hook, 0o755);
      writeFileSync(join(remote, "slow"), "");
      const first = spawn(process.execPath, [CLI, "claim", "T-1", "--as", "w0"], {
        cwd: c,
        env: baseEnv(),
        stdio: "ignore",
        detached: true,
      });
      const gone = new Promise((r) => first.on("close", r));
      for (let i = 0; i < 200 && !existsSync(started); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(started)).toBe(true);
      if (kill === "the whole command") process.kill(-(first.pid as number), "SIGKILL");
      else process.kill(first.pid as number, "SIGKILL");
      await gone;
      rmSync(join(remote, "slow"));
      await new Promise((r) => setTimeout(r, 3500)); // whatever survived the kill has finished
      const again = await runCli(["claim", "T-1", "--as", "w0"], { cwd: c });
      if (again.code !== 0) expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/already hold/)]);
      const board = boardAt(remote);
      expect(board.log.filter((e) => e.action === "claim")).toHaveLength(1);
      expect(board.tasks[0]?.state).toBe("DOING");
      expect(board.tasks[0]?.lease?.holder).toMatch(/^w0@/);
      expect(board.log.filter((e) => e.action === "add")).toHaveLength(1);
    });
  }
});
