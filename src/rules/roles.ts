// Who is acting: the actor's roles from APPROVALS.md, and whether they may take an action.

import type { Actor, Role } from "../model/approval.js";
import { actorByName, partyOf } from "./identity.js";
import { MATRIX, permits, type TaskAction } from "./matrix.js";

export type Identity =
  | {
      readonly ok: true;
      readonly actor: string;
      readonly roles: readonly Role[];
      readonly automation: boolean;
      /** Who counts as this actor for four eyes (identity.ts, partyOf). */
      readonly party: readonly string[];
      /** The person this actor works for, if any. */
      readonly for: string | undefined;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Finds the actor in Roles, by name or by a git identity listed for them (identity.ts); an
 * unknown actor gets a sentence saying how to add them.
 */
export function identify(
  actors: ReadonlyMap<string, Actor>,
  name: string,
  approvalsFile: string,
  hint: Role,
): Identity {
  const actor = actorByName(actors, name);
  if (!actor) {
    return {
      ok: false,
      message: `Actor "${name}" has no roles; add a line "- ${name}: ${hint}" under "## Roles" in ${approvalsFile}, or act as someone listed there with --as NAME`,
    };
  }
  return {
    ok: true,
    actor: actor.name,
    roles: actor.roles,
    automation: actor.automation,
    party: partyOf(actors, actor.name),
    for: actor.for,
  };
}

export type Authorization =
  | {
      readonly ok: true;
      readonly actor: string;
      readonly role: Role;
      readonly roles: readonly Role[];
      readonly automation: boolean;
      readonly party: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** identify + the role check of the matrix (the state check is the planner's). */
export function authorize(
  actors: ReadonlyMap<string, Actor>,
  name: string,
  action: TaskAction,
  approvalsFile: string,
): Authorization {
  const who = identify(actors, name, approvalsFile, MATRIX[action].role);
  if (!who.ok) return who;
  const p = permits(action, who.actor, who.roles, undefined);
  if (!p.ok) return p;
  return { ok: true, actor: who.actor, role: p.role, roles: who.roles, automation: who.automation, party: who.party };
}
