// Who is who, the one way every place answers it: the CLI and the MCP server (a name from
// --as, TASKGATE_ACTOR or git), the pre-commit hook and verify (a commit's git identity).
// An actor in "## Roles" is matched by its name, or by a git identity listed for it
// ("- carol <carol@example.com> \"Carol Smith\": WORK"). An actor may work for a person
// ("(for alice)"): that person may commit its log lines, and for four eyes the two are one.

import type { Actor } from "../model/approval.js";

export type Actors = ReadonlyMap<string, Actor>;

/** The actor a name given by --as, TASKGATE_ACTOR or the MCP client stands for; undefined if none. */
export function actorByName(actors: Actors, name: string): Actor | undefined {
  const exact = actors.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const a of actors.values()) {
    if (a.emails?.includes(lower) || a.gitNames?.includes(name)) return a;
  }
  // An actor named by its email (the old way), written in another case.
  if (name.includes("@")) for (const a of actors.values()) if (a.name.toLowerCase() === lower) return a;
  return undefined;
}

/**
 * The actor a git identity (a commit's author, the hook's committer) is: its email first
 * (listed for an actor, or an actor named by it), then its name. Undefined when neither is listed.
 */
export function actorOfGit(
  actors: Actors,
  ident: { readonly email: string; readonly name: string },
): Actor | undefined {
  return (
    (ident.email ? actorByName(actors, ident.email) : undefined) ??
    (ident.name ? actorByName(actors, ident.name) : undefined)
  );
}

/** The name the judge gives a git identity: the actor's, else the email (or name) as git has it. */
export function committerName(actors: Actors, ident: { readonly email: string; readonly name: string }): string {
  return actorOfGit(actors, ident)?.name ?? (ident.email || ident.name);
}

/** Whether `committer` may commit a log line written as `lineActor`: their own, or their agent's. */
export function mayCommitAs(actors: Actors, committer: string | undefined, lineActor: string): boolean {
  if (committer === undefined) return false;
  if (lineActor === committer) return true;
  // A line written under one of the committer's git identities (init writes the email) is theirs.
  const a = actorByName(actors, lineActor);
  return a !== undefined && (a.name === committer || a.for === committer);
}

/** Whether an actor works for someone: then only that person may commit its lines. */
export function principalOf(actors: Actors, name: string): string | undefined {
  return actors.get(name)?.for;
}

/**
 * Everyone who counts as `name` for four eyes: the actor, the person they work for, and the
 * agents working for either. An agent never counts as another person than its principal.
 */
export function partyOf(actors: Actors, name: string): string[] {
  const root = actors.get(name)?.for ?? name;
  const out = new Set([name, root]);
  for (const a of actors.values()) if (a.for === root) out.add(a.name);
  return [...out];
}

/** Whether a and b are one party for four eyes (partyOf). */
export function sameParty(actors: Actors, a: string, b: string): boolean {
  return a === b || partyOf(actors, a).includes(b);
}

/**
 * The SSH allowed-signers list git checks signatures against (gpg.ssh.allowedSignersFile):
 * each actor's keys from Roles, with the actor's name as the principal.
 */
export function allowedSigners(actors: Actors): string {
  const lines: string[] = [];
  for (const a of actors.values()) for (const k of a.keys ?? []) lines.push(`${a.name} namespaces="git" ${k}`);
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * Why a commit's signature does not vouch for its actor, or undefined when it does: a good
 * signature (git's %G? "G") by a key Roles lists for exactly that actor.
 */
export function signatureProblem(
  sig: { readonly status: string; readonly signer: string; readonly key: string },
  actor: string,
): string | undefined {
  const key = sig.key ? ` (${sig.key})` : "";
  switch (sig.status) {
    case "G":
      return sig.signer === actor
        ? undefined
        : `it is signed by a key of ${sig.signer}${key}, but its author is ${actor}; only ${actor}'s keys in Roles vouch for ${actor}`;
    case "N":
      return `it is not signed; every commit changing the ledgers must be signed by a key Roles lists for its author (${actor})`;
    case "U":
      return `it is signed by a key no actor in Roles has${key}; list it for ${actor} ("key ssh-ed25519 ...") under "## Roles"`;
    case "B":
      return `its signature is bad${key}: the commit was changed after it was signed`;
    default:
      return `its signature cannot be checked (git says ${sig.status}${key}); sign with an SSH key listed for ${actor} under "## Roles"`;
  }
}
