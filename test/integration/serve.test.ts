// taskgate serve as users run it: a real server process on 127.0.0.1, real ledgers changed by
// real CLI processes, the page in Debian's headless Chromium (a screenshot is kept in
// test-output/). Every wait is bounded; every server is stopped in afterAll.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launch } from "../support/browser.js";
import { findChromium } from "../support/chromium.js";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { CLI, ROOT } from "../support/paths.js";

const ROLES = ["boss: CMD", "w1: WORK", "rev: AUDIT", "aud: WORK, AUDIT"];
const XSS = "<img src=x onerror=alert(1)>";

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const servers: Server[] = [];
const browsers: Browser[] = [];
/** Folders a test made beyond the shared board, removed once the servers have stopped. */
const made: string[] = [];

/** Starts `taskgate --as <as> serve --port 0 ...args` and waits (at most 20 s) for its first line. */
function startServer(dir: string, as: string, args: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [CLI, "--as", as, "serve", "--port", "0", ...args], {
    cwd: dir,
    env: baseEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let out = "";
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 20 s: ${stderr}`)), 20_000);
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      const url = out.slice(0, nl);
      const u = new URL(url);
      const s: Server = {
        child,
        url,
        origin: u.origin,
        token: u.searchParams.get("token") ?? "",
        get stderr() {
          return stderr;
        },
        exited,
      };
      servers.push(s);
      resolve(s);
    });
    child.on("exit", () => reject(new Error(`serve ended before printing a URL: ${stderr}`)));
  });
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP request, with the headers given (no token unless given); the body read whole (at most 10 s). */
function http(
  s: Server,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; firstChunk?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${s.origin}${path}`,
      { method: opts.method ?? "GET", headers: opts.headers ?? {}, timeout: 10_000 },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => {
          body += d.toString();
          // The events stream never ends: its first event is enough.
          if (opts.firstChunk) {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          }
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${path}: no answer in 10 s`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** The events stream, read as it comes: `hello` once connected, `change(ms)` at the next change event. */
function events(s: Server): { hello: Promise<void>; change: (ms: number) => Promise<void>; close: () => void } {
  let said = "";
  const waiting: (() => void)[] = [];
  let helloed: () => void = () => undefined;
  const hello = new Promise<void>((r) => {
    helloed = r;
  });
  const req = request(`${s.origin}/events`, { headers: { authorization: `Bearer ${s.token}` } }, (res) => {
    res.on("data", (d: Buffer) => {
      said += d.toString();
      for (let end = said.indexOf("\n\n"); end >= 0; end = said.indexOf("\n\n")) {
        const ev = said.slice(0, end);
        said = said.slice(end + 2);
        if (ev.includes("event: hello")) helloed();
        if (ev.includes("event: change")) for (const w of waiting.splice(0)) w();
      }
    });
  });
  req.on("error", () => undefined);
  req.end();
  return {
    hello,
    change: (ms) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no change event in ${ms} ms`)), ms);
        waiting.push(() => {
          clearTimeout(t);
          resolve();
        });
      }),
    close: () => req.destroy(),
  };
}

const bearer = (s: Server) => ({ authorization: `Bearer ${s.token}` });

function chromium(): string {
  const c = findChromium();
  expect(c, "Debian's chromium is needed for this test: apt-get install chromium (.ci/run does)").toBeDefined();
  return c as string;
}

async function browser(): Promise<Browser> {
  const b = await launch(chromium());
  browsers.push(b);
  return b;
}

/** Every file under `dir` but git's objects and logs, with its size: what a run may leave behind. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (rel === join(".git", "objects") || rel === join(".git", "logs")) continue;
      if (e.isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

async function requestApproval(dir: string, as: string, subject: string): Promise<string> {
  const r = await runCli(["--as", as, "approval", "request", subject], { cwd: dir });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

let dir: string;

beforeAll(async () => {
  dir = await makeRepo(ROLES);
  for (const [t, extra] of [
    [XSS, ["--ready"]],
    ["Ship the release", ["--labels", "phase-1"]],
    ["Write the notes", ["--labels", "phase-2", "--ready"]],
  ] as const) {
    const r = await runCli(["--as", "boss", "add", t, ...extra], { cwd: dir });
    expect(r.stderr).toBe("");
  }
  // Two phases (docs/forecast.md); the tasks join them through their phase field.
  const tasksPath = join(dir, "TASKS.md");
  writeFileSync(
    tasksPath,
    readFileSync(tasksPath, "utf8").replace(
      "## Schedules\n",
      "## Phases\n- release: 2026-12-20\n- notes:\n\n## Schedules\n",
    ),
  );
  expect((await runCli(["--as", "boss", "set", "T-2", "phase=release"], { cwd: dir })).stderr).toBe("");
  expect((await runCli(["--as", "boss", "set", "T-3", "phase=notes"], { cwd: dir })).stderr).toBe("");
  expect((await runCli(["--as", "w1", "claim", "T-3"], { cwd: dir })).code).toBe(0);
  expect(
    (await runCli(["--as", "w1", "block", "T-3", "--reason", "waiting for <b>legal</b>"], { cwd: dir })).code,
  ).toBe(0);
}, 60_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGINT");
    await Promise.race([s.exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  }
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe("taskgate serve: the page", () => {
  it("loads with no console error and no blocked request, escapes titles, follows a CLI add within 1 s", async () => {
    const s = await startServer(dir, "boss");
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const b = await browser();
    await b.open(s.url);
    // The token is now in a cookie, and out of the address bar.
    expect(await b.evaluate("location.pathname + location.search")).toBe("/");
    expect(await b.waitFor("document.getElementById('live').className === 'on'", 10_000)).toBe(true);
    expect(await b.evaluate("document.querySelector('[data-task=\"T-1\"] .title').textContent")).toBe(XSS);
    expect(await b.evaluate("document.querySelectorAll('#board img').length")).toBe(0);
    expect(await b.evaluate("document.querySelector('[data-task=\"T-3\"] .blocked').textContent")).toBe(
      "Blocked: waiting for <b>legal</b>",
    );
    expect(await b.evaluate("document.querySelector('[data-task=\"T-3\"] .lease').textContent")).toMatch(
      /^w1@\S+ · \d+m left$/,
    );
    expect(
      await b.evaluate("[...document.querySelectorAll('#phases li > span:first-child')].map((e) => e.textContent)"),
    ).toEqual(["release", "notes"]);
    expect(await b.evaluate("document.querySelector('#phases li:nth-child(2)').textContent")).toContain("blocked: T-3");
    expect(await b.evaluate("document.querySelectorAll('#metrics dd').length")).toBe(4);

    // Another process adds a task: the open page shows it within a second of the write.
    const add = await runCli(["--as", "boss", "add", "Arrives live"], { cwd: dir });
    expect(add.stdout.trim()).toBe("T-4");
    const written = Date.now();
    const seen = await b.waitFor(
      "[...document.querySelectorAll('[data-state=\"PLAN\"] .title')].some((e) => e.textContent === 'Arrives live')",
      5_000,
    );
    const after = Date.now() - written;
    expect(seen).toBe(true);
    expect(after, `the page showed T-4 ${after} ms after the add ended`).toBeLessThan(1_000);

    // A hand edit (any writer, not only taskgate) is followed too.
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("Arrives live", "Edited by hand"));
    expect(
      await b.waitFor("document.querySelector('[data-task=\"T-4\"] .title').textContent === 'Edited by hand'", 5_000),
    ).toBe(true);
    writeFileSync(join(dir, "TASKS.md"), read(dir, "TASKS.md").replace("Edited by hand", "Arrives live"));

    const shots = join(ROOT, "test-output");
    mkdirSync(shots, { recursive: true });
    await b.screenshot(join(shots, "serve-board.png"));
    expect(statSync(join(shots, "serve-board.png")).size).toBeGreaterThan(10_000);
    expect(b.errors).toEqual([]);
    expect(b.blocked).toEqual([]);
  }, 90_000);

  it("at phone width, in the dark scheme, still has no error", async () => {
    const s = await startServer(dir, "boss", ["--read-only"]);
    const b = await browser();
    await b.emulate(390, 844, "dark");
    await b.open(s.url);
    expect(await b.evaluate("[innerWidth, document.documentElement.scrollWidth]")).toEqual([390, 390]);
    expect(await b.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")).toBe(true);
    expect(await b.evaluate("getComputedStyle(document.body).backgroundColor")).toBe("rgb(18, 18, 18)");
    // Read-only: no decision anywhere on the page.
    expect(await b.evaluate("document.querySelectorAll('button[data-act]').length")).toBe(0);
    await b.screenshot(join(ROOT, "test-output", "serve-phone.png"));
    expect(b.errors).toEqual([]);
    expect(b.blocked).toEqual([]);
  }, 60_000);
});

describe("taskgate serve: decisions from the page", () => {
  it("approve as an AUDIT actor writes the decision; as the requester, the page shows the four-eyes refusal and nothing is written", async () => {
    const mine = await requestApproval(dir, "aud", "Deploy on Friday");
    const theirs = await requestApproval(dir, "boss", "Rotate the keys");

    const asRequester = await startServer(dir, "aud");
    const b = await browser();
    await b.open(asRequester.url);
    const before = read(dir, "APPROVALS.md");
    await b.evaluate(`document.querySelector('[data-approval="${mine}"] button[data-act="approve"]').click()`);
    const said = await b.waitFor<string>(
      "document.getElementById('notice').classList.contains('bad') && document.getElementById('notice').textContent",
      10_000,
    );
    expect(said).toBe(`aud requested ${mine} and may not decide it; another AUDIT actor must (four eyes)`);
    expect(read(dir, "APPROVALS.md")).toBe(before);
    // The CLI says the same sentence.
    const cli = await runCli(["--as", "aud", "approve", mine], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toBe(`taskgate: ${said}\n`);

    const asAuditor = await startServer(dir, "rev");
    const b2 = await browser();
    await b2.open(asAuditor.url);
    await b2.evaluate(`document.querySelector('[data-approval="${theirs}"] button[data-act="approve"]').click()`);
    const notice = (text: string) => `document.getElementById('notice').textContent === ${JSON.stringify(text)}`;
    expect(await b2.waitFor(notice(`${theirs} approved`), 10_000)).toBe(true);
    const shown = await runCli(["approval", "show", theirs, "--json"], { cwd: dir });
    expect(JSON.parse(shown.stdout).approval).toMatchObject({ status: "approved", approver: "rev" });
    // And the page follows its own decision: the request leaves the pending list.
    expect(await b2.waitFor(`document.querySelector('[data-approval="${theirs}"]') === null`, 5_000)).toBe(true);

    // Reject needs a reason: the page asks for one before sending anything.
    await b2.evaluate(`document.querySelector('[data-approval="${mine}"] button[data-act="reject"]').click()`);
    expect(await b2.evaluate("document.getElementById('notice').textContent")).toBe(
      `Write a reason to reject ${mine}.`,
    );
    expect(read(dir, "APPROVALS.md")).toMatch(new RegExp(`## ${mine}[^#]*- status: pending`));
    await b2.evaluate(
      `(() => { const c = document.querySelector('[data-approval="${mine}"]'); c.querySelector('input[name=reason]').value = 'not on a Friday'; c.querySelector('button[data-act="reject"]').click(); })()`,
    );
    expect(await b2.waitFor(notice(`${mine} rejected`), 10_000)).toBe(true);
    expect(read(dir, "APPROVALS.md")).toMatch(new RegExp(`## ${mine}[^#]*- status: rejected`));
    // The refused POST is the one error Chromium logs (any 4xx answer is logged): nothing else.
    expect(b.errors).toEqual([
      expect.stringMatching(
        /^log: Failed to load resource: the server responded with a status of 403 .*\/api\/approve$/,
      ),
    ]);
    expect(b2.errors).toEqual([]);
  }, 90_000);

  it("accept and rework from the page (rework with its reason) move the tasks as the CLI would", async () => {
    for (const t of ["Review me", "Send me back"]) {
      const add = await runCli(["--as", "boss", "add", t, "--ready"], { cwd: dir });
      const id = add.stdout.trim();
      expect((await runCli(["--as", "w1", "claim", id], { cwd: dir })).code).toBe(0);
      expect((await runCli(["--as", "w1", "submit", id], { cwd: dir })).code).toBe(0);
    }
    const list = JSON.parse((await runCli(["list", "--state", "REVIEW", "--json"], { cwd: dir })).stdout);
    const [accepted, reworked] = list.tasks.map((t: { id: string }) => t.id) as [string, string];
    const s = await startServer(dir, "rev");
    const b = await browser();
    await b.open(s.url);
    const notice = (text: string) => `document.getElementById('notice').textContent === ${JSON.stringify(text)}`;
    await b.evaluate(`document.querySelector('[data-task="${accepted}"] button[data-act="accept"]').click()`);
    expect(await b.waitFor(notice(`${accepted} REVIEW -> DONE`), 10_000)).toBe(true);
    await b.evaluate(
      `(() => { const c = document.querySelector('[data-task="${reworked}"]'); c.querySelector('input[name=reason]').value = 'tests <missing>'; c.querySelector('button[data-act="rework"]').click(); })()`,
    );
    expect(await b.waitFor(notice(`${reworked} REVIEW -> DOING`), 10_000)).toBe(true);
    const shown = (id: string) => runCli(["show", id, "--json"], { cwd: dir }).then((r) => JSON.parse(r.stdout).task);
    expect((await shown(accepted)).state).toBe("DONE");
    expect((await shown(reworked)).state).toBe("DOING");
    expect(read(dir, "TASKS.md")).toContain("tests <missing>");
    // Both cards moved on the page itself.
    expect(
      await b.waitFor(
        `document.querySelector('[data-state="DONE"] [data-task="${accepted}"]') !== null && document.querySelector('[data-state="DOING"] [data-task="${reworked}"]') !== null`,
        5_000,
      ),
    ).toBe(true);
    expect(b.errors).toEqual([]);
  }, 90_000);

  it("ready, and the role check's sentence for an actor without the role", async () => {
    const asWorker = await startServer(dir, "w1");
    const h = { ...bearer(asWorker), origin: asWorker.origin, "content-type": "application/json" };
    const denied = await http(asWorker, "/api/ready", { method: "POST", headers: h, body: '{"id":"T-2"}' });
    expect(denied.status).toBe(403);
    const cli = await runCli(["--as", "w1", "ready", "T-2"], { cwd: dir });
    expect(JSON.parse(denied.body).error).toMatchObject({ code: "ROLE_DENIED" });
    expect(cli.stderr).toBe(`taskgate: ${JSON.parse(denied.body).error.message}\n`);
    // Decisions too (docs/serve.md): an approval that is not there is 404, a WORK actor's 403.
    const missing = await http(asWorker, "/api/approve", { method: "POST", headers: h, body: '{"id":"A-999"}' });
    expect([missing.status, JSON.parse(missing.body).error.code]).toEqual([404, "NOT_FOUND"]);
    const pending = await requestApproval(dir, "boss", "Rename the bucket");
    const notTheirs = await http(asWorker, "/api/approve", {
      method: "POST",
      headers: h,
      body: JSON.stringify({ id: pending }),
    });
    expect([notTheirs.status, JSON.parse(notTheirs.body).error.code]).toEqual([403, "ROLE_DENIED"]);

    const asBoss = await startServer(dir, "boss");
    const ok = await http(asBoss, "/api/ready", {
      method: "POST",
      headers: { ...bearer(asBoss), origin: asBoss.origin, "content-type": "application/json" },
      body: '{"id":"t2"}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ schema: "taskgate.transition", id: "T-2", from: "PLAN", to: "READY" });
    expect(read(dir, "TASKS.md")).toMatch(/## T-2 [^\n]*\n- state: READY/);
  }, 60_000);
});

describe("taskgate serve: safe by default", () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer(dir, "boss");
  });

  it("answers 401 without the token, or with a wrong one, for the page, the API and the events", async () => {
    for (const path of ["/", "/fragment", "/api/status", "/api/list", "/events", "/?token=wrong"]) {
      const a = await http(s, path);
      expect(a.status, path).toBe(401);
      expect(a.body).not.toContain("T-1");
    }
    const wrong = await http(s, "/api/status", {
      headers: { authorization: "Bearer x", cookie: `taskgate-1=${s.token}` },
    });
    expect(wrong.status).toBe(401);
    // With it: the cookie is HttpOnly and SameSite=Strict, and the page carries a strict CSP.
    const first = await http(s, `/?token=${s.token}`);
    expect(first.status).toBe(303);
    const cookie = String(first.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await http(s, "/", { headers: { cookie: cookie.split(";")[0] as string } });
    expect(page.status).toBe(200);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).not.toMatch(/unsafe/);
    const events = await http(s, "/events", { headers: bearer(s), firstChunk: true });
    expect(events.status).toBe(200);
    expect(events.headers["content-type"]).toMatch(/text\/event-stream/);
  });

  it("refuses a decision from a foreign Origin, without one, or by GET, and writes nothing", async () => {
    const id = await requestApproval(dir, "boss", "Open the firewall");
    const asAuditor = await startServer(dir, "rev");
    const before = [read(dir, "TASKS.md"), read(dir, "APPROVALS.md")];
    const body = JSON.stringify({ id });
    const json = { ...bearer(asAuditor), "content-type": "application/json" };
    const foreign = await http(asAuditor, "/api/approve", {
      method: "POST",
      headers: { ...json, origin: "http://evil.example" },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toMatch(
      /must come from this board's page .* not from http:\/\/evil\.example/,
    );
    const none = await http(asAuditor, "/api/approve", { method: "POST", headers: json, body });
    expect(none.status).toBe(403);
    const get = await http(asAuditor, `/api/approve?id=${id}`, { headers: { ...json, origin: asAuditor.origin } });
    expect(get.status).toBe(405);
    // Another host name for our address (DNS rebinding) is turned away before anything else.
    const rebound = await http(asAuditor, "/api/status", { headers: { ...json, host: "evil.example" } });
    expect(rebound.status).toBe(421);
    expect([read(dir, "TASKS.md"), read(dir, "APPROVALS.md")]).toEqual(before);
  });

  it("--read-only refuses every decision", async () => {
    const ro = await startServer(dir, "rev", ["--read-only"]);
    const before = read(dir, "APPROVALS.md");
    const pending = JSON.parse((await http(ro, "/api/approvals?status=pending", { headers: bearer(ro) })).body);
    expect(pending.count).toBeGreaterThan(0);
    const a = await http(ro, "/api/approve", {
      method: "POST",
      headers: { ...bearer(ro), origin: ro.origin, "content-type": "application/json" },
      body: JSON.stringify({ id: pending.approvals[0].id }),
    });
    expect(a.status).toBe(403);
    expect(JSON.parse(a.body).error.message).toMatch(/read-only/);
    expect(read(dir, "APPROVALS.md")).toBe(before);
  });
});

describe("taskgate serve: the JSON API", () => {
  it("gives the same documents as --json, byte for byte", async () => {
    const now = "2026-12-06T10:00:00Z";
    const s = await startServer(dir, "boss", [], { TASKGATE_NOW: now });
    const pairs: [string, string[]][] = [
      ["/api/status", ["status", "--json"]],
      ["/api/list", ["list", "--json"]],
      ["/api/list?state=ready,plan&label=phase-2", ["list", "--state", "ready,plan", "--label", "phase-2", "--json"]],
      ["/api/show/T-1", ["show", "T-1", "--json"]],
      ["/api/approvals", ["approvals", "--json"]],
      ["/api/approvals?status=pending", ["approvals", "--status", "pending", "--json"]],
      ["/api/metrics", ["metrics", "--json"]],
      ["/api/metrics?since=2026-12-01", ["metrics", "--since", "2026-12-01", "--json"]],
    ];
    for (const [path, args] of pairs) {
      const api = await http(s, path, { headers: bearer(s) });
      const cli = await runCli(["--as", "boss", ...args], { cwd: dir, env: { TASKGATE_NOW: now } });
      expect(api.status, path).toBe(200);
      expect(api.headers["content-type"]).toMatch(/application\/json/);
      expect(api.body, path).toBe(cli.stdout);
    }
    const missing = await http(s, "/api/show/T-99", { headers: bearer(s) });
    const cli = await runCli(["--as", "boss", "show", "T-99"], { cwd: dir });
    expect(missing.status).toBe(404);
    expect(cli.stderr).toBe(`taskgate: ${JSON.parse(missing.body).error.message}\n`);
    // A mistyped status is one sentence, not an empty list: 400 here, exit 2 there.
    const typo = await http(s, "/api/approvals?status=pendng", { headers: bearer(s) });
    const typoCli = await runCli(["--as", "boss", "approvals", "--status", "pendng"], { cwd: dir });
    expect(typo.status).toBe(400);
    expect(JSON.parse(typo.body).error).toMatchObject({
      code: "INVALID_ARGUMENT",
      message: 'Unknown approval status "pendng"; expected pending|approved|rejected|superseded',
    });
    expect([typoCli.code, typoCli.stderr]).toEqual([2, `taskgate: ${JSON.parse(typo.body).error.message}\n`]);
  }, 60_000);
});

describe("taskgate serve: a shared board", () => {
  it("follows the branch's ref: an add from another worktree is pushed to the page's stream within 1 s", async () => {
    const repo = await makeRepo(ROLES);
    const git = (cwd: string, ...a: string[]) => execFileSync("git", a, { cwd, stdio: "pipe" });
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "init");
    expect((await runCli(["share"], { cwd: repo })).code).toBe(0);
    const other = join(mkdtempSync(join(tmpdir(), "taskgate-serve-wt-")), "b");
    git(repo, "worktree", "add", "-q", other);
    const s = await startServer(repo, "boss");
    const status = JSON.parse((await http(s, "/api/status", { headers: bearer(s) })).body);
    expect(status.board).toBe("shared on branch taskgate by every worktree of this clone");
    const stream = events(s);
    await stream.hello;
    const add = await runCli(["--as", "boss", "add", "From the other worktree"], { cwd: other });
    expect(add.stdout.trim()).toBe("T-1");
    const written = Date.now();
    await stream.change(5_000);
    const after = Date.now() - written;
    expect(after, `the change event came ${after} ms after the add ended`).toBeLessThan(1_000);
    const list = JSON.parse((await http(s, "/api/list", { headers: bearer(s) })).body);
    expect(list.tasks.map((t: { title: string }) => t.title)).toEqual(["From the other worktree"]);
    stream.close();
  }, 60_000);
});

describe("taskgate serve: its arguments", () => {
  it("a port that is not a number, or one in use: one sentence, exit 2", async () => {
    const bad = await runCli(["--as", "boss", "serve", "--port", "http"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('taskgate: Expected a port from 0 to 65535, found "http"\n');
    const s = await startServer(dir, "boss");
    const port = new URL(s.url).port;
    const taken = await runCli(["--as", "boss", "serve", "--port", port], { cwd: dir });
    expect(taken.code).toBe(2);
    expect(taken.stdout).toBe("");
    expect(taken.stderr).toBe(
      `taskgate: Port ${port} on 127.0.0.1 is in use; choose another with --port N, or --port 0 for any free one\n`,
    );
  }, 30_000);

  it("--open hands the URL, token included, to the system's opener", async () => {
    const bin = mkdtempSync(join(tmpdir(), "taskgate-serve-bin-"));
    const opened = join(bin, "opened.txt");
    writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
    const s = await startServer(dir, "boss", ["--open"], { PATH: `${bin}:${process.env.PATH}` });
    const end = Date.now() + 10_000;
    let got = "";
    while (!got && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      got = existsSync(opened) ? readFileSync(opened, "utf8") : "";
    }
    expect(got).toBe(s.url);
  }, 30_000);
});

describe("taskgate serve: the page in Japanese", () => {
  const LONG = `${"自動承認ルールの実装".repeat(12)}と📋要約`; // one run with nowhere to break but between characters

  async function japaneseBoard(): Promise<string> {
    const d = await makeRepo(ROLES);
    // The long CJK title; a long name with no space in a Japanese title (unbreakable without
    // overflow-wrap), as Japanese teams write them.
    const mixed = `設定キー taskgate.share.${"remote_branch_name_".repeat(8)}を確認する`;
    for (const t of ["セッション自動化", LONG, "エラー回復の改善とテスト", mixed]) {
      expect((await runCli(["--as", "boss", "add", "--ready", t], { cwd: d })).code).toBe(0);
    }
    expect((await runCli(["--as", "w1", "claim", "T-3"], { cwd: d })).code).toBe(0);
    expect((await runCli(["--as", "w1", "block", "T-3", "--reason", "法務の確認待ち"], { cwd: d })).code).toBe(0);
    await requestApproval(d, "boss", "T-1");
    return d;
  }

  it("under LANG=ja_JP.UTF-8 the page says lang=ja and its labels in Japanese; under LANG=C, English", async () => {
    const d = await japaneseBoard();
    const ja = await startServer(d, "aud", [], { LANG: "ja_JP.UTF-8" });
    const page = await http(ja, "/", { headers: bearer(ja) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="ja">');
    expect(page.body).toContain("<title>taskgate ボード</title>");
    expect(page.body).toMatch(/<p class="who"><b>aud<\/b> として操作中 \(WORK, AUDIT\)/);
    expect(page.body).toContain("<h2>保留中の承認（1 件）</h2>");
    expect(page.body).toContain(">承認する</button>");
    expect(page.body).toContain(">却下する</button>");
    expect(page.body).toContain('<div class="blocked">ブロック中: 法務の確認待ち</div>');
    expect(page.body).toMatch(/<div class="lease">w1@\S+ · 残り \d+m<\/div>/);
    expect(page.body).toContain("<h2>READY <span"); // state names stay
    expect(page.body).toContain(`<span class="title">${LONG}</span>`); // titles as they are
    expect(page.body).toContain('"reconnecting":"再接続中"'); // the script's words
    expect(page.body).not.toMatch(/Acting as|Approvals pending|>Approve<|Blocked:/);
    // The fragment the script swaps in is in the same language.
    const fragment = await http(ja, "/fragment", { headers: bearer(ja) });
    expect(fragment.body).toContain("保留中の承認（1 件）");

    const c = await startServer(d, "aud", [], { LANG: "C" });
    const english = await http(c, "/", { headers: bearer(c) });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toMatch(/<p class="who">Acting as <b>aud<\/b> \(WORK, AUDIT\)/);
    expect(english.body).toContain("<h2>Approvals pending (1)</h2>");
    expect(english.body).toContain('<div class="blocked">Blocked: 法務の確認待ち</div>');
    expect(english.body).not.toMatch(/として操作中|保留中の承認|>承認する<|ブロック中|"再接続中"/);
    // The API's JSON is the same in both.
    const [apiJa, apiC] = await Promise.all([
      http(ja, "/api/status", { headers: bearer(ja) }),
      http(c, "/api/status", { headers: bearer(c) }),
    ]);
    expect(JSON.parse(apiJa.body).tasks).toEqual(JSON.parse(apiC.body).tasks);
  }, 60_000);

  it("in Chromium: Japanese faces, the script's words in Japanese, and no card overflows, wide or narrow", async () => {
    const fonts = execFileSync("fc-list", [":lang=ja", "family"], { encoding: "utf8" });
    expect(fonts, "Debian's fonts-noto-cjk is needed: apt-get install fonts-noto-cjk (.ci/run does)").toContain(
      "Noto Sans CJK JP",
    );
    const d = await japaneseBoard();
    const s = await startServer(d, "aud", [], { LANG: "ja_JP.UTF-8" });
    const b = await browser();
    await b.open(s.url);
    expect(await b.waitFor("document.getElementById('live').className === 'on'", 10_000)).toBe(true);
    expect(await b.evaluate("document.documentElement.lang")).toBe("ja");
    expect(await b.evaluate("document.getElementById('live').textContent")).toBe("ライブ");
    expect(await b.evaluate("getComputedStyle(document.body).fontFamily")).toMatch(
      /Hiragino Sans.*Yu Gothic.*Noto Sans CJK JP.*Meiryo/,
    );
    // A message the script writes: a rejection needs a reason.
    await b.evaluate("document.querySelector('[data-approval] button[data-act=\"reject\"]').click()");
    expect(await b.waitFor("document.getElementById('notice').textContent", 5000)).toBe(
      "reject A-1 の理由を書いてください。",
    );
    for (const [width, height] of [
      [1280, 1600],
      [390, 844],
    ] as const) {
      await b.emulate(width, height, "light");
      const overflowing = await b.evaluate<string[]>(
        "[...document.querySelectorAll('.card, .col')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent.slice(0, 20))",
      );
      expect(overflowing, `at ${width} px`).toEqual([]);
      expect(await b.evaluate("document.querySelectorAll('.card').length")).toBe(5); // 4 tasks, 1 approval
      // The long title wraps inside its card: the card is several lines high.
      const tall = await b.evaluate<number>(
        "document.querySelector('[data-task=\"T-2\"]').getBoundingClientRect().height / parseFloat(getComputedStyle(document.body).lineHeight)",
      );
      expect(tall, `at ${width} px`).toBeGreaterThan(3);
      expect(await b.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).toBe(
        true,
      );
    }
    mkdirSync(join(ROOT, "test-output"), { recursive: true });
    await b.screenshot(join(ROOT, "test-output", "serve-ja.png"));
    expect(b.errors).toEqual([]);
  }, 90_000);
});

describe("taskgate serve: the end", () => {
  it("SIGINT ends it with 0, leaving no lock or temp file", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "taskgate-serve-tmp-"));
    const id = await requestApproval(dir, "boss", "Before the end");
    const before = listing(dir);
    const s = await startServer(dir, "rev", [], { TMPDIR: tmp });
    // A decision takes the locks; an open events stream must not hold the server up.
    const stream = http(s, "/events", { headers: bearer(s), firstChunk: true });
    const ok = await http(s, "/api/approve", {
      method: "POST",
      headers: { ...bearer(s), origin: s.origin, "content-type": "application/json" },
      body: JSON.stringify({ id }),
    });
    expect(ok.status).toBe(200);
    await stream;
    s.child.kill("SIGINT");
    const end = await Promise.race([s.exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 10_000))]);
    expect(end, "serve did not end within 10 s of SIGINT").toEqual({ code: 0, signal: null });
    expect(s.stderr).toMatch(/SIGINT; closing/);
    expect(listing(dir)).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readFileSync(join(dir, "APPROVALS.md"), "utf8")).toMatch(new RegExp(`## ${id}[^#]*- status: approved`));
  }, 60_000);
});

describe("taskgate serve: accept ends a task's worktree as the CLI does", () => {
  it("removes the clean worktree (the branch stays) and refuses, changing nothing, while one holds uncommitted work", async () => {
    const repo = await makeRepo(ROLES);
    const trees = mkdtempSync(join(tmpdir(), "taskgate-trees-"));
    made.push(repo, trees);
    writeFileSync(join(repo, "README.md"), "hello\n");
    execFileSync("git", ["add", "-A"], { cwd: repo });
    execFileSync("git", ["commit", "-qm", "first"], { cwd: repo });
    const env = { TASKGATE_WORKTREES: trees };
    const folders: string[] = [];
    for (const title of ["Clean work", "Dirty work"]) {
      expect((await runCli(["--as", "boss", "add", title, "--ready"], { cwd: repo, env })).code).toBe(0);
      const id = `T-${folders.length + 1}`;
      const claim = await runCli(["--as", "w1", "claim", id, "--worktree", "--json"], { cwd: repo, env });
      expect(claim.code, claim.stderr).toBe(0);
      folders.push(JSON.parse(claim.stdout).worktree.path);
      expect((await runCli(["--as", "w1", "submit", id], { cwd: repo, env })).code).toBe(0);
    }
    const [clean, dirty] = folders as [string, string];
    writeFileSync(join(dirty, "notes.txt"), "not committed\n");
    const s = await startServer(repo, "rev", [], env);
    const post = (id: string) =>
      http(s, "/api/accept", {
        method: "POST",
        headers: { ...bearer(s), origin: s.origin, "content-type": "application/json" },
        body: JSON.stringify({ id }),
      });
    const ok = await post("T-1");
    expect(ok.status, ok.body).toBe(200);
    expect(JSON.parse(ok.body).message).toBe(
      `T-1 REVIEW -> DONE; Removed T-1's worktree ${clean}; its branch task/T-1-clean-work stays`,
    );
    expect(existsSync(clean)).toBe(false);
    expect(read(repo, "TASKS.md")).not.toMatch(/## T-1 [^#]*- worktree:/);
    const before = read(repo, "TASKS.md");
    const refused = await post("T-2");
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body).error.message).toContain("has uncommitted work (?? notes.txt)");
    expect(existsSync(join(dirty, "notes.txt"))).toBe(true);
    expect(read(repo, "TASKS.md")).toBe(before);
  }, 60_000);
});
