// Approval rules condition by condition (issue #31): each condition's parsing (good values,
// wrong values, empty lists) with the diagnostic's line, column and sentence, and each
// condition's verdict and trace on facts that hold and facts that do not; then how verdicts
// combine (hard deny, soft deny, approve, none).

import { describe, expect, it } from "vitest";
import { readApprovals } from "../../src/ledger/approvals.js";
import { parserChecks } from "../../src/ledger/write-checks.js";
import { CONDITIONS, evaluateRules, type Facts, parseRules, type Rule } from "../../src/rules/approval-rules.js";

const parse = (text: string, line = 10) => parseRules("APPROVALS.md", { text, line });
const errors = (text: string, line = 10) =>
  parse(text, line).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.severity} ${d.message}`);
const facts = (over: Partial<Facts> = {}): Facts => ({
  subject: "task",
  labels: [],
  state: "REVIEW",
  attempts: 0,
  requesterRoles: ["WORK"],
  evidence: false,
  ...over,
});
const rule = (
  when: Rule["when"],
  effect: Rule["effect"] = "approve",
  level: Rule["level"] = "soft",
  id = "r",
): Rule => ({
  id,
  effect,
  level,
  when,
  line: 1,
});
const one = (when: Rule["when"], f: Facts) => {
  const { verdict, trace } = evaluateRules([rule(when)], f);
  return { decision: verdict.decision, conditions: trace[0]?.conditions, matched: trace[0]?.matched };
};

describe("parsing rules", () => {
  it("reads every condition, with its line, effect and level", () => {
    const text = `- id: all-of-them
  approve:
    labels: [docs, small]
    any-label: web
    requester-role: [WORK, CMD]
    subject-state: REVIEW
    max-attempts: 2
    evidence: true
    subject: [task, text]
- id: stop
  deny: { labels: freeze }
  level: hard
- id: maybe
  deny: { evidence: false }
  level: soft`;
    const parsed = parse(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.rules).toEqual([
      {
        id: "all-of-them",
        effect: "approve",
        level: "soft",
        line: 10,
        when: {
          labels: ["docs", "small"],
          "any-label": ["web"],
          "requester-role": ["WORK", "CMD"],
          "subject-state": ["REVIEW"],
          "max-attempts": 2,
          evidence: true,
          subject: ["task", "text"],
        },
      },
      { id: "stop", effect: "deny", level: "hard", line: 19, when: { labels: ["freeze"] } },
      { id: "maybe", effect: "deny", level: "soft", line: 22, when: { evidence: false } },
    ]);
  });

  it("an empty or missing block is no rules and no error; an empty document too", () => {
    expect(parseRules("APPROVALS.md", undefined)).toEqual({ rules: [], diagnostics: [] });
    expect(parse("  \n ")).toEqual({ rules: [], diagnostics: [] });
    expect(parse("# only a comment\n")).toEqual({ rules: [], diagnostics: [] });
    expect(parse("[]")).toEqual({ rules: [], diagnostics: [] });
  });

  it.each([
    ["labels", "[]", 'expected a label or a list of labels for "labels"'],
    ["any-label", "[]", 'expected a label or a list of labels for "any-label"'],
    ["labels", "[1, 2]", 'expected a label or a list of labels for "labels"'],
    ["any-label", "{ a: 1 }", 'expected a label or a list of labels for "any-label"'],
    ["requester-role", "[WORK, BOSS]", 'expected CMD, WORK or AUDIT, or a list of them for "requester-role"'],
    ["requester-role", "3", 'expected CMD, WORK or AUDIT, or a list of them for "requester-role"'],
    [
      "subject-state",
      "[REVIEW, LATER]",
      'expected a state (PLAN|READY|DOING|REVIEW|DONE) or a list of them for "subject-state"',
    ],
    ["subject-state", "7", 'expected a state (PLAN|READY|DOING|REVIEW|DONE) or a list of them for "subject-state"'],
    ["subject", "[task, file]", 'expected task, text or roles for "subject"'],
    ["subject", "3", 'expected task, text or roles for "subject"'],
    ["subject", "[]", undefined],
    ["max-attempts", "-1", 'expected a whole number for "max-attempts"'],
    ["max-attempts", "1.5", 'expected a whole number for "max-attempts"'],
    ["max-attempts", "two", 'expected a whole number for "max-attempts"'],
    ["evidence", "yes", 'expected true or false for "evidence"'],
    ["evidence", "1", 'expected true or false for "evidence"'],
  ])("%s: %s is refused with file:line:column", (key, value, message) => {
    const text = `- id: x\n  approve:\n    ${key}: ${value}\n`;
    if (message === undefined) {
      // An empty subject list parses (it then matches nothing).
      expect(parse(text).diagnostics).toEqual([]);
      return;
    }
    expect(errors(text)).toEqual([`12:5 bad-rule error Rule x: ${message}`]);
    expect(parse(text).rules).toEqual([]);
  });

  it.each([
    ["labels", "docs", ["docs"]],
    ["requester-role", "AUDIT", ["AUDIT"]],
    ["subject-state", "[PLAN, DONE]", ["PLAN", "DONE"]],
    ["subject", "roles", ["roles"]],
    ["max-attempts", "0", 0],
    ["evidence", "false", false],
  ])("%s: %s is read as %j", (key, value, want) => {
    const parsed = parse(`- id: x\n  approve:\n    ${key}: ${value}\n`);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.rules[0]?.when).toEqual({ [key]: want });
  });

  it("reports the rule's own mistakes, each with its line", () => {
    expect(errors("id: x\n")).toEqual([
      "10:1 bad-rule error Expected the rules to be a YAML list of rules (- id: ...)",
    ]);
    expect(errors("- just a string\n")).toEqual([
      "10:3 bad-rule error Expected a rule: a mapping with id, and approve or deny",
    ]);
    expect(errors("- id: Bad_Id\n  approve: { labels: a }\n")).toEqual([
      '10:3 bad-rule error Expected a rule id like docs-only, found "Bad_Id"',
    ]);
    expect(errors("- id: docs_only\n  approve: { labels: a }\n")).toEqual([
      '10:3 bad-rule error Expected a rule id like docs-only, found "docs_only"',
    ]);
    expect(errors("- approve: { labels: a }\n")).toEqual([
      "10:3 bad-rule error Expected a rule id like docs-only, found null",
    ]);
    expect(errors("- id: x\n  approve: { labels: a }\n  colour: red\n")).toEqual([
      '12:3 bad-rule error Unknown key "colour" in a rule; expected id, approve or deny, and level',
    ]);
    expect(errors("- id: x\n")).toEqual(["10:3 bad-rule error Rule x needs exactly one of approve: or deny:"]);
    expect(errors("- id: x\n  approve: { labels: a }\n  deny: { labels: b }\n")).toEqual([
      "10:3 bad-rule error Rule x needs exactly one of approve: or deny:",
    ]);
    expect(errors("- id: x\n  deny: { labels: a }\n  level: loud\n")).toEqual([
      '10:3 bad-rule error Rule x: expected level soft or hard, found "loud"',
    ]);
    expect(errors("- id: x\n  approve: { labels: a }\n  level: hard\n")).toEqual([
      "10:3 bad-rule error Rule x: level hard is for deny rules",
    ]);
    expect(errors("- id: x\n  approve: docs\n")).toEqual([
      "11:12 bad-rule error Rule x: expected conditions like { labels: [docs], requester-role: WORK }",
    ]);
    expect(errors("- id: x\n  approve: { colour: blue }\n")).toEqual([
      `11:14 bad-rule error Rule x: unknown condition "colour"; known: ${Object.keys(CONDITIONS).join(", ")}`,
    ]);
  });

  it("a duplicate id points at the first, and any error leaves no rules at all", () => {
    const parsed = parse(
      "- id: a\n  approve: { labels: x }\n- id: a\n  deny: { labels: y }\n- id: b\n  deny: { labels: z }\n",
    );
    expect(parsed.rules).toEqual([]);
    expect(parsed.diagnostics).toEqual([
      {
        severity: "error",
        file: "APPROVALS.md",
        line: 12,
        column: 3,
        code: "bad-rule",
        message: "Duplicate rule id a",
        related: { line: 10, column: 1, message: "first defined" },
      },
    ]);
  });

  it("the rules check of a ledger is this parser (registered for every write)", () => {
    const text = "# Approvals\n\n## Rules\n```yaml\n- id: x\n  approve: { colour: blue }\n```\n\n## Log\n";
    const approvals = readApprovals("APPROVALS.md", text);
    expect(parserChecks("APPROVALS.md", approvals).map((d) => `${d.line} ${d.message}`)).toEqual([
      `6 Rule x: unknown condition "colour"; known: ${Object.keys(CONDITIONS).join(", ")}`,
    ]);
  });

  it("broken YAML is reported with the first line of YAML's message, and nothing else", () => {
    const at = (message: string) => ({
      severity: "error",
      file: "APPROVALS.md",
      line: 20,
      column: 1,
      code: "bad-rule",
      message,
    });
    expect(parse("- id: x\n  approve: { labels: [a\n", 20).diagnostics).toEqual([
      at("Rules are not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"),
      at("Rules are not valid YAML: Flow map in block collection must be sufficiently indented and end with a }"),
    ]);
  });

  it("broken YAML is one diagnostic per YAML error, at its position, and no rules", () => {
    const d = parse("- id: x\n  approve: { labels: [a\n", 20).diagnostics;
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]?.message).toMatch(/^Rules are not valid YAML: \S/);
    expect(d[0]?.message).not.toContain("\n");
    expect(d[0]?.line).toBeGreaterThanOrEqual(20);
    expect(d.every((x) => x.file === "APPROVALS.md" && x.code === "bad-rule" && x.severity === "error")).toBe(true);
    expect(parse("- id: x\n  approve: { labels: [a\n").rules).toEqual([]);
  });
});

describe("each condition's verdict", () => {
  it("labels: all of them (survivor: every -> some)", () => {
    expect(one({ labels: ["a", "b"] }, facts({ labels: ["a", "b", "c"] }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "labels [a, b]", held: true, why: "the subject has a, b, c" }],
    });
    expect(one({ labels: ["a", "b"] }, facts({ labels: ["a"] }))).toEqual({
      decision: "none",
      matched: false,
      conditions: [{ condition: "labels [a, b]", held: false, why: "the subject has a" }],
    });
    expect(one({ labels: ["a"] }, facts()).conditions).toEqual([
      { condition: "labels [a]", held: false, why: "the subject has none" },
    ]);
  });

  it("any-label: at least one", () => {
    expect(one({ "any-label": ["a", "b"] }, facts({ labels: ["b"] }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "any-label [a, b]", held: true, why: "the subject has b" }],
    });
    expect(one({ "any-label": ["a", "b"] }, facts({ labels: ["c"] })).conditions).toEqual([
      { condition: "any-label [a, b]", held: false, why: "the subject has c" },
    ]);
  });

  it("requester-role: one of them", () => {
    expect(one({ "requester-role": ["CMD", "WORK"] }, facts({ requesterRoles: ["WORK", "AUDIT"] }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "requester-role CMD|WORK", held: true, why: "the requester holds WORK, AUDIT" }],
    });
    expect(one({ "requester-role": ["CMD"] }, facts({ requesterRoles: [] })).conditions).toEqual([
      { condition: "requester-role CMD", held: false, why: "the requester holds none" },
    ]);
  });

  it("subject-state: one of them, and never for a subject that is not a task", () => {
    expect(one({ "subject-state": ["READY", "REVIEW"] }, facts({ state: "REVIEW" }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "subject-state READY|REVIEW", held: true, why: "the subject is REVIEW" }],
    });
    expect(one({ "subject-state": ["READY"] }, facts({ state: "DOING" })).conditions).toEqual([
      { condition: "subject-state READY", held: false, why: "the subject is DOING" },
    ]);
    expect(one({ "subject-state": ["READY"] }, facts({ state: undefined, subject: "text" })).conditions).toEqual([
      { condition: "subject-state READY", held: false, why: "the subject is not a task" },
    ]);
  });

  it("max-attempts: at most, the bound included", () => {
    expect(one({ "max-attempts": 2 }, facts({ attempts: 2 }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "max-attempts 2", held: true, why: "the subject has 2 attempts" }],
    });
    expect(one({ "max-attempts": 2 }, facts({ attempts: 3 })).conditions).toEqual([
      { condition: "max-attempts 2", held: false, why: "the subject has 3 attempts" },
    ]);
  });

  it("evidence: true or false, each way", () => {
    expect(one({ evidence: true }, facts({ evidence: true }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "evidence true", held: true, why: "the request has evidence" }],
    });
    expect(one({ evidence: true }, facts({ evidence: false })).conditions).toEqual([
      { condition: "evidence true", held: false, why: "the request has no evidence" },
    ]);
    expect(one({ evidence: false }, facts({ evidence: false })).matched).toBe(true);
    expect(one({ evidence: false }, facts({ evidence: true })).matched).toBe(false);
  });

  it("subject: the kind", () => {
    expect(one({ subject: ["text", "roles"] }, facts({ subject: "roles" }))).toEqual({
      decision: "approve",
      matched: true,
      conditions: [{ condition: "subject text|roles", held: true, why: "the subject is roles" }],
    });
    expect(one({ subject: ["text"] }, facts({ subject: "task" })).matched).toBe(false);
  });

  it("a rule matches only when every condition holds", () => {
    const when = { labels: ["docs"], "requester-role": ["WORK"] } as const;
    expect(one(when, facts({ labels: ["docs"] })).matched).toBe(true);
    expect(one(when, facts({ labels: ["docs"], requesterRoles: ["CMD"] })).matched).toBe(false);
    expect(one(when, facts({ labels: [] })).matched).toBe(false);
  });
});

describe("how verdicts combine", () => {
  const approve = rule({ labels: ["docs"] }, "approve", "soft", "ok");
  const soft = rule({ labels: ["prod"] }, "deny", "soft", "soft");
  const hard = rule({ labels: ["freeze"] }, "deny", "hard", "hard");
  const rules = [approve, soft, hard];
  const verdict = (labels: string[]) => evaluateRules(rules, facts({ labels })).verdict;

  it("hard deny over soft deny over approve; nothing matched is none", () => {
    expect(verdict(["docs", "prod", "freeze"])).toEqual({ decision: "reject", rule: hard });
    expect(verdict(["docs", "freeze"])).toEqual({ decision: "reject", rule: hard });
    expect(verdict(["docs", "prod"])).toEqual({ decision: "hold", rule: soft });
    expect(verdict(["docs"])).toEqual({ decision: "approve", rule: approve });
    expect(verdict(["other"])).toEqual({ decision: "none" });
    expect(evaluateRules([], facts()).verdict).toEqual({ decision: "none" });
  });

  it("a rule that does not match never decides, whatever its effect", () => {
    expect(evaluateRules([hard, soft], facts({ labels: ["docs"] })).verdict).toEqual({ decision: "none" });
    const trace = evaluateRules(rules, facts({ labels: ["prod"] })).trace;
    expect(trace.map((t) => [t.rule.id, t.matched])).toEqual([
      ["ok", false],
      ["soft", true],
      ["hard", false],
    ]);
  });
});
