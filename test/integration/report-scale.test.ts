// board and report --html at 300 tasks: the DONE column shows recent work and counts the rest,
// and the report's charts, drawn by headless Chromium, have no label cut off by the picture's
// border, no two labels over each other, no label over a bar or a dot, and no tick label
// twice on an axis. A screenshot is kept in test-output/report-300.png.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { findChromium, openPage } from "../support/chromium.js";
import { makeRepo, runCli } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

const NOW = { TASKGATE_NOW: "2025-01-26T10:00:00Z" };

/** Everything wrong with the charts' geometry, as Chromium laid them out. */
const GEOMETRY = `(() => {
  const problems = [];
  const meets = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const svg of document.querySelectorAll("svg")) {
    const name = svg.closest("figure")?.querySelector("figcaption")?.textContent ?? "?";
    const vb = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll("text")].map((t) => ({ t, s: t.textContent, b: t.getBBox() }));
    for (const { s, b } of texts)
      if (b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width || b.y + b.height > vb.y + vb.height)
        problems.push(name + ': "' + s + '" cut off');
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (meets(texts[i].b, texts[j].b)) problems.push(name + ': "' + texts[i].s + '" over "' + texts[j].s + '"');
    const marks = [...svg.querySelectorAll("circle, rect")].map((m) => m.getBBox()).filter((b) => b.width * b.height > 0);
    for (const { s, b } of texts) if (marks.some((m) => meets(b, m))) problems.push(name + ': "' + s + '" over the data');
    const ticks = [...svg.querySelectorAll("text.ytick")].map((t) => t.textContent);
    if (new Set(ticks).size !== ticks.length) problems.push(name + ": ticks " + ticks.join(", "));
  }
  return problems;
})()`;

describe("board and report at 300 tasks", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "taskgate-scale-"));
    execFileSync("git", ["init", "-q"], { cwd: dir });
    execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: dir });
    // 300 tasks over 25 days (217 DONE, each with a failed attempt first), as the bench makes them.
    const g = generateLedgers(300, { seed: 1, history: 1, createdEvery: 2 * 3_600_000 } as never);
    writeFileSync(join(dir, "TASKS.md"), g.tasks);
    writeFileSync(join(dir, "APPROVALS.md"), g.approvals);
    // Decided requests waiting from 2h to 12h, and two still pending.
    for (let i = 1; i <= 6; i++) {
      const day = String(1 + i * 3).padStart(2, "0");
      const at = (h: number) => ({ TASKGATE_NOW: `2025-01-${day}T${String(h).padStart(2, "0")}:00:00Z` });
      expect(
        (await runCli(["--as", "bob", "approval", "request", `release-${i}`], { cwd: dir, env: at(10) })).code,
      ).toBe(0);
      expect((await runCli(["--as", "alice", "approve", `A-${i}`], { cwd: dir, env: at(10 + 2 * i) })).code).toBe(0);
    }
    for (const h of ["07", "08"]) {
      const env = { TASKGATE_NOW: `2025-01-25T${h}:00:00Z` };
      expect((await runCli(["--as", "bob", "approval", "request", `hotfix-${h}`], { cwd: dir, env })).code).toBe(0);
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("board: DONE shows the 10 most recent and counts the rest; the other columns set the height", async () => {
    const r = await runCli(["board", "--width", "120"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const col = lines[0]?.indexOf("DONE") as number;
    expect(lines[0]).toMatch(/DONE \(217\)$/);
    const done = lines
      .slice(2)
      .map((l) => l.slice(col).trim())
      .filter(Boolean);
    // The 10 last accepted (T-289 ... T-300 here, by their accept lines), then the count.
    expect(done).toHaveLength(11);
    expect(done.at(-1)).toBe("… 207 earlier");
    expect(done.slice(0, 10).every((l) => /^T-(29\d|300|28\d) /.test(l))).toBe(true);
    expect(lines.length).toBe(2 + 42); // READY's 42 tasks are the longest column now, not DONE's 217
    const all = await runCli(["board", "--width", "120", "--done", "500"], { cwd: dir, env: NOW });
    expect(all.stdout.trimEnd().split("\n").length).toBe(2 + 217);
  });

  it("report --html: DONE cut to 20 with the count, charts with nothing cut off or covered (Chromium)", async () => {
    const chromium = findChromium();
    expect(chromium, "Debian's chromium is needed for this test: apt-get install chromium").toBeDefined();
    const page = join(dir, "report.html");
    const r = await runCli(["report", "--html", page, "--since", "30d"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    expect(readFileSync(page, "utf8")).toContain("and 197 done earlier");
    const shots = join(ROOT, "test-output");
    mkdirSync(shots, { recursive: true });
    const shot = join(shots, "report-300.png");
    const result = await openPage(chromium as string, `file://${page}`, {
      screenshot: shot,
      width: 1280,
      height: 2400,
      evaluate: [
        GEOMETRY,
        "[...document.querySelectorAll('.col')].map((c) => c.querySelectorAll('li').length)",
        "document.querySelector('.col:last-child h3').textContent",
        "document.querySelector('.col:last-child li:last-child').textContent",
        "document.querySelectorAll('svg').length",
      ],
    });
    expect(result.errors).toEqual([]);
    const [problems, perColumn, doneHead, doneLast, charts] = result.values;
    expect(problems).toEqual([]);
    expect(perColumn).toEqual([26, 42, 0, 15, 21]);
    expect(doneHead).toBe("DONE 217");
    expect(doneLast).toBe("and 197 done earlier");
    expect(charts).toBe(3);
    expect(statSync(shot).size).toBeGreaterThan(50_000);
  }, 60_000);

  it("a small board: one task done, one long approval wait: ticks once each, nothing cut off", async () => {
    const chromium = findChromium();
    const small = await makeRepo(["bob: WORK", "carol: WORK, AUDIT"]);
    const at = (iso: string) => ({ TASKGATE_NOW: iso });
    for (const [args, when] of [
      [["add", "--ready", "Only task"], "2026-11-20T09:00:00Z"],
      [["--as", "bob", "claim", "T-1"], "2026-11-20T09:01:00Z"],
      [["--as", "bob", "submit", "T-1"], "2026-11-20T09:02:00Z"],
      [["--as", "bob", "approval", "request", "T-1"], "2026-11-20T09:03:00Z"],
      [["--as", "carol", "approve", "A-1"], "2026-11-21T21:40:00Z"],
      [["--as", "carol", "accept", "T-1"], "2026-11-21T21:41:00Z"],
    ] as const)
      expect((await runCli(args, { cwd: small, env: at(when) })).code).toBe(0);
    const page = join(small, "report.html");
    expect((await runCli(["report", "--html", page], { cwd: small, env: at("2026-11-24T09:00:00Z") })).code).toBe(0);
    const result = await openPage(chromium as string, `file://${page}`, {
      evaluate: [GEOMETRY, "[...document.querySelectorAll('svg')][0].querySelectorAll('text.ytick').length"],
    });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual([[], 2]); // throughput: 0 and 1, not "1, 1, 0"
  }, 60_000);

  it("the geometry check does find a cut-off label, labels over each other and a repeated tick", async () => {
    const chromium = findChromium();
    const bad = join(dir, "bad.html");
    writeFileSync(
      bad,
      `<!doctype html><figure><figcaption>Bad</figcaption><svg viewBox="0 0 200 100" width="200" height="100">
<text class="ytick" x="2" y="20" text-anchor="end">12h 30m</text><text class="ytick" x="100" y="50">1</text>
<text class="ytick" x="104" y="52">1</text><rect class="bar" x="150" y="40" width="20" height="40"/><text x="152" y="60">85%</text></svg></figure>`,
    );
    const result = await openPage(chromium as string, `file://${bad}`, { evaluate: [GEOMETRY] });
    const found = (result.values[0] as string[]).join("\n");
    expect(found).toMatch(/"12h 30m" cut off/);
    expect(found).toMatch(/"1" over "1"/);
    expect(found).toMatch(/"85%" over the data/);
    expect(found).toMatch(/ticks 12h 30m, 1, 1/);
  }, 60_000);
});
