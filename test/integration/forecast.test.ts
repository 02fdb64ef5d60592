// Phases and forecast on a board made by real commands at chosen times (TASKGATE_NOW): check
// reports an unknown phase and a bad due date with file:line; status, list --phase, board,
// report and metrics --prom show the phases; forecast gives dates, or the sentence, and the
// same answer for the same seed.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { read, runCli } from "../support/cli.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 0, 1, 9);
const at = (days: number) => ({ TASKGATE_NOW: new Date(T0 + days * DAY).toISOString() });
const NOW = at(13);
let dir: string;

const cli = (args: string[], env: Record<string, string> = NOW) => runCli(args, { cwd: dir, env });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "taskgate-forecast-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: dir });
  expect((await cli(["init"], at(0))).code).toBe(0);
  for (let n = 1; n <= 20; n++) expect((await cli(["add", "--ready", `Task ${n}`], at(0))).code).toBe(0);
  // One automation task done a day, for 12 days.
  for (let n = 1; n <= 12; n++) expect((await cli(["cancel", `T-${n}`], at(n))).code).toBe(0);
  // By hand: the phases, and T-1..T-16 in automation, T-17..T-20 in docs; T-14 blocked, T-15 waits on T-16.
  let text = read(dir, "TASKS.md").replace(
    "## Schedules\n",
    "## Schedules\n\n## Phases\n- automation: 2027-01-31 Automate the nightly runs\n- docs:\n",
  );
  text = text.replace(/## T-(\d+) (.*)\n- state: (\w+)\n/g, (_m, n, title, state) => {
    const phase = Number(n) <= 16 ? "automation" : "docs";
    const extra = n === "14" ? "- blocked: waiting for keys\n" : n === "15" ? "- depends: T-16\n" : "";
    return `## T-${n} ${title}\n- state: ${state}\n- phase: ${phase}\n${extra}`;
  });
  writeFileSync(join(dir, "TASKS.md"), text);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("phases", () => {
  it("check passes the board, and reports an unknown phase and a bad due date with file:line", async () => {
    expect((await cli(["check"])).code).toBe(0);
    const good = read(dir, "TASKS.md");
    try {
      const bad = good
        .replace("- automation: 2027-01-31", "- automation: 2027-02-30")
        .replace(/(## T-20 .*\n- state: \w+\n)- phase: docs/, "$1- phase: dox");
      writeFileSync(join(dir, "TASKS.md"), bad);
      const r = await cli(["check"]);
      expect(r.code).toBe(3);
      const lines = bad.split("\n");
      const dueLine = lines.findIndex((l) => l.startsWith("- automation: ")) + 1;
      const phaseLine = lines.indexOf("- phase: dox") + 1;
      expect(r.stdout + r.stderr).toContain(
        `TASKS.md:${dueLine}:15: error: Expected phase automation's due time as a date (2026-12-20) or a UTC time (2026-12-20T18:00:00Z), found "2027-02-30"`,
      );
      expect(r.stdout + r.stderr).toContain(
        `TASKS.md:${phaseLine}:3: error: T-20 is in phase "dox", which the Phases section does not name (phases: automation, docs)`,
      );
      // forecast still answers, and says on stderr that the ledgers have errors.
      const f = await cli(["forecast"]);
      expect(f.code).toBe(0);
      expect(f.stderr).toMatch(/^taskgate: 2 errors in the ledgers, so what is shown may be wrong/);
    } finally {
      writeFileSync(join(dir, "TASKS.md"), good);
    }
  });

  it("status, list --phase and board show each phase's progress and what blocks it", async () => {
    const s = await cli(["status"]);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain(
      "phase automation: 12 of 16 done, due 2027-02-01T00:00:00Z; blocked: T-14 (waiting for keys); waiting: T-15 on T-16",
    );
    expect(s.stdout).toContain("phase docs: 0 of 4 done");
    const j = JSON.parse((await cli(["status", "--json"])).stdout);
    expect(j.phases[0]).toMatchObject({
      name: "automation",
      due: "2027-02-01T00:00:00Z",
      description: "Automate the nightly runs",
      total: 16,
      done: 12,
      blocked: [{ id: "T-14", reason: "waiting for keys" }],
      waiting: [{ id: "T-15", on: ["T-16"] }],
    });
    const list = JSON.parse((await cli(["list", "--phase", "docs", "--json"])).stdout);
    expect(list.tasks.map((t: { id: string }) => t.id)).toEqual(["T-17", "T-18", "T-19", "T-20"]);
    const board = await cli(["board", "--json"]);
    expect(JSON.parse(board.stdout).phases.map((p: { name: string; done: number }) => [p.name, p.done])).toEqual([
      ["automation", 12],
      ["docs", 0],
    ]);
    expect((await cli(["board", "--width", "100"])).stdout).toContain("phase docs: 0 of 4 done");
  });
});

describe("forecast", () => {
  it("gives dates at 50/85/95% and the chance of meeting the due time, or says why it cannot", async () => {
    const r = await cli(["forecast"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Whole board: 8 tasks not done");
    expect(r.stdout).toMatch(/Phase automation: 12 of 16 done[^\n]*\n {2}history: 12 done in the last 13 days/);
    expect(r.stdout).toMatch(
      /done by: 2027-01-\d\d \(50%\), 2027-01-\d\d \(85%\), 2027-0\d-\d\d \(95%\); chance of meeting the due time: \d+%/,
    );
    expect(r.stdout).toContain(
      "Cannot forecast: no task was done in the last 13 days, so there is no rate to project 4 remaining tasks from.",
    );
    const j = JSON.parse((await cli(["forecast", "--phase", "automation", "--json"])).stdout);
    expect(j.scopes).toHaveLength(1);
    const f = j.scopes[0].forecast;
    expect(f.kind).toBe("forecast");
    expect(f.trials).toBe(10000);
    expect(f.remaining).toBe(4);
    expect(Date.parse(f.p50)).toBeLessThanOrEqual(Date.parse(f.p85));
    expect(Date.parse(f.p85)).toBeLessThanOrEqual(Date.parse(f.p95));
    expect(f.onTime).toBeGreaterThan(0.9);
  });

  it("gives the same output for the same seed, and refuses an unknown phase or seed", async () => {
    const a = await cli(["forecast", "--seed", "42", "--json"]);
    const b = await cli(["forecast", "--seed", "42", "--json"]);
    expect(a.stdout).toBe(b.stdout);
    const c = await cli(["forecast", "--phase", "nope"]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('There is no phase "nope" in TASKS.md (phases: automation, docs)');
    expect((await cli(["forecast", "--seed", "x"])).code).toBe(2);
  });

  it("with too little history says so, not a date", async () => {
    const r = await cli(["forecast", "--phase", "automation"], at(4));
    expect(r.stdout).toContain(
      "Cannot forecast: only 3 tasks done in the last 4 days, fewer than the 10 needed; with so few, one task more or less moves the rate by a tenth or more, so any date would be a guess.",
    );
    expect(r.stdout).not.toMatch(/done by:/);
  });

  it("puts a chart per phase with its due time in the report, and the 85% date and on-time share in --prom", async () => {
    const html = join(dir, "report.html");
    const prom = join(dir, "taskgate.prom");
    expect((await cli(["report", "--html", html])).code).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<figcaption>Forecast: automation</figcaption>");
    expect(page).toMatch(/<line class="due"[^>]*\/><text[^>]*class="due-t">due 01-31<\/text>/);
    expect(page).toContain("T-14 blocked: waiting for keys");
    expect((await cli(["metrics", "--prom", prom])).code).toBe(0);
    const text = readFileSync(prom, "utf8");
    expect(text).toMatch(/^taskgate_forecast_p85_timestamp_seconds\{phase="automation"\} \d+$/m);
    expect(text).toMatch(/^taskgate_forecast_on_time_ratio\{phase="automation"\} (1|0\.\d+)$/m);
    expect(text).not.toMatch(/taskgate_forecast_p85_timestamp_seconds\{phase="docs"\}/);
  });
});
