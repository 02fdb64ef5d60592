// The shared board in the bench (`node scripts/bench.mjs --only share`, and at the end of a
// full run): claim, set and status at 1,000 tasks shared through the worktrees of a clone,
// against the same commands on an in-tree board (target 1.3x); then through a local bare
// remote: claim p50/p95 against node -e 0, and claims per second with 16 clones racing.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { generateLedgers } from "./gen-ledger.mjs";

export async function benchShare({ CLI, env, runs = 15, warmup = 2, clones: CLONES = 16 }) {
  const made = [];
  const temp = () => {
    const d = mkdtempSync(join(os.tmpdir(), "taskgate-bench-share-"));
    made.push(d);
    return d;
  };
  const git = (cwd, ...a) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...a], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
  const time = (argv, cwd) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${argv.slice(1).join(" ")} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
  let failed = 0;
  try {
    const { tasks, approvals, readyIds } = generateLedgers(1000, { seed: 1000 });
    const board = (dir) => {
      writeFileSync(join(dir, "TASKS.md"), tasks);
      writeFileSync(join(dir, "APPROVALS.md"), approvals);
      git(dir, "init", "-q");
      git(dir, "add", "-A");
      git(dir, "commit", "-qm", "board");
    };
    const inTree = temp();
    board(inTree);
    const main = temp();
    board(main);
    const shared = `${main}-wt`;
    made.push(shared);
    if (spawnSync(process.execPath, [CLI, "share"], { cwd: main, env }).status !== 0) throw new Error("share failed");
    git(main, "worktree", "add", "-q", "--detach", shared);

    // Interleaved, as the main bench does: node -e 0, then each command in-tree and shared.
    const mid = readyIds[Math.floor(readyIds.length / 2)];
    const claimable = readyIds.filter((id) => id !== mid);
    let next = 0;
    const times = { node: [] };
    const commands = [
      ["status", () => ["status"]],
      ["set", (i) => ["set", mid, `priority=P${i % 2}`]],
      ["claim", () => ["claim", claimable[next++]]],
    ];
    for (const [name] of commands) times[name] = { inTree: [], shared: [] };
    for (let i = 0; i < warmup + runs; i++) {
      const n = time(["-e", "0"]);
      if (i >= warmup) times.node.push(n);
      for (const [name, args] of commands) {
        const a = args(i);
        const t1 = time([CLI, "--as", "alice", ...a], inTree);
        const a2 = name === "claim" ? ["claim", claimable[next++]] : a;
        const t2 = time([CLI, "--as", "alice", ...a2], shared);
        if (i >= warmup) {
          times[name].inTree.push(t1);
          times[name].shared.push(t2);
        }
      }
    }
    const node = median(times.node);
    console.log(
      `\nshared board, 1,000 tasks, through worktrees (update-ref) vs in-tree; node -e 0 ${node.toFixed(1)} ms:`,
    );
    const rows = [];
    for (const [name] of commands) {
      const a = median(times[name].inTree);
      const b = median(times[name].shared);
      const ok = b / a <= 1.3;
      if (!ok) failed++;
      rows.push({ name, inTree: a, shared: b, ratio: b / a, ok });
      console.log(
        `  ${name.padEnd(7)} in-tree ${a.toFixed(1).padStart(6)} ms (${(a / node).toFixed(2)}x node)  shared ${b.toFixed(1).padStart(6)} ms (${(b / node).toFixed(2)}x node)  ${(b / a).toFixed(2)}x in-tree  target <=1.3  ${ok ? "PASS" : "FAIL"}`,
      );
    }

    // Through a local bare remote: claims one at a time, then CLONES clones racing.
    const top = temp();
    const remote = join(top, "remote.git");
    git(top, "init", "-q", "--bare", remote);
    const origin = join(top, "origin");
    execFileSync("mkdir", [origin]);
    board(origin);
    git(origin, "remote", "add", "origin", remote);
    if (spawnSync(process.execPath, [CLI, "share", "--remote", "origin"], { cwd: origin, env }).status !== 0)
      throw new Error("share --remote failed");
    const solo = [];
    const soloNode = [];
    let k = 0;
    for (let i = 0; i < warmup + runs; i++) {
      const n = time(["-e", "0"]);
      const t = time([CLI, "--as", "alice", "claim", claimable[next + k++]], origin);
      if (i >= warmup) {
        solo.push(t);
        soloNode.push(n);
      }
    }
    next += k;
    const sn = median(soloNode);
    console.log(
      `shared through a local bare remote (fetch + push per write): claim p50 ${median(solo).toFixed(1)} ms (${(median(solo) / sn).toFixed(2)}x node), p95 ${pct(solo, 0.95).toFixed(1)} ms (${(pct(solo, 0.95) / sn).toFixed(2)}x node)`,
    );
    const dirs = [];
    for (let c = 0; c < CLONES; c++) {
      const d = join(top, `c${c}`);
      git(top, "clone", "-q", remote, d);
      if (spawnSync(process.execPath, [CLI, "share", "--remote", "origin"], { cwd: d, env }).status !== 0)
        throw new Error("share (join) failed");
      dirs.push(d);
    }
    const PER = 5;
    const latencies = [];
    const claimed = [];
    let worst = 0;
    let busy = 0;
    const started = Date.now();
    await Promise.all(
      dirs.map(async (d, w) => {
        for (let j = 0; j < PER; j++) {
          const t = Date.now();
          const { code, out, err } = await new Promise((resolve, reject) => {
            const child = spawn(process.execPath, [CLI, "--as", `w${w + 1}`, "next", "--claim", "--json"], {
              cwd: d,
              // A loaded 2-core machine makes each attempt slow: give the race room before exit 4.
              env: { ...env, TASKGATE_SHARE_DEBUG: "1", TASKGATE_LOCK_TIMEOUT_MS: "120000" },
            });
            let o = "";
            let e = "";
            child.stdout.on("data", (x) => {
              o += x;
            });
            child.stderr.on("data", (x) => {
              e += x;
            });
            child.on("error", reject);
            child.on("close", (c) => resolve({ code: c, out: o, err: e }));
          });
          for (const m of err.matchAll(/attempt (\d+)/g)) worst = Math.max(worst, Number(m[1]));
          if (code === 4) {
            busy++;
            continue;
          }
          if (code !== 0) throw new Error(`next --claim exited ${code}: ${err}`);
          latencies.push(Date.now() - t);
          claimed.push(JSON.parse(out).claimed.id);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const distinct = new Set(claimed).size;
    if (distinct !== claimed.length) failed++;
    console.log(
      `  ${CLONES} clones x ${PER} next --claim racing: ${claimed.length} claims, ${distinct} distinct, ${(claimed.length / seconds).toFixed(1)} claims/s, p50 ${median(latencies)} ms, p95 ${pct(latencies, 0.95)} ms, worst ${worst} attempts, ${busy} gave up (exit 4)  ${distinct === claimed.length ? "PASS" : "FAIL"}`,
    );
    return {
      failed,
      worktrees: rows,
      remote: { p50: median(solo), p95: pct(solo, 0.95), node: sn },
      race: { claims: claimed.length, busy, distinct, perSecond: claimed.length / seconds, worst },
    };
  } finally {
    for (const d of made) if (d.startsWith(os.tmpdir())) rmSync(d, { recursive: true, force: true });
  }
}
