// Generates realistic, valid TASKS.md and APPROVALS.md ledgers of any size for the benchmark.
// Deterministic (a seeded generator), and independent of src/: the log's hash chain is
// computed here from the documented rule, so a generated ledger also checks the reader.

import { createHash } from "node:crypto";

const VERBS = ["Migrate", "Fix", "Document", "Refactor", "Add", "Remove", "Speed up", "Review", "Test", "Port"];
const THINGS = ["the login flow", "nightly backup job", "API rate limiter", "deploy key rotation", "metrics dashboard"];
const LABELS = ["automation", "backend", "frontend", "docs", "infra", "phase-3", "ux", "testing"];
const TEXT = [
  "Acceptance: runs from cron on Linux and from Task Scheduler on Windows.",
  "See the design notes; keep the old behaviour behind a flag until the next release.",
  "Measure before and after; attach the numbers to the pull request.",
];

/** A small deterministic generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Log lines chained as docs/ledger-format.md says: sha256(previous + "\n" + body), 12 hex digits. */
class Log {
  previous = "";
  lines = [];
  add(body) {
    const hash = createHash("sha256").update(`${this.previous}\n${body}`).digest("hex").slice(0, 12);
    this.lines.push(`- ${body} ~ ${hash}`);
    this.previous = hash;
  }
}

/**
 * Ledgers with `count` tasks. `ready` is the share of READY tasks (the rest spread over the
 * other states); times start in 2025 so nothing is dated in the future. `history` gives every
 * DONE task that many failed attempts before it was done (claim and fail by a worker loop,
 * or an expired lease recovered by the watch), then claim, submit and accept: a long log.
 * `createdEvery` is the time between two tasks' creation (0: all made at once, as a planned phase is).
 */
export function generateLedgers(count, { seed = 1, ready = 0.15, history = 0, createdEvery = 60_000 } = {}) {
  const random = rng(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const start = Date.UTC(2025, 0, 1, 8);
  const log = new Log();
  log.add(`${iso(start)} alice CMD init TASKS.md`);
  const out = [
    "# Tasks",
    "",
    "A generated board for the benchmark.",
    "",
    "## Policy",
    "- lease: 30m",
    "- max-attempts: 3",
    "- backoff: 1m..1h",
    "- clock-skew: 30s",
    "",
    "## Schedules",
    "- nightly-check: `0 2 * * *` UTC check",
    "",
  ];
  const readyIds = [];
  /** [time, body]: log lines, chained in time order once all are made. */
  const events = [];
  for (let n = 1; n <= count; n++) {
    const created = start + n * createdEvery;
    const r = random();
    const state = r < ready ? "READY" : r < ready + 0.1 ? "PLAN" : r < ready + 0.15 ? "REVIEW" : "DONE";
    const title = `${pick(VERBS)} ${pick(THINGS)} (${n})`;
    out.push(`## T-${n} ${title}`, `- state: ${state}`, `- priority: P${Math.floor(random() * 4)}`);
    out.push(`- labels: ${pick(LABELS)}, ${pick(LABELS)}`);
    if (n > 1 && random() < 0.3) out.push(`- depends: T-${1 + Math.floor(random() * (n - 1))}`);
    if (state === "DONE") out.push("- resolution: done");
    out.push(`- created: ${iso(created)}`, "");
    for (let k = Math.floor(random() * 3); k > 0; k--) out.push(pick(TEXT));
    out.push("");
    if (state === "READY") readyIds.push(`T-${n}`);
    events.push([created, `${iso(created)} alice CMD add T-${n} title=${JSON.stringify(title)} state=${state}`]);
    if (state === "DONE" && history > 0) {
      let t = created;
      const w = `w${1 + Math.floor(random() * 20)}`;
      const at = (body) => {
        t += 60_000 + Math.floor(random() * 600) * 1000;
        events.push([t, `${iso(t)} ${body}`]);
      };
      for (let k = 0; k < history; k++) {
        at(`${w} WORK claim T-${n} from=READY to=DOING token=${k + 1} ttl=30m holder=${w}@ci via=work`);
        if (random() < 0.5)
          at(`${w} WORK fail T-${n} from=DOING to=READY token=${k + 1} exit="exit 1" attempts=${k + 1} via=work`);
        else
          at(
            `taskgate-watch CMD recover T-${n} from=DOING to=READY holder=${w}@ci token=${k + 1} attempts=${k + 1} auto=true`,
          );
      }
      at(`${w} WORK claim T-${n} from=READY to=DOING token=${history + 1} ttl=30m holder=${w}@ci via=work`);
      at(`${w} WORK submit T-${n} from=DOING to=REVIEW token=${history + 1} via=work`);
      at(`alice AUDIT accept T-${n} from=REVIEW to=DONE`);
    }
  }
  events.sort((a, b) => a[0] - b[0]);
  for (const [, body] of events) log.add(body);
  // A dependency on a task that is not DONE would keep READY tasks from being claimed; the
  // claim benchmarks need READY tasks that can start, so those have no dependencies.
  const tasks = `${out.join("\n").replace(/(- state: READY\n- priority: P\d\n- labels: [^\n]*\n)- depends: T-\d+\n/g, "$1")}## Log\n${log.lines.join("\n")}\n`;

  const alog = new Log();
  alog.add(`${iso(start)} alice CMD init APPROVALS.md`);
  const approvals = [
    "# Approvals",
    "",
    "## Roles",
    "- alice: CMD, WORK, AUDIT",
    "- bob: WORK",
    ...Array.from({ length: 20 }, (_, i) => `- w${i + 1}: WORK`),
    "- taskgate-watch: AUDIT (automation)",
    "",
    "## Rules",
    "```yaml",
    "- id: docs-only",
    "  approve: { labels: [docs], requester-role: WORK }",
    "```",
    "",
    "## Log",
    ...alog.lines,
    "",
  ].join("\n");
  return { tasks, approvals, readyIds };
}
