// git in a test repository: a command's exit code and its output (stdout then stderr), and
// commits made as someone (author and committer both, so the hook and verify see them).

import { execFileSync } from "node:child_process";
import { baseEnv } from "./cli.js";

export function git(dir: string, args: string[], env: Record<string, string> = {}): { code: number; out: string } {
  try {
    const out = execFileSync("git", args, { cwd: dir, env: baseEnv(env), encoding: "utf8", stdio: "pipe" });
    return { code: 0, out };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: `${x.stdout}${x.stderr}` };
  }
}

/** The environment of a commit by `email` (its name is the part before the @). */
export const gitAs = (email: string) => ({
  GIT_AUTHOR_NAME: email.split("@")[0] as string,
  GIT_AUTHOR_EMAIL: email,
  GIT_COMMITTER_NAME: email.split("@")[0] as string,
  GIT_COMMITTER_EMAIL: email,
});

/** Stages everything and commits it as `email`, through the hook when one is installed. */
export function commitAs(dir: string, email: string, msg: string): { code: number; out: string } {
  git(dir, ["add", "-A"]);
  return git(dir, ["commit", "-qm", msg], gitAs(email));
}
