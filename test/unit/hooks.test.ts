// The pure part of event hooks (src/rules/hooks.ts): the "## Hooks" lines, which log line is
// which event, the payload's fields, the argv placeholders, the retry backoff, hook problems.

import { describe, expect, it } from "vitest";
import { addsEventLine } from "../../src/io/hook-outbox.js";
import {
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT,
  EVENTS,
  eventIdText,
  eventOf,
  type Hook,
  hookArgv,
  hookDiagnostics,
  hookProblems,
  parseHook,
  payloadOf,
  retryDelay,
  slaPayload,
} from "../../src/rules/hooks.js";

const line = (name: string, spec: string) => ({ name, spec, line: 7 });
const hook = (name: string, spec: string): Hook => {
  const p = parseHook(line(name, spec));
  if (!p.ok) throw new Error(p.message);
  return p.hook;
};

describe("parseHook", () => {
  it("reads a program's argv (quotes group, no shell) and a URL, with defaults and options", () => {
    expect(hook("claimed", `run notify-send "task claimed" {text}`)).toMatchObject({
      event: "claimed",
      kind: "run",
      argv: ["notify-send", "task claimed", "{text}"],
      timeout: DEFAULT_TIMEOUT,
      retry: DEFAULT_RETRY,
      line: 7,
    });
    expect(hook("all", "timeout=3s retry=500ms..2m post https://example.com/h?x=1")).toMatchObject({
      event: "all",
      kind: "post",
      url: "https://example.com/h?x=1",
      timeout: 3000,
      retry: { min: 500, max: 120_000 },
    });
  });

  it("refuses with one sentence naming what was expected", () => {
    const bad = (name: string, spec: string) => {
      const p = parseHook(line(name, spec));
      expect(p.ok).toBe(false);
      return p.ok ? "" : p.message;
    };
    expect(bad("claim", "run x")).toMatch(
      /^Expected an event \(claimed, .*, or all\) before the colon, found "claim"$/,
    );
    expect(bad("claimed", "post ftp://x")).toContain("Expected one http:// or https:// URL");
    expect(bad("claimed", "post http://a http://b")).toContain("Expected one http:// or https:// URL");
    expect(bad("claimed", "run")).toContain('Expected a program after "run"');
    expect(bad("claimed", "exec ls")).toContain('Expected "run PROGRAM ..." or "post URL"');
    expect(bad("claimed", "retry=1m..1s run x")).toContain("Expected a range like 10s..1h");
    expect(bad("claimed", "timeout=soon run x")).toContain("Expected a duration like 10s for timeout");
    expect(bad("claimed", "color=red run x")).toContain('Expected the option timeout= or retry=, found "color=red"');
    expect(bad("claimed", `run "unclosed`)).toContain("unclosed");
  });
});

describe("a placeholder inside a shell's or interpreter's code (#18 review: shell injection)", () => {
  const diag = (spec: string) => hookDiagnostics("TASKS.md", [line("claimed", spec)]);
  it("is an error with file and line, and the hook is no hook (never run)", () => {
    for (const spec of [
      `run sh -c "echo {text} >> events.log"`,
      `run /bin/bash -lc "notify {target}"`,
      `run cmd.exe /c "echo {id}"`,
      `run pwsh -Command "Write-Host {text}"`,
      `run node -e "console.log('{text}')"`,
      `run python3 -c "print('{event}')"`,
      `run perl -e "print '{text}'"`,
      `run ruby -e "puts '{text}'"`,
      `run fish -c "echo {text}"`,
      `run env -i LANG=C bash -c "echo {text}"`,
      `run cmd /c echo {text}`,
      `run powershell -Command Write-Host {text}`,
    ]) {
      const d = diag(spec);
      expect(d, spec).toHaveLength(1);
      expect(d[0]).toMatchObject({ severity: "error", file: "TASKS.md", line: 7 });
      expect(d[0]?.message).toContain("pass it as its own argument instead");
      expect(parseHook(line("claimed", spec)).ok).toBe(false);
    }
  });
  it("allows the placeholder as its own argument after the script, and placeholders for other programs", () => {
    for (const spec of [
      `run sh -c 'echo "$1" >> events.log' sh {text}`,
      `run notify-send taskgate {text}`,
      `run sh ./on.sh {text}`,
      `run sh -c "jq .text >> events.log"`,
    ]) {
      expect(diag(spec), spec).toEqual([]);
    }
  });
});

describe("eventIdText (what an event id hashes)", () => {
  it("is the ledger and the line's body, with the repeat's number after the first", () => {
    const body = "2026-12-05T21:11:16Z w1 WORK claim T-1 token=1";
    expect(eventIdText("tasks", body, 0)).toBe(`tasks\n${body}`);
    expect(eventIdText("approvals", body, 0)).toBe(`approvals\n${body}`);
    expect(eventIdText("tasks", body, 2)).toBe(`tasks\n${body}\n2`);
    expect(eventIdText("tasks", body, 1)).not.toBe(eventIdText("tasks", body, 0));
  });
});

describe("eventOf", () => {
  const ev = (ledger: "tasks" | "approvals", action: string, details: Record<string, string> = {}) =>
    eventOf(ledger, { action, details });
  it("maps each log action to its event, and others to none", () => {
    expect(ev("tasks", "claim")).toBe("claimed");
    expect(ev("tasks", "takeover")).toBe("claimed");
    expect(ev("tasks", "submit")).toBe("submitted");
    expect(ev("tasks", "accept")).toBe("accepted");
    expect(ev("tasks", "rework")).toBe("reworked");
    expect(ev("tasks", "release")).toBe("released");
    expect(ev("tasks", "fail")).toBe("released");
    expect(ev("tasks", "fail", { "dead-letter": "true" })).toBe("dead-letter");
    expect(ev("tasks", "recover")).toBe("recovered");
    expect(ev("tasks", "recover", { "dead-letter": "true" })).toBe("dead-letter");
    expect(ev("tasks", "schedule", { due: "x" })).toBe("schedule-ran");
    expect(ev("tasks", "schedule", { armed: "true" })).toBeUndefined();
    expect(ev("approvals", "request")).toBe("approval-requested");
    expect(ev("approvals", "approve")).toBe("decided");
    expect(ev("approvals", "reject")).toBe("decided");
    for (const a of ["add", "set", "renew", "init", "block", "unblock", "cancel"])
      expect(ev("tasks", a)).toBeUndefined();
    for (const a of ["supersede", "roles", "init"]) expect(ev("approvals", a)).toBeUndefined();
    // Every event but past-sla (which no line is) comes from some line.
    const fromLines = new Set(
      [
        ["tasks", "claim"],
        ["tasks", "submit"],
        ["tasks", "accept"],
        ["tasks", "rework"],
        ["tasks", "release"],
        ["tasks", "recover"],
        ["tasks", "schedule"],
        ["approvals", "request"],
        ["approvals", "approve"],
      ].map(([l, a]) => ev(l as "tasks", a as string)),
    );
    fromLines.add(ev("tasks", "recover", { "dead-letter": "true" }));
    expect([...fromLines].sort()).toEqual(EVENTS.filter((e) => e !== "past-sla").sort());
  });
});

describe("payload", () => {
  const ctx = {
    file: "TASKS.md",
    title: (id: string) => (id === "T-3" ? "Fix $(rm -rf ~)" : undefined),
    subject: () => undefined,
  };
  const entry = {
    time: Date.parse("2026-11-24T10:00:00Z"),
    actor: "w1",
    role: "WORK",
    action: "claim",
    target: "T-3",
    details: { from: "READY", to: "DOING", token: "2" },
    hash: "0123456789ab",
  };
  it("carries the line, its hash as id, the task and a one-line text", () => {
    const p = payloadOf("tasks", "claimed", entry, "- raw ~ 0123456789ab", ctx);
    expect(p).toEqual({
      schema: "taskgate.event",
      version: 1,
      id: "0123456789ab",
      event: "claimed",
      time: "2026-11-24T10:00:00Z",
      ledger: "tasks",
      file: "TASKS.md",
      action: "claim",
      actor: "w1",
      role: "WORK",
      target: "T-3",
      task: { id: "T-3", title: "Fix $(rm -rf ~)" },
      approval: null,
      from: "READY",
      to: "DOING",
      details: { from: "READY", to: "DOING", token: "2" },
      line: "- raw ~ 0123456789ab",
      text: 'taskgate: w1 claimed T-3 "Fix $(rm -rf ~)" (READY -> DOING)',
    });
    // A title is always inside one argument, never shell text.
    expect(hookArgv(hook("claimed", "run notify-send {event} {text}"), p)).toEqual([
      "notify-send",
      "claimed",
      'taskgate: w1 claimed T-3 "Fix $(rm -rf ~)" (READY -> DOING)',
    ]);
  });

  it("past-sla: the request line's hash with -sla as id, no line", () => {
    const p = slaPayload(
      { id: "A-2", subject: "T-3", requestedBy: "alice", requestedAt: entry.time, hash: "aaaaaaaaaaaa" },
      3_600_000,
      entry.time + 5_400_000,
      "APPROVALS.md",
      ctx.title,
    );
    expect(p).toMatchObject({
      id: "aaaaaaaaaaaa-sla",
      event: "past-sla",
      time: "2026-11-24T11:00:00Z",
      ledger: "approvals",
      target: "A-2",
      task: { id: "T-3" },
      approval: { id: "A-2", subject: "T-3" },
      line: null,
      details: { sla: "1h", waiting: "1h" },
    });
  });
});

describe("retryDelay and hookProblems", () => {
  it("doubles from the smallest wait up to the largest", () => {
    const h = hook("all", "retry=10s..1m post http://127.0.0.1:1/x");
    expect([1, 2, 3, 4, 5, 60].map((n) => retryDelay(h, n))).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });

  it("names bad lines, untrusted hooks and failing ones, one sentence each", () => {
    const h = hook("claimed", "post http://127.0.0.1:1/x");
    const now = Date.parse("2026-11-24T10:00:00Z");
    const out = hookProblems(
      "TASKS.md",
      [{ line: 3, message: "Expected an event" }],
      [
        { hook: h, trusted: false, failure: undefined, pending: 0 },
        { hook: h, trusted: true, failure: undefined, pending: 2 },
        {
          hook: h,
          trusted: true,
          pending: 4,
          failure: {
            event: "0123456789ab",
            failures: 3,
            error: "HTTP 503",
            since: now - 60_000,
            nextTry: now + 30_000,
          },
        },
      ],
      now,
    );
    expect(out).toEqual([
      "TASKS.md:3: not a hook: Expected an event",
      "TASKS.md:7 (claimed post http://127.0.0.1:1/x) is not run on this machine until trusted: taskgate hooks trust",
      "TASKS.md:7 (claimed post http://127.0.0.1:1/x) failing since 2026-11-24T09:59:00Z: 3 failed tries of event 0123456789ab, 4 waiting (next try in 30s); last error: HTTP 503",
    ]);
  });
});

describe("addsEventLine (whether a write starts a deliverer)", () => {
  const head = "# Tasks\n\n## Log\n- 2026-11-24T10:00:00Z a CMD init TASKS.md ~ 111111111111\n";
  const line = (action: string, hash: string) =>
    `- 2026-11-24T10:00:01Z w1 WORK ${action} T-1 from=READY to=DOING ~ ${hash}\n`;
  it("is true only when a line after the old last one is an event's action", () => {
    expect(addsEventLine(head, head + line("claim", "222222222222"))).toBe(true);
    expect(addsEventLine(head, head + line("add", "222222222222"))).toBe(false);
    expect(addsEventLine(head, head + line("renew", "222222222222"))).toBe(false);
    expect(addsEventLine(head, `${head}- 2026-11-24T10:00:01Z w1 WORK release T-1 ~ 222222222222\n`)).toBe(true);
    // An event line already there before the write does not count again.
    const before = head + line("claim", "222222222222");
    expect(addsEventLine(before, before + line("set", "333333333333"))).toBe(false);
    // Several lines in one write: any event among them counts.
    expect(addsEventLine(head, head + line("claim", "222222222222") + line("roles", "333333333333"))).toBe(true);
    expect(addsEventLine(undefined, head + line("submit", "222222222222"))).toBe(true);
  });
});
