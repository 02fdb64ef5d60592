// The MCP server's part of `npm run bench` (alone: node scripts/bench.mjs --only mcp): one
// `taskgate mcp` process per board size, driven by the SDK's own client over stdio. Reports
// start-up plus initialize, and p50/p99 of claim_task, release_task and next_task once the
// server runs. Targets (issue #14): claim p50 under 5 ms at 1,000 tasks, under 20 ms at 10,000.

import { spawnSync } from "node:child_process";
import { closeSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { generateLedgers } from "./gen-ledger.mjs";

const CLI = fileURLToPath(new URL("../bin/taskgate.cjs", import.meta.url));
const TARGETS = { 1000: 5, 10000: 20 };

const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/** Returns { rows, failed }; prints nothing. */
export async function benchMcp({ sizes = [1000, 10000], runs = 100, warmup = 10 } = {}) {
  // Without NODE_EXTRA_CA_CERTS, as bench.mjs runs every process (issue #21).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("TASKGATE_") && k !== "NODE_EXTRA_CA_CERTS"),
  );
  env.NO_COLOR = "1";
  const rows = [];
  let failed = 0;
  for (const size of sizes) {
    const { tasks, approvals, readyIds } = generateLedgers(size, { seed: size });
    const dir = mkdtempSync(join(os.tmpdir(), "taskgate-bench-mcp-"));
    try {
      spawnSync("git", ["init", "-q"], { cwd: dir });
      writeFileSync(join(dir, "TASKS.md"), tasks);
      writeFileSync(join(dir, "APPROVALS.md"), approvals);
      const nodeStart = [];
      for (let i = 0; i < 5; i++) {
        const t = process.hrtime.bigint();
        spawnSync(process.execPath, ["-e", "0"]);
        nodeStart.push(ms(t));
      }
      const t0 = process.hrtime.bigint();
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [
          ...(process.env.BENCH_MCP_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_MCP_PROF] : []),
          CLI,
          "--dir",
          dir,
          "--as",
          "alice",
          "mcp",
        ],
        env,
        stderr: "ignore",
      });
      const client = new Client({ name: "taskgate-bench", version: "1.0.0" });
      await client.connect(transport);
      const startup = ms(t0);
      await client.listTools();
      const times = { claim: [], release: [], next: [] };
      const call = async (name, args) => {
        const t = process.hrtime.bigint();
        const r = await client.callTool({ name, arguments: args });
        const took = ms(t);
        if (r.isError) throw new Error(`${name} ${JSON.stringify(args)}: ${r.content[0].text}`);
        return took;
      };
      for (let i = 0; i < warmup + runs; i++) {
        const id = readyIds[i % readyIds.length];
        const c = await call("claim_task", { id });
        const r = await call("release_task", { id });
        const n = await call("next_task", {});
        if (i >= warmup) {
          times.claim.push(c);
          times.release.push(r);
          times.next.push(n);
        }
      }
      await client.close();
      const node = pct(nodeStart, 0.5);
      rows.push({ size, name: "start-up + initialize", p50: startup, p99: startup, node });
      // What any durable write of this ledger costs on this disk now: a claim writes it once.
      const disk = diskFloor(dir, Buffer.byteLength(tasks), 30);
      rows.push({ size, name: "disk: durable write", p50: pct(disk, 0.5), p99: pct(disk, 0.99) });
      for (const [name, xs] of Object.entries(times)) {
        const target = name === "claim" ? TARGETS[size] : undefined;
        const ok = target === undefined || pct(xs, 0.5) < target;
        if (!ok) failed++;
        rows.push({ size, name, p50: pct(xs, 0.5), p99: pct(xs, 0.99), target, ok });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { rows, failed };
}

/** Times of a temp file of `bytes` written, fsynced, renamed and its folder fsynced, as the store writes. */
function diskFloor(dir, bytes, n) {
  const data = Buffer.alloc(bytes, 97);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const fd = openSync(join(dir, "floor.tmp"), "w");
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(join(dir, "floor.tmp"), join(dir, "floor"));
    const d = openSync(dir, "r");
    fsyncSync(d);
    closeSync(d);
    times.push(ms(t));
  }
  return times;
}

export function printMcp({ rows }) {
  console.log("\ntaskgate mcp (SDK client over stdio, after start-up):");
  for (const r of rows) {
    const extra =
      r.node !== undefined
        ? `(node -e 0: ${r.node.toFixed(1)} ms)`
        : r.target === undefined
          ? "report"
          : `target p50 <${r.target} ms  ${r.ok ? "PASS" : "FAIL"}`;
    console.log(
      `  ${String(r.size).padEnd(6)} ${r.name.padEnd(22)} p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  ${extra}`,
    );
  }
}
