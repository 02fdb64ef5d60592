// Runs under the Windows build of Node (in Wine, started by test/windows/wine.test.ts): one
// process for every case, since each Wine start costs time. It starts taskgate (and cmd.exe,
// npm, the argument printer) the way a Windows user would and writes what each did to a JSON
// file: Windows Node cannot write to a Linux pipe, so nothing is printed.
// Usage: node.exe driver.cjs PLAN.json RESULTS.json

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const { join } = require("node:path");

const [planPath, resultsPath] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planPath, "utf8"));
const node = process.execPath;
const results = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The environment of every command: the case's actor, no colour, no git found above. */
function envOf(extra) {
  return { ...process.env, TASKGATE_ACTOR: "ana", NO_COLOR: "1", ...extra };
}

function tg(cwd, args, extra) {
  const r = spawnSync(node, [plan.bin, ...args], { cwd, env: envOf(extra), encoding: "utf8", timeout: 60_000 });
  return { args, code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error?.message };
}

/** taskgate started without waiting; resolves with how it ended. onStderr: sees its stderr so far. */
function tgAsync(cwd, args, extra, onStderr) {
  return new Promise((done) => {
    const c = spawn(node, [plan.bin, ...args], { cwd, env: envOf(extra) });
    const out = { args, stdout: "", stderr: "" };
    c.stdout.on("data", (d) => (out.stdout += d));
    c.stderr.on("data", (d) => {
      out.stderr += d;
      onStderr?.(out.stderr);
    });
    c.on("error", (e) => done({ ...out, code: null, error: e.message }));
    c.on("close", (code) => done({ ...out, code }));
    out.child = c;
  });
}

function fresh(name) {
  const dir = join(plan.work, name);
  fs.mkdirSync(dir, { recursive: true });
  const init = tg(dir, ["init"]);
  if (init.code !== 0) throw new Error(`init in ${dir}: ${init.stderr}`);
  return dir;
}

/** cmd.exe running `line` as typed at its prompt (/s: the outer quotes are taken off). */
function cmdLine(cwd, line, extra) {
  const r = spawnSync("cmd.exe", ["/d", "/s", "/c", `"${line}"`], {
    cwd,
    env: envOf(extra),
    encoding: "utf8",
    windowsVerbatimArguments: true,
    timeout: 60_000,
  });
  return { line, code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error?.message };
}

const cases = {
  /** The PowerShell lines of docs/windows.md, run through cmd.exe (Wine has no PowerShell). */
  async docs() {
    const dir = join(plan.work, "docs");
    fs.mkdirSync(dir, { recursive: true });
    // taskgate.cmd as npm install -g makes it; node.exe and npm.cmd as Node's installer puts them.
    const env = { PATH: `${plan.shims};${plan.nodeDir};${process.env.PATH}` };
    const steps = [];
    for (const line of plan.docsLines) {
      const set = /^\$env:(\w+)\s*=\s*"([^"]*)"$/.exec(line);
      if (set) {
        env[set[1]] = set[2];
        steps.push({ line, code: 0, stdout: "", stderr: "" });
        continue;
      }
      steps.push(cmdLine(dir, line, env));
    }
    return steps;
  },

  /** Ten processes claim one task at once. */
  async race() {
    const dir = fresh("race");
    const add = tg(dir, ["add", "Race", "--ready"]);
    const names = Array.from({ length: plan.racers }, (_, i) => `w${i + 1}`);
    const approvals = join(dir, "APPROVALS.md");
    const roles = names.map((n) => `- ${n}: WORK\n`).join("");
    fs.writeFileSync(approvals, fs.readFileSync(approvals, "utf8").replace("## Roles\n", `## Roles\n${roles}`));
    const claims = await Promise.all(names.map((n) => tgAsync(dir, ["--as", n, "claim", "T-1"])));
    return { add, claims: claims.map(({ child, ...c }) => c), tasks: fs.readFileSync(join(dir, "TASKS.md"), "utf8") };
  },

  /** run with a .cmd program (the task's text as its arguments) and with npm --version. */
  async runCmd() {
    const dir = fresh("run cmd");
    // Delayed expansion (!A!) so that what the arguments hold is not parsed by the batch file.
    fs.writeFileSync(
      join(dir, "echo args.cmd"),
      '@echo off\r\nsetlocal EnableDelayedExpansion\r\nset "A=%~1"\r\nset "B=%~2"\r\n>"%~dp0args.txt" echo [!A!] [!B!] [!TASKGATE_TASK_TITLE!]\r\n',
    );
    tg(dir, ["add", "Say a & b %PATH% ^x", "--ready"]);
    tg(dir, ["add", "npm", "--ready"]);
    const hi = tg(dir, ["run", "T-1", "--", "echo args.cmd", "a & b", "^x (y) | z"]);
    const args = fs.existsSync(join(dir, "args.txt")) ? fs.readFileSync(join(dir, "args.txt"), "utf8") : null;
    // npm as Node for Windows ships it: npm.cmd beside node.exe.
    const npm = tg(dir, ["run", "T-2", "--", "npm", "--version"], { PATH: `${plan.nodeDir};${process.env.PATH}` });
    return { hi, args, npm, list: tg(dir, ["list"]).stdout };
  },

  /** A grandchild (cmd /c node) of a run whose lease is taken over: ended with the run. */
  async tree() {
    const dir = fresh("tree");
    tg(dir, ["add", "Long job", "--ready"]);
    // bo gets a role by hand, as README's tour does.
    const approvals = join(dir, "APPROVALS.md");
    fs.writeFileSync(approvals, fs.readFileSync(approvals, "utf8").replace("## Roles\n", "## Roles\n- bo: WORK\n"));
    const beat = join(dir, "beat.txt");
    const gc = join(dir, "grandchild.js");
    fs.writeFileSync(
      gc,
      `require("fs").writeFileSync(${JSON.stringify(`${beat}.pid`)}, String(process.pid)); setInterval(() => require("fs").writeFileSync(${JSON.stringify(beat)}, String(Date.now())), 100); setTimeout(() => {}, 60000);`,
    );
    const run = tgAsync(dir, ["run", "T-1", "--ttl", "3s", "--grace", "1s", "--", "cmd", "/c", node, gc]);
    for (let i = 0; i < 100 && !fs.existsSync(beat); i++) await sleep(100);
    const started = fs.existsSync(beat);
    // Another worker takes the lease over, by a clock past its end (the lease lost).
    const later = new Date(Date.now() + 60_000).toISOString();
    const takeover = tg(dir, ["--as", "bo", "claim", "T-1"], { TASKGATE_NOW: later });
    // Bounded: a run that never ends is reported, not waited for.
    const ran = await Promise.race([run, sleep(30_000).then(() => ({ code: "still running after 30 s" }))]);
    const endedAt = Date.now();
    await sleep(plan.afterMs);
    const lastBeat = fs.existsSync(beat) ? Number(fs.readFileSync(beat, "utf8")) : 0;
    const pid = fs.existsSync(`${beat}.pid`) ? Number(fs.readFileSync(`${beat}.pid`, "utf8")) : -1;
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
      process.kill(pid); // not left behind whatever the outcome
    } catch {}
    const { child, ...r } = ran;
    return { started, pid, takeover, run: r, beatAfterEndMs: lastBeat - endedAt, alive };
  },

  /**
   * Writes while TASKS.md is held open: let go within the retries, and held for good. This
   * process holds it (opened before the add starts, so no race with a holder starting), and
   * lets go of it when the add says it was refused and will try again
   * (TASKGATE_TEST_TELL_RETRY): the retry path ran, whatever the machine's speed.
   */
  async held() {
    const dir = fresh("held");
    const tasks = join(dir, "TASKS.md");
    const retry = "taskgate-test: replacing ";
    let fd = fs.openSync(tasks, "r");
    let openAtRetry = false;
    const { child, ...briefAdd } = await tgAsync(
      dir,
      ["add", "Briefly held"],
      { TASKGATE_TEST_TELL_RETRY: "1" },
      (e) => {
        if (fd === undefined || !e.includes(retry)) return;
        openAtRetry = true;
        fs.closeSync(fd);
        fd = undefined;
      },
    );
    if (fd !== undefined) fs.closeSync(fd);
    fd = fs.openSync(tasks, "r");
    const before = fs.readFileSync(tasks, "utf8");
    const t = Date.now();
    const heldAdd = tg(dir, ["add", "Held for good"], { TASKGATE_TEST_TELL_RETRY: "1" });
    heldAdd.ms = Date.now() - t;
    const after = fs.readFileSync(tasks, "utf8");
    fs.closeSync(fd);
    const left = fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"));
    return { openAtRetry, briefAdd, heldAdd, unchanged: before === after, left, tasks: fs.readFileSync(tasks, "utf8") };
  },

  /** The schtasks entry, printed and read back through cmd.exe, and --write; schtasks is the printer. */
  async schtasks() {
    const dir = fresh(plan.oddName);
    const env = {
      PATH: `${plan.printerDir};${process.env.PATH}`,
      NODE_OPTIONS: `--require "${plan.printer.replaceAll("\\", "/")}"`,
    };
    const printed = tg(dir, ["schedule", "install", "--windows", "--every", "15m"]);
    const line = printed.stdout.trim();
    const argFile = join(plan.work, "printed-args.json");
    const pasted = cmdLine(dir, line, { ...env, ARGS_OUT: argFile });
    const fromPaste = fs.existsSync(argFile) ? JSON.parse(fs.readFileSync(argFile, "utf8")) : null;
    const writeFile = join(plan.work, "write-args.json");
    const written = tg(dir, ["schedule", "install", "--windows", "--every", "15m", "--write"], {
      ...env,
      ARGS_OUT: writeFile,
    });
    const fromWrite = fs.existsSync(writeFile) ? JSON.parse(fs.readFileSync(writeFile, "utf8")) : null;
    return { dir, node, printed, pasted, fromPaste, written, fromWrite };
  },

  /**
   * A lock folder an older taskgate left (stale) where the lock file goes: taken over, not
   * refused for good. Where the lock file goes is found from a write paused under it.
   */
  async oldLock() {
    const dir = fresh("old lock");
    const resume = join(plan.work, "old-lock-resume");
    fs.writeFileSync(resume, "");
    const paused = tgAsync(dir, ["add", "Found the lock"], {
      TASKGATE_TEST_STOP_BEFORE: "rename",
      TASKGATE_TEST_RESUME_FILE: resume,
    });
    const top = join(require("node:os").tmpdir(), "taskgate-user");
    const locks = () =>
      fs.existsSync(top)
        ? fs.readdirSync(top).flatMap((d) =>
            fs
              .readdirSync(join(top, d))
              .filter((n) => n.endsWith(".lock"))
              .map((n) => join(top, d, n)),
          )
        : [];
    let found = [];
    for (let i = 0; i < 600 && found.length === 0; i++) {
      await sleep(50);
      found = locks();
    }
    fs.rmSync(resume, { force: true });
    const { child, ...first } = await paused;
    const lock = found[0];
    if (found.length !== 1 || fs.existsSync(lock)) return { first, found };
    // As an older taskgate left it: a folder with its owner inside, not touched for an hour.
    fs.mkdirSync(lock);
    fs.writeFileSync(join(lock, "owner"), "1234");
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(lock, hourAgo, hourAgo);
    const add = tg(dir, ["add", "After the old lock"]);
    return { first, found, add, lockLeft: fs.existsSync(lock), tasks: fs.readFileSync(join(dir, "TASKS.md"), "utf8") };
  },

  /**
   * One folder, two spellings: a writer paused under the lock of one holds off the other. The
   * first waits (no SIGSTOP on Windows) until the file `resume` is removed, once the second
   * has answered, however long the second takes to start.
   */
  async lock() {
    const dir = fresh("wd");
    const [a, b] = plan.spellings;
    const resume = join(plan.work, "lock-resume");
    fs.writeFileSync(resume, "");
    const c = spawn(node, [plan.bin, "add", "First"], {
      cwd: a,
      env: envOf({ TASKGATE_TEST_STOP_BEFORE: "rename", TASKGATE_TEST_RESUME_FILE: resume }),
    });
    const first = { stdout: "", stderr: "" };
    c.stdout.on("data", (d) => (first.stdout += d));
    c.stderr.on("data", (d) => (first.stderr += d));
    const ended = new Promise((r) =>
      c.on("close", (code) => {
        first.code = code;
        r();
      }),
    );
    for (let i = 0; i < 600 && !first.stderr.includes("stopped before rename"); i++) await sleep(50);
    const other = tg(b, ["add", "Second"], { TASKGATE_LOCK_TIMEOUT_MS: "300" });
    // Still paused when the second answered: it met the first's lock, not a finished write.
    const pausedThrough = first.code === undefined;
    fs.rmSync(resume, { force: true });
    await ended;
    return { first, other, pausedThrough, tasks: fs.readFileSync(join(dir, "TASKS.md"), "utf8") };
  },
};

(async () => {
  for (const name of plan.cases) {
    const t = Date.now();
    try {
      results[name] = await cases[name]();
    } catch (e) {
      results[name] = { crashed: String(e?.stack ?? e) };
    }
    results[name].ms = Date.now() - t;
    fs.writeFileSync(resultsPath, JSON.stringify(results, null, 1));
  }
  process.exit(0);
})();
