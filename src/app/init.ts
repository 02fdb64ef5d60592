// taskgate init: both ledgers with Policy and Roles sections; never overwrites.

import { ACTOR } from "../ledger/fields.js";
import { formatLogLine } from "../ledger/log.js";
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
    const existing = [
      tasks !== undefined ? paths.tasksDisplay : undefined,
      approvals !== undefined ? paths.approvalsDisplay : undefined,
    ].filter((x) => x !== undefined);
    if (existing.length) {
      throw new RefusedError(
        `${existing.join(" and ")} already exist${existing.length === 1 ? "s" : ""}; init never overwrites a ledger`,
      );
    }
    const log = (target: string) =>
      formatLogLine(ports.hasher, "", { time: now, actor, role: "CMD", action: "init", target });
    return {
      writes: [
        { path: paths.tasks, text: `${tasksTemplate()}\n## Log\n${log("TASKS.md")}\n` },
        { path: paths.approvals, text: `${approvalsTemplate(actor)}\n## Log\n${log("APPROVALS.md")}\n` },
      ],
      result: { created: [paths.tasksDisplay, paths.approvalsDisplay] },
    };
  });
}
