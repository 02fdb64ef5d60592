// Approval rules from the YAML block in APPROVALS.md's "## Rules": parsed with positions,
// validated strictly (a rules section with any error approves nothing), and evaluated
// deny-by-default with a trace of every condition for `approval explain`.

import { registerRulesCheck } from "../ledger/write-checks.js";
import { isRole, type Role } from "../model/approval.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { isState, type State } from "../model/task.js";
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLMap,
  type Node as YamlNode,
} from "../vendor/yaml.js";

export interface Conditions {
  readonly labels?: readonly string[];
  readonly "any-label"?: readonly string[];
  readonly "requester-role"?: readonly Role[];
  readonly "subject-state"?: readonly State[];
  readonly "max-attempts"?: number;
  readonly evidence?: boolean;
  readonly subject?: readonly SubjectKind[];
}

export type SubjectKind = "task" | "text" | "roles";

export interface Rule {
  readonly id: string;
  readonly effect: "approve" | "deny";
  readonly level: "soft" | "hard";
  readonly when: Conditions;
  /** 1-based line in APPROVALS.md. */
  readonly line: number;
}

export const CONDITIONS: Readonly<Record<keyof Conditions, string>> = {
  labels: "the subject task has all of these labels",
  "any-label": "the subject task has at least one of these labels",
  "requester-role": "the requester holds one of these roles",
  "subject-state": "the subject task is in one of these states",
  "max-attempts": "the subject task has at most this many attempts",
  evidence: "the request has evidence (true) or has none (false)",
  subject: "the subject is a task, free text, or a roles change",
};

export interface RulesBlock {
  readonly text: string;
  /** 1-based line of the block's first line of YAML. */
  readonly line: number;
}

export function parseRules(file: string, block: RulesBlock | undefined): { rules: Rule[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: blank YAML parses to no rules and no error anyway.
  if (!block || block.text.trim() === "") return { rules: [], diagnostics };
  const counter = new LineCounter();
  const doc = parseDocument(block.text, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: YamlNode | undefined | null, fallback = 0): { line: number; column: number } => {
    const off = node?.range?.[0];
    if (off === undefined) return { line: block.line + fallback, column: 1 };
    const p = counter.linePos(off);
    return { line: block.line + p.line - 1, column: p.col };
  };
  const report = (where: { line: number; column: number }, message: string) =>
    diagnostics.push({ severity: "error", file, line: where.line, column: where.column, code: "bad-rule", message });

  for (const e of doc.errors) {
    const p = e.linePos?.[0];
    report(
      p ? { line: block.line + p.line - 1, column: p.col } : { line: block.line, column: 1 },
      `Rules are not valid YAML: ${e.message.split("\n")[0]}`,
    );
  }
  if (doc.errors.length) return { rules: [], diagnostics };
  const root = doc.contents;
  if (root === null) return { rules: [], diagnostics };
  if (!isSeq(root)) {
    report(lineOf(root), "Expected the rules to be a YAML list of rules (- id: ...)");
    return { rules: [], diagnostics };
  }
  const rules: Rule[] = [];
  const ids = new Map<string, number>();
  for (const item of root.items) {
    const at = lineOf(item as YamlNode);
    if (!isMap(item)) {
      report(at, "Expected a rule: a mapping with id, and approve or deny");
      continue;
    }
    const map = item as YAMLMap;
    const keys = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ""));
    for (const [i, k] of keys.entries()) {
      if (!["id", "approve", "deny", "level"].includes(k)) {
        report(
          lineOf(map.items[i]?.key as YamlNode),
          `Unknown key "${k}" in a rule; expected id, approve or deny, and level`,
        );
      }
    }
    const id = map.get("id");
    if (typeof id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      report(at, `Expected a rule id like docs-only, found ${JSON.stringify(id ?? null)}`);
      continue;
    }
    const first = ids.get(id);
    if (first !== undefined) {
      diagnostics.push({
        severity: "error",
        file,
        line: at.line,
        column: at.column,
        code: "bad-rule",
        message: `Duplicate rule id ${id}`,
        related: { line: first, column: 1, message: "first defined" },
      });
      continue;
    }
    ids.set(id, at.line);
    const hasApprove = map.has("approve");
    const hasDeny = map.has("deny");
    if (hasApprove === hasDeny) {
      report(at, `Rule ${id} needs exactly one of approve: or deny:`);
      continue;
    }
    const effect = hasApprove ? "approve" : "deny";
    const level = map.get("level") ?? "soft";
    if (level !== "soft" && level !== "hard") {
      report(at, `Rule ${id}: expected level soft or hard, found ${JSON.stringify(level)}`);
      continue;
    }
    if (level === "hard" && effect === "approve") {
      report(at, `Rule ${id}: level hard is for deny rules`);
      continue;
    }
    const condNode = map.get(effect, true) as YamlNode | undefined;
    const when = parseConditions(id, condNode, (node, message) => report(lineOf(node ?? condNode), message));
    // Stryker disable next-line ConditionalExpression: no conditions means an error was reported, which empties the rules.
    if (when) rules.push({ id, effect, level, when, line: at.line });
  }
  return { rules: diagnostics.length ? [] : rules, diagnostics };
}

function parseConditions(
  id: string,
  node: YamlNode | undefined,
  report: (node: YamlNode | undefined, message: string) => void,
): Conditions | undefined {
  if (!isMap(node)) {
    report(node, `Rule ${id}: expected conditions like { labels: [docs], requester-role: WORK }`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  let ok = true;
  const list = (v: unknown): string[] | undefined =>
    typeof v === "string"
      ? [v]
      : Array.isArray(v) && v.every((x) => typeof x === "string")
        ? (v as string[])
        : undefined;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const keyNode = pair.key as YamlNode;
    const value = (pair.value as YamlNode | null)?.toJSON?.() ?? (isScalar(pair.value) ? pair.value.value : undefined);
    const fail = (expected: string) => {
      report(keyNode, `Rule ${id}: expected ${expected} for "${key}"`);
      // Stryker disable next-line BooleanLiteral: the error reported empties the rules anyway; ok only spares work.
      ok = false;
    };
    switch (key) {
      case "labels":
      case "any-label": {
        const v = list(value);
        if (!v || v.length === 0) fail("a label or a list of labels");
        else out[key] = v;
        break;
      }
      case "requester-role": {
        const v = list(value);
        if (!v?.every(isRole)) fail("CMD, WORK or AUDIT, or a list of them");
        else out[key] = v;
        break;
      }
      case "subject-state": {
        const v = list(value);
        if (!v?.every(isState)) fail("a state (PLAN|READY|DOING|REVIEW|DONE) or a list of them");
        else out[key] = v;
        break;
      }
      case "subject": {
        const v = list(value);
        if (!v?.every((x) => x === "task" || x === "text" || x === "roles")) fail("task, text or roles");
        else out[key] = v;
        break;
      }
      case "max-attempts":
        // Stryker disable next-line ConditionalExpression: Number.isInteger is false for a non-number too; this is for TypeScript.
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail("a whole number");
        else out[key] = value;
        break;
      case "evidence":
        if (typeof value !== "boolean") fail("true or false");
        else out[key] = value;
        break;
      default:
        report(keyNode, `Rule ${id}: unknown condition "${key}"; known: ${Object.keys(CONDITIONS).join(", ")}`);
        // Stryker disable next-line BooleanLiteral: the error reported empties the rules anyway; ok only spares work.
        ok = false;
    }
  }
  return ok ? (out as Conditions) : undefined;
}

/** What a rule is judged on. */
export interface Facts {
  readonly subject: SubjectKind;
  readonly labels: readonly string[];
  readonly state: State | undefined;
  readonly attempts: number;
  readonly requesterRoles: readonly Role[];
  readonly evidence: boolean;
}

export interface ConditionTrace {
  readonly condition: string;
  readonly held: boolean;
  readonly why: string;
}

export interface RuleTrace {
  readonly rule: Rule;
  readonly matched: boolean;
  readonly conditions: ConditionTrace[];
}

export type Verdict =
  | { readonly decision: "approve"; readonly rule: Rule }
  | { readonly decision: "reject"; readonly rule: Rule }
  | { readonly decision: "hold"; readonly rule: Rule }
  | { readonly decision: "none" };

export function evaluateRules(rules: readonly Rule[], facts: Facts): { verdict: Verdict; trace: RuleTrace[] } {
  const trace = rules.map((rule) => {
    const conditions = Object.entries(rule.when).map(([k, v]) => judge(k as keyof Conditions, v, facts));
    return { rule, matched: conditions.every((c) => c.held), conditions };
  });
  // Stryker disable next-line ConditionalExpression: parseRules refuses a hard approve rule, so hard means deny.
  const hard = trace.find((t) => t.matched && t.rule.effect === "deny" && t.rule.level === "hard");
  if (hard) return { verdict: { decision: "reject", rule: hard.rule }, trace };
  const soft = trace.find((t) => t.matched && t.rule.effect === "deny");
  if (soft) return { verdict: { decision: "hold", rule: soft.rule }, trace };
  // Stryker disable next-line ConditionalExpression: a matched deny rule has returned above, so what matches here approves.
  const approve = trace.find((t) => t.matched && t.rule.effect === "approve");
  if (approve) return { verdict: { decision: "approve", rule: approve.rule }, trace };
  return { verdict: { decision: "none" }, trace };
}

function judge(key: keyof Conditions, value: unknown, f: Facts): ConditionTrace {
  const show = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "none");
  switch (key) {
    case "labels": {
      const want = value as string[];
      const held = want.every((l) => f.labels.includes(l));
      return { condition: `labels [${want.join(", ")}]`, held, why: `the subject has ${show(f.labels)}` };
    }
    case "any-label": {
      const want = value as string[];
      const held = want.some((l) => f.labels.includes(l));
      return { condition: `any-label [${want.join(", ")}]`, held, why: `the subject has ${show(f.labels)}` };
    }
    case "requester-role": {
      const want = value as Role[];
      const held = want.some((r) => f.requesterRoles.includes(r));
      return {
        condition: `requester-role ${want.join("|")}`,
        held,
        why: `the requester holds ${show(f.requesterRoles)}`,
      };
    }
    case "subject-state": {
      const want = value as State[];
      // Stryker disable next-line ConditionalExpression: want never includes undefined; this is for TypeScript.
      const held = f.state !== undefined && want.includes(f.state);
      return { condition: `subject-state ${want.join("|")}`, held, why: `the subject is ${f.state ?? "not a task"}` };
    }
    case "max-attempts": {
      const held = f.attempts <= (value as number);
      return { condition: `max-attempts ${value}`, held, why: `the subject has ${f.attempts} attempts` };
    }
    case "evidence": {
      const held = f.evidence === value;
      return {
        condition: `evidence ${value}`,
        held,
        why: f.evidence ? "the request has evidence" : "the request has no evidence",
      };
    }
    case "subject": {
      const want = value as SubjectKind[];
      return {
        condition: `subject ${want.join("|")}`,
        held: want.includes(f.subject),
        why: `the subject is ${f.subject}`,
      };
    }
  }
}

registerRulesCheck((file, block) => parseRules(file, block).diagnostics);
