// metrics, board and report on a board made by real commands: the Prometheus file is
// replaced atomically, the board fits the width asked for, and the HTML report renders in
// Debian's headless Chromium with no console error (a screenshot is kept in test-output/); and
// the log memo gives the answers the log gives, after appends, edits and other Roles.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findChromium, openPage } from "../support/chromium.js";
import { makeRepo, read, runCli } from "../support/cli.js";
import { ROOT } from "../support/paths.js";

let dir: string;

beforeAll(async () => {
  dir = await makeRepo(["bob: WORK", "agent-1: WORK (automation)"]);
  writeFileSync(
    join(dir, "TASKS.md"),
    read(dir, "TASKS.md").replace("- approval-sla: 24h", "- approval-sla: 24h\n- goal-automation: 50%"),
  );
  for (const t of ["Write docs", "Fix <b>the</b> bug & ship", "Rotate keys", "Clean up"]) {
    expect((await runCli(["add", "--ready", t], { cwd: dir })).code).toBe(0);
  }
  const node = process.execPath;
  await runCli(["--as", "agent-1", "run", "T-1", "--", node, "-e", "0"], { cwd: dir });
  await runCli(["--as", "agent-1", "run", "T-2", "--", node, "-e", "process.exit(2)"], { cwd: dir });
  await runCli(["--as", "bob", "claim", "T-3"], { cwd: dir });
  await runCli(["accept", "T-1"], { cwd: dir });
}, 60_000);

describe("metrics", () => {
  it("prints the measures as a table, and as JSON", async () => {
    const r = await runCli(["metrics"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Period \S+Z \.\. \S+Z \(days in UTC\)\n/);
    // Steps: each add plans and makes ready (8, alice's); runs: T-1 and T-2 agent-1's, T-3
    // bob's claim; T-1 handed in by agent-1 and accepted by alice. agent-1 holds WORK and
    // taskgate-watch AUDIT, so the runs, the hand-in and the review are automatable: 3 of 5.
    expect(r.stdout).toContain("automation rate        23.1%  (3 of 13 steps taken by automation)");
    expect(r.stdout).toContain("automatable automated  60%  (3 of 5 steps automation may take)");
    expect(r.stdout).toContain("failures               1 (0 expired leases, 1 failed runs)");
    expect(r.stdout).toContain("per task               0%  (0 of 1 tasks with a failure recovered by themselves)");
    expect(r.stdout).toMatch(/automatable automated\s+goal 50%\s+actual 60%\s+met/);
    const j = await runCli(["metrics", "--json", "--since", "1d"], { cwd: dir });
    const doc = JSON.parse(j.stdout);
    expect(doc).toMatchObject({
      schema: "taskgate.metrics",
      timeZone: "UTC",
      automation: { steps: 13, automated: 3, automatable: 5, automatableAutomated: 3 },
    });
    // The days: yesterday (partial: the period began a day ago) and today, so far.
    expect(doc.days.map((d: { partial: boolean }) => d.partial)).toEqual([true, true]);
    expect(doc.automation.daily.at(-1).date).toBe(new Date().toISOString().slice(0, 10));
    expect(doc.automation.daily.reduce((a: number, d: { steps: number }) => a + d.steps, 0)).toBe(13);
  });

  it("prints the table in Japanese under LANG=ja_JP.UTF-8, its values in one column by display width; JSON and --prom as under LANG=C", async () => {
    const ja = await runCli(["metrics"], { cwd: dir, env: { LANG: "ja_JP.UTF-8" } });
    const c = await runCli(["metrics"], { cwd: dir, env: { LANG: "C" } });
    expect([ja.code, c.code]).toEqual([0, 0]);
    expect(c.stdout).toContain("automation rate        23.1%  (3 of 13 steps taken by automation)");
    expect(ja.stdout).toMatch(/^期間 \S+Z \.\. \S+Z（日の区切りは UTC）\n/);
    expect(ja.stdout).toContain("自動化（作業のステップ、誰が行ったか）\n");
    expect(ja.stdout).toContain("（13 ステップ中 3 を自動化が実行）");
    expect(ja.stdout).toContain("1（期限切れのリース 0 件、失敗した実行 1 件）");
    expect(ja.stdout).toMatch(/自動化可能分の自動化率\s+目標 50%\s+実績 60%\s+達成/);
    expect(ja.stdout).not.toMatch(/automation rate|steps taken|Approval wait|lead time/);
    // Every row of the table (two spaces, a label, its value) has its value at display column
    // 25, counted here with a width table of our own: CJK and fullwidth forms take two columns.
    const cols = (s: string) =>
      [...s].reduce((n, ch) => n + (/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const labels = ["自動化率", "自動化可能分の自動化率", "全体", "中央値の変化", "失敗", "タスクごと", "デッドレター"];
    labels.push("重なった実行", "実行中に失った claim", "完了", "READY の滞在時間", "未完了の作業の経過時間");
    for (const label of labels) {
      const line = ja.stdout.split("\n").find((l) => l.startsWith(`  ${label} `));
      expect(line, label).toBeDefined();
      const value = (line as string).slice(2 + label.length).trimStart();
      expect(cols((line as string).slice(0, -value.length)), line).toBe(25);
    }
    // Never translated: the JSON document and the Prometheus file.
    const since = ["--since", "2020-01-01", "--until", "2030-01-01"];
    const at = { TASKGATE_NOW: "2029-01-01T00:00:00Z" }; // the ages of open tasks depend on it
    const jsonJa = await runCli(["metrics", "--json", ...since], { cwd: dir, env: { ...at, LANG: "ja_JP.UTF-8" } });
    const jsonC = await runCli(["metrics", "--json", ...since], { cwd: dir, env: { ...at, LANG: "C" } });
    expect(jsonJa.stdout).toBe(jsonC.stdout);
    const promJa = join(dir, "ja.prom");
    const promC = join(dir, "c.prom");
    expect(
      (await runCli(["metrics", "--prom", promJa, ...since], { cwd: dir, env: { ...at, LANG: "ja_JP.UTF-8" } })).code,
    ).toBe(0);
    expect((await runCli(["metrics", "--prom", promC, ...since], { cwd: dir, env: { ...at, LANG: "C" } })).code).toBe(
      0,
    );
    expect(readFileSync(promJa, "utf8")).toBe(readFileSync(promC, "utf8"));
    expect(readFileSync(promJa, "utf8")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("--prom replaces the file atomically with the Prometheus text format", async () => {
    const out = join(dir, "textfile");
    mkdirSync(out);
    const file = join(out, "taskgate.prom");
    writeFileSync(file, "# old\n");
    const before = statSync(file).ino;
    const r = await runCli(["metrics", "--prom", file], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "" }); // quiet, for a cron job
    expect(statSync(file).ino).not.toBe(before); // a new file renamed over the old one
    expect(readdirSync(out)).toEqual(["taskgate.prom"]); // no temp file left behind
    const text = readFileSync(file, "utf8");
    expect(text).toContain('taskgate_state_changes_total{automated="true"} 4\n');
    expect(text).toContain('taskgate_steps_total{automated="true"} 3\n');
    expect(text).toContain("taskgate_automated_steps_ratio 0.230769\n");
    expect(text).toContain("taskgate_automatable_automated_ratio 0.6\n");
    // The standing problems health names, as gauges of the board now.
    const status = JSON.parse((await runCli(["status", "--json"], { cwd: dir })).stdout);
    expect(text).toContain(`taskgate_approvals_pending ${status.approvals.pending}\n`);
    expect(text).toContain(`taskgate_leases_expired ${status.leases.expired.length}\n`);
    expect(text).toContain(`taskgate_dead_letters ${status.deadLetters.length}\n`);
    expect(text).toMatch(/^# TYPE taskgate_approvals_pending gauge$/m);
  });

  it("refuses a period it cannot read", async () => {
    const r = await runCli(["metrics", "--since", "last week"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'taskgate: Expected --since as a date (2026-11-01), a UTC time (2026-11-01T09:00:00Z) or an age (30d, 12h), found "last week"\n',
    );
  });
});

describe("who acted, not which command", () => {
  it("a person's taskgate run is the person's step; an automation actor's run is automation's", async () => {
    const cwd = await makeRepo(["bob: WORK", "agent-1: WORK (automation)"]);
    for (const t of ["By hand", "By the agent"]) expect((await runCli(["add", "--ready", t], { cwd })).code).toBe(0);
    const node = process.execPath;
    expect((await runCli(["--as", "bob", "run", "T-1", "--", node, "-e", "0"], { cwd })).code).toBe(0);
    expect(read(cwd, "TASKS.md")).toMatch(/ bob WORK claim T-1 .*via=run/); // the command was run
    const person = JSON.parse((await runCli(["metrics", "--json"], { cwd })).stdout);
    expect(person.automation.byKind).toMatchObject({ run: [1, 0, 1], handIn: [1, 0, 1] });
    expect((await runCli(["--as", "agent-1", "run", "T-2", "--", node, "-e", "0"], { cwd })).code).toBe(0);
    const agent = JSON.parse((await runCli(["metrics", "--json"], { cwd })).stdout);
    expect(agent.automation.byKind).toMatchObject({ run: [2, 1, 2], handIn: [2, 1, 2] });
    expect(agent.automation).toMatchObject({ steps: 8, automated: 2, automatable: 4, automatableAutomated: 2 });
  }, 30_000);
});

describe("the policy's time zone", () => {
  it("counts days in it; a zone the system does not know, or not a zone, is refused with file and line", async () => {
    const cwd = await makeRepo();
    const policy = (zone: string) =>
      writeFileSync(
        join(cwd, "TASKS.md"),
        read(cwd, "TASKS.md")
          .replace(/- time-zone: .*\n/, "")
          .replace("## Policy\n", `## Policy\n- time-zone: ${zone}\n`),
      );
    expect((await runCli(["add", "--ready", "One"], { cwd })).code).toBe(0);
    policy("Asia/Tokyo");
    const now = { TASKGATE_NOW: "2026-11-20T16:00:00Z" }; // 01:00 on the 21st in Tokyo
    const j = await runCli(["metrics", "--json", "--since", "2026-11-20"], { cwd, env: now });
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout);
    expect(doc.timeZone).toBe("Asia/Tokyo");
    expect(doc.since).toBe("2026-11-19T15:00:00Z"); // midnight in Tokyo
    expect(doc.days).toEqual([
      { date: "2026-11-20", start: "2026-11-19T15:00:00Z", end: "2026-11-20T15:00:00Z", partial: false },
      { date: "2026-11-21", start: "2026-11-20T15:00:00Z", end: "2026-11-20T16:00:00Z", partial: true },
    ]);
    const line = read(cwd, "TASKS.md").split("\n").indexOf("- time-zone: Asia/Tokyo") + 1;
    policy("Mars/Olympus_Mons");
    const unknown = await runCli(["metrics"], { cwd, env: now });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(
      `TASKS.md:${line}:14: error: Expected a time zone this system knows, like UTC or Europe/Berlin, for "time-zone", found "Mars/Olympus_Mons"`,
    );
    policy("next door");
    const bad = await runCli(["check"], { cwd, env: now });
    expect(bad.code).toBe(3);
    expect(bad.stdout + bad.stderr).toContain(
      'Expected a time zone like UTC or Europe/Berlin for "time-zone", found "next door"',
    );
  }, 30_000);
});

describe("failures do not raise the automation rate", () => {
  // Two boards worked alike by real processes: 3 tasks, agent-1's `work` runs each, alice
  // accepts; on the second, each task's program fails once first (work retries it after the
  // backoff). The steps, and so the rate, are the same; only the recovery differs.
  const board = async (failOnce: boolean) => {
    const cwd = await makeRepo(["agent-1: WORK (automation)"]);
    writeFileSync(join(cwd, "TASKS.md"), read(cwd, "TASKS.md").replace("- backoff: 1m..1h", "- backoff: 1s..1s"));
    for (const t of ["One", "Two", "Three"]) expect((await runCli(["add", "--ready", t], { cwd })).code).toBe(0);
    writeFileSync(
      join(cwd, "fail-once.js"),
      `const fs = require("fs"); const m = ${JSON.stringify(cwd)} + "/mark-" + process.argv[2];
if (${failOnce} && !fs.existsSync(m)) { fs.writeFileSync(m, ""); process.exit(1); }\n`,
    );
    const exec = `${JSON.stringify(process.execPath)} fail-once.js {id}`;
    for (let round = 0; round < 3; round++) {
      await runCli(["--as", "agent-1", "work", "--exec", exec, "--exit-when-idle"], { cwd });
      if (read(cwd, "TASKS.md").match(/- state: REVIEW/g)?.length === 3) break;
      await new Promise((r) => setTimeout(r, 1100)); // past the backoff
    }
    for (const id of ["T-1", "T-2", "T-3"]) expect((await runCli(["accept", id], { cwd })).code).toBe(0);
    return JSON.parse((await runCli(["metrics", "--json"], { cwd })).stdout);
  };

  it("the same steps and rate with three failed runs as without", async () => {
    const clean = await board(false);
    const failing = await board(true);
    expect(clean.recovery.failedRuns).toBe(0);
    expect(failing.recovery).toMatchObject({ failedRuns: 3, autoRecovered: 3, tasks: 3, tasksAutoRecovered: 3 });
    // 3 tasks x (plan, ready, run, hand in, review): the runs and hand-ins are agent-1's.
    expect(clean.automation).toMatchObject({ steps: 15, automated: 6, automatable: 9, automatableAutomated: 6 });
    expect(failing.automation).toEqual(clean.automation);
  }, 60_000);
});

describe("board", () => {
  it("shows columns by state within the width, with the lease and its holder", async () => {
    const r = await runCli(["board", "--width", "100"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^PLAN \(0\)\s+READY \(2\)\s+DOING \(1\)\s+REVIEW \(0\)\s+DONE \(1\)$/);
    expect(r.stdout).toMatch(/T-3 Rotate keys/);
    expect(r.stdout).toMatch(/ {2}bob 29m left|bob 30m left/);
  });
});

describe("on a ledger with errors", () => {
  it("metrics and board still show what they can, and say on stderr that it may be wrong", async () => {
    const broken = await makeRepo();
    await runCli(["add", "--ready", "Task"], { cwd: broken });
    writeFileSync(join(broken, "TASKS.md"), read(broken, "TASKS.md").replace("- state: READY", "- state: ready"));
    for (const args of [["metrics"], ["board", "--width", "80"]]) {
      const r = await runCli(args, { cwd: broken });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        /^taskgate: 1 error in the ledgers, so what is shown may be wrong \(first: TASKS.md:\d+:10: error: Expected a state \(PLAN\|READY\|DOING\|REVIEW\|DONE\) for "state", found "ready"\); run taskgate check\n$/,
      );
    }
    // Under ja the same line in Japanese, the place as it is; the same exit code.
    const ja = await runCli(["metrics"], { cwd: broken, env: { LANG: "ja_JP.UTF-8" } });
    expect(ja.code).toBe(0);
    expect(ja.stderr).toMatch(
      /^taskgate: 台帳にエラーが 1 件あるため、表示が正しくないかもしれません（最初のもの: TASKS.md:\d+:10: エラー: "state" には 状態（PLAN\|READY\|DOING\|REVIEW\|DONE） が必要ですが "ready" です）。taskgate check を実行してください\n$/,
    );
  });
});

describe("the log memo", () => {
  // Each answer read through the memo must be the answer read without it.
  const period = ["metrics", "--json", "--since", "2020-01-01", "--until", "2030-01-01"];
  const both = async (cwd: string) => {
    const now = { TASKGATE_NOW: "2029-01-01T00:00:00Z" }; // the ages of open tasks depend on it
    const memo = await runCli(period, { cwd, env: now });
    const plain = await runCli(period, { cwd, env: { ...now, TASKGATE_NO_MEMO: "1" } });
    expect(memo.code).toBe(0);
    expect(memo.stdout).toBe(plain.stdout);
    return JSON.parse(memo.stdout) as { automation: { steps: number; automated: number } };
  };
  const memoFile = (cwd: string) => {
    const dir = join(cwd, ".git", "taskgate", "memo");
    const name = readdirSync(dir).find((f) => f.startsWith("TASKS.md-") && f.endsWith("-log.bin"));
    return name && join(dir, name);
  };

  it("reads only what was appended, and reads anew after an edit, a broken memo or other Roles", async () => {
    const cwd = await makeRepo(["bob: WORK"]);
    for (const t of ["One", "Two", "Three"]) await runCli(["add", "--ready", t], { cwd });
    await runCli(["--as", "bob", "claim", "T-1"], { cwd });
    const first = await both(cwd);
    const file = memoFile(cwd) as string;
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(statSync(file).mode & 0o777).toBe(0o600); // the ledger's actors and task IDs

    // A line appended: read after the memo, which is not written again for so little.
    await runCli(["--as", "bob", "submit", "T-1"], { cwd });
    const written = statSync(file).mtimeMs;
    const appended = await both(cwd);
    expect(appended.automation.steps).toBe(first.automation.steps + 1); // T-1 handed in
    expect(statSync(file).mtimeMs).toBe(written);

    // Blocks of 2,500 lines (more than the 128 KiB the memo is rewritten after) appended:
    // each rewrite adds a hashed segment of what was added, until the segments are hashed
    // again as one.
    const segments = () =>
      (JSON.parse(readFileSync(file, "utf8").split("\n")[0] as string).segments as unknown[]).length;
    // A temp file left by a call killed while writing the memo goes with the next write of it.
    const stale = `${file}.0.tmp`;
    writeFileSync(stale, "left by a killed call");
    utimesSync(stale, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    const renew = "- 2026-11-24T10:00:00Z bob WORK renew T-2 token=1 ~ 000000000000\n";
    for (let block = 1; block <= 10; block++) {
      writeFileSync(join(cwd, "TASKS.md"), read(cwd, "TASKS.md") + renew.repeat(2500));
      await runCli(period, { cwd });
      if (block === 2) expect(segments()).toBe(3);
    }
    expect(segments()).toBe(3); // 9 became 1 at the 8th block
    expect(existsSync(stale)).toBe(false);
    expect(statSync(file).mtimeMs).toBeGreaterThan(written);
    await both(cwd);

    // An earlier line edited by hand without changing its length (bob's claim moved to 2019,
    // before the period): the log no longer starts with the memo's bytes. Then put back.
    const steps = (await both(cwd)).automation.steps;
    const kept = read(cwd, "TASKS.md");
    writeFileSync(join(cwd, "TASKS.md"), kept.replace(/- \d{4}-(\S+ bob WORK claim T-1 )/, "- 2019-$1"));
    expect(read(cwd, "TASKS.md").length).toBe(kept.length);
    expect((await both(cwd)).automation.steps).toBe(steps - 1);
    writeFileSync(join(cwd, "TASKS.md"), kept);
    expect((await both(cwd)).automation.steps).toBe(steps);

    // Another edit (bob's claim said to come from run): still bob's step, not automation's.
    const text = read(cwd, "TASKS.md");
    writeFileSync(join(cwd, "TASKS.md"), text.replace(/( bob WORK claim T-1 .*?)( ~ [0-9a-f]{12}\n)/, "$1 via=run$2"));
    expect((await both(cwd)).automation.automated).toBe(appended.automation.automated);
    // And one more (the claim marked as an automation actor's): that step now counts as automated.
    writeFileSync(
      join(cwd, "TASKS.md"),
      text.replace(/( bob WORK claim T-1 .*?)( ~ [0-9a-f]{12}\n)/, "$1 auto=true$2"),
    );
    const edited = await both(cwd);
    expect(edited.automation.automated).toBe(appended.automation.automated + 1);

    // A memo cut short, or not a memo at all.
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    await both(cwd);
    writeFileSync(file, "not a memo\n");
    await both(cwd);

    // bob becomes an automation actor: his submit now counts as automated too.
    const roles = read(cwd, "APPROVALS.md").replace("- bob: WORK", "- bob: WORK (automation)");
    writeFileSync(join(cwd, "APPROVALS.md"), roles);
    const automated = await both(cwd);
    expect(automated.automation.automated).toBe(edited.automation.automated + 1);
  }, 90_000); // some 40 calls over a 25,000-line log: 24 s alone on a loaded 2-core machine
});

describe("report --html", () => {
  it("writes one self-contained page that renders in headless Chromium with no console error", async () => {
    const chromium = findChromium();
    expect(
      chromium,
      "Debian's chromium is needed for this test: apt-get install chromium (.ci/run does)",
    ).toBeDefined();
    const page = join(dir, "report.html");
    const r = await runCli(["report", "--html", page, "--title", "Team <board>"], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).not.toMatch(/<script|<link|src=|url\(/i); // nothing to load
    expect(html).toContain("<title>Team &lt;board&gt;</title>");
    expect(html).toContain("Fix &lt;b&gt;the&lt;/b&gt; bug &amp; ship");
    const shots = join(ROOT, "test-output");
    mkdirSync(shots, { recursive: true });
    const shot = join(shots, "report.png");
    const result = await openPage(chromium as string, `file://${page}`, {
      screenshot: shot,
      evaluate: [
        "document.title",
        "document.querySelectorAll('svg').length",
        "document.querySelectorAll('.board .col').length",
        "[...document.querySelectorAll('.col h3')].map((h) => h.textContent)",
        "document.body.scrollHeight > 600",
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual(["Team <board>", 3, 5, ["PLAN 0", "READY 2", "DOING 1", "REVIEW 0", "DONE 1"], true]);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it("the browser check catches a page that does fail (so it can fail)", async () => {
    const chromium = findChromium();
    expect(chromium).toBeDefined();
    const bad = join(dir, "bad.html");
    writeFileSync(
      bad,
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><img src="https://example.com/x.png"><script>nope()</script>`,
    );
    const result = await openPage(chromium as string, `file://${bad}`, { evaluate: [] });
    expect(result.errors.length).toBeGreaterThanOrEqual(2);
    expect(result.errors.join("\n")).toMatch(/violates the following Content Security Policy directive/);
  });
});
