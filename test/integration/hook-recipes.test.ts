// The pre-commit check installed the ways docs/git.md shows, in a user's repository, with
// taskgate installed from a bare repository serving this checkout: the pre-commit framework
// (Debian's pre-commit, which .ci/run installs), husky 9 and lefthook from npm. Each refuses a
// staged hand edit PLAN -> DONE, naming the task, and lets a change made with taskgate through.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { git, gitAs } from "../support/git.js";
import { run, type Served, serveThisRepository, tempDir, userEnv } from "../support/install.js";
import { ROOT } from "../support/paths.js";

/** lefthook as pinned for this test (its platform binary comes in a package npm picks). */
const LEFTHOOK = "lefthook@2.2.4";

let served: Served;
beforeAll(() => {
  served = serveThisRepository();
});

const docsGit = readFileSync(join(ROOT, "docs", "git.md"), "utf8");
/** The fenced YAML block of docs/git.md that starts with `first`, its indentation removed. */
function docBlock(first: string): string {
  const m = docsGit.match(/\n( *)```yaml\n((?:\1.*\n)*?)\1```\n/g);
  const block = (m ?? []).map((b) => {
    const indent = (b.match(/^\n( *)/) as RegExpMatchArray)[1] as string;
    return b
      .split("\n")
      .filter((l) => !l.trimStart().startsWith("```"))
      .map((l) => l.slice(indent.length))
      .join("\n")
      .trim();
  });
  const found = block.find((b) => b.startsWith(first));
  if (!found) throw new Error(`docs/git.md has no yaml block starting with ${first}`);
  return `${found}\n`;
}

/**
 * A user's repository with a board committed (T-1 in PLAN), taskgate's CLI reachable as
 * `taskgate` through `npx`, and the commands of the recipe run in it.
 */
function userRepo(): string {
  const dir = tempDir("user");
  git(dir, ["init", "-q"]);
  git(dir, ["config", "user.email", "alice@example.com"]);
  git(dir, ["config", "user.name", "Alice"]);
  writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "project", private: true }, null, 2)}\n`);
  return dir;
}

/** The two commits every recipe must judge: a hand edit refused, a CLI-made change accepted. */
function expectRefusedThenAccepted(dir: string, env: NodeJS.ProcessEnv) {
  const tasks = readFileSync(join(dir, "TASKS.md"), "utf8");
  expect(tasks).toMatch(/## T-1 Write the docs\n- state: PLAN\n/);
  writeFileSync(join(dir, "TASKS.md"), tasks.replace(/(## T-1 Write the docs\n- state: )PLAN/, "$1DONE"));
  git(dir, ["add", "TASKS.md"]);
  const before = git(dir, ["rev-parse", "HEAD"]).out;
  const refused = git(dir, ["commit", "-qm", "done by hand"], { ...gitAs("alice@example.com"), ...envStrings(env) });
  expect(refused.code).not.toBe(0);
  expect(refused.out).toMatch(/TASKS.md:\d+: T-1 went from PLAN to DONE by hand/);
  expect(git(dir, ["rev-parse", "HEAD"]).out).toBe(before);

  writeFileSync(join(dir, "TASKS.md"), tasks);
  expect(run("npx", ["taskgate", "ready", "T-1"], dir, env).code).toBe(0);
  git(dir, ["add", "TASKS.md"]);
  const accepted = git(dir, ["commit", "-qm", "T-1 ready"], { ...gitAs("alice@example.com"), ...envStrings(env) });
  expect(accepted.out).not.toMatch(/refused|problem/);
  expect(accepted.code).toBe(0);
  expect(git(dir, ["log", "--format=%s", "-1"]).out).toBe("T-1 ready\n");
}

const envStrings = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"));

/** The board, made and committed with taskgate as installed in the project. */
function commitBoard(dir: string, env: NodeJS.ProcessEnv) {
  expect(run("npx", ["taskgate", "init"], dir, env).code).toBe(0);
  expect(run("npx", ["taskgate", "add", "Write the docs"], dir, env).code).toBe(0);
  git(dir, ["add", "-A"]);
  const r = git(dir, ["commit", "-qm", "board"], envStrings(env));
  expect(r.code, r.out).toBe(0);
}

describe("the pre-commit framework", () => {
  // pre-commit installs the hook's environment from a clone with `npm install`, which takes
  // the devDependencies from npm's cache (filled by npm ci), and `npm pack`.
  let clone: string;
  let homeEnv: NodeJS.ProcessEnv;
  beforeAll(() => {
    clone = join(tempDir("pc-clone"), "taskgate");
    execFileSync("git", ["clone", "-q", served.bare, clone]);
    homeEnv = userEnv(undefined, { PRE_COMMIT_HOME: tempDir("pre-commit-home"), npm_config_prefer_offline: "true" });
  });

  it("pre-commit try-repo against a clone: a staged hand edit PLAN -> DONE refused naming the task, a CLI-made change accepted", () => {
    const dir = userRepo();
    // taskgate for the board's own commands (the hook's copy is pre-commit's).
    expect(run("npm", ["install", "-D", "--ignore-scripts", "--offline", served.url], dir, homeEnv).code).toBe(0);
    commitBoard(dir, homeEnv);
    const tasks = readFileSync(join(dir, "TASKS.md"), "utf8");
    writeFileSync(join(dir, "TASKS.md"), tasks.replace(/(## T-1 Write the docs\n- state: )PLAN/, "$1DONE"));
    git(dir, ["add", "TASKS.md"]);
    const tryRepo = () =>
      run("pre-commit", ["try-repo", clone, "taskgate-check-staged", "--ref", served.sha], dir, homeEnv);
    const refused = tryRepo();
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toMatch(/taskgate check --staged\.+Failed/);
    expect(refused.stdout).toMatch(/TASKS.md:\d+: T-1 went from PLAN to DONE by hand/);

    writeFileSync(join(dir, "TASKS.md"), tasks);
    expect(run("npx", ["taskgate", "ready", "T-1"], dir, homeEnv).code).toBe(0);
    git(dir, ["add", "TASKS.md"]);
    const accepted = tryRepo();
    expect(accepted.stdout).toMatch(/taskgate check --staged\.+Passed/);
    expect(accepted.code).toBe(0);
  });

  it("the .pre-commit-config.yaml docs/git.md shows, with pre-commit install: git commit refused, then accepted", () => {
    const dir = userRepo();
    expect(run("npm", ["install", "-D", "--ignore-scripts", "--offline", served.url], dir, homeEnv).code).toBe(0);
    const config = docBlock("repos:")
      .replace(/repo: \S+/, `repo: ${clone}`)
      .replace(/rev: \S+/, `rev: ${served.sha}`);
    writeFileSync(join(dir, ".pre-commit-config.yaml"), config);
    const installed = run("pre-commit", ["install"], dir, homeEnv);
    expect(installed.code, installed.stderr).toBe(0);
    commitBoard(dir, homeEnv);
    expectRefusedThenAccepted(dir, homeEnv);
  });
});

describe("husky 9 and lefthook from npm", () => {
  it("husky: npx husky init, the check in .husky/pre-commit: refused, then accepted", () => {
    const dir = userRepo();
    const env = userEnv(tempDir("cache"));
    // husky as pinned in taskgate's devDependencies, packed from there: no registry needed.
    const packed = tempDir("husky");
    const p = run(
      "npm",
      ["pack", join(ROOT, "node_modules", "husky"), "--pack-destination", packed, "--offline"],
      dir,
      env,
    );
    expect(p.code, p.stderr).toBe(0);
    const tarball = join(packed, p.stdout.trim().split("\n").pop() as string);
    const i = run("npm", ["install", "-D", "--offline", tarball, served.url], dir, env);
    expect(i.code, i.stderr).toBe(0);
    expect(run("npx", ["husky", "init"], dir, env).code).toBe(0);
    expect(git(dir, ["config", "core.hooksPath"]).out).toBe(".husky/_\n");
    // As docs/git.md says: the check replaces the `npm test` husky init put there.
    writeFileSync(join(dir, ".husky", "pre-commit"), "npx taskgate check --staged\n");
    commitBoard(dir, env);
    expectRefusedThenAccepted(dir, env);
  });

  it("lefthook: the lefthook.yml docs/git.md shows, npx lefthook install: refused, then accepted", () => {
    const dir = userRepo();
    // lefthook from the registry (npm's cache when it has it): its platform binaries are
    // optional packages of their own, not all on every registry mirror, so a devDependency
    // would leave a lock `npm ci` refuses elsewhere.
    const env = userEnv(undefined, { npm_config_prefer_offline: "true" });
    const i = run("npm", ["install", "-D", "--ignore-scripts", LEFTHOOK, served.url], dir, env);
    expect(i.code, i.stderr).toBe(0);
    writeFileSync(join(dir, "lefthook.yml"), docBlock("pre-commit:"));
    const installed = run("npx", ["lefthook", "install"], dir, env);
    expect(installed.code, installed.stderr).toBe(0);
    commitBoard(dir, env);
    expectRefusedThenAccepted(dir, env);
  });
});
