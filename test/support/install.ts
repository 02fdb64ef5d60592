// Installs as users make them: a bare repository on disk serving this project as git would,
// and npm, npx and pre-commit run with an environment of their own.

import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { baseEnv } from "./cli.js";
import { ROOT } from "./paths.js";

export interface Served {
  /** The bare repository's folder, and its git+file URL for npm. */
  readonly bare: string;
  readonly url: string;
  /** The commit it serves on main. */
  readonly sha: string;
}

/**
 * A bare repository serving this checkout's tracked files on main: the working tree as a
 * commit (`git stash create`, which leaves the checkout alone) when it has changes, else HEAD.
 * So the tests see what a commit of this tree would serve, dist/*.cjs included.
 */
export function serveThisRepository(): Served {
  const git = (cwd: string, args: string[], extra: Record<string, string> = {}) => {
    try {
      return execFileSync("git", args, {
        cwd,
        env: { ...baseEnv(), ...extra },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }).trim();
    } catch (e) {
      const r = e as { status?: number; stderr?: string };
      throw new Error(`git ${args.join(" ")} exited ${r.status}: ${String(r.stderr ?? "").trim()}`);
    }
  };
  const folder = mkdtempSync(join(tmpdir(), "taskgate-served-"));
  const sha = changed(git) ? stashCommit(git) : git(ROOT, ["rev-parse", "HEAD"]);
  const bare = join(folder, "taskgate.git");
  git(tmpdir(), ["init", "-q", "--bare", bare]);
  git(ROOT, ["push", "-q", bare, `${sha}:refs/heads/main`]);
  git(bare, ["symbolic-ref", "HEAD", "refs/heads/main"]);
  return { bare, url: `git+file://${bare}`, sha };
}

type Git = (cwd: string, args: string[], extra?: Record<string, string>) => string;

/** Whether the tracked files differ from HEAD (a clean checkout, as in CI, serves HEAD itself). */
function changed(git: Git): boolean {
  try {
    git(ROOT, ["diff", "--quiet", "HEAD", "--"]);
    return false;
  } catch {
    return true;
  }
}

/**
 * The working tree as a commit. `stash create` refreshes the index it reads, taking
 * index.lock, so test files running at once would refuse each other: each works on a copy of
 * the index, kept beside it (git maps it, which some temp file systems refuse).
 */
function stashCommit(git: Git): string {
  const real = resolve(ROOT, git(ROOT, ["rev-parse", "--git-path", "index"]));
  const index = `${real}.taskgate-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  copyFileSync(real, index);
  try {
    return git(ROOT, ["stash", "create"], { GIT_INDEX_FILE: index }) || git(ROOT, ["rev-parse", "HEAD"]);
  } finally {
    rmSync(index, { force: true });
  }
}

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a user's shell: none of the npm_* variables that `npm test` hands its
 * children (they would set npm's prefix, cache and the like), no update notice, audit or
 * funding message, and npm's cache in `cache` (an empty folder proves nothing is fetched)
 * or, when undefined, npm's own (where npm ci put the devDependencies).
 */
export function userEnv(cache: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = baseEnv();
  for (const k of Object.keys(env)) if (/^npm_/i.test(k) || k === "INIT_CWD") delete env[k];
  return {
    ...env,
    ...(cache === undefined ? {} : { npm_config_cache: cache }),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    ...extra,
  };
}

export function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Ran {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", input, timeout: 180_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `taskgate-${prefix}-`));
