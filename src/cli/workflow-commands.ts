// The task workflow's commands: claim, renew, release, submit, ready, plan, cancel, block,
// unblock, accept, rework, and next.

import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { UsageError } from "../app/errors.js";
import { encodeLease } from "../ledger/fields.js";
import { formatTime, parseDuration } from "../model/time.js";
import { terminalText } from "../rules/values.js";
import type { TransitionAction, TransitionResult } from "../rules/workflow.js";
import { humanTime } from "./local-time.js";
import { collectList } from "./options.js";
import { jsonDoc, taskJson } from "./render.js";

export interface CommandKit {
  readonly context: () => { ctx: Context };
  readonly json: (o: { json?: boolean }) => boolean;
  readonly out: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly normalizeId: (id: string) => string;
}

const ttlOf = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const d = parseDuration(text);
  if (d === undefined || d <= 0)
    throw new UsageError(`Expected a duration like 90s, 30m or 2h for --ttl, found "${text}"`);
  return d;
};

const tokenOf = (text: string | undefined, env: NodeJS.ProcessEnv): number | undefined => {
  const raw = text ?? (env.TASKGATE_LEASE_TOKEN || undefined);
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`Expected a lease token (a whole number), found "${raw}"`);
  return Number(raw);
};

function resultJson(r: TransitionResult): Record<string, unknown> {
  return {
    id: r.id,
    action: r.action,
    from: r.from,
    to: r.to,
    lease: r.lease
      ? { holder: r.lease.holder, token: r.lease.token, until: formatTime(r.lease.until), text: encodeLease(r.lease) }
      : null,
  };
}

function describe(r: TransitionResult): string {
  const move = r.from === r.to ? r.to : `${r.from} -> ${r.to}`;
  const lease = r.lease ? `; lease token ${r.lease.token} for ${r.lease.holder} until ${humanTime(r.lease.until)}` : "";
  return `${r.id} ${r.action}: ${move}${lease}\n`;
}

const ACTIONS: ReadonlyArray<{
  name: TransitionAction;
  description: string;
  ttl?: boolean;
  token?: boolean;
  reason?: "required" | "optional";
}> = [
  { name: "claim", description: "take a READY task (or an expired lease) as WORK; prints the lease token", ttl: true },
  { name: "renew", description: "extend your lease", ttl: true, token: true },
  { name: "release", description: "give your lease back (DOING -> READY)", token: true },
  { name: "submit", description: "hand your work in for review (DOING -> REVIEW)", token: true },
  { name: "ready", description: "make a planned task available (PLAN -> READY), as CMD" },
  { name: "plan", description: "take a task back for replanning (READY -> PLAN), as CMD" },
  { name: "cancel", description: "end a task without doing it (-> DONE, cancelled), as CMD", reason: "optional" },
  { name: "block", description: "mark a task blocked, keeping its state, as WORK", reason: "required", token: true },
  { name: "unblock", description: "clear a block, as CMD" },
  { name: "accept", description: "accept reviewed work (REVIEW -> DONE), as AUDIT; not by who did it" },
  { name: "rework", description: "send work back (REVIEW -> DOING), as AUDIT", reason: "required" },
];

export function registerWorkflowCommands(program: Command, kit: CommandKit): void {
  for (const a of ACTIONS) {
    const cmd = program.command(a.name).description(a.description).argument("<id>", "task ID, like T-12");
    if (a.ttl) cmd.option("--ttl <duration>", "lease length, like 30m (default: the policy's lease)");
    if (a.token) cmd.option("--token <n>", "your lease token (default: TASKGATE_LEASE_TOKEN)");
    if (a.reason === "required") cmd.requiredOption("--reason <text>", "why");
    if (a.reason === "optional") cmd.option("--reason <text>", "why");
    cmd.option("--json", "print one JSON document");
    cmd.action(async (id: string, o: { ttl?: string; token?: string; reason?: string; json?: boolean }) => {
      const { ctx } = kit.context();
      const { transition } = await import("../app/transition.js");
      const r = await transition(ctx, {
        action: a.name,
        id: kit.normalizeId(id),
        ttl: ttlOf(o.ttl),
        token: a.token ? tokenOf(o.token, kit.env) : undefined,
        reason: o.reason,
      });
      kit.out.write(kit.json(o) ? jsonDoc("transition", resultJson(r)) : describe(r));
    });
  }

  program
    .command("next")
    .description("the best task for you now; --claim takes it (exit 5 when there is nothing to do)")
    .option("--label <label>", "only tasks with this label; repeat for several", collectList)
    .option("--claim", "claim it, under the same lock as the choice")
    .option("--ttl <duration>", "lease length with --claim")
    .option("--json", "print one JSON document")
    .action(async (o: { label?: string[]; claim?: boolean; ttl?: string; json?: boolean }) => {
      const { ctx } = kit.context();
      kit.json(o);
      const { next } = await import("../app/transition.js");
      const r = await next(ctx, { labels: o.label ?? [], claim: Boolean(o.claim), ttl: ttlOf(o.ttl) });
      const task = r.pick.task;
      if (!task) return;
      if (o.json) {
        kit.out.write(jsonDoc("next", { task: taskJson(task), claimed: r.claimed ? resultJson(r.claimed) : null }));
      } else if (r.claimed) kit.out.write(describe(r.claimed));
      else kit.out.write(`${task.id} ${task.priority} ${terminalText(task.title)}\n`);
    });
}
