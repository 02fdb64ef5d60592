// `taskgate health`: one line per standing problem, exit 0 only when there is none (app/health.ts).

import type { Command } from "commander";
import { terminalText } from "../rules/values.js";
import type { WatchKit } from "./watch-commands.js";

export function registerHealthCommand(program: Command, kit: WatchKit): void {
  program
    .command("health")
    .description("every standing problem of the board, one a line; exit 0 only when there is none")
    .option("--json", "print one JSON document")
    .addHelpText(
      "after",
      `
Problems: ledger errors (a broken hash chain among them), leases expired and not recovered, dead
letters, approvals past the policy's approval-sla or stale, the pre-commit hook or the merge
driver configured but missing, a schedule's run overdue by more than 15 minutes.

Exit codes of health: 0 no problem; 6 a problem stands; 3 a ledger has errors (with or
without others); 1 no board here; 2 usage.`,
    )
    .action(async (o: { json?: boolean }) => {
      const { ctx } = kit.context();
      const { healthFindings, healthExitCode } = await import("../app/health.js");
      const findings = await healthFindings(ctx);
      const exitCode = healthExitCode(findings);
      if (kit.json(o)) {
        const { doc, docText } = await import("../app/documents.js");
        kit.out.write(
          docText(
            doc("health", {
              ok: findings.length === 0,
              exitCode,
              problems: findings.map((f) => ({
                kind: f.kind,
                target: f.target,
                message: f.message,
                file: f.file ?? null,
                line: f.line ?? null,
              })),
            }),
          ),
        );
      } else if (findings.length === 0) kit.out.write("ok: no standing problem\n");
      else
        for (const f of findings)
          kit.out.write(
            `${terminalText(`${f.kind} ${f.target}${f.file && f.line ? ` (${f.file}:${f.line})` : ""}: ${f.message}`, true)}\n`,
          );
      kit.setExit(exitCode);
    });
}
