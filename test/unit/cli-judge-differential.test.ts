// One refusal, three places (issue 19): on generated boards, every action by every actor is
// tried the way the CLI does it (the app's checks and the planners, in process) and the way a
// person does it by hand (the same field edits, with a well-chained log line in the actor's
// name and without one), and judged as committed by that actor by judgeChange, the judge
// behind `check --staged` and `verify` (test/integration/gate.test.ts runs those for real).
// When the CLI refuses, every hand version is refused; when the CLI allows, its own change is
// allowed, and so is the hand version of a change that needs no log line. Automation actions
// (watch's recovery and rule decisions, run's accept) are committed by someone else.
// TASKGATE_DIFF_CASES=5000 runs more cases (default 600); TASKGATE_DIFF_SEED picks the seed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/io/hash.js";
import { type ApprovalsLedger, readApprovals } from "../../src/ledger/approvals.js";
import { appendLog, applySplices, removeField, type Splice, setField } from "../../src/ledger/edit.js";
import { formatLogLine, lastHash } from "../../src/ledger/log.js";
import { readTasks, type TasksLedger } from "../../src/ledger/tasks.js";
import type { Role } from "../../src/model/approval.js";
import type { State } from "../../src/model/task.js";
import { formatTime } from "../../src/model/time.js";
import { planAuto, planDecision, planRequest } from "../../src/rules/approval-plan.js";
import { parseRules } from "../../src/rules/approval-rules.js";
import { gateProblem } from "../../src/rules/gate.js";
import { judgeChange } from "../../src/rules/judge.js";
import { MATRIX, permits } from "../../src/rules/matrix.js";
import { planAddTask } from "../../src/rules/plan-add.js";
import { planRecovery } from "../../src/rules/recover.js";
import { planTransition, type TransitionAction, type Who } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;
const HOST = "vm";
const WATCH = "taskgate-watch";
const ROLES: Record<string, Role[]> = {
  alice: ["CMD", "AUDIT"],
  bob: ["WORK"],
  carol: ["WORK", "AUDIT"],
  dave: ["CMD"],
  erin: ["WORK", "AUDIT"],
  [WATCH]: ["CMD", "AUDIT"],
};
/** Who may act: everyone in Roles, and mallory, who is not there. */
const PEOPLE = ["alice", "bob", "carol", "dave", "erin", "mallory"];

const TASKS = `# Tasks

## Policy
- lease: 30m
- max-attempts: 3
- backoff: 1m..1h
- clock-skew: 30s
- approval-required: prod
- wip-limit: DOING=4

## Schedules

## Log
`;

const APPROVALS = `# Approvals

## Roles
${Object.entries(ROLES)
  .map(([n, r]) => `- ${n}: ${r.join(", ")}${n === WATCH ? " (automation)" : ""}`)
  .join("\n")}

## Rules

\`\`\`yaml
- id: docs-only
  approve: { labels: [docs], requester-role: WORK }
- id: code-freeze
  deny: { labels: [freeze] }
  level: hard
\`\`\`

## Log
`;

interface Board {
  tasks: string;
  approvals: string;
  now: number;
}

const T = (text: string) => readTasks("TASKS.md", text);
const A = (text: string) => readApprovals("APPROVALS.md", text);
/** Roles as the board has them now (an approved role change has edited them). */
const rolesIn = (b: Board, actor: string): Role[] | undefined => {
  const a = A(b.approvals).actors.get(actor);
  return a ? [...a.roles] : undefined;
};
const who = (actor: string, b?: Board): Who => ({
  actor,
  roles: (b ? rolesIn(b, actor) : ROLES[actor]) ?? [],
  automation: actor === WATCH,
  host: HOST,
});
const RULES = (() => {
  const a = A(APPROVALS);
  const text = (a.rules?.text ?? "").replace(/\r\n/g, "\n");
  return { rules: parseRules("APPROVALS.md", a.rules).rules, hash: `sha256:${sha256Hex(text).slice(0, 16)}` };
})();

type Outcome = { ok: true; board: Board } | { ok: false; message: string };

/** The app's transition use case (app/transition.ts): who acts, the gate on accept, the plan. */
function cliTransition(b: Board, action: TransitionAction, id: string, actor: string, extra = {}): Outcome {
  if (!rolesIn(b, actor)) return { ok: false, message: `Actor "${actor}" has no roles` };
  const tasks = T(b.tasks);
  const w = who(actor, b);
  if (action === "accept") {
    const problem = gateProblem(tasks, A(b.approvals), id, sha256Hex);
    if (problem && permits("accept", actor, w.roles, tasks.byId.get(id)?.task.state).ok)
      return { ok: false, message: problem };
  }
  const reason = action === "rework" || action === "block" ? "needs more" : undefined;
  const plan = planTransition(tasks, { action, id, reason, ...extra }, w, { now: b.now, hasher: sha256Hex });
  if (!plan.ok) return plan;
  return { ok: true, board: { ...b, tasks: applySplices(b.tasks, plan.splices) } };
}

function cliDecision(b: Board, id: string, decision: "approve" | "reject", actor: string): Outcome {
  const roles = rolesIn(b, actor);
  if (!roles) return { ok: false, message: `Actor "${actor}" has no roles` };
  const plan = planDecision(
    A(b.approvals),
    T(b.tasks),
    { id, decision, reason: decision === "reject" ? "not now" : undefined },
    { actor, roles, automation: false },
    { now: b.now, hasher: sha256Hex },
    RULES,
  );
  if (!plan.ok) return plan;
  return { ok: true, board: { ...b, approvals: applySplices(b.approvals, plan.splices) } };
}

function cliRequest(b: Board, subject: string, actor: string, change?: string): Outcome {
  const roles = rolesIn(b, actor);
  if (!roles) return { ok: false, message: `Actor "${actor}" has no roles` };
  const plan = planRequest(
    A(b.approvals),
    T(b.tasks),
    { subject, change },
    { actor, roles, automation: false },
    { now: b.now, hasher: sha256Hex },
  );
  if (!plan.ok) return plan;
  return { ok: true, board: { ...b, approvals: applySplices(b.approvals, plan.splices) } };
}

// ---- Hand edits: what a person types to make the same change. ----

function entry(ledger: TasksLedger | ApprovalsLedger, id: string) {
  const found = (ledger.byId as Map<string, { section: import("../../src/ledger/document.js").Section }>).get(id);
  if (!found) throw new Error(`no ${id}`);
  return found.section;
}

function edit(
  text: string,
  read: (t: string) => TasksLedger | ApprovalsLedger,
  id: string,
  fields: [string, string | undefined][],
  line?: {
    actor: string;
    role: string;
    action: string;
    details: Record<string, string | number | undefined>;
    time: number;
  },
): string {
  let out = text;
  for (const [key, value] of fields) {
    const l = read(out);
    const section = entry(l, id);
    const s: Splice | undefined =
      value === undefined ? removeField(section, key) : setField(l.doc, section, key, value);
    if (s) out = applySplices(out, [s]);
  }
  if (line) {
    const l = read(out);
    const logLine = formatLogLine(sha256Hex, lastHash(l.doc, l.log), { ...line, target: id });
    out = applySplices(out, [appendLog(l.doc, l.log, [logLine])]);
  }
  return out;
}

/** The fields an action changes and its log line's details, as taskgate would write them. */
function handTransition(b: Board, action: TransitionAction, id: string, actor: string, logged: boolean): string {
  const task = T(b.tasks).byId.get(id)?.task;
  if (!task) return b.tasks;
  const to = MATRIX[action].to === "same" ? task.state : (MATRIX[action].to as State);
  const fields: [string, string | undefined][] = to === task.state ? [] : [["state", to]];
  const details: Record<string, string | number | undefined> = to === task.state ? {} : { from: task.state, to };
  const fence = Number(task.fields.find((f) => f.key === "fence")?.value ?? 0);
  switch (action) {
    case "claim": {
      const token = Math.max(fence, task.lease?.token ?? 0) + 1;
      const until = Math.ceil((b.now + 30 * MIN) / 1000) * 1000;
      fields.push(["lease", `${actor}@${HOST} token=${token} until=${formatTime(until)} ttl=30m`]);
      fields.push(["fence", String(token)], ["workers", actor]);
      Object.assign(details, { token, ttl: "30m", holder: `${actor}@${HOST}` });
      break;
    }
    case "submit":
    case "release":
      fields.push(["lease", undefined]);
      details.token = task.lease?.token;
      break;
    case "accept":
      fields.push(["resolution", "done"]);
      break;
    case "cancel":
      fields.push(["resolution", "cancelled"], ["lease", undefined]);
      break;
    case "rework":
      fields.push(["rework", "needs more"]);
      details.reason = "needs more";
      break;
  }
  const role = MATRIX[action].role;
  return edit(b.tasks, T, id, fields, logged ? { actor, role, action, details, time: b.now } : undefined);
}

function handDecision(
  b: Board,
  id: string,
  decision: "approve" | "reject",
  actor: string,
  logged: boolean,
  auto = false,
): string {
  const a = A(b.approvals).byId.get(id)?.approval;
  const fields: [string, string | undefined][] = [
    ["status", decision === "approve" ? "approved" : "rejected"],
    ["approver", actor],
    ["decided-at", formatTime(b.now)],
  ];
  if (decision === "reject") fields.push(["reason", "not now"]);
  const details: Record<string, string | undefined> = {
    subject: a?.subject,
    reason: decision === "reject" ? "not now" : undefined,
  };
  if (auto) Object.assign(details, { rule: "docs-only", "rules-hash": RULES.hash, auto: "true" });
  return edit(
    b.approvals,
    A,
    id,
    fields,
    logged ? { actor, role: "AUDIT", action: decision, details, time: b.now } : undefined,
  );
}

// ---- Boards: a history of random commands from an empty board. ----

function history(seed: number[], now0: number): Board {
  let b: Board = { tasks: TASKS, approvals: APPROVALS, now: now0 };
  const labels = ["docs", "prod", "freeze", "backend", "prod, docs"];
  const n = 3 + ((seed[0] ?? 0) % 4);
  for (let i = 0; i < n; i++) {
    const tasks = T(b.tasks);
    const plan = planAddTask(
      tasks,
      {
        title: `Task ${i + 1}`,
        labels: (seed[i + 1] ?? 0) % 3 === 0 ? undefined : labels[(seed[i + 1] ?? 0) % labels.length],
        state: (seed[i + 2] ?? 0) % 4 === 0 ? "PLAN" : "READY",
        depends: i > 0 && (seed[i + 3] ?? 0) % 5 === 0 ? `T-${i}` : undefined,
      },
      { now: b.now, actor: "alice", role: "CMD", hasher: sha256Hex },
    );
    if (plan.ok) b = { ...b, tasks: applySplices(b.tasks, plan.splices) };
  }
  const of = (xs: readonly string[], s: number) => xs[(s >> 3) % xs.length] as string;
  // Each task goes some way through its life, one step per number, by the right actor most
  // of the time; the clock moves on between steps (leases expire, the watch recovers them).
  const LIFE = ["claim", "request", "submit", "decide", "accept", "rework", "recover", "roles"] as const;
  for (const [i, s] of seed.slice(1).entries()) {
    b = { ...b, now: b.now + (s % 5) * 5 * MIN };
    const id = `T-${1 + ((s >> 12) % n)}`;
    const task = T(b.tasks).byId.get(id)?.task;
    const holder = task?.lease?.holder.split("@")[0] ?? "bob";
    const workers = new Set(task?.fields.find((f) => f.key === "workers")?.value.split(", ") ?? []);
    const auditors = ["alice", "carol", "erin"].filter((a) => !workers.has(a));
    const wrong = s % 9 === 0;
    const step = LIFE[(i + (s >> 6)) % LIFE.length];
    let r: Outcome;
    switch (step) {
      case "claim":
        r = cliTransition(
          b,
          task?.state === "PLAN" ? "ready" : "claim",
          id,
          task?.state === "PLAN" ? "dave" : of(["bob", "carol", "erin"], s),
        );
        break;
      case "submit": {
        const extra = s % 2 ? { via: "run", evidence: `run log r${s}.log sha256:${"ab".repeat(8)}` } : {};
        r = cliTransition(b, "submit", id, wrong ? "carol" : holder, extra);
        break;
      }
      case "request":
        r = cliRequest(b, id, of(["bob", "carol", holder], s));
        break;
      case "decide": {
        const pending = A(b.approvals).approvals.filter((a) => a.status === "pending");
        const a = pending[s % Math.max(1, pending.length)];
        r = a
          ? cliDecision(
              b,
              a.id,
              s % 4 ? "approve" : "reject",
              wrong ? (a.requestedBy ?? "bob") : of(auditors.length ? auditors : ["alice"], s),
            )
          : { ok: false, message: "none" };
        break;
      }
      case "accept":
      case "rework":
        r = cliTransition(b, step, id, wrong ? holder : of(auditors.length ? auditors : ["alice"], s));
        break;
      case "recover": {
        const plan = planRecovery(T(b.tasks), who(WATCH), { now: b.now, hasher: sha256Hex, random: () => 0.5 });
        r = plan.ok ? { ok: true, board: { ...b, tasks: applySplices(b.tasks, plan.splices) } } : plan;
        break;
      }
      default:
        r =
          s % 3
            ? { ok: false, message: "skip" }
            : cliRequest(b, "roles", of(PEOPLE, s), `grant ${PEOPLE[s % 5]} AUDIT`);
    }
    if (r.ok) b = r.board;
  }
  return b;
}

// ---- The cases. ----

type Case = {
  name: string;
  /** Who commits. */
  committer: string;
  cli: Outcome;
  /** Hand versions of the same change (refused whenever the CLI refuses). */
  hand: Board[];
  /** Whether the hand versions must also be allowed when the CLI allows. */
  handFollowsCli: boolean;
};

const TRANSITIONS: TransitionAction[] = ["claim", "submit", "release", "accept", "rework", "ready", "plan", "cancel"];

/** The board, and the same board with one of its tasks taken on to DOING and to REVIEW. */
function boards(b: Board, pick: number): { board: Board; id: string | undefined }[] {
  const out: { board: Board; id: string | undefined }[] = [{ board: b, id: undefined }];
  const worker = (["bob", "carol", "erin"] as const)[pick % 3] as string;
  for (const t of T(b.tasks).tasks) {
    const doing = cliTransition(b, "claim", t.id, worker);
    if (!doing.ok) continue;
    out.push({ board: doing.board, id: t.id });
    // ...and past the lease's end (plus the clock-skew margin): watch may recover it.
    out.push({ board: { ...doing.board, now: doing.board.now + 31 * MIN }, id: t.id });
    const extra = pick % 2 ? { via: "run", evidence: `run log p.log sha256:${"ef".repeat(8)}` } : {};
    const review = cliTransition(doing.board, "submit", t.id, worker, extra);
    if (review.ok) out.push({ board: review.board, id: t.id });
    break;
  }
  return out;
}

function cases(b: Board, pick: number, target?: string): Case[] {
  const tasks = T(b.tasks);
  const approvals = A(b.approvals);
  const ids = tasks.tasks.map((t) => t.id);
  const aids = approvals.approvals.map((a) => a.id);
  const out: Case[] = [];
  // The task: one in REVIEW, DOING, READY, PLAN or DONE, by turns, when there is one.
  const state = (["REVIEW", "DOING", "READY", "PLAN", "DONE"] as const)[pick % 5];
  const id = target ?? ((tasks.tasks.find((t) => t.state === state) ?? tasks.tasks[pick % ids.length])?.id as string);
  for (const actor of PEOPLE) {
    for (const action of TRANSITIONS) transitionCases(b, id, actor, action, out);
    decisionCases(b, aids[(pick >> 8) % Math.max(1, aids.length)], actor, out);
  }
  automationCases(b, id, aids, pick, out);
  return out;
}

function transitionCases(b: Board, id: string, actor: string, action: TransitionAction, out: Case[]): void {
  // A transition by a person.
  const cli = cliTransition(b, action, id, actor);
  // Without a log line, an edit is read as whichever one action makes it: PLAN -> READY is a
  // ready, whatever the person meant. Such an edit stands for the action the CLI allows.
  const unlogged = handTransition(b, action, id, actor, false);
  const alsoAllowed = TRANSITIONS.some(
    (o) => o !== action && cliTransition(b, o, id, actor).ok && handTransition(b, o, id, actor, false) === unlogged,
  );
  out.push({
    name: `${actor} ${action} ${id}`,
    committer: actor,
    cli,
    hand: [
      { ...b, tasks: handTransition(b, action, id, actor, true) },
      ...(alsoAllowed ? [] : [{ ...b, tasks: unlogged }]),
    ],
    handFollowsCli: false,
  });
  if (["accept", "ready", "plan", "cancel", "rework"].includes(action)) {
    // These need no log line: the hand edit alone must be judged as the command is.
    out.push({
      name: `${actor} ${action} ${id} by hand`,
      committer: actor,
      cli,
      hand: [{ ...b, tasks: handTransition(b, action, id, actor, false) }],
      handFollowsCli: true,
    });
  }
}

function decisionCases(b: Board, aid: string | undefined, actor: string, out: Case[]): void {
  // A decision by a person.
  for (const decision of ["approve", "reject"] as const) {
    if (aid === undefined) break;
    const c = cliDecision(b, aid, decision, actor);
    out.push({
      name: `${actor} ${decision} ${aid}`,
      committer: actor,
      cli: c,
      hand: [
        { ...b, approvals: handDecision(b, aid, decision, actor, true) },
        { ...b, approvals: handDecision(b, aid, decision, actor, false) },
      ],
      handFollowsCli: A(b.approvals).byId.get(aid)?.approval.subject !== "roles",
    });
  }
  // A role change made by editing Roles: no command does that without an approved request.
  const grantee = PEOPLE[actor.length % 5] as string;
  out.push({
    name: `${actor} grants ${grantee} AUDIT by editing Roles`,
    committer: actor,
    cli: { ok: false, message: "only an approved request changes roles" },
    hand: [
      {
        ...b,
        approvals: b.approvals.replace(new RegExp(`^- ${grantee}: (.*)$`, "m"), (_m, r: string) =>
          r.includes("AUDIT")
            ? `- ${grantee}: ${r.replace(/,? ?AUDIT/, "").replace(/^, /, "") || "WORK"}`
            : `- ${grantee}: ${r}, AUDIT`,
        ),
      },
    ],
    handFollowsCli: false,
  });
}

function automationCases(b: Board, id: string, aids: string[], pick: number, out: Case[]): void {
  const tasks = T(b.tasks);
  const approvals = A(b.approvals);
  const someone = (["alice", "bob", "carol", "dave", "erin"] as const)[(pick >> 15) % 5] as string;
  // watch's recovery of a task, committed by someone else.
  {
    const plan = planRecovery(tasks, who(WATCH), { now: b.now, hasher: sha256Hex, random: () => 0.5 });
    const recovered = plan.ok && plan.result.some((r) => r.id === id);
    const t = tasks.byId.get(id)?.task;
    const forged = edit(
      b.tasks,
      T,
      id,
      [
        ["state", "READY"],
        ["lease", undefined],
        ["attempts", String((t?.attempts ?? 0) + 1)],
      ],
      {
        actor: WATCH,
        role: "CMD",
        action: "recover",
        time: b.now,
        details: {
          from: t?.state,
          to: "READY",
          holder: t?.lease?.holder,
          token: t?.lease?.token,
          attempts: (t?.attempts ?? 0) + 1,
          auto: "true",
        },
      },
    );
    out.push({
      name: `${WATCH} recovers ${id}, committed by ${someone}`,
      committer: someone,
      cli:
        recovered && plan.ok
          ? { ok: true, board: { ...b, tasks: applySplices(b.tasks, plan.splices) } }
          : { ok: false, message: "not expired" },
      hand: [{ ...b, tasks: forged }],
      handFollowsCli: false,
    });
  }
  // watch's rule decisions, committed by someone else.
  if (aids.length) {
    const aid = aids[(pick >> 17) % aids.length] as string;
    const plan = planAuto(
      approvals,
      tasks,
      { actor: WATCH, roles: ROLES[WATCH] ?? [], automation: true },
      { now: b.now, hasher: sha256Hex },
      RULES,
    );
    const decided =
      plan.ok && plan.result.outcomes.some((o) => o.id === aid && !o.skipped && o.verdict.decision === "approve");
    out.push({
      name: `${WATCH} approves ${aid} by rule docs-only, committed by ${someone}`,
      committer: someone,
      cli:
        decided && plan.ok
          ? { ok: true, board: { ...b, approvals: applySplices(b.approvals, plan.splices) } }
          : { ok: false, message: "no rule approves it" },
      hand: [{ ...b, approvals: handDecision(b, aid, "approve", WATCH, true, true) }],
      handFollowsCli: false,
    });
  }
  // run's accept (--on-success done), committed by the worker.
  {
    const t = tasks.byId.get(id)?.task;
    const worker = t?.lease?.holder.split("@")[0] ?? someone;
    const submitted = cliTransition(b, "submit", id, worker, {
      via: "run",
      evidence: `run log x.log sha256:${"cd".repeat(8)}`,
    });
    let cliRun: Outcome = { ok: false, message: "the run could not submit" };
    let forged = handTransition(b, "accept", id, WATCH, true);
    if (submitted.ok) {
      const accepted = cliTransition(submitted.board, "accept", id, WATCH, { via: "run" });
      cliRun = accepted;
      forged = edit(
        submitted.board.tasks,
        T,
        id,
        [
          ["state", "DONE"],
          ["resolution", "done"],
        ],
        {
          actor: WATCH,
          role: "AUDIT",
          action: "accept",
          time: b.now,
          details: { from: "REVIEW", to: "DONE", via: "run", auto: "true" },
        },
      );
    }
    out.push({
      name: `${worker}'s run of ${id} --on-success done`,
      committer: worker,
      cli: cliRun,
      hand: [{ ...b, tasks: forged }],
      handFollowsCli: false,
    });
  }
}

function judged(before: Board, after: Board, committer: string): string[] {
  return judgeChange(
    { tasks: T(before.tasks), approvals: A(before.approvals) },
    { tasks: T(after.tasks), approvals: A(after.approvals) },
    { committer, hasher: sha256Hex, now: after.now },
  ).map((v) => `${v.file}:${v.line}: ${v.message}`);
}

const RUNS = Number(process.env.TASKGATE_DIFF_CASES ?? 600);
const SEED = Number(process.env.TASKGATE_DIFF_SEED ?? 19);

describe("the CLI and the judge behind check --staged and verify", () => {
  it(`agree on ${RUNS} generated boards, every action by every actor`, () => {
    const tally = { cases: 0, allowed: 0, refused: 0 };
    const kinds = new Map<string, { allowed: number; refused: number }>();
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1 << 20 }), { minLength: 10, maxLength: 60, size: "max" }),
        fc.nat({ max: 1 << 20 }),
        fc.nat({ max: 90 }),
        (seed, pick, later) => {
          const b0 = history(seed, T0);
          for (const { board, id } of boards({ ...b0, now: b0.now + later * MIN }, pick)) {
            const b: Board = { ...board, now: board.now + (later % 40) * MIN };
            for (const c of cases(b, pick, id)) {
              tally.cases++;
              const kind = c.name
                .replace(/\b(T|A)-\d+\b/g, "$1")
                .replace(/\b(alice|bob|carol|dave|erin|mallory)\b/g, "P");
              const k = kinds.get(kind) ?? { allowed: 0, refused: 0 };
              kinds.set(kind, k);
              if (c.cli.ok) k.allowed++;
              else k.refused++;
              const show = () =>
                `${c.name} (CLI: ${c.cli.ok ? "allowed" : `refused: ${c.cli.message}`})\n--- TASKS.md\n${b.tasks}\n--- APPROVALS.md\n${b.approvals}`;
              if (c.cli.ok) {
                tally.allowed++;
                const v = judged(b, c.cli.board, c.committer);
                if (v.length) throw new Error(`The CLI allows, the judge refuses:\n${v.join("\n")}\n${show()}`);
                if (c.handFollowsCli) {
                  for (const h of c.hand) {
                    const hv = judged(b, h, c.committer);
                    if (hv.length)
                      throw new Error(`The CLI allows, the judge refuses the hand edit:\n${hv.join("\n")}\n${show()}`);
                  }
                }
              } else {
                tally.refused++;
                for (const h of c.hand) {
                  if (h.tasks === b.tasks && h.approvals === b.approvals) continue; // nothing to edit
                  const v = judged(b, h, c.committer);
                  if (v.length === 0)
                    throw new Error(
                      `The CLI refuses, the judge allows the hand edit:\n${show()}\n--- after\n${h.tasks}\n${h.approvals}`,
                    );
                }
              }
            }
          }
        },
      ),
      { numRuns: Math.max(5, Math.ceil(RUNS / 100)), seed: SEED, endOnFailure: true },
    );
    if (process.env.TASKGATE_DIFF_SHOW) console.log(kinds);
    // Enough of both sides, on every kind of action, to mean something.
    expect(tally.cases).toBeGreaterThanOrEqual(RUNS);
    expect(tally.allowed).toBeGreaterThan(tally.cases / 10);
    expect(tally.refused).toBeGreaterThan(tally.cases / 4);
  });
});
