// The parts of TASKS.md's Policy and APPROVALS.md's Rules that can switch the approval gate or
// automatic approval off, and the "change" a request names to change them (docs/approvals.md).
// A commit that changes one of them must show an approved request for exactly that change,
// decided by a person other than the committer (judge-approvals.ts). Pure.

import type { ApprovalsLedger } from "../ledger/approvals.js";
import { type Decoded, POLICY_FIELDS } from "../ledger/fields.js";
import type { Policy } from "../model/task.js";

export const POLICY_SUBJECT = "policy";
export const RULES_SUBJECT = "rules";

/**
 * The Policy keys whose weakening needs an approved request: the gate's labels, signed commits,
 * and the clock-skew margin the judge allows. The other keys (lease, max-attempts, backoff,
 * wip-limit, approval-sla, goals) only tune scheduling and reports, and stay free to edit.
 */
export const GUARDED_POLICY_KEYS = ["approval-required", "signed-commits", "clock-skew"] as const;
export type GuardedPolicyKey = (typeof GUARDED_POLICY_KEYS)[number];

const durationText = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** A guarded key's value in one canonical spelling: labels sorted and deduplicated, "required"/"optional", seconds. */
function canonical(key: GuardedPolicyKey, policy: Policy): string {
  if (key === "approval-required") return [...new Set(policy.approvalRequired)].sort().join(", ");
  if (key === "signed-commits") return policy.signedCommits ? "required" : "optional";
  return durationText(policy.clockSkew);
}

/**
 * "policy KEY=VALUE" for each guarded key whose change weakens the gate, compared by meaning,
 * not spelling: a label removed from approval-required, signed-commits from required to
 * optional, a larger clock-skew. Tightening (a label added, signing required, a smaller
 * margin) takes nobody's approval.
 */
export function policyChanges(before: Policy, after: Policy): string[] {
  const out: string[] = [];
  const weakened: Record<GuardedPolicyKey, boolean> = {
    "approval-required": before.approvalRequired.some((l) => !after.approvalRequired.includes(l)),
    "signed-commits": before.signedCommits && !after.signedCommits,
    "clock-skew": after.clockSkew > before.clockSkew,
  };
  for (const key of GUARDED_POLICY_KEYS) {
    if (weakened[key]) out.push(`${POLICY_SUBJECT} ${key}=${canonical(key, after)}`);
  }
  return out;
}

/**
 * The change a request for KEY=VALUE names, in the spelling the judge computes, or a sentence
 * saying what was expected. An empty VALUE means the key's default (the line removed).
 */
export function policyChangeOf(assignment: string, base: Policy): { change: string } | { problem: string } {
  const m = /^([a-z-]+)=(.*)$/.exec(assignment.trim());
  if (!m) return { problem: `Expected KEY=VALUE, like approval-required=prod, security, found "${assignment}"` };
  const key = m[1] as string;
  const value = (m[2] as string).trim();
  if (!(GUARDED_POLICY_KEYS as readonly string[]).includes(key)) {
    return {
      problem: `${key} is not a Policy key that needs a request (those are ${GUARDED_POLICY_KEYS.join(", ")}); edit it in TASKS.md and commit`,
    };
  }
  const k = key as GuardedPolicyKey;
  let next: Policy;
  if (value === "") {
    const field =
      k === "approval-required" ? "approvalRequired" : k === "signed-commits" ? "signedCommits" : "clockSkew";
    next = { ...base, [field]: field === "approvalRequired" ? [] : field === "signedCommits" ? false : 30_000 };
  } else {
    const d = (POLICY_FIELDS[k] as (v: string) => Decoded<unknown>)(value);
    if (!d.ok) return { problem: `Expected ${d.expected} as the value of ${k}, found "${value}"` };
    const v = d.value;
    next =
      k === "approval-required"
        ? { ...base, approvalRequired: v as string[] }
        : k === "signed-commits"
          ? { ...base, signedCommits: v as boolean }
          : { ...base, clockSkew: v as number };
  }
  return { change: `${POLICY_SUBJECT} ${k}=${canonical(k, next)}` };
}

/** The rules text as compared and hashed: line ends and trailing blank lines do not count. */
export const normalRules = (text: string): string => text.replace(/\r\n?/g, "\n").replace(/\s+$/, "");

/** "rules sha256:…": names one exact rules text (the body of the fenced block under "## Rules"). */
export function rulesChangeOf(text: string, hasher: (t: string) => string): string {
  return `${RULES_SUBJECT} sha256:${hasher(normalRules(text)).slice(0, 16)}`;
}

/** The rules change between two APPROVALS.md, or undefined if the rules text is the same line for line. */
export function rulesChange(
  before: ApprovalsLedger,
  after: ApprovalsLedger,
  hasher: (t: string) => string,
): string | undefined {
  const b = normalRules(before.rules?.text ?? "");
  const a = normalRules(after.rules?.text ?? "");
  return a === b ? undefined : rulesChangeOf(a, hasher);
}
