// Issue #20's fuzz run as a test: seeded, generated hostile and mutated ledgers (deep nesting,
// giant lines, runs of brackets, emphasis and HTML, edited and broken log lines, random edits
// of characters and lines), each driven through the use cases the CLI runs (status, list,
// check, set, add, claim) in this process through the real store and files, and a sample of
// them through the real CLI in child processes. It asserts: no command past a time bound;
// no write on a ledger that check rejects (every write exits 3 there and changes no byte);
// every diagnostic positioned in its file; a write on a ledger check accepts leaves it
// accepted. TASKGATE_FUZZ_CASES=5000 runs a longer campaign (TASKGATE_FUZZ_SEED picks another).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plainApprovals } from "../../scripts/gen-hostile.mjs";
import { addTask } from "../../src/app/add.js";
import { checkLedgers } from "../../src/app/check.js";
import type { Context } from "../../src/app/context.js";
import { TaskgateError } from "../../src/app/errors.js";
import { setFields } from "../../src/app/set.js";
import { transition } from "../../src/app/transition.js";
import { listView, statusView } from "../../src/app/views.js";
import { sha256Hex } from "../../src/io/hash.js";
import { nodePorts } from "../../src/io/ports.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { seededRandom } from "../../src/rules/forecast.js";
import { baseEnv } from "../support/cli.js";
import { CLI } from "../support/paths.js";

const CASES = Number(process.env.TASKGATE_FUZZ_CASES ?? 300);
const SEED = Number(process.env.TASKGATE_FUZZ_SEED ?? 20);
/** Every how many cases one also goes through the CLI in child processes. */
const PROCESS_EVERY = 20;
/** No command may take longer (in this process; the CLI gets more for its start-up). */
const BOUND_MS = 5_000;
const CLI_BOUND_MS = 15_000;
/**
 * check --strict runs remark, which is quadratic on long lists (a log of thousands of lines,
 * or a field list of 4,000 lines as the fuzz makes: 1.1 s here, ten times that on a loaded
 * machine), on normal ledgers as on hostile ones; its bound only proves it ends.
 */
const STRICT_BOUND_MS = 60_000;

/** mulberry32 (the forecast's generator): the same cases for the same seed. */
const rng = seededRandom;
type Rand = ReturnType<typeof rng>;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
function chained(bodies: string[]): string[] {
  let previous = "";
  return bodies.map((body) => {
    previous = sha256Hex(`${previous}\n${body}`).slice(0, 12);
    return `- ${body} ~ ${previous}`;
  });
}

/** A small valid board: policy, a few tasks (T-1 and T-2 READY), a chained log. */
function baseTasks(r: Rand): string {
  const t0 = Date.UTC(2026, 0, 1, 8);
  const n = 3 + int(r, 5);
  const lines = ["# Tasks", "", "Some text before the sections.", "", "## Policy", "- lease: 30m", ""];
  const bodies = [`${iso(t0)} alice CMD init TASKS.md`];
  for (let i = 1; i <= n; i++) {
    const state = i <= 2 ? "READY" : pick(r, ["PLAN", "READY", "REVIEW"]);
    lines.push(`## T-${i} Task number ${i}`, `- state: ${state}`, `- priority: P${int(r, 4)}`, "");
    if (r() < 0.5) lines.push(`Notes for *task* ${i}: see [the doc](http://x/${i}).`, "");
    bodies.push(`${iso(t0 + i * 60_000)} alice CMD add T-${i} title="Task number ${i}" state=${state}`);
  }
  lines.push("## Log", ...chained(bodies), "");
  return lines.join("\n");
}

/** Pathological Markdown of about `size` characters. */
const HOSTILE: Record<string, (r: Rand, size: number) => string> = {
  nesting: (_r, size) => {
    const out: string[] = [];
    for (let i = 0, len = 0; len < size; i++) {
      const l = `${" ".repeat(2 * i)}- x`;
      out.push(l);
      len += l.length + 1;
    }
    return out.join("\n");
  },
  compactNesting: (r, size) => `${pick(r, ["- ", "> ", "1. ", "* > "]).repeat(Math.max(8, size >> 2))}x`,
  giantLine: (r, size) => pick(r, ["word ", "a", "@", "[", "*", "<", "`", "\\"]).repeat(size),
  brackets: (_r, size) => `${"[".repeat(size >> 1)}a${"](".repeat(size >> 2)}`,
  emphasis: (_r, size) => "*a_**_".repeat(size / 6),
  html: (_r, size) => `<div ${"a=b ".repeat(size >> 3)}\n${"<!-- ".repeat(size >> 4)}`,
  fences: (_r, size) => "```\n~~~\n".repeat(size >> 3),
  fields: (_r, size) => Array.from({ length: size >> 4 }, (_, i) => `- k${i % 50}: v`).join("\n"),
};

/** One random edit of the text; some aim at the log, some at field lines. */
function mutate(r: Rand, text: string): string {
  const lines = text.split("\n");
  const at = int(r, lines.length);
  const logStart = lines.indexOf("## Log");
  const logLine =
    logStart >= 0 && logStart + 1 < lines.length ? logStart + 1 + int(r, lines.length - logStart - 1) : at;
  switch (int(r, 12)) {
    case 0:
    case 1: {
      const kind = pick(r, Object.keys(HOSTILE));
      const size = pick(r, [64, 1_000, 20_000, 120_000]);
      lines.splice(at, 0, (HOSTILE[kind] as (r: Rand, n: number) => string)(r, size));
      return lines.join("\n");
    }
    case 2: {
      // A giant value in a field line (what the codecs read).
      const field = pick(r, ["lease", "labels", "depends", "assignee", "created", "state", "blocked"]);
      lines.splice(at, 0, `- ${field}: ${pick(r, ["a@", "T-1, ", "x", "2026-"]).repeat(20_000)}`);
      return lines.join("\n");
    }
    case 3: {
      // A log line's body or hash edited by one character.
      const l = lines[logLine] ?? "";
      const p = int(r, Math.max(1, l.length));
      lines[logLine] = l.slice(0, p) + pick(r, ["x", "0", " ", '"', "=", "~"]) + l.slice(p + 1);
      return lines.join("\n");
    }
    case 4:
      lines[logLine] = (lines[logLine] ?? "").replace(/Z /, pick(r, ["+01:00 ", " ", "z ", ".5Z "]));
      return lines.join("\n");
    case 5:
      lines.splice(logLine, pick(r, [0, 1]), pick(r, ["- not a log line", "-", "* 2026 a b c d ~ 0123456789ab", ""]));
      return lines.join("\n");
    case 6:
      lines.splice(at, 1);
      return lines.join("\n");
    case 7:
      lines.splice(at, 0, lines[int(r, lines.length)] ?? "");
      return lines.join("\n");
    default: {
      // Characters inserted, deleted or replaced anywhere.
      const p = int(r, text.length + 1);
      const ch = pick(r, [
        "#",
        "-",
        " ",
        "  ",
        ">",
        "`",
        "```",
        "<",
        "\t",
        "*",
        "[",
        "\r",
        "\n",
        "~",
        "=",
        ":",
        "é",
        "\u2028",
      ]);
      const del = pick(r, [0, 0, 1, 5]);
      return text.slice(0, p) + ch + text.slice(p + del);
    }
  }
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Ledgers {
  readonly tasks: string;
  readonly approvals: string;
}

function makeCase(r: Rand): Ledgers {
  let tasks = baseTasks(r);
  let approvals = plainApprovals();
  for (let k = 1 + int(r, 3); k > 0; k--) {
    if (r() < 0.75) tasks = mutate(r, tasks);
    else approvals = mutate(r, approvals);
  }
  return { tasks, approvals };
}

/** What is wrong with a diagnostic's position in its file (line counts by file name), or undefined. */
function misplaced(d: Diagnostic, lineCounts: Record<string, number>): string | undefined {
  const lines = lineCounts[d.file];
  if (lines === undefined) return `names no ledger: ${d.file}`;
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) return `line ${d.line} of ${lines}`;
  if (!Number.isInteger(d.column) || d.column < 1) return `column ${d.column}`;
  return undefined;
}

const lineCount = (text: string) => {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

/** The slowest command seen, reported at the end. */
const slowest = { ms: 0, what: "" };

async function timed<T>(what: string, f: () => T | Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    return { value: await f() };
  } catch (error) {
    return { error };
  } finally {
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, what });
    if (ms >= BOUND_MS) expect.fail(`${what} took ${Math.round(ms)} ms (bound ${BOUND_MS} ms)`);
  }
}

/** Only taskgate's own errors (with an exit code) may come out; anything else is a bug. */
function expectNoBug(what: string, error: unknown): void {
  if (error !== undefined && !(error instanceof TaskgateError)) {
    throw new Error(`${what} failed with an internal error: ${(error as Error).stack ?? error}`);
  }
}

describe(`fuzz: ${CASES} seeded hostile and mutated ledgers (seed ${SEED})`, () => {
  it(
    "no command past the time bound, no write on a rejected ledger, every error positioned",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "taskgate-fuzz-"));
      made.push(dir);
      execFileSync("git", ["init", "-q"], { cwd: dir });
      const tasksPath = join(dir, "TASKS.md");
      const approvalsPath = join(dir, "APPROVALS.md");
      const paths = {
        tasks: tasksPath,
        approvals: approvalsPath,
        tasksDisplay: "TASKS.md",
        approvalsDisplay: "APPROVALS.md",
      };
      const r = rng(SEED);
      const campaign = performance.now();
      let rejected = 0;
      let wrote = 0;
      for (let c = 0; c < CASES; c++) {
        const { tasks, approvals } = makeCase(r);
        writeFileSync(tasksPath, tasks);
        writeFileSync(approvalsPath, approvals);
        const label = `case ${c} (seed ${SEED})`;
        const ctx: Context = {
          paths,
          now: Date.UTC(2026, 5, 1),
          ports: nodePorts({ as: "alice", env: { TASKGATE_NO_MEMO: "1" }, tasksPath }),
        };
        const lineCounts = { "TASKS.md": lineCount(tasks), "APPROVALS.md": lineCount(approvals) };
        const checked = await timed(`${label} check`, () => checkLedgers(ctx));
        expectNoBug(`${label} check`, checked.error);
        const diagnostics = checked.value?.diagnostics ?? [];
        const unplaced = diagnostics.filter((d) => misplaced(d, lineCounts) !== undefined);
        expect(unplaced, `${label}: diagnostics without a place in their file`).toEqual([]);
        const invalid = diagnostics.some((d) => d.severity === "error");
        if (invalid) rejected++;
        expectNoBug(`${label} status`, (await timed(`${label} status`, () => statusView(ctx))).error);
        expectNoBug(`${label} list`, (await timed(`${label} list`, () => listView(ctx, {}))).error);

        const writes: [string, () => Promise<unknown>][] = [
          ["set", () => setFields(ctx, "T-1", [["priority", "P0"]])],
          ["add", () => addTask(ctx, { title: "Fuzzed" })],
          ["claim", () => transition(ctx, { action: "claim", id: "T-2" })],
        ];
        for (const [name, write] of writes) {
          const before = Buffer.concat([readFileSync(tasksPath), readFileSync(approvalsPath)]);
          const result = await timed(`${label} ${name}`, write);
          expectNoBug(`${label} ${name}`, result.error);
          const after = Buffer.concat([readFileSync(tasksPath), readFileSync(approvalsPath)]);
          if (invalid) {
            expect(after.equals(before), `${label}: ${name} wrote on a ledger check rejects`).toBe(true);
            // Refused: 3 (the ledger's errors), or 1 when a rule refused first (a mutation that
            // took alice's role is checked before TASKS.md is read under the lock).
            const code = (result.error as TaskgateError | undefined)?.exitCode;
            expect([1, 3], `${label} ${name}: ${(result.error as Error | undefined)?.message}`).toContain(code);
          } else if (!after.equals(before)) {
            wrote++;
            const again = await checkLedgers(ctx);
            const errors = again.diagnostics.filter((d) => d.severity === "error");
            expect(errors, `${label}: ${name} left an error behind`).toEqual([]);
          }
        }

        if (c % PROCESS_EVERY === 0) {
          // The same case through the real CLI.
          writeFileSync(tasksPath, tasks);
          writeFileSync(approvalsPath, approvals);
          for (const args of [["check"], ["check", "--strict"], ["status"], ["set", "T-1", "priority=P0"]]) {
            const before = Buffer.concat([readFileSync(tasksPath), readFileSync(approvalsPath)]);
            const bound = args[1] === "--strict" ? STRICT_BOUND_MS : CLI_BOUND_MS;
            const started = Date.now();
            const run = spawnSync(process.execPath, [CLI, "--dir", dir, "--as", "alice", ...args], {
              env: baseEnv({ TASKGATE_NO_MEMO: "1" }),
              encoding: "utf8",
              timeout: bound,
              // Thousands of warnings are more than spawnSync's 1 MB, past which it kills the child.
              maxBuffer: 256 * 1024 * 1024,
            });
            expect(Date.now() - started, `${label} CLI ${args.join(" ")}`).toBeLessThan(bound);
            expect(run.signal, `${label} CLI ${args.join(" ")}`).toBeNull();
            expect(run.status, `${label} CLI ${args[0]}: ${run.stderr}`).not.toBe(70);
            if (args[0] === "check") {
              // --strict may add errors of its own (remark disagrees, or the file is past its bound).
              if (args[1] !== "--strict" || invalid)
                expect(run.status, `${label}: ${run.stdout}`).toBe(invalid ? 3 : 0);
              for (const line of run.stdout.split("\n").filter((l) => l.includes(": error: ")))
                expect(line, label).toMatch(/^\S*(TASKS|APPROVALS)\.md:\d+:\d+: error: /);
            }
            if (invalid && args[0] === "set") {
              expect([1, 3], `${label}: ${run.stderr}`).toContain(run.status);
              const after = Buffer.concat([readFileSync(tasksPath), readFileSync(approvalsPath)]);
              expect(after.equals(before), `${label}: CLI set wrote on a ledger check rejects`).toBe(true);
            }
          }
        }
      }
      console.log(
        `fuzz: ${Math.round(performance.now() - campaign)} ms in all; ${CASES} cases, ${rejected} rejected by check, ${wrote} writes made; slowest ${slowest.what} ${Math.round(slowest.ms)} ms`,
      );
      // The campaign exercised both sides: ledgers check rejects and ledgers that took writes.
      expect(rejected).toBeGreaterThan(CASES / 4);
      expect(wrote).toBeGreaterThan(0);
    },
    Math.max(120_000, CASES * 1_000),
  );
});
