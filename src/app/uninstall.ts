// The undo of `hook install`, `merge-driver install` and `schedule install --write`: each takes
// out exactly what its install put in (the marked hook block, the merge=taskgate lines and the
// merge.taskgate config, this repository's crontab line or user units) and keeps the rest.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { findWorkTree, git, gitConfig } from "../io/git.js";
import { shortHash } from "../io/places.js";
import type { Context } from "./context.js";
import { RefusedError, UsageError } from "./errors.js";
import { END as HOOK_END, START as HOOK_START } from "./hooks.js";

function topOf(ctx: Context): string {
  const top = findWorkTree(dirname(resolve(ctx.paths.tasks)));
  if (!top) throw new UsageError(`${ctx.paths.tasksDisplay} is not in a git repository`);
  return top;
}

/** The hook without taskgate's block; the file goes when nothing but a shebang is left. */
export function withoutHookBlock(text: string): string | undefined {
  const start = text.indexOf(HOOK_START);
  const end = text.indexOf(HOOK_END);
  if (start < 0 || end < start) return text;
  const after = text.indexOf("\n", end);
  const rest = text.slice(0, start) + (after === -1 ? "" : text.slice(after + 1));
  return /^(#![^\n]*\n?)?\s*$/.test(rest) ? undefined : rest;
}

export function uninstallHook(ctx: Context): string {
  const top = topOf(ctx);
  const hooks = resolve(top, git(top, ["rev-parse", "--git-path", "hooks"]).trim());
  const path = join(hooks, "pre-commit");
  if (!existsSync(path)) return `${path} does not exist: nothing to remove`;
  const text = readFileSync(path, "utf8");
  if (!text.includes(HOOK_START)) return `${path} does not run taskgate check --staged: nothing to remove`;
  const next = withoutHookBlock(text);
  if (next === undefined) {
    unlinkSync(path);
    return `Removed ${path} (it ran only taskgate check --staged)`;
  }
  writeFileAtomic(path, Buffer.from(next, "utf8"), hooks);
  return `Removed taskgate check --staged from ${path} (its own commands are kept)`;
}

export function uninstallMergeDriver(ctx: Context): string[] {
  const top = topOf(ctx);
  const done: string[] = [];
  const attributes = join(top, ".gitattributes");
  if (existsSync(attributes)) {
    const text = readFileSync(attributes, "utf8");
    const lines = text.split(/\r?\n/);
    const kept = lines.filter((l) => !/^\S+\s+merge=taskgate\s*$/.test(l));
    if (kept.length < lines.length) {
      const next = kept.join("\n").replace(/^\n+$/, "");
      if (next.trim() === "") rmSync(attributes);
      else writeFileSync(attributes, next.endsWith("\n") ? next : `${next}\n`);
      done.push(
        `Removed ${lines.length - kept.length} merge=taskgate line${lines.length - kept.length === 1 ? "" : "s"} from ${attributes}`,
      );
    }
  }
  if (gitConfig(top, "merge.taskgate.driver") !== undefined || gitConfig(top, "merge.taskgate.name") !== undefined) {
    git(top, ["config", "--remove-section", "merge.taskgate"]);
    done.push("Removed merge.taskgate from this clone's git config (other clones keep theirs until they run this too)");
  }
  if (done.length === 0) done.push("No merge driver of taskgate here: nothing to remove");
  return done;
}

export type Scheduler = "cron" | "systemd" | "windows";

/** The name schedule install gives this repository's entry (schedule-install.ts unitInput). */
export function scheduleName(ctx: Context): string {
  return `taskgate-watch-${shortHash(dirname(resolve(ctx.paths.tasks)))}`;
}

export function uninstallSchedule(ctx: Context, scheduler: Scheduler, env: NodeJS.ProcessEnv): string[] {
  const name = scheduleName(ctx);
  if (scheduler === "windows") {
    // Printed, as install prints it: schtasks runs only on Windows.
    return [`schtasks /Delete /F /TN "${name}"`];
  }
  if (scheduler === "cron") {
    const list = spawnSync("crontab", ["-l"], { encoding: "utf8" });
    if (list.error)
      throw new RefusedError("crontab is not installed here; remove the line from your scheduler yourself");
    const current = list.status === 0 ? list.stdout : "";
    const lines = current.split("\n").filter((l) => l !== "");
    const kept = lines.filter((l) => !l.endsWith(`# ${name}`));
    if (kept.length === lines.length)
      return [`Your crontab has no line for this repository (${name}): nothing to remove`];
    execFileSync("crontab", ["-"], {
      input: kept.length ? `${kept.join("\n")}\n` : "",
      stdio: ["pipe", "ignore", "pipe"],
    });
    return [`Removed this repository's line (${name}) from your crontab`];
  }
  const dir = join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "systemd", "user");
  const files = [`${name}.timer`, `${name}.service`].map((f) => join(dir, f));
  if (!files.some((f) => existsSync(f)))
    return [`No user units ${name}.timer or .service in ${dir}: nothing to remove`];
  const done: string[] = [];
  const disable = spawnSync("systemctl", ["--user", "disable", "--now", `${name}.timer`], { encoding: "utf8" });
  if (disable.status === 0) done.push(`Stopped and disabled ${name}.timer`);
  for (const f of files) if (existsSync(f)) rmSync(f);
  done.push(`Removed ${files[0]} and ${name}.service`);
  const reload = spawnSync("systemctl", ["--user", "daemon-reload"], { encoding: "utf8" });
  if (disable.status !== 0 || reload.status !== 0)
    done.push(
      `systemctl --user could not be reached here; where it runs: systemctl --user disable --now ${name}.timer; systemctl --user daemon-reload`,
    );
  return done;
}
