// `schedule install`: the OS scheduler entry that runs `watch --once --quiet` in this
// repository every N minutes. Printed by default; with --write installed where that is safe
// and undoable by the user: their own crontab, or systemd user units.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { shortHash } from "../io/places.js";
import {
  cronLine,
  schtasksArgs,
  schtasksCommand,
  systemdUnits,
  type UnitInput,
  unitPathProblem,
} from "../rules/scheduler-units.js";
import { everyToCron } from "../rules/schedules.js";
import type { Context } from "./context.js";
import { RefusedError, UsageError } from "./errors.js";

export type Scheduler = "cron" | "systemd" | "windows";

export interface InstallInput {
  readonly scheduler: Scheduler;
  readonly every: string;
  readonly write: boolean;
  /** taskgate's bin script as started (process.argv[1]). */
  readonly bin: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface Installed {
  /** What to install: a crontab line, two unit files, or a command. */
  readonly files: { readonly name: string; readonly text: string }[];
  /** What --write did, one sentence per step; empty when only printed. */
  readonly done: string[];
}

export function unitInput(ctx: Context, every: string, bin: string): UnitInput {
  const period = everyToCron(every);
  if ("error" in period) throw new UsageError(period.error);
  const dir = dirname(resolve(ctx.paths.tasks));
  let binPath = resolve(bin);
  try {
    binPath = realpathSync(binPath); // node_modules/.bin/taskgate is a link: name the real script
  } catch {
    // Keep the path as given.
  }
  return {
    dir,
    node: process.execPath,
    bin: binPath,
    minutes: period.minutes,
    cron: period.cron,
    name: `taskgate-watch-${shortHash(dir)}`,
  };
}

export function installSchedule(ctx: Context, input: InstallInput): Installed {
  const u = unitInput(ctx, input.every, input.bin);
  const problem = unitPathProblem(u, input.scheduler);
  if (problem) throw new RefusedError(problem);
  if (input.scheduler === "cron") {
    const line = cronLine(u);
    return { files: [{ name: "crontab", text: `${line}\n` }], done: input.write ? [writeCrontab(u.name, line)] : [] };
  }
  if (input.scheduler === "systemd") {
    const { service, timer } = systemdUnits(u);
    const files = [
      { name: `${u.name}.service`, text: service },
      { name: `${u.name}.timer`, text: timer },
    ];
    return { files, done: input.write ? writeSystemd(u.name, files, input.env) : [] };
  }
  const command = schtasksCommand(u);
  const files = [{ name: "schtasks", text: `${command}\n` }];
  if (!input.write) return { files, done: [] };
  if (process.platform !== "win32") {
    throw new RefusedError("schtasks exists only on Windows; run the printed command there (without --write)");
  }
  // Without a shell: Node quotes each argument as schtasks reads them.
  const r = spawnSync("schtasks", schtasksArgs(u), { encoding: "utf8" });
  if (r.status !== 0) throw new RefusedError(`schtasks failed: ${(r.stderr || r.stdout).trim()}`);
  return { files, done: [`Created the scheduled task "${u.name}"`] };
}

/** Adds the line to the user's crontab, replacing an earlier line for this repository. */
function writeCrontab(name: string, line: string): string {
  let current = "";
  const list = spawnSync("crontab", ["-l"], { encoding: "utf8" });
  if (list.error) {
    throw new RefusedError("crontab is not installed here; add the printed line with your scheduler instead");
  }
  if (list.status === 0) current = list.stdout;
  const kept = current.split("\n").filter((l) => l !== "" && !l.endsWith(`# ${name}`));
  const replaced = kept.length < current.split("\n").filter((l) => l !== "").length;
  const next = `${[...kept, line].join("\n")}\n`;
  execFileSync("crontab", ["-"], { input: next, stdio: ["pipe", "ignore", "pipe"] });
  return replaced ? "Replaced this repository's line in your crontab" : "Added the line to your crontab";
}

function writeSystemd(name: string, files: { name: string; text: string }[], env: NodeJS.ProcessEnv): string[] {
  const dir = join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "systemd", "user");
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileAtomic(join(dir, f.name), Buffer.from(f.text, "utf8"), dir);
  const done = [`Wrote ${join(dir, `${name}.service`)} and ${name}.timer`];
  const reload = spawnSync("systemctl", ["--user", "daemon-reload"], { encoding: "utf8" });
  const enable =
    reload.status === 0
      ? spawnSync("systemctl", ["--user", "enable", "--now", `${name}.timer`], { encoding: "utf8" })
      : reload;
  if (enable.status === 0) done.push(`Enabled and started ${name}.timer (systemctl --user list-timers shows it)`);
  else {
    done.push(
      `systemctl --user could not enable it here (${(enable.error?.message ?? enable.stderr ?? "").trim() || "no user session"}); run: systemctl --user daemon-reload && systemctl --user enable --now ${name}.timer`,
    );
  }
  return done;
}
