// npm run bench: times the CLI as users start it, against `node -e 0` measured in the same
// run (interleaved, so machine noise hits both), on generated ledgers of 1,000, 10,000 and
// 50,000 tasks; prints medians, p90 and ratios against the issues' targets, peak memory, and
// a race of 20 processes claiming with `next --claim`. Exits 1 when a target is missed
// (BENCH_NO_FAIL=1 only reports).
//
//   node scripts/bench.mjs [--sizes 1000,10000,50000] [--runs 15] [--only core|metrics|forecast|hostile|mcp|share|serve]
//
// Every process is started without NODE_EXTRA_CA_CERTS (issue #21): where the environment sets
// it, Node 20 parses that CA bundle at every start (40-70 ms on this machine), which users
// rarely pay and which would inflate the floor every ratio is taken against. Both floors are
// printed, `node -e 0` with and without it, measured in the same runs.
// When Taskwarrior (`task`) is installed, its equivalent commands run on the same boards
// (scripts/bench-taskwarrior.mjs), interleaved with taskgate's, and are printed side by side.
// --only core times only the commands on the sizes (with Taskwarrior's) and their memory.
//
// --only metrics times only metrics on the long log (no sizes, no race): for working on it.
// --only mcp times only the MCP server (scripts/bench-mcp.mjs), at 1,000 and 10,000 tasks.
// --only share times only the shared board (scripts/bench-share.mjs), which a full run ends with.
// --only hostile times only the hostile files (issue #20): status, check, list --json and set
// on TASKS.md files of 1 MB and 10 MB (--hostile-bytes) whose text is deeply nested lists or
// quotes, one giant line, runs of brackets, emphasis delimiters or HTML (scripts/
// gen-hostile.mjs), each against the same command on a normal generated ledger of the same
// size, in the same run; target: under 3x (TARGETS.hostile). The memos are off for both
// (TASKGATE_NO_MEMO=1), so every run reads the file. The full run includes this group.
// --only serve times only the live board (scripts/bench-serve.mjs): first paint, push, memory.
// --only paths times only `next --claim` on 1,000 tasks with 50 DOING tasks holding paths (and
// every READY task declaring some, half of them overlapping a DOING task's) against `next
// --claim` on the same generated board without paths, as today's bench makes it; target: at
// most 1.2x (issue #18). The full run includes this group.
// --only lang times only the Japanese messages against English (scripts/bench-lang.mjs).

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchMcp, printMcp } from "./bench-mcp.mjs";
import { taskwarriorBoard, taskwarriorVersion } from "./bench-taskwarrior.mjs";
import { HOSTILE_KINDS, hostileTasks, plainApprovals } from "./gen-hostile.mjs";
import { generateLedgers } from "./gen-ledger.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "bin", "taskgate.cjs");
// Everything the bench makes (its boards, the sub-benches' folders, the lock and memo folder
// of the taskgate processes it times) goes in one folder of its own, through TMPDIR. It is
// removed at exit and, when the bench is interrupted (Ctrl-C, a kill: its timing loops are
// synchronous, so a signal handler would only run at their end), by a small detached process
// that waits for the bench's end: an interrupted run left its boards behind.
const benchTmp = mkdtempSync(join(os.tmpdir(), "taskgate-bench-"));
process.env.TMPDIR = benchTmp;
process.on("exit", () => rmSync(benchTmp, { recursive: true, force: true }));
spawn(
  process.execPath,
  [
    "-e",
    `const [pid, dir] = process.argv.slice(1);
     const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
     const t = setInterval(() => { if (alive()) return; clearInterval(t); require("node:fs").rmSync(dir, { recursive: true, force: true }); }, 1000);`,
    String(process.pid),
    benchTmp,
  ],
  { detached: true, stdio: "ignore" },
).unref();
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
if (opt("--only", "") === "mcp") {
  const mcp = await benchMcp();
  printMcp(mcp);
  if (mcp.failed && process.env.BENCH_NO_FAIL !== "1") process.exitCode = 1;
  process.exit();
}
const only = opt("--only", "");
// --only metrics (or forecast): just the long-log benchmarks, metrics' and forecast's.
const onlyMetrics = ["metrics", "forecast"].includes(only);
const onlyHostile = only === "hostile";
const onlyCore = only === "core";
const sizes =
  onlyMetrics || onlyHostile || only === "paths" ? [] : opt("--sizes", "1000,10000,50000").split(",").map(Number);
const hostileBytes =
  only === "" || only === "hostile"
    ? opt("--hostile-bytes", "1000000,10000000").split(",").filter(Boolean).map(Number)
    : [];
const RUNS = Number(opt("--runs", "15"));
// Above this many tasks Taskwarrior's commands are timed once each, after taskgate's, with a
// time limit: at 50,000 tasks one `task list` took minutes on this machine.
const TW_MAX = Number(opt("--tw-max", "10000"));
const TW_LIMIT_MS = 120_000;
const WARMUP = 2;

const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith("TASKGATE_") && k !== "NODE_EXTRA_CA_CERTS"),
);
env.NO_COLOR = "1";
/** The CA bundle the environment makes Node parse at every start, left out of every run here. */
const caCerts = process.env.NODE_EXTRA_CA_CERTS;
const taskwarrior = onlyMetrics || onlyHostile ? undefined : taskwarriorVersion();

const shareBench = async () => {
  const { benchShare } = await import("./bench-share.mjs");
  return benchShare({ CLI, env, runs: RUNS, warmup: WARMUP });
};
const serveBench = async () => {
  const { benchServe } = await import("./bench-serve.mjs");
  return benchServe();
};
if (opt("--only", "") === "serve") {
  const r = await serveBench();
  if (r.failed && process.env.BENCH_NO_FAIL !== "1") process.exitCode = 1;
  process.exit();
}
if (opt("--only", "") === "lang") {
  const { benchLang, printLang } = await import("./bench-lang.mjs");
  const r = benchLang({ CLI, env, runs: RUNS, warmup: WARMUP });
  printLang(r);
  if (r.failed && process.env.BENCH_NO_FAIL !== "1") process.exitCode = 1;
  process.exit();
}
if (opt("--only", "") === "share") {
  const r = await shareBench();
  if (r.failed && process.env.BENCH_NO_FAIL !== "1") process.exitCode = 1;
  process.exit();
}

const onlyPaths = only === "paths";
/** Taskwarrior's commands for a board timed once each (above --tw-max tasks). */
const twReadsOnce = (tw, mid) => [
  ["task list", ["list"], tw.env],
  ["task export", ["export"], tw.env],
  ["task N info", [mid, "info"], tw.env],
];
const twWritesOnce = (tw, mid) => [
  ["task N modify priority:H", [mid, "modify", "priority:H"], tw.env],
  ["task N start", [String(tw.readyIds[1]), "start"], tw.env],
  ["task add", ["add", "Bench task", "+backend"], tw.env],
];

/** A git repository holding `files`, in the bench's folder (removed with it). */
function tempRepo(files) {
  const dir = mkdtempSync(join(os.tmpdir(), "board-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function timeOnce(argv, extraEnv = {}, allowed = [0, 5], file = process.execPath) {
  const t = process.hrtime.bigint();
  const r = spawnSync(file, argv, { env: { ...env, ...extraEnv }, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!allowed.includes(r.status)) throw new Error(`${file} ${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

// Issue #21's targets (against the floor without NODE_EXTRA_CA_CERTS), and the earlier ones
// it left as they were (10,000 status, 50,000 status after a change, check --staged).
const TARGETS = {
  "1000 status": 1.3,
  "10000 status": 1.6,
  "50000 status": 2.0,
  // The first status after a hand edit or a pull (no memo applies).
  "1000 status (changed)": 1.4,
  "10000 status (changed)": 2.0,
  "50000 status (changed)": 3.0,
  "1000 show": 1.4,
  "1000 set": 1.6,
  "1000 claim": 1.6,
  "1000 submit": 1.6,
  "1000 add": 1.6,
  "1000 list": 2.0,
  "1000 list --json": 2.0,
  "10000 set": 2.5,
  "10000 claim": 2.5,
  "10000 add": 2.5,
  "10000 list --json": 4.0,
  "1000 check --staged": 2.0,
  // Issue #20: each command on a hostile file, against the same command on a normal ledger of
  // the same size.
  hostile: 3.0,
  // Issue #18: next --claim with 50 DOING tasks holding paths, against next --claim on the board without paths.
  paths: 1.2,
};

const rows = [];
let failed = 0;
console.log(`taskgate bench: node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
console.log(`${RUNS} timed runs after ${WARMUP} warm-ups per command; sizes ${sizes.join(", ")}`);
console.log(
  caCerts
    ? `Measured without NODE_EXTRA_CA_CERTS (the environment sets it to ${caCerts}; Node parses that file at every start); both floors are printed.`
    : "Measured without NODE_EXTRA_CA_CERTS (the environment does not set it).",
);
if (sizes.length)
  console.log(
    taskwarrior
      ? `Taskwarrior ${taskwarrior} found: its equivalent commands run on the same boards, interleaved.`
      : "Taskwarrior (task) not found: no side-by-side comparison.",
  );
console.log("");
/** Per size: the floors, with and without NODE_EXTRA_CA_CERTS. */
const floors = [];
/** Per size and command: taskgate's median against Taskwarrior's equivalent. */
const versus = [];
/** taskgate's command -> Taskwarrior's, and the target at 1,000 tasks (above it, faster: < 1). */
const COUNTERPARTS = [
  ["list", "task list"],
  ["list --json", "task export"],
  ["show", "task N info"],
  ["set", "task N modify priority:H"],
  ["claim", "task N start"],
  ["add", "task add"],
];

for (const size of sizes) {
  const { tasks, approvals, readyIds } = generateLedgers(size, { seed: size });
  const dir = tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals });
  const check = spawnSync(process.execPath, [CLI, "--dir", dir, "check"], { env, encoding: "utf8" });
  if (check.status !== 0) throw new Error(`generated ledger of ${size} tasks is invalid:\n${check.stdout}`);
  const mid = readyIds[Math.floor(readyIds.length / 2)];
  const base = [CLI, "--dir", dir, "--as", "alice"];
  // check --staged as the pre-commit hook runs it: the ledgers committed, then one task's
  // title edited by hand and staged.
  const staged = tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals });
  const gitIn = (...a) =>
    execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...a], { cwd: staged });
  gitIn("add", "TASKS.md", "APPROVALS.md");
  gitIn("commit", "-q", "-m", "ledgers");
  writeFileSync(join(staged, "TASKS.md"), tasks.replace(new RegExp(`^## ${mid} (.*)$`, "m"), `## ${mid} $1, retitled`));
  gitIn("add", "TASKS.md");
  // claim and submit alternate on fresh READY tasks, so every timed run really writes.
  const claimable = readyIds.filter((id) => id !== mid);
  let next = 0;
  let lastClaimed;
  const floor = [["node -e 0", () => ["-e", "0"]]];
  if (caCerts) floor.push(["node -e 0 (CA)", () => ["-e", "0"], { NODE_EXTRA_CA_CERTS: caCerts }]);
  // Taskwarrior's board of the same tasks, and its commands (run as `task`, not node).
  const tw = taskwarrior && taskwarriorBoard(tasks, tempRepo({}));
  const twMid = tw && String(tw.readyIds[Math.floor(tw.readyIds.length / 2)]);
  let twNext = 0;
  const twInterleaved = tw && size <= TW_MAX;
  const twReads = twInterleaved
    ? [
        ["task list", () => ["list"], tw.env, [0, 1], "task"],
        ["task export", () => ["export"], tw.env, [0], "task"],
        ["task N info", () => [twMid, "info"], tw.env, [0], "task"],
      ]
    : [];
  const twWrites = twInterleaved
    ? [
        ["task N modify priority:H", (i) => [twMid, "modify", `priority:${i % 2 ? "H" : "M"}`], tw.env, [0], "task"],
        // start on a fresh pending task each time, as claim takes a fresh READY one.
        ["task N start", () => [String(tw.readyIds[1 + twNext++]), "start"], tw.env, [0], "task"],
        ["task add", (i) => ["add", `Bench task ${i}`, "+backend"], tw.env, [0], "task"],
      ]
    : [];
  // Reads first, on a board that does not change between them (as hooks and agents see it
  // most of the time), then writes; node -e 0 runs between every command in both phases.
  const reads = [
    ...floor,
    ["status", () => [...base, "status"]],
    ["list", () => [...base, "list"]],
    ["list --json", () => [...base, "list", "--json"]],
    ["show", () => [...base, "show", mid]],
    ["check --staged", () => [CLI, "--dir", staged, "check", "--staged"], { TASKGATE_ACTOR: "alice" }],
    ...twReads,
  ];
  const writes = [
    ...floor,
    ["set", (i) => [...base, "set", mid, `priority=P${i % 2}`]],
    // status as the first call after a change (the set just before): the memo of the previous
    // call does not apply, so it compares the ledgers with it, derives the answer and writes a
    // new memo. The set keeps the ledger's length (P0 <-> P1), so the whole memo is read and
    // compared: the worst case.
    ["status (changed)", () => [...base, "status"]],
    [
      "claim",
      () => {
        lastClaimed = claimable[next++];
        return [...base, "claim", lastClaimed];
      },
    ],
    ["submit", () => [...base, "submit", lastClaimed]],
    // A new task with a label each time, as a person or an agent adds one.
    ["add", (i) => [...base, "add", `Bench task ${i}`, "--labels", "backend"]],
    ...twWrites,
  ];
  const commands = [...reads, ...writes.slice(floor.length)];
  const times = Object.fromEntries(commands.map(([name]) => [name, []]));
  for (const phase of [reads, writes]) {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const [name, argv, extraEnv, allowed, file] of phase) {
        const ms = timeOnce(argv(i), extraEnv, allowed, file);
        if (i >= WARMUP) times[name].push(ms);
      }
    }
  }
  const baseline = median(times["node -e 0"]);
  floors.push({ size, without: baseline, with: caCerts ? median(times["node -e 0 (CA)"]) : undefined });
  if (tw && !twInterleaved) {
    // Once each, after taskgate's runs; a command over the limit counts as the limit.
    for (const [twName, argv, twEnv] of [...twReadsOnce(tw, twMid), ...twWritesOnce(tw, twMid)]) {
      const t = process.hrtime.bigint();
      const r = spawnSync("task", argv, { env: { ...env, ...twEnv }, stdio: "ignore", timeout: TW_LIMIT_MS });
      times[twName] = [r.error ? TW_LIMIT_MS : Number(process.hrtime.bigint() - t) / 1e6];
    }
  }
  for (const [name, twName] of tw ? COUNTERPARTS : []) {
    const ratio = median(times[name]) / median(times[twName]);
    const target = size <= 1000 ? 1.5 : 1.0;
    const ok = size <= 1000 ? ratio <= target : ratio < target;
    if (!ok) failed++;
    versus.push({
      size,
      name,
      twName,
      taskgate: median(times[name]),
      taskwarrior: median(times[twName]),
      twRuns: times[twName].length,
      ratio,
      ok,
    });
  }
  for (const [name] of commands) {
    if (name.startsWith("node -e 0") || name.startsWith("task ")) continue;
    const med = median(times[name]);
    const ratio = med / baseline;
    const target = TARGETS[`${size} ${name}`];
    const ok = target === undefined || ratio <= target;
    if (!ok) failed++;
    rows.push({ size, name, median: med, p90: p(times[name], 0.9), ratio, target, ok });
  }
}

const memory = [];
const timeBin = "/usr/bin/time";
if (sizes.includes(50000) && existsSync(timeBin)) {
  const { tasks, approvals, readyIds } = generateLedgers(50000, { seed: 50000 });
  const dir = tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals });
  // Every command of the table; claim and submit on a fresh READY task each time.
  const memoryCommands = [
    ["status", () => ["status"]],
    ["show", () => ["show", readyIds[0]]],
    ["list", () => ["list"]],
    ["list --json", () => ["list", "--json"]],
    ["set", (i) => ["set", readyIds[0], `priority=P${i % 2}`]],
    ["claim", (i) => ["claim", readyIds[1 + i]]],
    ["submit", (i) => ["submit", readyIds[1 + i]]],
    ["add", (i) => ["add", `Memory task ${i}`, "--labels", "backend"]],
  ];
  for (const [command, argv] of memoryCommands) {
    let peak = 0;
    for (let i = 0; i < 3; i++) {
      const r = spawnSync(timeBin, ["-f", "%M", process.execPath, CLI, "--dir", dir, "--as", "alice", ...argv(i)], {
        env,
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
      });
      peak = Math.max(peak, Number(r.stderr.trim().split("\n").pop()) / 1024);
    }
    const ok = peak <= 150;
    if (!ok) failed++;
    memory.push({ command, peakMB: peak, ok });
  }
}

// Issue #18: `next --claim` on 1,000 tasks whose first 50 READY tasks are DOING (leased to
// bob) each holding src/modN/**, and whose other READY tasks declare src/modK/x.ts and
// docs/modK.md (K < 50 overlaps a DOING task's paths, so next passes it over), against `next
// --claim` on the generated board as it is. Each timed claim is followed by an untimed submit
// of the task it took, so every run claims on the same kind of board.
function pathsBench() {
  const { tasks, approvals } = generateLedgers(1000, { seed: 1000 });
  let ready = 0;
  const withPaths = tasks.replace(/^- state: READY$/gm, () => {
    const k = ready++;
    return k < 50
      ? `- state: DOING\n- lease: bob@bench token=1 until=2099-01-01T00:00:00Z ttl=30m\n- paths: src/mod${k}/**`
      : `- state: READY\n- paths: src/mod${k % 100}/x.ts, docs/mod${k % 100}.md`;
  });
  const boards = {
    plain: tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals }),
    paths: tempRepo({ "TASKS.md": withPaths, "APPROVALS.md": approvals }),
  };
  for (const dir of Object.values(boards)) {
    const c = spawnSync(process.execPath, [CLI, "--dir", dir, "check"], { env, encoding: "utf8" });
    if (c.status !== 0) throw new Error(`the paths bench board is invalid:\n${c.stdout}`);
  }
  const times = { node: [], plain: [], paths: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    times.node.push(timeOnce(["-e", "0"]));
    for (const kind of ["plain", "paths"]) {
      const base = [CLI, "--dir", boards[kind], "--as", "alice"];
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [...base, "next", "--claim", "--json"], { env, encoding: "utf8" });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== 0) throw new Error(`next --claim (${kind}) exited ${r.status}: ${r.stderr}`);
      times[kind].push(ms);
      timeOnce([...base, "submit", JSON.parse(r.stdout).claimed.id]);
    }
  }
  for (const k of Object.keys(times)) times[k] = times[k].slice(WARMUP);
  const node = median(times.node);
  const plain = median(times.plain);
  const paths = median(times.paths);
  const ratio = paths / plain;
  const ok = ratio <= TARGETS.paths;
  if (!ok) failed++;
  return { node, plain, paths, plainP90: p(times.plain, 0.9), pathsP90: p(times.paths, 0.9), ratio, ok };
}
const pathsRow = onlyMetrics || onlyHostile || onlyCore ? undefined : pathsBench();
if (onlyPaths) {
  printPaths(pathsRow);
  if (failed && process.env.BENCH_NO_FAIL !== "1") process.exitCode = 1;
  process.exit();
}
function printPaths(r) {
  console.log(
    `next --claim, 1,000 tasks: plain board median ${r.plain.toFixed(1)} ms (p90 ${r.plainP90.toFixed(1)}, ${(r.plain / r.node).toFixed(2)}x node), ` +
      `50 DOING holding paths ${r.paths.toFixed(1)} ms (p90 ${r.pathsP90.toFixed(1)}, ${(r.paths / r.node).toFixed(2)}x node): ` +
      `${r.ratio.toFixed(2)}x  target <=${TARGETS.paths}  ${r.ok ? "PASS" : "FAIL"}`,
  );
}

// 20 processes each `next --claim` 20 times on a 1,000-task ledger: 400 distinct claims.
async function race() {
  const { tasks, approvals } = generateLedgers(1000, { seed: 7, ready: 0.5 });
  const dir = tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals });
  const latencies = [];
  const claimed = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 20 }, async (_, w) => {
      for (let k = 0; k < 20; k++) {
        const t = Date.now();
        const out = await new Promise((resolve, reject) => {
          const child = spawn(process.execPath, [CLI, "--dir", dir, "--as", `w${w + 1}`, "next", "--claim", "--json"], {
            env,
          });
          let text = "";
          let err = "";
          child.stdout.on("data", (d) => {
            text += d;
          });
          child.stderr.on("data", (d) => {
            err += d;
          });
          child.on("error", reject);
          child.on("close", (code) =>
            code === 0 ? resolve(text) : reject(new Error(`next --claim exited ${code}: ${err}`)),
          );
        });
        latencies.push(Date.now() - t);
        claimed.push(JSON.parse(out).claimed.id);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return { claims: claimed.length, distinct: new Set(claimed).size, seconds, p95: p(latencies, 0.95) };
}

// metrics over a log of 100,000 lines: 2,000 tasks, the DONE ones with 34 failed attempts
// each before they were done (claims, failed runs and recovered leases), target 3x:
// - on a log that did not change since the last call (the memo answers, as for a scrape every
//   minute between changes);
// - as the first call after a change: a `set` (not timed) appends a line before each run, so
//   the memo is continued over it;
// - as the first call ever on that log (TASKGATE_NO_MEMO=1): reported.
// forecast on 10,000 tasks with a log of about 100,000 lines (the DONE ones with 5 failed
// attempts each), the tasks planned at once on 2025-01-01 and "now" 8 days later, so the
// simulation runs (10,000 trials), target 3x: on an unchanged board (the memo answers), and
// as the first call after a change.
const forecastBench =
  onlyHostile || onlyCore
    ? undefined
    : (() => {
        const { tasks, approvals, readyIds } = generateLedgers(10000, { seed: 12, history: 5, createdEvery: 0 });
        const dir = tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals });
        const lines = tasks.split("\n").filter((l) => / ~ [0-9a-f]{12}$/.test(l)).length;
        const env = { TASKGATE_NOW: "2025-01-09T08:00:00Z" };
        const forecast = [CLI, "--dir", dir, "forecast"];
        const change = (i) =>
          timeOnce([CLI, "--dir", dir, "--as", "alice", "set", readyIds[0], `priority=P${i % 4}`], env);
        const times = { node: [], memo: [], changed: [] };
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const n = timeOnce(["-e", "0"]);
          const m = timeOnce(forecast, env);
          change(i);
          const c = timeOnce(forecast, env);
          if (i >= WARMUP) {
            times.node.push(n);
            times.memo.push(m);
            times.changed.push(c);
          }
        }
        const row = (name, xs, target) => {
          const ratio = median(xs) / median(times.node);
          const ok = target === undefined || ratio <= target;
          if (!ok) failed++;
          return { name, median: median(xs), p90: p(xs, 0.9), ratio, target, ok };
        };
        return { lines, rows: [row("forecast", times.memo, 3.0), row("forecast (changed)", times.changed, undefined)] };
      })();

const longLog =
  onlyHostile || onlyCore
    ? undefined
    : (() => {
        const { tasks, approvals, readyIds } = generateLedgers(2000, { seed: 11, history: 34 });
        const dir = tempRepo({ "TASKS.md": tasks, "APPROVALS.md": approvals });
        const lines = tasks.split("\n").filter((l) => / ~ [0-9a-f]{12}$/.test(l)).length;
        const metrics = [CLI, "--dir", dir, "metrics", "--since", "2025-01-01"];
        const change = (i) => timeOnce([CLI, "--dir", dir, "--as", "alice", "set", readyIds[0], `priority=P${i % 4}`]);
        const times = { node: [], memo: [], changed: [], first: [] };
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const n = timeOnce(["-e", "0"]);
          const m = timeOnce(metrics);
          change(i);
          const c = timeOnce(metrics);
          const f = timeOnce(metrics, { TASKGATE_NO_MEMO: "1" });
          if (i >= WARMUP) {
            times.node.push(n);
            times.memo.push(m);
            times.changed.push(c);
            times.first.push(f);
          }
        }
        const row = (name, xs, target) => {
          const ratio = median(xs) / median(times.node);
          const ok = target === undefined || ratio <= target;
          if (!ok) failed++;
          return { name, median: median(xs), p90: p(xs, 0.9), ratio, target, ok };
        };
        return {
          lines,
          rows: [
            row("metrics", times.memo, 3.0),
            row("metrics (changed)", times.changed, 3.0),
            row("metrics (first)", times.first, undefined),
          ],
        };
      })();

// Hostile files (issue #20) against normal ledgers of the same size: the reader is linear in
// the size of the file whatever its Markdown, so no command takes much longer on them.
const hostileRows = [];
for (const bytes of hostileBytes) {
  // A normal board of about `bytes` characters: a generated task takes about 330.
  const normal = generateLedgers(Math.max(1, Math.round(bytes / 330)), { seed: bytes });
  const repos = { normal: tempRepo({ "TASKS.md": normal.tasks, "APPROVALS.md": normal.approvals }) };
  for (const kind of Object.keys(HOSTILE_KINDS)) {
    repos[kind] = tempRepo({ "TASKS.md": hostileTasks(kind, bytes).tasks, "APPROVALS.md": plainApprovals() });
  }
  const commands = [
    ["status", () => ["status"]],
    ["check", () => ["check"]],
    ["list --json", () => ["list", "--json"]],
    // On a normal board the set writes (P0 <-> P1); on a hostile one it is refused (exit 3),
    // having read what it must read to know that.
    ["set", (kind, i) => ["set", kind === "normal" ? normal.readyIds[0] : "T-1", `priority=P${i % 2}`]],
  ];
  const runs = Math.max(3, Math.min(RUNS, 7));
  const times = {};
  for (let i = 0; i < WARMUP + runs; i++) {
    for (const [name, argv] of commands) {
      for (const kind of Object.keys(repos)) {
        const ms = timeOnce(
          [CLI, "--dir", repos[kind], "--as", "alice", ...argv(kind, i)],
          { TASKGATE_NO_MEMO: "1" },
          [0, 3, 5],
        );
        const key = `${kind} ${name}`;
        if (!times[key]) times[key] = [];
        if (i >= WARMUP) times[key].push(ms);
      }
    }
  }
  for (const [name] of commands) {
    const base = median(times[`normal ${name}`]);
    for (const kind of Object.keys(HOSTILE_KINDS)) {
      const xs = times[`${kind} ${name}`];
      const ratio = median(xs) / base;
      const ok = ratio <= TARGETS.hostile;
      if (!ok) failed++;
      hostileRows.push({ bytes, kind, name, median: median(xs), normal: base, ratio, ok });
    }
  }
}

// The race last: its 20 processes leave the machine busy for a while after they end.
const raced = onlyMetrics || onlyHostile || onlyCore ? undefined : await race();
if (pathsRow) printPaths(pathsRow);
if (raced && (raced.claims !== 400 || raced.distinct !== 400)) failed++;

const pad = (s, n) => String(s).padEnd(n);
const num = (x, n, d = 1) => x.toFixed(d).padStart(n);
if (rows.length) {
  console.log(
    `${pad("size", 7)} ${pad("command", 18)} ${"median ms".padStart(10)} ${"p90 ms".padStart(8)} ${"ratio".padStart(6)}  target  result`,
  );
  for (const r of rows) {
    const target = r.target === undefined ? "-" : `<=${r.target}`;
    const result = r.target === undefined ? "report" : r.ok ? "PASS" : "FAIL";
    console.log(
      `${pad(r.size, 7)} ${pad(r.name, 18)} ${num(r.median, 10)} ${num(r.p90, 8)} ${num(r.ratio, 6, 2)}  ${pad(target, 6)}  ${result}`,
    );
  }
}
if (floors.length) {
  console.log("\nfloors, median ms of node -e 0 in the same runs:");
  for (const f of floors) {
    const ca =
      f.with === undefined ? "" : `, ${num(f.with, 6)} with NODE_EXTRA_CA_CERTS (${(f.with / f.without).toFixed(2)}x)`;
    console.log(`  ${pad(f.size, 7)} ${num(f.without, 6)} without${ca}`);
  }
}
if (versus.length) {
  console.log(
    `\ntaskgate against Taskwarrior ${taskwarrior} on the same boards (median ms; target <=1.5 at 1,000, <1 above):`,
  );
  console.log(
    `${pad("size", 7)} ${pad("taskgate", 12)} ${"ms".padStart(7)}  ${pad("Taskwarrior", 26)} ${"ms".padStart(7)} ${"ratio".padStart(6)}  result`,
  );
  for (const v of versus) {
    console.log(
      `${pad(v.size, 7)} ${pad(v.name, 12)} ${num(v.taskgate, 7)}  ${pad(v.twName, 26)} ${num(v.taskwarrior, 7)} ${num(v.ratio, 6, 2)}  ${v.ok ? "PASS" : "FAIL"}${v.twRuns === 1 ? `  (task timed once${v.taskwarrior >= TW_LIMIT_MS ? ", stopped at the limit" : ""})` : ""}`,
    );
  }
}
if (memory.length) {
  console.log("\npeak memory at 50,000 tasks (max RSS of 3 runs, /usr/bin/time):");
  for (const m of memory)
    console.log(`  ${pad(m.command, 12)} ${num(m.peakMB, 7)} MB  target <=150  ${m.ok ? "PASS" : "FAIL"}`);
}
if (raced) {
  console.log(
    `\nrace: 20 processes x 20 next --claim on 1,000 tasks: ${raced.claims} claims, ${raced.distinct} distinct tasks, ` +
      `${(raced.claims / raced.seconds).toFixed(1)} claims/s, p95 latency ${raced.p95} ms  ${raced.distinct === 400 ? "PASS" : "FAIL"}`,
  );
}
if (longLog) {
  console.log(`metrics over a log of ${longLog.lines} lines (2,000 tasks):`);
  for (const r of longLog.rows) {
    const target = r.target === undefined ? "report" : `target <=${r.target}  ${r.ok ? "PASS" : "FAIL"}`;
    console.log(
      `  ${pad(r.name, 18)} median ${num(r.median, 6)} ms, p90 ${num(r.p90, 6)} ms, ${r.ratio.toFixed(2)}x node  ${target}`,
    );
  }
}
if (forecastBench) {
  console.log(`forecast over a log of ${forecastBench.lines} lines (10,000 tasks):`);
  for (const r of forecastBench.rows) {
    const target = r.target === undefined ? "report" : `target <=${r.target}  ${r.ok ? "PASS" : "FAIL"}`;
    console.log(
      `  ${pad(r.name, 18)} median ${num(r.median, 6)} ms, p90 ${num(r.p90, 6)} ms, ${r.ratio.toFixed(2)}x node  ${target}`,
    );
  }
}
if (hostileRows.length) {
  console.log("\nhostile files (issue #20), median ms against a normal ledger of the same size (memos off):");
  console.log(
    `${pad("size", 9)} ${pad("kind", 11)} ${pad("command", 12)} ${"hostile".padStart(8)} ${"normal".padStart(8)} ${"ratio".padStart(6)}  target  result`,
  );
  for (const r of hostileRows) {
    console.log(
      `${pad(`${r.bytes / 1e6} MB`, 9)} ${pad(r.kind, 11)} ${pad(r.name, 12)} ${num(r.median, 8)} ${num(r.normal, 8)} ${num(r.ratio, 6, 2)}  <=${TARGETS.hostile}   ${r.ok ? "PASS" : "FAIL"}`,
    );
  }
}
const mcp = onlyMetrics || onlyHostile || onlyCore ? undefined : await benchMcp();
if (mcp) {
  printMcp(mcp);
  failed += mcp.failed;
}
const shared = onlyMetrics || onlyHostile || onlyCore ? undefined : await shareBench();
if (shared) failed += shared.failed;
const served = onlyMetrics || onlyHostile || onlyCore ? undefined : await serveBench();
if (served) failed += served.failed;
const langs = onlyMetrics || onlyHostile ? undefined : await import("./bench-lang.mjs");
if (langs) {
  const r = langs.benchLang({ CLI, env, runs: RUNS, warmup: WARMUP });
  langs.printLang(r);
  failed += r.failed;
}
console.log(`load ${os.loadavg()[0].toFixed(2)} at the end`);

mkdirSync(join(ROOT, ".bench"), { recursive: true });
writeFileSync(
  join(ROOT, ".bench", "results.json"),
  `${JSON.stringify({ node: process.version, caCerts: caCerts ?? null, floors, taskwarrior: taskwarrior ?? null, versus, rows, memory, race: raced, paths: pathsRow, metrics: longLog, forecast: forecastBench, hostile: hostileRows, mcp: mcp?.rows, shared, serve: served?.rows }, null, 2)}\n`,
);
if (failed) {
  console.log(`\n${failed} target(s) missed.`);
  if (process.env.BENCH_NO_FAIL !== "1") process.exitCode = 1;
}
