// `hook install`: the pre-commit hook that runs `check --staged`, added to the hook that is
// there (never replacing it), in the folder git uses (core.hooksPath honoured), idempotently.

import { chmodSync, mkdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { findWorkTree, git } from "../io/git.js";
import { shQuote } from "../rules/scheduler-units.js";
import type { Context } from "./context.js";
import { RefusedError, UsageError } from "./errors.js";

export const START = "# >>> taskgate: judge the staged ledgers (added by taskgate hook install) >>>";
export const END = "# <<< taskgate <<<";

/** The hook text with our block in it (replaced where it was, else right after the shebang). */
export function withHookBlock(existing: string | undefined, command: string): string {
  const block = `${START}\n${command} || exit $?\n${END}\n`;
  if (existing === undefined || existing.trim() === "") return `#!/bin/sh\n${block}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  if (start >= 0 && end > start) {
    const after = existing.indexOf("\n", end);
    return existing.slice(0, start) + block + (after === -1 ? "" : existing.slice(after + 1));
  }
  // Before the hook's own commands, so an "exit 0" at its end cannot skip the check.
  if (existing.startsWith("#!")) {
    const shell = /^#!\s*(?:\S*\/)?(?:env\s+)?(sh|bash|dash|zsh|ksh)\b/.exec(existing);
    if (!shell) {
      const first = existing.slice(0, existing.indexOf("\n") >>> 0);
      throw new RefusedError(
        `The pre-commit hook is not a shell script (${first}); add "${command}" to it yourself, or put it in a shell hook that runs both`,
      );
    }
    const nl = existing.indexOf("\n");
    return nl === -1 ? `${existing}\n${block}` : `${existing.slice(0, nl + 1)}${block}${existing.slice(nl + 1)}`;
  }
  return `#!/bin/sh\n${block}${existing}`;
}

export function installHook(ctx: Context, bin: string): { path: string; changed: boolean; added: boolean } {
  const top = findWorkTree(dirname(resolve(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  const hooks = resolve(top, git(top, ["rev-parse", "--git-path", "hooks"]).trim());
  mkdirSync(hooks, { recursive: true });
  const path = join(hooks, "pre-commit");
  let existing: string | undefined;
  try {
    existing = readFileSync(path, "utf8");
  } catch {
    existing = undefined;
  }
  let binPath = resolve(bin);
  try {
    binPath = realpathSync(binPath);
  } catch {
    // Keep it as given.
  }
  const command = [process.execPath, binPath, "check", "--staged"].map(shQuote).join(" ");
  const next = withHookBlock(existing, command);
  if (next !== existing) writeFileAtomic(path, Buffer.from(next, "utf8"), hooks);
  chmodSync(path, 0o755);
  return { path, changed: next !== existing, added: existing !== undefined && !existing.includes(START) };
}
