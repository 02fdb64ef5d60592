// taskgate init: both ledgers with Policy and Roles sections; never overwrites.

import { ACTOR } from "../ledger/fields.js";
import { lintLedger } from "../ledger/lint.js";
import { formatLogLine } from "../ledger/log.js";
import { type Diagnostic, formatDiagnostic } from "../model/diagnostic.js";
import type { Context } from "./context.js";
import { RefusedError, UsageError } from "./errors.js";

export function tasksTemplate(): string {
  return `# Tasks

The team's task board. Edit it by hand or with \`taskgate\`; \`taskgate check\` validates it.
The format is described in taskgate's docs/ledger-format.md.

## Policy
- lease: 30m
- max-attempts: 3
- backoff: 1m..1h
- clock-skew: 30s
- approval-sla: 24h
- approval-required: prod, security
- wip-limit: DOING=5, REVIEW=3

## Schedules
`;
}

export function approvalsTemplate(actor: string): string {
  return `# Approvals

Requests for approval and their decisions. The approver is never the requester.

## Roles
- ${actor}: CMD, WORK, AUDIT
- taskgate-watch: CMD, AUDIT (automation)

## Rules
`;
}

export async function initLedgers(ctx: Context): Promise<{ created: string[] }> {
  const { paths, ports } = ctx;
  const actor = ports.actorName();
  if (!actor) {
    throw new UsageError("Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email");
  }
  if (!ACTOR.test(actor))
    throw new UsageError(`"${actor}" cannot be an actor name: use one word, like an email address`);
  return ports.update([paths.tasks, paths.approvals], ([tasks, approvals], now) => {
    if (tasks !== undefined && approvals !== undefined) {
      throw new RefusedError(
        `${paths.tasksDisplay} and ${paths.approvalsDisplay} already exist; init never overwrites a ledger`,
      );
    }
    // One of the two is there: if it is a taskgate ledger, init makes the other; if it is a file
    // of another format (a project's own TASKS.md), it says how to keep the board beside it.
    const [kind, text, display] =
      tasks !== undefined
        ? (["tasks", tasks, paths.tasksDisplay] as const)
        : approvals !== undefined
          ? (["approvals", approvals, paths.approvalsDisplay] as const)
          : [undefined, undefined, undefined];
    if (kind !== undefined) {
      // taskgate's ledgers have its sections; a checklist or notes of the same name has none.
      const sections = kind === "tasks" ? /^## (?:Log|Policy|Schedules|T-\d+)\b/m : /^## (?:Log|Roles|A-\d+)\b/m;
      if (!sections.test(text)) throw notOurs(ctx, display, kind, undefined, 0);
      const errors = lintLedger(kind, display, text, ports.hasher).diagnostics.filter((d) => d.severity === "error");
      if (errors.length) throw notOurs(ctx, display, kind, errors[0] as Diagnostic, errors.length);
    }
    const log = (target: string) =>
      formatLogLine(ports.hasher, "", { time: now, actor, role: "CMD", action: "init", target });
    const writes = [
      ...(tasks === undefined ? [{ path: paths.tasks, text: `${tasksTemplate()}\n## Log\n${log("TASKS.md")}\n` }] : []),
      ...(approvals === undefined
        ? [{ path: paths.approvals, text: `${approvalsTemplate(actor)}\n## Log\n${log("APPROVALS.md")}\n` }]
        : []),
    ];
    return {
      writes,
      result: {
        created: [
          ...(tasks === undefined ? [paths.tasksDisplay] : []),
          ...(approvals === undefined ? [paths.approvalsDisplay] : []),
        ],
      },
    };
  });
}

/** A ledger file that is there but is not taskgate's (or is broken): never a dead end. */
function notOurs(
  ctx: Context,
  display: string,
  kind: "tasks" | "approvals",
  first: Diagnostic | undefined,
  n: number,
): RefusedError {
  const option = kind === "tasks" ? "--tasks" : "--approvals";
  const variable = kind === "tasks" ? "TASKGATE_TASKS" : "TASKGATE_APPROVALS";
  const other = kind === "tasks" ? "BOARD.md" : "GATE.md";
  return new RefusedError(
    `${display} is already there and is not a taskgate ledger (${first ? `${n} error${n === 1 ? "" : "s"}; first: ${formatDiagnostic(first)}` : `none of taskgate's sections: ${kind === "tasks" ? "## Policy, ## T-1 ..., ## Log" : "## Roles, ## A-1 ..., ## Log"}`}); init never overwrites it. ` +
      `To keep taskgate's board beside it, use another file: taskgate ${option} ${other} init, then ${option} ${other} (or ${variable}=${other}) with every command.` +
      (first
        ? ` If it is a taskgate ledger with a mistake, taskgate ${option} ${ctx.paths[kind === "tasks" ? "tasksDisplay" : "approvalsDisplay"]} check lists what to fix.`
        : ""),
  );
}
