// The GitHub Actions composite action (action.yml): no Actions runner here, so its shell
// steps are run as a runner would run them (bash --noprofile --norc -eo pipefail, the step's
// env with ${{ inputs.* }} and the inputs' ${{ github.* }} defaults resolved from a
// pull_request event, GITHUB_ACTION_PATH the action's checkout), in a checkout of a pull
// request whose commits a real repository holds.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { baseEnv, makeRepo, read, runCli } from "../support/cli.js";
import { git, gitAs } from "../support/git.js";
import { tempDir } from "../support/install.js";
import { ROOT } from "../support/paths.js";

interface Step {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;

/** ${{ ... }} as the runner evaluates it, for the expressions action.yml may use. */
function evaluate(text: string, scope: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in scope)) throw new Error(`action.yml uses \${{ ${name} }}, which this test does not provide`);
    return scope[name] as string;
  });
}

/** Runs every step in order until one fails; what each printed and its exit code. */
function runAction(checkout: string, event: { base: string; head: string }, given: Record<string, string> = {}) {
  const github = {
    "github.event.pull_request.base.sha": event.base,
    "github.event.pull_request.head.sha": event.head,
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    inputs[`inputs.${name}`] = given[name] ?? evaluate(spec.default ?? "", github);
  }
  const results: { name: string; code: number | null; out: string }[] = [];
  for (const step of action.runs.steps) {
    expect(step.shell).toBe("bash");
    expect(step.run).not.toMatch(/\$\{\{/); // values reach scripts through env, never as code
    const script = join(tempDir("step"), "step.sh");
    writeFileSync(script, step.run);
    const env: NodeJS.ProcessEnv = { ...baseEnv(), GITHUB_ACTION_PATH: ROOT.replace(/\/$/, "") };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = evaluate(v, inputs);
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: checkout,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    results.push({ name: step.name, code: r.status, out: `${r.stdout}${r.stderr}` });
    if (r.status !== 0) break;
  }
  return results;
}

let origin: string;
let base: string;
let good: string;
let bad: string;

beforeAll(async () => {
  // main: the board; the pull request: a change made with taskgate, then a hand edit.
  const dir = await makeRepo();
  await runCli(["add", "Write the docs"], { cwd: dir });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-qm", "board"], gitAs("alice@example.com"));
  git(dir, ["branch", "-M", "main"]);
  base = git(dir, ["rev-parse", "HEAD"]).out.trim();
  git(dir, ["switch", "-q", "-c", "feature"]);
  expect((await runCli(["ready", "T-1"], { cwd: dir })).code).toBe(0);
  git(dir, ["commit", "-qam", "T-1 ready"], gitAs("alice@example.com"));
  good = git(dir, ["rev-parse", "HEAD"]).out.trim();
  writeFileSync(
    join(dir, "TASKS.md"),
    read(dir, "TASKS.md").replace(/(## T-1 Write the docs\n- state: )READY/, "$1DONE"),
  );
  git(dir, ["commit", "-qam", "T-1 done by hand"], gitAs("alice@example.com"));
  bad = git(dir, ["rev-parse", "HEAD"]).out.trim();
  origin = join(tempDir("origin"), "board.git");
  git(dir, ["clone", "-q", "--bare", dir, origin]);
});

/** The checkout actions/checkout makes of the pull request's head: full, or of depth 1. */
function checkout(ref: string, shallow = false): string {
  const dir = join(tempDir("checkout"), "board");
  const r = git(tempDir("cwd"), ["clone", "-q", ...(shallow ? ["--depth", "1"] : []), `file://${origin}`, dir]);
  expect(r.code, r.out).toBe(0);
  git(dir, ["fetch", "-q", ...(shallow ? ["--depth", "1"] : []), "origin", ref]);
  git(dir, ["checkout", "-q", "--detach", ref]);
  return dir;
}

describe("action.yml, the composite action for verify on a pull request", () => {
  it("is a composite action whose inputs default to the pull request's range", () => {
    expect(action.runs.using).toBe("composite");
    const expr = (name: string) => `\${{ ${name} }}`;
    expect(action.inputs.base?.default).toBe(expr("github.event.pull_request.base.sha"));
    expect(action.inputs.head?.default).toBe(expr("github.event.pull_request.head.sha"));
  });

  it("passes a pull request whose commits keep the rules", () => {
    const results = runAction(checkout(good), { base, head: good });
    expect(results.map((r) => [r.name, r.code])).toEqual([
      ["Fetch the range's history", 0],
      ["taskgate check", 0],
      ["taskgate verify", 0],
    ]);
    expect(results[2]?.out).toMatch(/1 commit/);
  });

  it("fails on a hand edit, naming the commit and the task", () => {
    const results = runAction(checkout(bad), { base, head: bad });
    const verify = results.find((r) => r.name === "taskgate verify");
    expect(verify?.code).toBe(1);
    expect(verify?.out).toMatch(
      new RegExp(`^${bad.slice(0, 10)} TASKS.md:\\d+: T-1 went from READY to DONE by hand`, "m"),
    );
  });

  it("fetches the history a shallow checkout lacks, then judges the same", () => {
    const dir = checkout(bad, true);
    expect(git(dir, ["rev-parse", "--is-shallow-repository"]).out).toBe("true\n");
    const results = runAction(dir, { base, head: bad });
    expect(results.map((r) => r.code)).toEqual([0, 0, 1]);
    expect(results[2]?.out).toMatch(/T-1 went from READY to DONE by hand/);
  });

  it("outside a pull request without inputs: exit 2 with a sentence", () => {
    const results = runAction(checkout(good), { base: "", head: "" });
    expect(results).toEqual([
      {
        name: "Fetch the range's history",
        code: 2,
        out: "taskgate: no range to verify: set the inputs base and head (they default to a pull request's)\n",
      },
    ]);
  });
});
