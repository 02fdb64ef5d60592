// git's merge driver for the ledgers: `merge-driver install` registers it (.gitattributes and
// the clone's git config), and git runs `taskgate merge-file %O %A %B %P` for each ledger a
// merge touches on both sides.

import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { findWorkTree, git } from "../io/git.js";
import { sha256Hex } from "../io/hash.js";
import { decodeUtf8 } from "../io/text.js";
import { mergeLedger } from "../rules/merge.js";
import { shQuote } from "../rules/scheduler-units.js";
import type { Context } from "./context.js";
import { UsageError } from "./errors.js";

/** Merges into `ours` (git's %A); returns the number of conflicts left in it. */
export function mergeFiles(base: string, ours: string, theirs: string, path: string | undefined): number {
  const kind = basename(path ?? ours).toUpperCase() === "APPROVALS.MD" ? "approvals" : "tasks";
  try {
    const text = (p: string) => decodeUtf8(p, readFileSync(p));
    const r = mergeLedger(kind, text(base), text(ours), text(theirs), sha256Hex);
    writeFileSync(ours, r.text);
    return r.conflicts;
  } catch {
    // Not something the ledger merge can read: git's own line merge, with its markers.
    try {
      git(dirname(resolve(ours)), ["merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]);
      return 0;
    } catch {
      return 1;
    }
  }
}

export function installMergeDriver(ctx: Context, bin: string): { attributes: string; added: string[] } {
  const top = findWorkTree(dirname(resolve(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  const inRepo = (p: string) =>
    relative(realpathSync(top), realpathSync(resolve(p)))
      .split(sep)
      .join("/");
  let binPath = resolve(bin);
  try {
    binPath = realpathSync(binPath);
  } catch {
    // As given.
  }
  git(top, ["config", "merge.taskgate.name", "taskgate: three-way merge of TASKS.md and APPROVALS.md"]);
  git(top, [
    "config",
    "merge.taskgate.driver",
    `${[process.execPath, binPath].map(shQuote).join(" ")} merge-file %O %A %B %P`,
  ]);
  const attributes = join(top, ".gitattributes");
  let text = "";
  try {
    text = readFileSync(attributes, "utf8");
  } catch {
    // None yet.
  }
  const added: string[] = [];
  for (const p of [ctx.paths.tasks, ctx.paths.approvals]) {
    const line = `/${inRepo(p).replace(/ /g, "[[:space:]]")} merge=taskgate`;
    if (text.split(/\r?\n/).includes(line)) continue;
    text = `${text}${text && !text.endsWith("\n") ? "\n" : ""}${line}\n`;
    added.push(line);
  }
  if (added.length) writeFileSync(attributes, text);
  return { attributes, added };
}
