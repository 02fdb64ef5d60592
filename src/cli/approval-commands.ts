// The approval gate's commands: approval request/show/explain, approve, reject, approvals
// (list and auto), roles grant/revoke.

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { approvalDoc } from "../app/documents.js";
import { UsageError } from "../app/errors.js";
import { normalizeApprovalId as normalizeApproval } from "../model/approval.js";
import { formatAge } from "../model/time.js";
import type { Verdict } from "../rules/approval-rules.js";
import { terminalText } from "../rules/values.js";
import { collectList } from "./options.js";
import { jsonDoc } from "./render.js";
import type { CommandKit } from "./workflow-commands.js";

function verdictText(v: Verdict): string {
  switch (v.decision) {
    case "approve":
      return `approve by rule ${v.rule.id}`;
    case "reject":
      return `reject: rule ${v.rule.id} is a hard deny, which nobody can override`;
    case "hold":
      return `a person decides: rule ${v.rule.id} denies automatic approval`;
    case "none":
      return "a person decides: no rule approves it (deny by default)";
  }
}

export function registerApprovalCommands(program: Command, kit: CommandKit): void {
  const approval = program.command("approval").description("request, show and explain approvals");
  approval
    .command("request")
    .description("ask for approval of a task (its ID) or of anything (free text)")
    .argument("<subject...>", "a task ID like T-12, or a sentence")
    .option("--title <text>", "the request's title (default: from the subject)")
    .option(
      "--evidence <text>",
      "what supports it (a CI run, a report hash); repeat for several",
      (v: string, p: string[] = []) => [...p, v],
    )
    .option("--json", "print one JSON document")
    .action(async (words: string[], o: { title?: string; evidence?: string[]; json?: boolean }) => {
      const { ctx } = kit.context();
      const { requestApproval } = await import("../app/approvals.js");
      const subject = words.length === 1 ? kit.normalizeId(words[0] as string) : words.join(" ");
      const r = await requestApproval(ctx, { subject, title: o.title, evidence: o.evidence });
      if (kit.json(o)) kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded }));
      else kit.out.write(`${r.id}${r.superseded.length ? ` (supersedes ${r.superseded.join(", ")})` : ""}\n`);
    });

  for (const name of ["show", "explain"] as const) {
    approval
      .command(name)
      .description(
        name === "show"
          ? "one approval with its fields"
          : "rule by rule, why a request is (or would be) approved or denied",
      )
      .argument("<id>", "approval ID, like A-3")
      .option("--json", "print one JSON document")
      .action(async (id: string, o: { json?: boolean }) => {
        const { ctx } = kit.context();
        const { showApproval } = await import("../app/approvals.js");
        const e = showApproval(ctx, normalizeApproval(id));
        if (kit.json(o)) {
          kit.out.write(
            jsonDoc(name === "show" ? "approval" : "approval-explain", {
              approval: approvalDoc(e.approval, { stale: e.stale }),
              rules: e.trace.map((t) => ({
                id: t.rule.id,
                effect: t.rule.effect,
                level: t.rule.level,
                line: t.rule.line,
                matched: t.matched,
                conditions: t.conditions,
              })),
              verdict: e.verdict.decision,
              rule: "rule" in e.verdict ? e.verdict.rule.id : null,
              blocked: e.blocked ?? null,
              rulesHash: e.rulesHash,
            }),
          );
          return;
        }
        const a = e.approval;
        const lines = [
          `${a.id} ${a.title}`,
          `  status: ${a.status}${e.stale ? " (stale: the subject changed after approval)" : ""}`,
        ];
        for (const f of a.fields) if (f.key !== "status") lines.push(`  ${f.key}: ${f.value}`);
        if (name === "explain") {
          lines.push("", `Rules (${e.rulesHash}):`);
          if (e.trace.length === 0) lines.push("  (none)");
          for (const t of e.trace) {
            const kind = `${t.rule.effect}${t.rule.level === "hard" ? ", hard" : ""}, line ${t.rule.line}`;
            lines.push(`  ${t.rule.id} (${kind}): ${t.matched ? "matches" : "does not match"}`);
            for (const c of t.conditions)
              lines.push(`    ${c.held ? "held    " : "not held"}  ${c.condition}: ${c.why}`);
          }
          lines.push("", `${a.status === "pending" ? "Verdict" : "The rules would say"}: ${verdictText(e.verdict)}`);
          if (e.blocked) lines.push(`But the automation actor may not decide it: ${e.blocked}`);
        }
        kit.out.write(`${terminalText(lines.join("\n"), true)}\n`);
      });
  }

  for (const decision of ["approve", "reject"] as const) {
    const cmd = program
      .command(decision)
      .description(
        decision === "approve"
          ? "approve a pending request, as AUDIT (never your own)"
          : "reject a pending request, as AUDIT, with a reason",
      )
      .argument("<id>", "approval ID, like A-3");
    if (decision === "reject") cmd.requiredOption("--reason <text>", "why");
    else cmd.option("--reason <text>", "why");
    cmd
      .option("--json", "print one JSON document")
      .action(async (id: string, o: { reason?: string; json?: boolean }) => {
        const { ctx } = kit.context();
        const { decideApproval } = await import("../app/approvals.js");
        const r = await decideApproval(ctx, { id: normalizeApproval(id), decision, reason: o.reason });
        if (kit.json(o)) kit.out.write(jsonDoc("approval-decision", { id: r.id, decision: r.decision }));
        else kit.out.write(`${r.id} ${decision === "approve" ? "approved" : "rejected"}\n`);
      });
  }

  const approvals = program
    .command("approvals")
    .description("list approvals, pending first with their age; `approvals auto` decides by the rules")
    .option("--status <status>", "only these statuses (pending|approved|rejected|superseded)", collectList)
    .option("--subject <subject>", "only requests about this subject")
    .option("--json", "print one JSON document")
    .action(async (o: { status?: string[]; subject?: string; json?: boolean }) => {
      const { ctx } = kit.context();
      const { listApprovals } = await import("../app/approvals.js");
      const rows = listApprovals(ctx, {
        ...(o.status ? { status: o.status } : {}),
        ...(o.subject ? { subject: kit.normalizeId(o.subject) } : {}),
      });
      if (kit.json(o)) {
        const list = rows.map((r) => approvalDoc(r.approval, { stale: r.stale, ageSeconds: Math.floor(r.age / 1000) }));
        kit.out.write(jsonDoc("approvals", { count: rows.length, approvals: list }));
        return;
      }
      if (rows.length === 0) kit.out.write("No approvals match.\n");
      for (const r of rows) {
        const a = r.approval;
        const age = a.status === "pending" ? ` waiting ${formatAge(r.age)}` : a.approver ? ` by ${a.approver}` : "";
        kit.out.write(
          `${terminalText(`${a.id}  ${a.status.padEnd(10)} ${a.title}${age}${r.stale ? "  (stale)" : ""}`)}\n`,
        );
      }
    });
  approvals
    .command("auto")
    .description("decide every pending request the rules decide, as the automation actor")
    .option("--json", "print one JSON document")
    .action(async (o: { json?: boolean }) => {
      const { ctx } = kit.context();
      const { autoApprove } = await import("../app/approvals.js");
      const r = await autoApprove(ctx);
      if (kit.json(o)) {
        const outcomes = r.outcomes.map((x) => ({
          id: x.id,
          verdict: x.verdict.decision,
          rule: "rule" in x.verdict ? x.verdict.rule.id : null,
          skipped: x.skipped ?? null,
        }));
        kit.out.write(jsonDoc("approvals-auto", { actor: r.actor, outcomes }));
        return;
      }
      if (r.outcomes.length === 0) kit.out.write("No pending requests.\n");
      for (const x of r.outcomes) {
        const v = x.verdict;
        const what =
          x.skipped !== undefined
            ? `left pending: ${x.skipped}`
            : v.decision === "approve"
              ? `approved by ${r.actor} (rule ${v.rule.id})`
              : v.decision === "reject"
                ? `rejected by ${r.actor} (rule ${v.rule.id}, hard deny)`
                : v.decision === "hold"
                  ? `left for a person (rule ${v.rule.id} denies automatic approval)`
                  : "left for a person (no rule approves it)";
        kit.out.write(`${x.id} ${what}\n`);
      }
    });

  const roles = program.command("roles").description("change who holds which role; changes go through an approval");
  for (const verb of ["grant", "revoke"] as const) {
    roles
      .command(verb)
      .description(`request to ${verb} a role; it takes effect when another AUDIT actor approves`)
      .argument("<name>", "the actor")
      .argument("<role>", "CMD, WORK or AUDIT")
      .option("--json", "print one JSON document")
      .action(async (name: string, role: string, o: { json?: boolean }) => {
        const { ctx } = kit.context();
        const { requestRoleChange } = await import("../app/approvals.js");
        const r = await requestRoleChange(ctx, verb, name, role.toUpperCase());
        if (kit.json(o)) kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded }));
        else {
          const dir = verb === "grant" ? "to" : "from";
          kit.out.write(
            `${r.id}: ${verb} ${role.toUpperCase()} ${dir} ${name} waits for another AUDIT actor: taskgate approve ${r.id}\n`,
          );
        }
      });
  }
  program
    .command("rules")
    .description("the approval rules: changes go through an approval")
    .command("request")
    .description(
      'request to make the Rules exactly the YAML in FILE; once another AUDIT person approves, put it in the fenced block under "## Rules" and commit',
    )
    .argument("<file>", "a file holding the new rules (the YAML that goes inside the fenced block)")
    .option("--json", "print one JSON document")
    .action(async (file: string, o: { json?: boolean }) => {
      const { ctx } = kit.context();
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new UsageError(`Cannot read the rules file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      const { requestRulesChange } = await import("../app/approvals.js");
      const r = await requestRulesChange(ctx, text);
      if (kit.json(o))
        kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded, change: r.change }));
      else
        kit.out.write(
          `${r.id}: ${r.change} waits for another AUDIT person: taskgate approve ${r.id}; then put ${file}'s text in the block under "## Rules" and commit\n`,
        );
    });
  roles
    .command("identify")
    .description("request to change an actor's git identities, delegation or keys; once approved, edit the line")
    .argument("<name>", "the actor")
    .option("--json", "print one JSON document")
    .action(async (name: string, o: { json?: boolean }) => {
      const { ctx } = kit.context();
      const { requestIdentityChange } = await import("../app/approvals.js");
      const r = await requestIdentityChange(ctx, name);
      if (kit.json(o)) kit.out.write(jsonDoc("approval-request", { id: r.id, superseded: r.superseded }));
      else
        kit.out.write(
          `${r.id}: a change to ${name}'s git identities, delegation or keys waits for another AUDIT actor: taskgate approve ${r.id}; then edit ${name}'s line under "## Roles" and commit\n`,
        );
    });
}
