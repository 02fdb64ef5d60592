// `check --staged`, paths: a commit that touches files a task held by another actor reserves
// is warned about (never refused: the reservation is a courtesy between workers, and the
// commit may be the agreed hand-over). The board is the live one (the main worktree's, or the
// shared branch), the files are those staged where the commit is made.

import { git, gitAuthor } from "../io/git.js";
import { committerName } from "../rules/identity.js";
import { globMatches, pathsOf, reservations } from "../rules/path-overlap.js";
import type { Context } from "./context.js";
import { loadApprovals, loadTasks } from "./ledgers.js";

export interface ReservedPathWarning {
  readonly id: string;
  readonly holder: string;
  /** The task's globs that the staged files fall under. */
  readonly globs: readonly string[];
  readonly files: readonly string[];
  readonly message: string;
}

/** The lease holder's actor: "bob@build-7" -> "bob" (actor names may hold "@", hosts do not). */
const actorOfHolder = (holder: string): string => holder.slice(0, holder.lastIndexOf("@"));

export function stagedPathWarnings(ctx: Context, cwd: string): ReservedPathWarning[] {
  let top: string;
  let staged: string[];
  try {
    top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
    staged = git(top, ["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACDMRTUXB"])
      .split("\0")
      .filter(Boolean);
  } catch {
    return [];
  }
  if (!staged.length) return [];
  let held: ReturnType<typeof reservations>;
  let actors: Parameters<typeof committerName>[0];
  try {
    held = reservations(loadTasks(ctx));
    actors = loadApprovals(ctx)?.actors ?? new Map();
  } catch {
    return []; // a ledger check --staged reports on its own terms
  }
  if (!held.length) return [];
  const ident = gitAuthor(top);
  const committer = ident ? committerName(actors, ident) : undefined;
  const out: ReservedPathWarning[] = [];
  for (const { task } of held) {
    const holder = task.lease?.holder;
    if (!holder || actorOfHolder(holder) === committer) continue;
    const globs = new Set<string>();
    const files: string[] = [];
    for (const f of staged) {
      const hit = pathsOf(task).filter((g) => globMatches(g, f));
      if (!hit.length) continue;
      files.push(f);
      for (const g of hit) globs.add(g.text);
    }
    if (!files.length) continue;
    const shown = files.slice(0, 5).join(", ") + (files.length > 5 ? `, and ${files.length - 5} more` : "");
    out.push({
      id: task.id,
      holder,
      globs: [...globs],
      files,
      message: `This commit touches ${shown}, which ${task.id} reserves (${[...globs].join(", ")}) and ${holder} holds; agree with ${actorOfHolder(holder)} before committing it (a warning: the commit is not refused)`,
    });
  }
  return out;
}
