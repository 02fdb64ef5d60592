// `taskgate whoami`: who taskgate takes you for, the way every command (and the MCP server,
// the hook and verify, through rules/identity.ts) does, and where the board lives.

import type { Role } from "../model/approval.js";
import { actorByName, partyOf } from "../rules/identity.js";
import type { ActorSource, Context } from "./context.js";
import { RefusedError, UsageError } from "./errors.js";
import { parseApprovals, requireValid } from "./ledgers.js";

export interface WhoAmI {
  /** The name as given (--as, TASKGATE_ACTOR, git). */
  readonly given: string;
  readonly source: ActorSource | undefined;
  /** The actor in Roles that name stands for. */
  readonly actor: string;
  /** How the name matched: the actor's own name, or a git identity listed for them. */
  readonly matched: "name" | "git identity";
  readonly roles: readonly Role[];
  readonly automation: boolean;
  /** The person this actor works for (they may commit its log lines). */
  readonly actsFor: string | undefined;
  /** The agents working for this actor. */
  readonly agents: readonly string[];
  /** Who counts as this actor for four eyes. */
  readonly party: readonly string[];
  readonly emails: readonly string[];
  readonly gitNames: readonly string[];
  readonly signingKeys: number;
  readonly session: string | undefined;
  readonly board: { readonly tasks: string; readonly approvals: string; readonly shared: string | undefined };
}

export function whoami(ctx: Context): WhoAmI {
  const given = ctx.ports.actorName();
  if (!given) {
    throw new UsageError(
      'Nobody to act as: pass --as NAME, set TASKGATE_ACTOR, or set git config user.email to a name listed under "## Roles"',
    );
  }
  const approvals = parseApprovals(ctx, ctx.ports.readText(ctx.paths.approvals));
  requireValid(ctx.paths.approvalsDisplay, approvals.diagnostics);
  const source = ctx.ports.actorSource?.();
  const a = actorByName(approvals.actors, given);
  if (!a) {
    throw new RefusedError(
      `"${given}" (from ${source ?? "nowhere"}) is not an actor in ${ctx.paths.approvalsDisplay}: add "- NAME <${given.includes("@") ? given : "you@example.com"}>: WORK" under "## Roles" (through an approved request), or act as someone listed there with --as NAME`,
    );
  }
  return {
    given,
    source,
    actor: a.name,
    matched: a.name === given ? "name" : "git identity",
    roles: a.roles,
    automation: a.automation,
    actsFor: a.for,
    agents: [...approvals.actors.values()].filter((x) => x.for === a.name).map((x) => x.name),
    party: partyOf(approvals.actors, a.name),
    emails: a.emails ?? [],
    gitNames: a.gitNames ?? [],
    signingKeys: a.keys?.length ?? 0,
    session: ctx.ports.session,
    board: {
      tasks: ctx.paths.tasksDisplay,
      approvals: ctx.paths.approvalsDisplay,
      shared: ctx.ports.board?.describe(),
    },
  };
}
