// check --staged reads a clean board only as far as the judge asks (clean-ledger.ts), skips
// entries a commit left as they were, and reads only the log lines a commit appended when it
// kept the old ones byte for byte (judge.ts keptLog). Every verdict must be the one the whole
// reading gives: compared here on generated boards changed by taskgate's own plans and by hand
// in many ways, right and wrong.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLedgers } from "../../scripts/gen-ledger.mjs";
import { sha256Hex } from "../../src/io/hash.js";
import { readApprovals } from "../../src/ledger/approvals.js";
import { readCleanTasks } from "../../src/ledger/clean-ledger.js";
import { applySplices } from "../../src/ledger/edit.js";
import { readTasks } from "../../src/ledger/tasks.js";
import { judgeChange, type Ledgers } from "../../src/rules/judge.js";
import { planSetFields } from "../../src/rules/plan-set.js";
import { planTransition, type TransitionInput } from "../../src/rules/workflow.js";

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

function verdicts(before: [string, string], after: [string, string], committer: string) {
  const whole = (t: string, a: string): Ledgers => ({
    tasks: readTasks("TASKS.md", t),
    approvals: readApprovals("APPROVALS.md", a),
  });
  const lazy = (t: string, a: string): Ledgers => ({
    tasks: readCleanTasks("TASKS.md", t) ?? readTasks("TASKS.md", t),
    approvals: readApprovals("APPROVALS.md", a),
  });
  const want = judgeChange(whole(...before), whole(...after), {
    committer,
    hasher: sha256Hex,
    now: T0 + 200_000,
    noShortcuts: true,
  });
  const got = judgeChange(lazy(...before), lazy(...after), { committer, hasher: sha256Hex, now: T0 + 200_000 });
  expect(got).toEqual(want);
  return want;
}

/** Changes made by taskgate's planners: what a commit of taskgate's own writes holds. */
function planned(text: string, k: number, count: number, who: string): string {
  const id = `T-${(k % count) + 1}`;
  const ledger = readTasks("TASKS.md", text);
  const actions = ["ready", "claim", "submit", "accept", "cancel", "block", "unblock", "plan"] as const;
  const action = actions[k % actions.length] as TransitionInput["action"];
  const plan =
    k % 3 === 0
      ? planSetFields(ledger, id, [["priority", `P${k % 4}`]], {
          now: T0 + k,
          actor: who,
          role: "CMD",
          hasher: sha256Hex,
        })
      : planTransition(
          ledger,
          { action, id, reason: action === "block" || action === "cancel" ? "why" : undefined },
          { actor: who, roles: ["CMD", "WORK", "AUDIT"], automation: false, host: "h" },
          { now: T0 + k, hasher: sha256Hex },
        );
  return plan.ok && plan.splices.length ? applySplices(text, plan.splices) : text;
}

/** Hand edits, lawful or not. */
const HAND: ((text: string, n: number) => string)[] = [
  (t) => t,
  (t, n) => t.replace(new RegExp(`^## T-${n} (.*)$`, "m"), `## T-${n} $1, retitled`),
  (t, n) => t.replace(new RegExp(`(## T-${n} [^\\n]*\\n- state: )\\w+`), "$1DONE"),
  (t, n) => t.replace(new RegExp(`(## T-${n} [^\\n]*\\n- state: )\\w+`), "$1REVIEW"),
  (t, n) => t.replace(new RegExp(`(## T-${n} [^\\n]*\\n)`), "$1- fence: 7\n"),
  (t, n) => t.replace(new RegExp(`## T-${n} [\\s\\S]*?(?=## )`), ""),
  (t) => t.replace("## Log", "## T-900 Added by hand\n- state: READY\n\n## Log"),
  (t) => t.replace("## Log", "## T-901 Added by hand\n- state: DOING\n\n## Log"),
  (t) => `${t}- 2026-11-24T09:00:00Z mallory CMD set T-1 priority=P0 ~ 0123456789ab\n`,
  (t) => `${t}- not a log line\n`,
  (t) => t.replace(/(\n- \d{4}-[^\n]*) ~ [0-9a-f]{12}\n/, "$1 ~ 000000000000\n"),
  (t) => t.replace(/\n- \d{4}-[^\n]*\n/, "\n"),
  (t) => t.replace(/\n(- \d{4}-[^\n]*\n)/, "\n$1$1"),
  (t) => t.replace(/\n- (\d{4}-[^\n]*\n)/, "\n* $1"),
  (t) => t.replace(/\n(- \d{4})-\d\d-\d\d/, "\n$1-02-30"),
  (t) => t.replace(/\n/g, "\r\n"),
  (t) => t.replace(/## Log\n/, "## Log\n\n"),
  (t, n) => t.replace(new RegExp(`(## T-${n} [^\\n]*\\n)`), "$1- state: READY\n"),
  (t, n) => t.replace(new RegExp(`(## T-${n} [^\\n]*\\n(?:- [^\\n]*\\n)*)`), "$1\nMore text.\n"),
  (t) => t.replace(/( ~ [0-9a-f]{12})\n$/, "$1 extra\n"),
  (t) => t.replace(/( ~ [0-9a-f]{12})\n$/, "$1\n\n"),
];

describe("check --staged's shortcuts against reading everything", () => {
  it("gives the same verdicts on commits of taskgate's writes and hand edits", () => {
    let judged = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 15 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 4 }),
        fc.array(fc.tuple(fc.nat({ max: HAND.length - 1 }), fc.nat({ max: 20 })), { maxLength: 2 }),
        fc.constantFrom("alice", "bob", "w1"),
        fc.nat({ max: 3 }),
        fc.array(fc.tuple(fc.nat({ max: HAND.length - 1 }), fc.nat({ max: 20 })), { maxLength: 1 }),
        (count, seed, plans, hands, committer, history, headHands) => {
          const { tasks, approvals } = generateLedgers(count, { seed, ready: 0.5 });
          let before = tasks;
          for (let k = 0; k < history; k++) before = planned(before, k + 7, count, "alice");
          // HEAD itself may hold a hand edit, even a wrong one (committed without the hook).
          for (const [h, n] of headHands)
            before = (HAND[h] as (t: string, n: number) => string)(before, (n % count) + 1);
          let after = before;
          for (const k of plans) after = planned(after, k, count, committer);
          for (const [h, n] of hands) after = (HAND[h] as (t: string, n: number) => string)(after, (n % count) + 1);
          const v = verdicts([before, approvals], [after, approvals], committer);
          judged++;
          if (v.length) refused++;
        },
      ),
      { numRuns: 600 },
    );
    expect(refused).toBeGreaterThan(100);
    expect(judged - refused).toBeGreaterThan(50);
  });
});
