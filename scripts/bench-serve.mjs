// The live board's part of `npm run bench` (alone: node scripts/bench.mjs --only serve): one
// `taskgate serve` on a generated 1,000-task board. Measures
//   - first paint: Chromium's first-contentful-paint of the page, from the navigation's start
//     (the request), median of 10 loads; target under 300 ms (issue #17). Without Chromium,
//     the time to the whole HTML answer is reported instead, marked so;
//   - push: from a ledger written (atomic rename, as the store writes) to the events stream's
//     "change" arriving, 20 times; target: the slowest under 1 s;
//   - memory: the server's RSS after 100, 500 and 1,000 changes, each followed by the fragment
//     fetch the page makes; flat means the last within 25% of the first (reported).

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateLedgers } from "./gen-ledger.mjs";

const CLI = fileURLToPath(new URL("../bin/taskgate.cjs", import.meta.url));
const PAINT_TARGET = 300;
const PUSH_TARGET = 1000;

const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const sleep = (n) => new Promise((r) => setTimeout(r, n));

function startServe(dir, env) {
  const child = spawn(process.execPath, [CLI, "--as", "alice", "serve", "--port", "0"], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "ignore"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("serve printed no URL in 20 s")), 20_000);
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      const url = new URL(out.slice(0, nl));
      resolve({ child, url: url.href, origin: url.origin, token: url.searchParams.get("token") });
    });
  });
}

function get(s, path) {
  return new Promise((resolve, reject) => {
    const req = request(`${s.origin}${path}`, { headers: { authorization: `Bearer ${s.token}` } }, (res) => {
      let body = "";
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The events stream: `next()` resolves at the next "change" event. */
function events(s) {
  const waiting = [];
  const req = request(`${s.origin}/events`, { headers: { authorization: `Bearer ${s.token}` } }, (res) => {
    let buf = "";
    res.on("data", (d) => {
      buf += d;
      for (let end = buf.indexOf("\n\n"); end >= 0; end = buf.indexOf("\n\n")) {
        const ev = buf.slice(0, end);
        buf = buf.slice(end + 2);
        if (ev.startsWith("event: change")) for (const w of waiting.splice(0)) w();
      }
    });
  });
  req.end();
  return {
    next: (timeout) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no change event in ${timeout} ms`)), timeout);
        waiting.push(() => {
          clearTimeout(t);
          resolve();
        });
      }),
    close: () => req.destroy(),
  };
}

function writeAtomic(path, text) {
  writeFileSync(`${path}.bench-tmp`, text);
  renameSync(`${path}.bench-tmp`, path);
}

const rssMB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

function findChromium() {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

/** First-contentful-paint of `loads` loads of the page, over the DevTools protocol on a pipe. */
async function paints(chromium, s, loads) {
  const profile = mkdtempSync(join(os.tmpdir(), "taskgate-bench-chromium-"));
  const child = spawn(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      `--user-data-dir=${profile}`,
      "--remote-debugging-pipe",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  let id = 1;
  let buf = "";
  const pending = new Map();
  const loaded = [];
  child.stdio[4].on("data", (d) => {
    buf += d;
    for (let end = buf.indexOf("\0"); end >= 0; end = buf.indexOf("\0")) {
      const m = JSON.parse(buf.slice(0, end));
      buf = buf.slice(end + 1);
      if (m.id !== undefined) pending.get(m.id)?.(m.result ?? {});
      else if (m.method === "Page.loadEventFired") for (const l of loaded.splice(0)) l();
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve) => {
      const n = id++;
      pending.set(n, resolve);
      child.stdio[3].write(`${JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  try {
    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    await send("Page.enable", {}, sessionId);
    const open = async (url) => {
      const done = new Promise((r) => loaded.push(r));
      await send("Page.navigate", { url }, sessionId);
      await Promise.race([done, sleep(30_000)]);
    };
    await open(s.url); // sets the cookie
    const out = [];
    for (let i = 0; i < loads; i++) {
      await open(`${s.origin}/`);
      let fcp;
      for (let k = 0; k < 40 && fcp === undefined; k++) {
        const r = await send(
          "Runtime.evaluate",
          { expression: "performance.getEntriesByName('first-contentful-paint')[0]?.startTime", returnByValue: true },
          sessionId,
        );
        fcp = r.result?.value;
        if (fcp === undefined) await sleep(25);
      }
      if (fcp !== undefined) out.push(fcp);
    }
    return out;
  } finally {
    child.kill("SIGKILL");
    await sleep(200);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Returns { rows, failed }, and prints its lines. */
export async function benchServe({ size = 1000 } = {}) {
  // Without NODE_EXTRA_CA_CERTS, as bench.mjs runs every process (issue #21).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("TASKGATE_") && k !== "NODE_EXTRA_CA_CERTS"),
  );
  env.NO_COLOR = "1";
  const { tasks, approvals } = generateLedgers(size, { seed: size });
  const dir = mkdtempSync(join(os.tmpdir(), "taskgate-bench-serve-"));
  let failed = 0;
  const rows = {};
  let s;
  try {
    execFileSync("git", ["init", "-q"], { cwd: dir });
    const path = join(dir, "TASKS.md");
    writeFileSync(path, tasks);
    writeFileSync(join(dir, "APPROVALS.md"), approvals);
    const nodeStart = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"]);
      nodeStart.push(ms(t));
    }
    const node = pct(nodeStart, 0.5);
    // A fast look for the memory run (1,000 changes); the default (200 ms) for push latency.
    s = await startServe(dir, env);
    const chromium = findChromium();
    if (chromium) {
      const p = await paints(chromium, s, 10);
      rows.firstPaint = { kind: "first-contentful-paint", median: pct(p, 0.5), p90: pct(p, 0.9), n: p.length };
    } else {
      const p = [];
      for (let i = 0; i < 10; i++) {
        const t = process.hrtime.bigint();
        await get(s, "/");
        p.push(ms(t));
      }
      rows.firstPaint = { kind: "html answer (no chromium)", median: pct(p, 0.5), p90: pct(p, 0.9), n: p.length };
    }
    rows.firstPaint.ok = rows.firstPaint.median < PAINT_TARGET && rows.firstPaint.n === 10;
    if (!rows.firstPaint.ok) failed++;

    const ev = events(s);
    await sleep(300);
    const push = [];
    for (let i = 0; i < 20; i++) {
      const next = ev.next(5_000);
      const t = process.hrtime.bigint();
      writeAtomic(path, tasks.replace("## T-1 ", `## T-1 push ${i} `));
      await next;
      push.push(ms(t));
      await sleep(50);
    }
    ev.close();
    rows.push = { median: pct(push, 0.5), max: Math.max(...push), ok: Math.max(...push) < PUSH_TARGET };
    if (!rows.push.ok) failed++;
    s.child.kill("SIGINT");
    await new Promise((r) => s.child.once("exit", r));

    s = await startServe(dir, { ...env, TASKGATE_SERVE_POLL_MS: "10" });
    const ev2 = events(s);
    await sleep(300);
    const marks = {};
    const changes = Number(process.env.BENCH_SERVE_CHANGES) || 1000;
    for (let i = 1; i <= changes; i++) {
      const next = ev2.next(10_000);
      writeAtomic(path, tasks.replace("## T-1 ", `## T-1 change ${i} `));
      await next;
      const f = await get(s, "/fragment");
      if (f.status !== 200 || !f.body.includes(`change ${i} `)) throw new Error(`change ${i} not on the board`);
      if (i === 100 || i % 500 === 0) marks[i] = rssMB(s.child.pid);
    }
    ev2.close();
    rows.memory = { ...marks, ok: marks[changes] <= marks[100] * 1.25 };
    if (!rows.memory.ok) failed++;
    rows.nodeMs = node;

    const r = rows;
    console.log(`\nserve on ${size} tasks (node -e 0: ${node.toFixed(1)} ms):`);
    console.log(
      `  first paint (${r.firstPaint.kind})  median ${r.firstPaint.median.toFixed(0)} ms, p90 ${r.firstPaint.p90.toFixed(0)} ms, ${(r.firstPaint.median / node).toFixed(2)}x node  target <${PAINT_TARGET} ms  ${r.firstPaint.ok ? "PASS" : "FAIL"}`,
    );
    console.log(
      `  change pushed         median ${r.push.median.toFixed(0)} ms, max ${r.push.max.toFixed(0)} ms (20 writes)  target <${PUSH_TARGET} ms  ${r.push.ok ? "PASS" : "FAIL"}`,
    );
    console.log(
      `  RSS after ${Object.keys(marks).join("/")} changes (each fetched as the page does): ${Object.values(marks)
        .map((m) => m.toFixed(1))
        .join(" / ")} MB  flat (last <=1.25x the first)  ${r.memory.ok ? "PASS" : "FAIL"}`,
    );
  } finally {
    if (s && s.child.exitCode === null) s.child.kill("SIGINT");
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, failed };
}
