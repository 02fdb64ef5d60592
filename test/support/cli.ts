// Runs the real CLI in a child process, and makes throwaway git repositories with ledgers.

import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI } from "./paths.js";

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  for (const k of [
    "TASKGATE_DIR",
    "TASKGATE_TASKS",
    "TASKGATE_APPROVALS",
    "TASKGATE_ACTOR",
    "TASKGATE_NOW",
    "TASKGATE_SESSION",
    "TASKGATE_LEASE_TOKEN",
    "FORCE_COLOR",
    // The messages' language (src/cli/i18n.ts): English unless a test asks for another, so
    // the suite reads the same under a developer's Japanese locale.
    "TASKGATE_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANGUAGE",
  ]) {
    if (!(k in extra)) delete env[k];
  }
  if (!("LANG" in extra) && /^ja/i.test(env.LANG ?? "")) env.LANG = "C.UTF-8";
  return env;
}

export function runCli(args: readonly string[], opts: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd,
      env: baseEnv(opts.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A fresh git repository with TASKS.md and APPROVALS.md made by `taskgate init`. */
export async function makeRepo(roles: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "taskgate-test-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: dir });
  execFileSync("git", ["config", "user.name", "Alice"], { cwd: dir });
  const r = await runCli(["init"], { cwd: dir });
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  if (roles.length) {
    const { writeFileSync } = await import("node:fs");
    const path = join(dir, "APPROVALS.md");
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace("## Roles\n", `## Roles\n${roles.map((r) => `- ${r}\n`).join("")}`));
  }
  return dir;
}

export const read = (dir: string, name: string): string => readFileSync(join(dir, name), "utf8");
