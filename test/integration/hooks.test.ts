// Event hooks with real processes and a real HTTP receiver on 127.0.0.1 (docs/hooks.md): a
// receiver down for the first deliveries gets every event exactly once, in order, once it is
// back, with detached deliverers and two watches racing; a write whose process delivers
// nothing (killed right after it) and a deliverer killed mid-delivery still have their event
// delivered by the next `watch --once`; a hook that sleeps 30 s does not delay its command;
// the events watch makes (recovered, dead-letter, past-sla, schedule-ran) arrive once each;
// the payload's schema, field by field; hooks not trusted on this machine never run; the
// examples of docs/hooks.md (notify-send, the Slack-compatible webhook) run as written there.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeRepo, read, runCli } from "../support/cli.js";
import { git } from "../support/git.js";
import { ROOT } from "../support/paths.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Whether every program is on PATH (the doc's jq and curl example needs both). */
function hasPrograms(...names: string[]): boolean {
  return names.every((n) => spawnSync("sh", ["-c", `command -v ${n}`]).status === 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid a hook program wrote to `file` (waited for, up to 10 s). */
async function pidIn(file: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (/^\d+\n$/.test(text)) return Number(text);
    await sleep(100);
  }
  throw new Error(
    `no pid in ${file} after 10 s: ${JSON.stringify(existsSync(file) ? readFileSync(file, "utf8") : null)}`,
  );
}

interface Receiver {
  readonly url: string;
  /** Every request's body, in arrival order, with the status it was answered with. */
  readonly got: { status: number; body: Record<string, unknown> }[];
  /** The bodies of the requests answered 200. */
  delivered(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** An HTTP receiver on 127.0.0.1 that answers 503 to its first `down` requests. */
async function receiver(down = 0, delayMs = 0): Promise<Receiver> {
  const got: Receiver["got"] = [];
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (d: Buffer) => {
      data += d.toString("utf8");
    });
    req.on("end", () => {
      const status = got.length < down ? 503 : 200;
      got.push({ status, body: JSON.parse(data) as Record<string, unknown> });
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status === 200 ? "ok" : "down");
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    got,
    delivered: () => got.filter((g) => g.status === 200).map((g) => g.body),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A board with workers w1, w2 and auditor a1 (alice, the git user, holds every role), and these hook lines. */
async function board(hooks: string[], env: Record<string, string> = {}): Promise<string> {
  const dir = await makeRepo(["w1: WORK", "w2: WORK", "a1: AUDIT"]);
  dirs.push(dir);
  // A function as replacement: "$$" in a hook stays "$$".
  const text = read(dir, "TASKS.md").replace(
    "## Log",
    () => `## Hooks\n${hooks.map((h) => `- ${h}\n`).join("")}\n## Log`,
  );
  writeFileSync(join(dir, "TASKS.md"), text);
  const check = await runCli(["check"], { cwd: dir, env });
  expect(check.stdout).toContain("ok");
  expect(check.stdout).not.toContain("warning");
  return dir;
}

async function cli(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await runCli(args, { cwd: dir, env });
  if (r.code !== 0) throw new Error(`taskgate ${args.join(" ")} exited ${r.code}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/**
 * The log lines of a ledger, in file order: the chain hash, the event id as docs/hooks.md
 * defines it (sha256 of the ledger's name, a newline and the line between "- " and " ~ ",
 * plus a newline and n for the n-th repeat of one body; 12 hex digits), action and target.
 */
function logOf(
  dir: string,
  file: string,
): { hash: string; id: string; action: string; target: string; line: string }[] {
  const text = read(dir, file);
  const log = text.slice(text.indexOf("## Log"));
  const ledger = file === "TASKS.md" ? "tasks" : "approvals";
  const seen = new Map<string, number>();
  return log
    .split("\n")
    .filter((l) => / ~ [0-9a-f]{12}$/.test(l))
    .map((line) => {
      const words = line.split(" ");
      const body = line.slice(2, -15);
      const n = seen.get(body) ?? 0;
      seen.set(body, n + 1);
      const id = createHash("sha256")
        .update(n === 0 ? `${ledger}\n${body}` : `${ledger}\n${body}\n${n}`)
        .digest("hex")
        .slice(0, 12);
      return { hash: line.slice(-12), id, action: words[4] as string, target: words[5] as string, line };
    });
}

const HEARD: Record<string, string> = {
  claim: "claimed",
  submit: "submitted",
  accept: "accepted",
  rework: "reworked",
  release: "released",
  request: "approval-requested",
  approve: "decided",
  reject: "decided",
};

describe("hooks: delivery from the logs as outbox", () => {
  it("a receiver down for the first 3 deliveries gets every event exactly once, in order per task, once back", async () => {
    const rx = await receiver(3);
    try {
      const dir = await board([`all: retry=200ms..500ms post ${rx.url}`]);
      for (const t of ["one", "two", "three"]) await cli(dir, ["add", "--ready", t]);
      expect(await cli(dir, ["hooks", "trust"])).toContain("trusted TASKS.md:");
      const trustedAt = logOf(dir, "TASKS.md").length;
      const trustedAtA = logOf(dir, "APPROVALS.md").length;
      // Each command starts a detached deliverer: they race each other (and fail 3 times).
      const steps: string[][] = [
        ["--as", "w1", "claim", "T-1"],
        ["--as", "w2", "claim", "T-2"],
        ["--as", "w1", "submit", "T-1"],
        ["--as", "a1", "rework", "T-1", "--reason", "tests missing"],
        ["--as", "w2", "release", "T-2"],
        ["--as", "w1", "claim", "T-1"],
        ["--as", "w1", "submit", "T-1"],
        ["approval", "request", "T-1"],
        ["--as", "a1", "approve", "A-1"],
        ["--as", "a1", "accept", "T-1"],
        ["--as", "w2", "claim", "T-3"],
        ["--as", "w2", "submit", "T-3"],
        ["--as", "a1", "accept", "T-3"],
      ];
      for (const s of steps) await cli(dir, s);
      const tasksLog = logOf(dir, "TASKS.md").slice(trustedAt);
      const approvalsLog = logOf(dir, "APPROVALS.md").slice(trustedAtA);
      const expected = [...tasksLog, ...approvalsLog].filter((l) => HEARD[l.action]);
      expect(expected.length).toBe(13);

      // Two watches at once, again and again, until everything is in (bounded).
      for (let round = 0; round < 60 && rx.delivered().length < expected.length; round++) {
        await Promise.all([runCli(["watch", "--once"], { cwd: dir }), runCli(["watch", "--once"], { cwd: dir })]);
        await sleep(200);
      }
      await sleep(1000); // anything sent twice would arrive now
      const got = rx.delivered();
      expect(rx.got.slice(0, 3).map((g) => g.status)).toEqual([503, 503, 503]);
      const ids = got.map((b) => b.id as string);
      expect(new Set(ids).size).toBe(ids.length); // none twice
      expect([...ids].sort()).toEqual(expected.map((e) => e.id).sort()); // none lost
      // In log order per task (and so per log).
      for (const task of ["T-1", "T-2", "T-3", "A-1"]) {
        const inLog = expected.filter((e) => e.target === task).map((e) => e.id);
        expect(ids.filter((id) => inLog.includes(id))).toEqual(inLog);
      }
      expect(ids.filter((id) => tasksLog.some((l) => l.id === id))).toEqual(
        tasksLog.filter((l) => HEARD[l.action]).map((l) => l.id),
      );
      for (const b of got) {
        const line = expected.find((e) => e.id === b.id);
        expect(b.event).toBe(HEARD[line?.action as string]);
      }
      // Delivered: status says so, and another watch sends nothing.
      expect((await cli(dir, ["status"])).split("\n")).toContain("Hooks: ok");
      const before = rx.got.length;
      expect((await runCli(["watch", "--once"], { cwd: dir })).code).toBe(0);
      expect(rx.got.length).toBe(before);
    } finally {
      await rx.close();
    }
  });

  it("deliverers racing for one hook while writes go on send each event once, in order", async () => {
    const rounds = Number(process.env.TASKGATE_TEST_HOOK_ROUNDS) || 2;
    const rx = await receiver(0, 20); // a slow receiver: the deliverers overlap
    try {
      const dir = await board([`all: post ${rx.url}`]);
      for (let i = 1; i <= 4; i++) await cli(dir, ["add", "--ready", `task ${i}`]);
      await cli(dir, ["hooks", "trust"]);
      for (let round = 0; round < rounds; round++) {
        // Writes (each starting its own deliverer) while 3 `hooks deliver` and 2 watches run.
        const writes = (async () => {
          for (let i = 1; i <= 4; i++) await cli(dir, ["--as", "w1", round % 2 === 0 ? "claim" : "release", `T-${i}`]);
        })();
        await Promise.all([
          writes,
          ...[1, 2, 3].map(() => runCli(["hooks", "deliver"], { cwd: dir })),
          runCli(["watch", "--once"], { cwd: dir }),
          sleep(150).then(() => runCli(["watch", "--once"], { cwd: dir })),
        ]);
        const expected = logOf(dir, "TASKS.md")
          .filter((l) => HEARD[l.action])
          .map((l) => l.id);
        for (let i = 0; i < 20 && rx.delivered().length < expected.length; i++) {
          await runCli(["watch", "--once"], { cwd: dir });
          await sleep(200);
        }
        await sleep(300); // anything sent twice would arrive now
        expect(rx.delivered().map((b) => b.id)).toEqual(expected);
        expect(rx.got.length).toBe(expected.length);
      }
    } finally {
      await rx.close();
    }
  });

  it("a write whose process started no delivery (killed right after it) is delivered by the next watch --once", async () => {
    const rx = await receiver();
    try {
      const dir = await board([`claimed: post ${rx.url}`]);
      await cli(dir, ["add", "--ready", "one"]);
      await cli(dir, ["hooks", "trust"]);
      // Test-only: the command starts no deliverer, as if it had been killed after its write.
      await cli(dir, ["--as", "w1", "claim", "T-1"], { TASKGATE_TEST_NO_HOOK_START: "1" });
      await sleep(1500);
      expect(rx.got).toEqual([]);
      expect(await cli(dir, ["hooks", "list"])).toContain("ok, 1 waiting");
      const w = await runCli(["watch", "--once"], { cwd: dir });
      expect(w.code).toBe(0);
      expect(w.stdout).toContain("hook TASKS.md:");
      expect(w.stdout).toContain("1 event delivered");
      const claim = logOf(dir, "TASKS.md").find((l) => l.action === "claim");
      expect(rx.delivered().map((b) => b.id)).toEqual([claim?.id]);
      await runCli(["watch", "--once"], { cwd: dir });
      expect(rx.got.length).toBe(1);
    } finally {
      await rx.close();
    }
  });

  it("a deliverer killed with SIGKILL mid-delivery: the next watch --once delivers the event (same id), once", async () => {
    const dir = await board([
      `submitted: timeout=60s run sh -c "cat >> got.jsonl; echo $PPID > deliverer.pid; if [ -e hang ]; then echo $$ > hook.pid; exec sleep 30; fi"`,
    ]);
    await cli(dir, ["add", "--ready", "one"]);
    await cli(dir, ["hooks", "trust"]);
    await cli(dir, ["--as", "w1", "claim", "T-1"]);
    writeFileSync(join(dir, "hang"), "");
    await cli(dir, ["--as", "w1", "submit", "T-1"]);
    const hook = await pidIn(join(dir, "hook.pid"));
    const deliverer = await pidIn(join(dir, "deliverer.pid"));
    process.kill(deliverer, "SIGKILL");
    process.kill(hook, "SIGKILL");
    rmSync(join(dir, "hang"));
    const submit = logOf(dir, "TASKS.md").find((l) => l.action === "submit");
    const w = await runCli(["watch", "--once"], { cwd: dir });
    expect(w.code).toBe(0);
    await runCli(["watch", "--once"], { cwd: dir });
    const got = readFileSync(join(dir, "got.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string });
    // Once to the killed attempt, once delivered; then never again.
    expect(got.map((g) => g.id)).toEqual([submit?.id, submit?.id]);
  });

  it("a hook program that sleeps 30 s does not delay the command that triggered it; its failure shows in status", async () => {
    const dir = await board([`claimed: timeout=60s run sh -c "echo $$ > hook.pid; exec sleep 30"`]);
    await cli(dir, ["add", "--ready", "one"]);
    await cli(dir, ["hooks", "trust"]);
    const started = Date.now();
    await cli(dir, ["--as", "w1", "claim", "T-1"]);
    const took = Date.now() - started;
    expect(took).toBeLessThan(10_000); // the hook sleeps 30 s: the command did not wait for it
    // The hook did start (detached), and is still running after the command ended.
    const pid = await pidIn(join(dir, "hook.pid"));
    expect(() => process.kill(pid, 0)).not.toThrow();
    process.kill(pid, "SIGKILL");
    let status = "";
    for (let i = 0; i < 100 && !status.includes("failing since"); i++) {
      await sleep(100);
      status = await cli(dir, ["status"]);
    }
    expect(status).toMatch(
      /Hooks: 1 problem\n {2}TASKS\.md:\d+ \(claimed run sh -c .*\) failing since .*: 1 failed try of event [0-9a-f]{12}, 1 waiting .*last error: killed by SIGKILL/,
    );
  });

  it("hooks not trusted on this machine never run, and status says how to trust them", async () => {
    const rx = await receiver();
    try {
      const dir = await board([`all: post ${rx.url}`]);
      await cli(dir, ["add", "--ready", "one"]);
      await cli(dir, ["--as", "w1", "claim", "T-1"]);
      await runCli(["watch", "--once"], { cwd: dir });
      await cli(dir, ["hooks", "deliver"]);
      await sleep(500);
      expect(rx.got).toEqual([]);
      expect(await cli(dir, ["status"])).toContain("is not run on this machine until trusted: taskgate hooks trust");
      const json = JSON.parse(await cli(dir, ["status", "--json"])) as { hooks: { problems: string[] } };
      expect(json.hooks.problems).toEqual([
        `TASKS.md:18 (all post ${rx.url}) is not run on this machine until trusted: taskgate hooks trust`,
      ]);
      // Trusted now: it hears what comes next, not what came before.
      await cli(dir, ["hooks", "trust"]);
      await cli(dir, ["--as", "w1", "submit", "T-1"]);
      for (let i = 0; i < 100 && rx.got.length === 0; i++) await sleep(100);
      expect(rx.delivered().map((b) => b.event)).toEqual(["submitted"]);
    } finally {
      await rx.close();
    }
  });
});

describe("hooks: trust covers the program file (#18 review)", () => {
  it("a run ./on.sh hook stops running when on.sh changes (as after a git pull) until trusted again", async () => {
    const dir = await board(["claimed: run ./on.sh {target}"]);
    const script = (tag: string) =>
      writeFileSync(join(dir, "on.sh"), `#!/bin/sh\necho "${tag} $1" >> ran.log\n`, { mode: 0o755 });
    script("v1");
    const env = { TASKGATE_TEST_NO_HOOK_START: "1" };
    await cli(dir, ["add", "--ready", "one"], env);
    await cli(dir, ["add", "--ready", "two"], env);
    await cli(dir, ["hooks", "trust"], env);
    await cli(dir, ["--as", "w1", "claim", "T-1"], env);
    await cli(dir, ["hooks", "deliver"], env);
    expect(read(dir, "ran.log")).toBe("v1 T-1\n");
    script("v2 changed");
    await cli(dir, ["--as", "w2", "claim", "T-2"], env);
    await cli(dir, ["hooks", "deliver"], env);
    expect(read(dir, "ran.log")).toBe("v1 T-1\n");
    expect(await cli(dir, ["status"], env)).toContain(
      "(claimed run ./on.sh {target}) is not run: its program file ./on.sh changed since it was trusted; read it, then trust it again: taskgate hooks trust",
    );
    expect(await cli(dir, ["hooks", "list"], env)).toContain("its program file changed since it was trusted");
    expect(await cli(dir, ["hooks", "trust"], env)).toContain("trusted TASKS.md:18 claimed run ./on.sh {target}");
    await cli(dir, ["hooks", "deliver"], env);
    // Trusted again: the event that waited runs the reviewed program, once.
    expect(read(dir, "ran.log")).toBe("v1 T-1\nv2 changed T-2\n");
    expect(await cli(dir, ["status"], env)).toContain("Hooks: ok");
  });
});

describe("hooks: after a merge re-chained the log (#18 review)", () => {
  it("two clones each claim, pull with the merge driver, deliver: each event once per clone with its stable id, none lost", async () => {
    const origin = await board([`claimed: run sh -c 'printf "%s %s\\n" "$1" "$2" >> "$EVENTS"' sh {id} {target}`]);
    await cli(origin, ["add", "--ready", "one"]);
    await cli(origin, ["add", "--ready", "two"]);
    expect(git(origin, ["add", "-A"]).code).toBe(0);
    expect(git(origin, ["commit", "-qm", "base"]).code).toBe(0);
    const clone = async (name: string) => {
      const dir = join(origin, "..", `${origin.split("/").pop()}-${name}`);
      dirs.push(dir);
      expect(git(origin, ["clone", "-q", origin, dir]).code).toBe(0);
      git(dir, ["config", "user.email", "alice@example.com"]);
      git(dir, ["config", "user.name", "Alice"]);
      await cli(dir, ["merge-driver", "install"]);
      await cli(dir, ["hooks", "trust"]);
      return { dir, env: { TASKGATE_TEST_NO_HOOK_START: "1", EVENTS: join(dir, "..", `${name}-events.log`) } };
    };
    const a = await clone("a");
    const b = await clone("b");
    const events = (c: { env: { EVENTS: string } }) =>
      existsSync(c.env.EVENTS) ? readFileSync(c.env.EVENTS, "utf8").split("\n").filter(Boolean) : [];
    await cli(a.dir, ["--as", "w1", "claim", "T-1"], a.env);
    await cli(a.dir, ["hooks", "deliver"], a.env);
    await sleep(1100); // b's claim a second later: the merge puts a's before it and re-chains b's
    await cli(b.dir, ["--as", "w2", "claim", "T-2"], b.env);
    await cli(b.dir, ["hooks", "deliver"], b.env);
    const bClaimBefore = logOf(b.dir, "TASKS.md").find((l) => l.action === "claim");
    expect(git(a.dir, ["commit", "-qam", "a claims"]).code).toBe(0);
    expect(git(b.dir, ["commit", "-qam", "b claims"]).code).toBe(0);
    const pulled = git(b.dir, ["pull", "-q", "--no-rebase", "--no-edit", a.dir, "HEAD"]);
    expect(pulled.code, pulled.out).toBe(0);
    const merged = logOf(b.dir, "TASKS.md").filter((l) => l.action === "claim");
    expect(merged.map((l) => l.target)).toEqual(["T-1", "T-2"]);
    // The merge re-chained b's claim: a new chain hash, the same event id.
    expect(merged[1]?.hash).not.toBe(bClaimBefore?.hash);
    expect(merged[1]?.id).toBe(bClaimBefore?.id);
    await cli(b.dir, ["hooks", "deliver"], b.env);
    await cli(b.dir, ["hooks", "deliver"], b.env);
    // a takes the merge (a fast-forward) and delivers b's claim.
    const ff = git(a.dir, ["pull", "-q", "--no-rebase", "--no-edit", b.dir, "HEAD"]);
    expect(ff.code, ff.out).toBe(0);
    await cli(a.dir, ["hooks", "deliver"], a.env);
    const [t1, t2] = merged;
    expect(events(a)).toEqual([`${t1?.id} T-1`, `${t2?.id} T-2`]);
    expect(events(b)).toEqual([`${t2?.id} T-2`, `${t1?.id} T-1`]);
    expect(await cli(b.dir, ["status"], b.env)).toContain("Hooks: ok");
  });
});

describe("hooks: the events watch makes", () => {
  it("recovered, dead-letter, past-sla and schedule-ran reach the receiver, each once", async () => {
    const rx = await receiver();
    try {
      const dir = await board([`all: post ${rx.url}`]);
      const text = read(dir, "TASKS.md")
        .replace("- max-attempts: 3", "- max-attempts: 2")
        .replace("- backoff: 1m..1h", "- backoff: 1s..1s")
        .replace("- clock-skew: 30s", "- clock-skew: 0s")
        .replace("- approval-sla: 24h", "- approval-sla: 1s")
        .replace("## Schedules\n", "## Schedules\n- every-second: `* * * * * *` UTC check\n");
      writeFileSync(join(dir, "TASKS.md"), text);
      await cli(dir, ["add", "--ready", "fragile"]);
      await cli(dir, ["hooks", "trust"]);
      await runCli(["watch", "--once"], { cwd: dir }); // arms the schedule: no event
      // Ticks until the log has `action` (bounded: 15 s), however slow the machine is today.
      const tickUntil = async (action: string, times: number) => {
        for (let i = 0; i < 30 && logOf(dir, "TASKS.md").filter((l) => l.action === action).length < times; i++) {
          await sleep(500);
          await runCli(["watch", "--once"], { cwd: dir });
        }
        expect(logOf(dir, "TASKS.md").filter((l) => l.action === action)).toHaveLength(times);
      };
      await cli(dir, ["--as", "w1", "claim", "T-1", "--ttl", "1s"]);
      await tickUntil("recover", 1); // recovered
      await sleep(1200); // past not-before
      await cli(dir, ["--as", "w1", "claim", "T-1", "--ttl", "1s"]);
      await cli(dir, ["approval", "request", "deploy to production"]);
      await tickUntil("recover", 2); // the dead letter; the request is past its SLA by now
      for (let i = 0; i < 50 && !rx.delivered().some((b) => b.event === "past-sla"); i++) await sleep(100);
      await runCli(["watch", "--once"], { cwd: dir });
      // A run logged by the last watch may be delivered by the deliverer its write started.
      const runs = () =>
        logOf(dir, "TASKS.md").filter((l) => l.action === "schedule" && !l.line.includes("armed=true"));
      const ran = () => rx.delivered().filter((b) => b.event === "schedule-ran").length;
      for (let i = 0; i < 100 && ran() < runs().length; i++) await sleep(100);
      await sleep(500); // anything sent twice would arrive now
      const got = rx.delivered();
      const ids = got.map((b) => b.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      const events = got.map((b) => b.event);
      for (const e of ["claimed", "recovered", "dead-letter", "approval-requested", "past-sla", "schedule-ran"])
        expect(events).toContain(e);
      expect(events.filter((e) => e === "past-sla")).toHaveLength(1);
      expect(events.filter((e) => e === "recovered")).toHaveLength(1);
      expect(events.filter((e) => e === "dead-letter")).toHaveLength(1);
      const request = logOf(dir, "APPROVALS.md").find((l) => l.action === "request");
      const sla = got.find((b) => b.event === "past-sla");
      expect(sla).toMatchObject({ id: `${request?.id}-sla`, target: "A-1", line: null, ledger: "approvals" });
      // Every schedule run logged is an event delivered (and the arming is none).
      expect(got.filter((b) => b.event === "schedule-ran").map((b) => b.id)).toEqual(runs().map((l) => l.id));
    } finally {
      await rx.close();
    }
  });
});

describe("hooks: the examples of docs/hooks.md, as written there", () => {
  const docs = readFileSync(join(ROOT, "docs", "hooks.md"), "utf8").split("\n");
  const example = (start: string) => {
    const line = docs.find((l) => l.startsWith(start));
    if (!line) throw new Error(`docs/hooks.md has no line starting ${start}`);
    return line.slice(2);
  };

  it("the desktop notification: notify-send gets the words, {text} as one argument, no shell", async () => {
    const dir = await board([example("- approval-requested: run notify-send --app-name")]);
    // A notify-send of our own, first on PATH, that records its arguments one per line.
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "notify-send"), `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/notified"\n`, { mode: 0o755 });
    const env = { PATH: `${bin}:${process.env.PATH}` };
    await cli(dir, ["hooks", "trust"], env);
    await cli(dir, ["approval", "request", "deploy $(touch pwned) to prod"], env);
    for (let i = 0; i < 100 && !existsSync(join(dir, "notified")); i++) await sleep(100);
    await sleep(200);
    expect(readFileSync(join(dir, "notified"), "utf8").split("\n")).toEqual([
      "--app-name=taskgate",
      "Approval waiting",
      "taskgate: alice@example.com asked for approval A-1 of deploy $(touch pwned) to prod",
      "",
    ]);
    expect(existsSync(join(dir, "pwned"))).toBe(false);
  });

  it.skipIf(!hasPrograms("jq", "curl"))(
    "the Slack-compatible webhook through jq and curl posts {text} to $SLACK_WEBHOOK_URL",
    async () => {
      const rx = await receiver();
      try {
        const dir = await board([example('- all: run sh -c "jq')]);
        const env = { SLACK_WEBHOOK_URL: rx.url };
        await cli(dir, ["add", "--ready", "Ship it"], env);
        await cli(dir, ["hooks", "trust"], env);
        await cli(dir, ["--as", "w1", "claim", "T-1"], env);
        for (let i = 0; i < 100 && rx.got.length === 0; i++) await sleep(100);
        expect(rx.delivered()).toEqual([{ text: 'taskgate: w1 claimed T-1 "Ship it" (READY -> DOING)' }]);
      } finally {
        await rx.close();
      }
    },
  );
});

describe("hooks: an event's text is never shell code (#18 review)", () => {
  const hostile = `"; touch PWNED; # x $(touch PWNED2) \`touch PWNED3\``;

  it("check refuses a placeholder inside sh -c's script with file:line, and the hook never runs", async () => {
    const dir = await makeRepo(["w1: WORK"]);
    dirs.push(dir);
    const text = read(dir, "TASKS.md").replace(
      "## Log",
      () => `## Hooks\n- claimed: run sh -c "echo {text} >> events.log"\n\n## Log`,
    );
    writeFileSync(join(dir, "TASKS.md"), text);
    const hookLine = text.split("\n").findIndex((l) => l.startsWith("- claimed: run sh")) + 1;
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code).not.toBe(0);
    expect(check.stdout + check.stderr).toMatch(
      new RegExp(`TASKS\\.md:${hookLine}:\\d+: error: .*pass it as its own argument instead`),
    );
    await cli(dir, ["add", "--ready", hostile]);
    await cli(dir, ["hooks", "trust"]);
    await cli(dir, ["--as", "w1", "claim", "T-1"]);
    await cli(dir, ["hooks", "deliver"]);
    expect(existsSync(join(dir, "PWNED"))).toBe(false);
    expect(existsSync(join(dir, "events.log"))).toBe(false);
  });

  it("the safe form (sh -c '...\"$1\"...' sh {text}) delivers a hostile title verbatim without running it", async () => {
    const dir = await board([`claimed: run sh -c 'printf "%s\\n" "$1" >> events.log' sh {text}`]);
    await cli(dir, ["add", "--ready", hostile]);
    await cli(dir, ["hooks", "trust"]);
    await cli(dir, ["--as", "w1", "claim", "T-1"]);
    await cli(dir, ["hooks", "deliver"]);
    expect(read(dir, "events.log")).toBe(
      `taskgate: w1 claimed T-1 ${JSON.stringify(hostile).replace(/\\"/g, '"')} (READY -> DOING)\n`,
    );
    for (const f of ["PWNED", "PWNED2", "PWNED3"]) expect(existsSync(join(dir, f))).toBe(false);
  });
});

describe("hooks: the payload", () => {
  it("is taskgate.event version 1 with every documented field, the log line's content hash as id", async () => {
    const rx = await receiver();
    try {
      const dir = await board([`all: post ${rx.url}`, `claimed: run sh -c "cat > stdin.json"`]);
      await cli(dir, ["add", "--ready", "Ship the thing"]);
      await cli(dir, ["hooks", "trust"]);
      await cli(dir, ["--as", "w1", "claim", "T-1"], { TASKGATE_TEST_NO_HOOK_START: "1" });
      await cli(dir, ["hooks", "deliver"]);
      const claim = logOf(dir, "TASKS.md").find((l) => l.action === "claim");
      const [p] = rx.delivered();
      expect(Object.keys(p as object).sort()).toEqual(
        [
          "schema",
          "version",
          "id",
          "event",
          "time",
          "ledger",
          "file",
          "action",
          "actor",
          "role",
          "target",
          "task",
          "approval",
          "from",
          "to",
          "details",
          "line",
          "text",
        ].sort(),
      );
      expect(p).toMatchObject({
        schema: "taskgate.event",
        version: 1,
        id: claim?.id,
        event: "claimed",
        ledger: "tasks",
        file: "TASKS.md",
        action: "claim",
        actor: "w1",
        role: "WORK",
        target: "T-1",
        task: { id: "T-1", title: "Ship the thing" },
        approval: null,
        from: "READY",
        to: "DOING",
        line: claim?.line,
        text: 'taskgate: w1 claimed T-1 "Ship the thing" (READY -> DOING)',
      });
      expect(p?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(p?.details).toMatchObject({ from: "READY", to: "DOING", token: "1", holder: expect.any(String) });
      // The program got the same JSON on its stdin.
      expect(JSON.parse(readFileSync(join(dir, "stdin.json"), "utf8"))).toEqual(p);
    } finally {
      await rx.close();
    }
  });
});
