// The task workflow's commands: claim, renew, release, submit, ready, plan, cancel, block,
// unblock, accept, rework, and next.

import type { Command } from "commander";
import type { Context } from "../app/context.js";
import { TaskgateError, UsageError } from "../app/errors.js";
import { encodeLease } from "../ledger/fields.js";
import { formatTime, parseDuration } from "../model/time.js";
import type { NextPick } from "../rules/dispatch.js";
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

interface WorkflowOptions {
  ttl?: string;
  token?: string;
  reason?: string;
  json?: boolean;
  overlap?: boolean;
  worktree?: boolean;
  base?: string;
  clean?: boolean;
  keepWorktree?: boolean;
}

/** The worktree of a task just claimed; when it cannot be made, the claim is released and the command refused. */
async function worktreeOrRelease(
  ctx: Context,
  id: string,
  r: TransitionResult,
  base: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ branch: string; folder: string; reused: boolean }> {
  const { ensureTaskWorktree } = await import("../app/worktree.js");
  const token = r.lease?.token as number;
  try {
    return await ensureTaskWorktree(ctx, id, token, base, env);
  } catch (e) {
    const { transition } = await import("../app/transition.js");
    await transition(ctx, { action: "release", id, token });
    if (e instanceof TaskgateError) throw new TaskgateError(`${e.message}; ${id}'s claim was released`, e.exitCode);
    throw e;
  }
}

/** next --json's account of the tasks it passed over: which DOING task blocks each, on which globs. */
export function skippedJson(skipped: NextPick["skipped"]): unknown[] {
  return skipped.map((k) => ({
    id: k.id,
    why: "its paths overlap a DOING task's",
    blockedBy: k.clashes.map((c) => ({ id: c.id, holder: c.holder ?? null, overlaps: c.pairs })),
  }));
}

export function registerWorkflowCommands(program: Command, kit: CommandKit): void {
  for (const a of ACTIONS) {
    const cmd = program.command(a.name).description(a.description).argument("<id>", "task ID, like T-12");
    if (a.ttl) cmd.option("--ttl <duration>", "lease length, like 30m (default: the policy's lease)");
    if (a.token) cmd.option("--token <n>", "your lease token (default: TASKGATE_LEASE_TOKEN)");
    if (a.reason === "required") cmd.requiredOption("--reason <text>", "why");
    if (a.reason === "optional") cmd.option("--reason <text>", "why");
    if (a.name === "claim") {
      cmd.option("--overlap", "claim it though its paths overlap a DOING task's (logged)");
      cmd.option("--worktree", "make a git worktree on branch task/<ID>-<title> for it and print its path");
      cmd.option("--base <commit>", "with --worktree: the commit the task's branch starts from (default: HEAD)");
    }
    if (a.name === "release")
      cmd.option("--clean", "also remove the task's worktree (only when it has no uncommitted work)");
    if (a.name === "accept" || a.name === "cancel") {
      cmd.option("--keep-worktree", "keep the task's worktree (by default a clean one is removed)");
    }
    cmd.option("--json", "print one JSON document");
    cmd.action(async (id: string, o: WorkflowOptions) => {
      const { ctx } = kit.context();
      const { transition } = await import("../app/transition.js");
      // A bad --base refuses before the claim, so nothing is logged for it.
      const base =
        a.name === "claim" && o.worktree ? (await import("../app/worktree.js")).worktreeBase(o.base) : o.base;
      const taskId = kit.normalizeId(id);
      const input = {
        action: a.name,
        id: taskId,
        ttl: ttlOf(o.ttl),
        token: a.token ? tokenOf(o.token, kit.env) : undefined,
        reason: o.reason,
        overlap: o.overlap,
      };
      // accept, cancel and release --clean end the task's worktree (docs/paths.md).
      const ends = a.name === "accept" || a.name === "cancel" || (a.name === "release" && o.clean === true);
      let r: TransitionResult;
      let removed: string | undefined;
      if (ends) {
        const { transitionEndingWorktree } = await import("../app/worktree.js");
        ({ result: r, worktree: removed } = await transitionEndingWorktree(ctx, input, {
          keep: o.keepWorktree === true,
        }));
      } else r = await transition(ctx, input);
      let made: { branch: string; folder: string; reused: boolean } | undefined;
      if (a.name === "claim" && o.worktree) {
        made = await worktreeOrRelease(ctx, taskId, r, base, kit.env);
      }
      if (kit.json(o)) {
        kit.out.write(
          jsonDoc("transition", {
            ...resultJson(r),
            ...(made ? { worktree: { branch: made.branch, path: made.folder, reused: made.reused } } : {}),
            ...(removed ? { worktreeRemoved: removed } : {}),
          }),
        );
      } else {
        kit.out.write(describe(r));
        if (made)
          kit.out.write(`${made.reused ? "Worktree" : "Made worktree"} ${made.folder} (branch ${made.branch})\n`);
        if (removed) kit.out.write(`${removed}\n`);
      }
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
        kit.out.write(
          jsonDoc("next", {
            task: taskJson(task),
            claimed: r.claimed ? resultJson(r.claimed) : null,
            skipped: skippedJson(r.pick.skipped),
          }),
        );
      } else if (r.claimed) kit.out.write(describe(r.claimed));
      else kit.out.write(`${task.id} ${task.priority} ${terminalText(task.title)}\n`);
    });
}
