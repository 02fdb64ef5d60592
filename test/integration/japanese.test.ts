// A Japanese-speaking team on a real board (issue #28): the board's columns by display width,
// titles cut by width without breaking a grapheme, messages in Japanese by locale with the same
// exit codes, times in the local zone (JSON in UTC), and Japanese actors end to end through the
// pre-commit hook and verify.

import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium, openPage } from "../support/chromium.js";
import { makeRepo, runCli } from "../support/cli.js";
import { git, gitAs } from "../support/git.js";
import { CLI } from "../support/paths.js";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
async function repo(roles: string[] = []): Promise<string> {
  const dir = await makeRepo(roles);
  made.push(dir);
  return dir;
}

// ── an independent width table (not the implementation's libraries) ──
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0x33ff], // kana, CJK symbols
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental pictographs
  [0x20000, 0x3fffd], // CJK extensions B and later
];
const segmenter = new Intl.Segmenter();
const clusters = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);
/** Columns of one grapheme cluster: 2 for a wide base or an emoji sequence or flag, else 1. */
function clusterCols(g: string): number {
  const cp = g.codePointAt(0) as number;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return 2; // a regional-indicator flag
  if (g.includes("\u200d") || g.includes("\ufe0f")) return 2;
  return WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
}
const cols = (s: string) => clusters(s).reduce((n, g) => n + clusterCols(g), 0);

const TITLES = {
  plan: "📋 要約を書く",
  ready: "自動承認ルールの実装",
  doing: "セッション自動化",
  review: "エラー回復の改善とテスト",
  done: "👨‍👩‍👧 家族と 🇯🇵 の旗",
  long: "非常に長いタイトルの日本語タスクで列の幅を超えるものが正しく切り詰められるかの確認👨‍👩‍👧‍👦🇯🇵",
};

const ROLES = ['田中 <tanaka@example.jp> "田中 太郎": WORK', '鈴木 <suzuki@example.jp> "鈴木 花子": AUDIT'];

async function ok(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await runCli(args, { cwd: dir, env });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

/** A board with a Japanese title in every state, made by real commands. */
async function japaneseBoard(): Promise<string> {
  const dir = await repo(ROLES);
  await ok(dir, ["add", TITLES.plan]);
  await ok(dir, ["add", "--ready", TITLES.ready]);
  await ok(dir, ["add", "--ready", TITLES.doing]);
  await ok(dir, ["add", "--ready", TITLES.review]);
  await ok(dir, ["add", "--ready", TITLES.done]);
  await ok(dir, ["add", "--ready", TITLES.long, "--labels", "文書"]);
  await ok(dir, ["--as", "田中", "claim", "T-3"]);
  await ok(dir, ["--as", "田中", "claim", "T-4"]);
  await ok(dir, ["--as", "田中", "submit", "T-4"]);
  await ok(dir, ["--as", "田中", "claim", "T-5"]);
  await ok(dir, ["--as", "田中", "submit", "T-5"]);
  await ok(dir, ["--as", "鈴木", "accept", "T-5"]);
  return dir;
}

describe("the board by display width", () => {
  it("at 80 and 140 columns every task ID starts at its state's header column; long titles are cut with … whole", async () => {
    const dir = await japaneseBoard();
    const states = new Map<string, string>(
      JSON.parse(await ok(dir, ["list", "--json"])).tasks.map((t: { id: string; state: string }) => [t.id, t.state]),
    );
    expect(states.size).toBe(6);
    expect(new Set(states.values())).toEqual(new Set(["PLAN", "READY", "DOING", "REVIEW", "DONE"]));
    for (const width of [80, 140]) {
      const out = await ok(dir, ["board", "--width", String(width)]);
      const lines = out.split("\n").filter((l) => l !== "");
      const header = lines[0] as string;
      const headerCol = new Map<string, number>();
      for (const st of ["PLAN", "READY", "DOING", "REVIEW", "DONE"]) {
        const at = header.indexOf(`${st} (`);
        expect(at).toBeGreaterThanOrEqual(0);
        headerCol.set(st, cols(header.slice(0, at)));
      }
      const colWidth = (headerCol.get("READY") as number) - (headerCol.get("PLAN") as number) - 2;
      for (const [id, state] of states) {
        const re = new RegExp(`(?<![\\w-])${id} `);
        const line = lines.find((l) => re.test(l));
        expect(line, `${id} at ${width}`).toBeDefined();
        const at = (line as string).search(re);
        expect(cols((line as string).slice(0, at)), `${id} (${state}) at ${width} columns`).toBe(headerCol.get(state));
      }
      for (const l of lines) expect(cols(l)).toBeLessThanOrEqual(width);
      // The long title: cut to the column's width with …, of whole grapheme clusters.
      const longLine = lines.find((l) => /(?<![\w-])T-6 /.test(l)) as string;
      const cell = longLine.slice(longLine.search(/(?<![\w-])T-6 /)).split("  ")[0] as string;
      expect(cell.endsWith("…")).toBe(true);
      expect(cols(cell)).toBeLessThanOrEqual(colWidth);
      expect(cols(cell)).toBeGreaterThanOrEqual(colWidth - 1); // a wide character that did not fit
      const kept = cell.slice("T-6 ".length, -1);
      const whole = clusters(TITLES.long);
      const n = clusters(kept).length;
      expect(whole.slice(0, n).join("")).toBe(kept);
    }
  });

  it("list cuts a long title by width, never inside an emoji sequence or a flag", async () => {
    const dir = await repo();
    // 41 columns of text, then 30 emoji sequences and flags of 2 columns each: the list (100
    // columns when not on a terminal) has room for 83, so the cut falls inside the emoji run.
    const title = `${"漢字".repeat(10)}x${"👨‍👩‍👧‍👦🇯🇵".repeat(15)}`;
    await ok(dir, ["add", "--ready", title]);
    const line = (await ok(dir, ["list"])).trimEnd();
    expect(cols(line)).toBeLessThanOrEqual(100);
    expect(line.endsWith("…")).toBe(true);
    const shown = line.slice(line.indexOf("漢"), -1);
    const whole = clusters(title);
    const n = clusters(shown).length;
    expect(n).toBeGreaterThan(21); // some emoji were kept
    expect(n).toBeLessThan(whole.length);
    expect(whole.slice(0, n).join("")).toBe(shown);
    expect(cols(line)).toBeGreaterThanOrEqual(99);
  });
});

describe("messages by locale", () => {
  const ja = { LANG: "ja_JP.UTF-8" };
  const c = { LANG: "C" };

  it("--help in Japanese under LANG=ja_JP.UTF-8, English under LANG=C, exit 0 both", async () => {
    const dir = await repo();
    const jaHelp = await runCli(["--help"], { cwd: dir, env: ja });
    expect(jaHelp.code).toBe(0);
    expect(jaHelp.stdout).toContain("使い方: taskgate");
    expect(jaHelp.stdout).toContain("コマンド:");
    expect(jaHelp.stdout).toContain("ここに TASKS.md と APPROVALS.md を作る");
    expect(jaHelp.stdout).toContain("終了コード:");
    // Command and option names stay as they are.
    expect(jaHelp.stdout).toMatch(/^ {2}claim \[options\] <id> +READY のタスク/m);
    const enHelp = await runCli(["--help"], { cwd: dir, env: c });
    expect(enHelp.code).toBe(0);
    expect(enHelp.stdout).toContain("Usage: taskgate");
    expect(enHelp.stdout).toContain("create TASKS.md and APPROVALS.md here (never overwrites)");
    expect(enHelp.stdout).not.toMatch(/[\u3040-\u30ff]/);
    // TASKGATE_LANG wins over the locale; LC_ALL over LANG.
    const forced = await runCli(["--help"], { cwd: dir, env: { LANG: "C", TASKGATE_LANG: "ja" } });
    expect(forced.stdout).toContain("使い方:");
    const lcAll = await runCli(["--help"], { cwd: dir, env: { LANG: "ja_JP.UTF-8", LC_ALL: "C" } });
    expect(lcAll.stdout).toContain("Usage:");
  });

  it("an unknown task and a role refusal: Japanese with the same exit codes; JSON stays English", async () => {
    const dir = await repo(ROLES);
    await ok(dir, ["add", "--ready", "x"]);
    const unknownJa = await runCli(["show", "T-9"], { cwd: dir, env: ja });
    const unknownC = await runCli(["show", "T-9"], { cwd: dir, env: c });
    expect(unknownC).toMatchObject({ code: 1, stderr: "taskgate: There is no task T-9 in TASKS.md\n" });
    expect(unknownJa).toMatchObject({ code: 1, stderr: "taskgate: TASKS.md にタスク T-9 はありません\n" });
    const roleJa = await runCli(["--as", "鈴木", "claim", "T-1"], { cwd: dir, env: ja });
    const roleC = await runCli(["--as", "鈴木", "claim", "T-1"], { cwd: dir, env: c });
    expect(roleC).toMatchObject({
      code: 1,
      stderr: "taskgate: 鈴木 (AUDIT) may not claim; that takes the WORK role\n",
    });
    expect(roleJa).toMatchObject({
      code: 1,
      stderr: "taskgate: 鈴木（AUDIT）は claim できません。WORK ロールが必要です\n",
    });
    // JSON is never translated: the same bytes under either locale.
    const jsonJa = await ok(dir, ["status", "--json"], ja);
    expect(jsonJa).toBe(await ok(dir, ["status", "--json"], c));
    expect(jsonJa).not.toMatch(/[\u3040-\u30ff]/);
    // A usage error (commander's) keeps exit 2.
    const usage = await runCli(["bogus"], { cwd: dir, env: ja });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("エラー: 不明なコマンド 'bogus'");
    // Results and status labels; state names stay.
    const claim = await runCli(["--as", "田中", "claim", "T-1"], { cwd: dir, env: { ...ja, TZ: "UTC" } });
    expect(claim.code).toBe(0);
    expect(claim.stdout).toMatch(
      /^T-1 を claim しました: READY -> DOING。リーストークン 1（田中@\S+、\d{4}-\d\d-\d\d \d\d:\d\d \+00:00 まで）\n$/,
    );
    const status = await ok(dir, ["status"], ja);
    expect(status).toContain("TASKS.md: タスク 1 件");
    expect(status).toContain("PLAN 0  READY 0  DOING 1  REVIEW 0  DONE 0");
    expect(status).toMatch(/リース: 保持中 1 件/);
  });

  it("a busy lock answers in Japanese with exit 4", async () => {
    const dir = await repo();
    // A writer stopped holding the lock, then killed; its lock is made to name another host, so
    // it is neither taken over at once (a dead local process) nor stale (60 s).
    const child = spawn(process.execPath, [CLI, "add", "ok"], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", TASKGATE_TEST_STOP_BEFORE: "rename", TASKGATE_ACTOR: "alice@example.com" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise((r) => child.on("close", r));
    const deadline = Date.now() + 10_000;
    while (!stderr.includes("stopped before rename") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(stderr).toContain("stopped before rename");
    child.kill("SIGKILL");
    await exited;
    const lockDir = join(dir, ".git", "taskgate");
    const name = readdirSync(lockDir).find((n) => n.endsWith(".lock")) as string;
    const owner = JSON.parse(readFileSync(join(lockDir, name), "utf8"));
    writeFileSync(join(lockDir, name), JSON.stringify({ ...owner, host: "elsewhere" }));
    const env = { TASKGATE_LOCK_STALE_MS: "60000", TASKGATE_LOCK_TIMEOUT_MS: "300" };
    const busyJa = await runCli(["add", "waits"], { cwd: dir, env: { ...env, LANG: "ja_JP.UTF-8" } });
    const busyC = await runCli(["add", "waits"], { cwd: dir, env: { ...env, LANG: "C" } });
    expect(busyC.code).toBe(4);
    expect(busyC.stderr).toMatch(/is locked by process \d+ on elsewhere/);
    expect(busyJa.code).toBe(4);
    expect(busyJa.stderr).toMatch(
      /^taskgate: TASKS\.md は elsewhere（別のホストまたはコンテナー）のプロセス \d+ がロックしています（ロック .*\.lock）。/,
    );
  });
});

describe("local time for people", () => {
  it("TZ=Asia/Tokyo: show, claim and status print +09:00; show --json is the same UTC as under TZ=UTC", async () => {
    const dir = await repo([...ROLES, "佐藤: WORK"]);
    const now = { TASKGATE_NOW: "2026-12-05T15:07:07Z" };
    const tokyo = { ...now, TZ: "Asia/Tokyo" };
    await ok(dir, ["add", "--ready", "締め切りの確認"], now);
    const claim = await ok(dir, ["--as", "田中", "claim", "T-1"], tokyo);
    expect(claim).toMatch(/until 2026-12-06 00:37 \+09:00\n$/);
    const show = await ok(dir, ["show", "T-1"], tokyo);
    expect(show).toContain("until=2026-12-06 00:37 +09:00");
    expect(show).toContain("created:  2026-12-06 00:07 +09:00");
    const status = await ok(dir, ["status"], tokyo);
    expect(status).toContain("(the first ends 2026-12-06 00:37 +09:00)");
    // --utc: the same times in UTC.
    expect(await ok(dir, ["--utc", "show", "T-1"], tokyo)).toContain("until=2026-12-05 15:37 +00:00");
    // JSON and the ledger keep UTC, whatever the zone.
    const jsonTokyo = await ok(dir, ["show", "T-1", "--json"], tokyo);
    const jsonUtc = await ok(dir, ["show", "T-1", "--json"], { ...now, TZ: "UTC" });
    expect(jsonTokyo).toBe(jsonUtc);
    expect(JSON.parse(jsonTokyo).task.lease.until).toBe("2026-12-05T15:37:07Z");
    expect(readFileSync(join(dir, "TASKS.md"), "utf8")).toContain("until=2026-12-05T15:37:07Z");
    // A refusal's time is shown in the zone too.
    const refused = await runCli(["--as", "佐藤", "claim", "T-1"], { cwd: dir, env: tokyo });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/T-1 is leased to 田中@\S+ until 2026-12-06 00:37 \+09:00 \(token 1\)/);
  });
});

describe("Japanese actors end to end", () => {
  it("田中 (WORK) claims and submits, 鈴木 (AUDIT) accepts; the hook and verify accept the history", async () => {
    const dir = await repo(ROLES);
    expect((await runCli(["hook", "install"], { cwd: dir })).code).toBe(0);
    const commit = (email: string, msg: string) => {
      git(dir, ["add", "-A"]);
      const r = git(dir, ["commit", "-qm", msg], gitAs(email));
      expect(r, msg).toEqual({ code: 0, out: "" });
    };
    commit("alice@example.com", "board");
    const root = git(dir, ["rev-parse", "HEAD"]).out.trim();
    await ok(dir, ["add", "--ready", "仕様書の翻訳", "--labels", "文書,翻訳"]);
    await ok(dir, ["add", "--ready", "テストの追加", "--labels", "テスト"]);
    commit("alice@example.com", "タスクを追加");
    await ok(dir, ["--as", "田中", "claim", "T-1"]);
    commit("tanaka@example.jp", "着手");
    await ok(dir, ["--as", "田中", "submit", "T-1"]);
    commit("tanaka@example.jp", "提出");
    await ok(dir, ["--as", "鈴木", "accept", "T-1"]);
    commit("suzuki@example.jp", "承認");
    const verify = await runCli(["verify", "--range", `${root}..HEAD`], { cwd: dir });
    expect(verify.stdout).toBe("4 commits checked: ok\n");
    expect(verify.code).toBe(0);
    // The log names them as they are.
    const tasks = readFileSync(join(dir, "TASKS.md"), "utf8");
    expect(tasks).toMatch(/ 田中 WORK claim T-1 /);
    expect(tasks).toMatch(/ 鈴木 AUDIT accept T-1 /);
    // A Japanese label filters; a commit by the wrong person is still caught.
    expect(await ok(dir, ["list", "--label", "文書"])).toMatch(/^T-1 +DONE +P2 +仕様書の翻訳 +\[文書, 翻訳\]\n$/);
    expect(
      JSON.parse(await ok(dir, ["list", "--label", "テスト", "--json"])).tasks.map((t: { id: string }) => t.id),
    ).toEqual(["T-2"]);
    await ok(dir, ["--as", "田中", "claim", "T-2"]);
    git(dir, ["add", "-A"]);
    const forged = git(dir, ["commit", "-qm", "なりすまし"], gitAs("suzuki@example.jp"));
    expect(forged.code).not.toBe(0);
    expect(forged.out).toContain("Log line by 田中");
  });

  it("check says what its column numbers count", async () => {
    const dir = await repo();
    const help = await runCli(["check", "--help"], { cwd: dir, env: { LANG: "C" } });
    expect(help.stdout).toContain("Columns count UTF-16 code units");
    writeFileSync(
      join(dir, "TASKS.md"),
      `${readFileSync(join(dir, "TASKS.md"), "utf8")}\n## T-1 日本語の題\n- state: 作業中\n`,
    );
    const r = await runCli(["check"], { cwd: dir });
    expect(r.code).toBe(3);
    // "- state: " is 9 code units: the value starts at column 10.
    expect(r.stdout).toMatch(/TASKS\.md:\d+:10: error: .*作業中/);
  });

  it("check --staged under LANG=ja_JP.UTF-8: the judge's findings in Japanese at the same FILE:LINE, the same exit code", async () => {
    const dir = await repo();
    await ok(dir, ["add", "--ready", "仕様書の翻訳"]);
    git(dir, ["add", "-A"]);
    expect(git(dir, ["commit", "-qm", "タスクを追加"]).code).toBe(0);
    // By hand: READY straight to DONE, and a log line removed.
    const text = readFileSync(join(dir, "TASKS.md"), "utf8");
    const lastLog = text.trimEnd().split("\n").at(-1) as string;
    expect(lastLog).toMatch(/^- \S+ /);
    writeFileSync(join(dir, "TASKS.md"), text.replace("- state: READY", "- state: DONE").replace(`${lastLog}\n`, ""));
    git(dir, ["add", "-A"]);
    const en = await runCli(["check", "--staged"], { cwd: dir, env: { LANG: "C" } });
    const jp = await runCli(["check", "--staged"], { cwd: dir, env: { LANG: "ja_JP.UTF-8" } });
    expect(en.code).toBe(1);
    expect(jp.code).toBe(en.code);
    const enLines = en.stdout.trimEnd().split("\n");
    const jaLines = jp.stdout.trimEnd().split("\n");
    expect(jaLines.length).toBe(enLines.length);
    expect(enLines.length).toBeGreaterThanOrEqual(3);
    for (const [i, l] of enLines.entries()) {
      const j = jaLines[i] as string;
      const place = /^TASKS\.md:\d+: /.exec(l)?.[0];
      if (place) expect(j.startsWith(place), j).toBe(true);
      expect(j, l).toMatch(/[ぁ-んァ-ヶ]/);
    }
    expect(en.stdout).toContain("the log is append-only");
    expect(jp.stdout).toMatch(/ログから \d+ 行が消えました。ログは追記のみです/);
    expect(jp.stdout).toMatch(/T-1 が手で READY から DONE になりました/);
    const json = async (lang: string) =>
      (await runCli(["check", "--staged", "--json"], { cwd: dir, env: { LANG: lang } })).stdout;
    expect(await json("ja_JP.UTF-8")).toBe(await json("C"));
  });

  it("check under LANG=ja_JP.UTF-8: each message in Japanese at the same FILE:LINE:COL, the same exit code; JSON in English", async () => {
    const dir = await repo();
    const ja = { LANG: "ja_JP.UTF-8" };
    const help = await runCli(["check", "--help"], { cwd: dir, env: ja });
    expect(help.stdout).toContain("列番号は 1 から数えた UTF-16 コード単位");
    writeFileSync(
      join(dir, "TASKS.md"),
      `${readFileSync(join(dir, "TASKS.md"), "utf8")}\n## T-1 日本語の題\n- state: 作業中\n- 担当: 田中\n\n## T-1 📋 要約を書く\n- state: READY\n- priority: P9\n- depends: T-7\n`,
    );
    const en = await runCli(["check"], { cwd: dir, env: { LANG: "C" } });
    const jp = await runCli(["check"], { cwd: dir, env: ja });
    expect([en.code, jp.code]).toEqual([3, 3]);
    const lines = (out: string) => out.trimEnd().split("\n");
    const place = (l: string) => /^(TASKS\.md:\d+:\d+): /.exec(l)?.[1];
    const enLines = lines(en.stdout);
    const jaLines = lines(jp.stdout);
    expect(jaLines.length).toBe(enLines.length);
    const diagnostics = enLines.filter((l) => place(l) !== undefined);
    expect(diagnostics.length).toBeGreaterThanOrEqual(5);
    expect(diagnostics.join("\n")).toContain("Duplicate ID T-1 (first defined at TASKS.md:");
    for (const [i, l] of enLines.entries()) {
      const j = jaLines[i] as string;
      expect(place(j), j).toBe(place(l)); // the same place, in the same order
      if (place(l) === undefined) continue;
      expect(j, l).toMatch(/^TASKS\.md:\d+:\d+: (エラー|警告): /);
      expect(j, l).toMatch(/[ぁ-んァ-ヶ]/); // Japanese, not the English message
      const message = l.replace(/^\S+ (error|warning): /, "");
      expect(j, l).not.toContain(message.slice(0, 16)); // the English words are gone
    }
    expect(jp.stdout).toMatch(/ID T-1 が重複しています（最初の定義: TASKS\.md:\d+:4）/);
    expect(jp.stdout).toMatch(/"state" には 状態（PLAN\|READY\|DOING\|REVIEW\|DONE） が必要ですが "作業中" です/);
    expect(jaLines.at(-1)).toMatch(/^TASKS\.md, APPROVALS\.md にエラー \d+ 件、警告 \d+ 件$/);
    // --json is the same in both languages: codes and messages in English.
    const jsonEn = await runCli(["check", "--json"], { cwd: dir, env: { LANG: "C" } });
    const jsonJa = await runCli(["check", "--json"], { cwd: dir, env: ja });
    expect(jsonJa.stdout).toBe(jsonEn.stdout);
    expect(jsonJa.code).toBe(3);
    // A write refused because of them lists them in Japanese too, with the same exit code.
    const addEn = await runCli(["add", "次のタスク"], { cwd: dir, env: { LANG: "C" } });
    const addJa = await runCli(["add", "次のタスク"], { cwd: dir, env: ja });
    expect([addEn.code, addJa.code]).toEqual([3, 3]);
    expect(addJa.stderr).toMatch(/^TASKS\.md:\d+:\d+: エラー: /m);
    expect(addEn.stderr).toMatch(/^TASKS\.md:\d+:\d+: error: /m);
  });
});

describe("the HTML report in Japanese", () => {
  it("has lang=ja, Japanese labels and faces, and no card overflows in Chromium, wide or narrow", async () => {
    const chromium = findChromium();
    expect(
      chromium,
      "Debian's chromium is needed for this test: apt-get install chromium (.ci/run does)",
    ).toBeDefined();
    const fonts = spawnSync("fc-list", [":lang=ja", "family"], { encoding: "utf8" });
    expect(fonts.stdout, "Debian's fonts-noto-cjk is needed: apt-get install fonts-noto-cjk (.ci/run does)").toContain(
      "Noto Sans CJK JP",
    );
    const dir = await japaneseBoard();
    await ok(dir, ["add", "--ready", "👨‍👩‍👧‍👦".repeat(30)]); // one unbreakable run of emoji
    await ok(dir, ["add", "--ready", `${"長い".repeat(60)}タイトル`]);
    // Mixed text, as Japanese teams write it: a long name without a space in a Japanese title.
    await ok(dir, ["add", "--ready", `設定キー taskgate.share.${"remote_branch_name_".repeat(8)}を確認する`]);
    const page = join(dir, "report.html");
    const r = await runCli(["report", "--html", page], { cwd: dir, env: { LANG: "ja_JP.UTF-8" } });
    expect(r.code).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("<h2>ボード</h2>");
    expect(html).toContain("<h2>指標</h2>");
    expect(html).toContain(">PLAN <span>"); // state names stay
    expect(html).toContain(`> ${TITLES.ready}<`); // titles as they are
    expect(html).not.toContain("<h2>Board</h2>");
    for (const width of [1280, 700]) {
      const result = await openPage(chromium as string, `file://${page}`, {
        width,
        evaluate: [
          "document.documentElement.lang",
          "getComputedStyle(document.body).fontFamily",
          "document.querySelectorAll('.col li').length",
          // Every card, and every column, holds its content: nothing wider than its box.
          "[...document.querySelectorAll('.col li, .col')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent.slice(0, 20))",
          "document.documentElement.scrollWidth <= document.documentElement.clientWidth",
          // The long title wraps: its card is several lines high.
          "Math.max(...[...document.querySelectorAll('.col li')].map((e) => e.getBoundingClientRect().height))",
        ],
      });
      expect(result.errors).toEqual([]);
      const [lang, family, cards, overflowing, fits, tallest] = result.values as [
        string,
        string,
        number,
        string[],
        boolean,
        number,
      ];
      expect(lang).toBe("ja");
      expect(family).toMatch(/Hiragino Sans.*Yu Gothic.*Noto Sans CJK JP.*Meiryo/);
      expect(cards).toBe(9);
      expect(overflowing, `at ${width} px`).toEqual([]);
      expect(fits).toBe(true);
      expect(tallest).toBeGreaterThan(60);
    }
  });
});

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

describe.skipIf(!hasTmux)("the board as a terminal shows it (tmux)", () => {
  it("in a 130-column tmux pane, each task ID is in the cell column of its state's header", async () => {
    const dir = await japaneseBoard();
    const socket = `taskgate-test-${process.pid}-${Date.now()}`;
    const tmux = (...args: string[]) =>
      spawnSync("tmux", ["-L", socket, "-f", "/dev/null", ...args], {
        encoding: "utf8",
        env: { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" },
      });
    const done = join(dir, "board.done");
    // The board in a real terminal: tmux lays out the characters by its own width tables.
    // (A blank first line: copy mode's search then starts above every match.)
    const command = `cd '${dir}' && echo && NO_COLOR=1 '${process.execPath}' '${CLI}' board; touch '${done}'; sleep 60`;
    expect(tmux("new-session", "-d", "-x", "130", "-y", "30", "-s", "board", command).status).toBe(0);
    // vi keys in copy mode: a search leaves the cursor on the match's first cell (emacs keys,
    // tmux's default unless EDITOR names vi, leave it after the match).
    tmux("set-option", "-g", "mode-keys", "vi");
    try {
      const deadline = Date.now() + 15_000;
      while (spawnSync("test", ["-e", done]).status !== 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(spawnSync("test", ["-e", done]).status).toBe(0);
      const screen = tmux("capture-pane", "-p", "-t", "board").stdout;
      expect(screen).toContain("DOING (1)");
      /** The cell column where `text` (ASCII) starts, as tmux's copy mode finds it. */
      const cellOf = (text: string): number => {
        tmux("copy-mode", "-t", "board");
        tmux("send-keys", "-t", "board", "-X", "history-top");
        tmux("send-keys", "-t", "board", "-X", "search-forward-text", text);
        const start = Number(tmux("display-message", "-p", "-t", "board", "#{copy_cursor_x}").stdout.trim());
        tmux("send-keys", "-t", "board", "-X", "cancel");
        return start;
      };
      const header = new Map(["PLAN", "READY", "DOING", "REVIEW", "DONE"].map((s) => [s, cellOf(`${s} (`)]));
      expect([...header.values()]).toEqual([0, 26, 52, 78, 104]); // (130 - 4 gaps of 2) / 5 = 24 a column
      const where: [string, string][] = [
        ["T-1 ", "PLAN"],
        ["T-2 ", "READY"],
        ["T-6 ", "READY"],
        ["T-3 ", "DOING"],
        ["T-4 ", "REVIEW"],
        ["T-5 ", "DONE"],
      ];
      for (const [id, state] of where) expect(cellOf(id), `${id}in ${state}`).toBe(header.get(state));
    } finally {
      tmux("kill-server");
    }
  }, 60_000);
});
