// The README's tour, run as written: every `$ command` of the tour's code blocks (from "## A
// tour" to "## Commands"), top to bottom, in one bash session in one fresh git repository, with
// the clock fixed as the tour says (TASKGATE_NOW), compared with the output printed under it.
// Times, hashes, the machine's paths and its host name are normalised on both sides; nothing
// else is. The lines of a `work --parallel` command are compared in any order (its tasks run
// at once). UPDATE_README=1 writes what the commands printed under them in README.md (the
// machine's paths as the README's /srv/board and /usr/bin/node), after an intended change.

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseEnv } from "../support/cli.js";
import { CLI, ROOT } from "../support/paths.js";

interface Step {
  readonly command: string;
  readonly expected: string[];
  /** The README line of the command, for the failure message. */
  readonly line: number;
}

/** The tour's commands and the output under each, from README.md. */
function tourSteps(readme: string): Step[] {
  const lines = readme.split("\n");
  const start = lines.indexOf("## A tour");
  const end = lines.indexOf("## Commands");
  if (start < 0 || end < start) throw new Error('README.md has no "## A tour" before "## Commands"');
  const steps: { command: string; expected: string[]; line: number }[] = [];
  let inBlock = false;
  let plain = false;
  for (let i = start; i < end; i++) {
    const l = lines[i] as string;
    if (l.startsWith("```")) {
      if (!inBlock) plain = l === "```";
      inBlock = !inBlock;
      continue;
    }
    // Only plain blocks are sessions; ```diff and ```markdown ones show files.
    if (!inBlock || !plain) continue;
    if (l.startsWith("$ ")) steps.push({ command: l.slice(2), expected: [], line: i + 1 });
    else steps.at(-1)?.expected.push(l);
  }
  return steps;
}

const cwdMarker = (i: number) => `@@tour-step-${i}@@`;

describe("the README's tour", () => {
  const work = mkdtempSync(join(tmpdir(), "taskgate-tour-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("runs top to bottom in one repository and prints what the README says", () => {
    const steps = tourSteps(readFileSync(join(ROOT, "README.md"), "utf8"));
    expect(steps.length).toBeGreaterThan(40);
    const repo = join(work, "board");
    mkdirSync(repo);
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
    execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: repo });
    execFileSync("git", ["config", "user.name", "Alice"], { cwd: repo });
    // `taskgate` and `node` on PATH as a user has them (node is this test's node).
    const bin = join(work, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "taskgate"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, "taskgate"), 0o755);
    // One bash session: cd and export carry from one command to the next, as in a terminal.
    const script = steps.map((s, i) => `printf '\\n${cwdMarker(i)}\\n'\n${s.command} 2>&1\n`).join("");
    const r = spawnSync("bash", ["--noprofile", "--norc", "-c", `exec 2>&1\n${script}`], {
      cwd: repo,
      encoding: "utf8",
      env: baseEnv({
        PATH: `${bin}:${process.env.PATH}`,
        TASKGATE_NOW: "2026-11-24T09:30:00Z",
        GIT_AUTHOR_DATE: "2026-11-24T09:30:00Z",
        GIT_COMMITTER_DATE: "2026-11-24T09:30:00Z",
        HOME: work,
      }),
      timeout: 180_000,
    });
    expect(r.error).toBeUndefined();
    const outputs: string[] = [];
    const all = r.stdout;
    for (let i = 0; i < steps.length; i++) {
      const from = all.indexOf(`${cwdMarker(i)}\n`);
      const to = i + 1 < steps.length ? all.indexOf(`\n${cwdMarker(i + 1)}\n`) : all.length;
      expect(from, `step ${i} (${steps[i]?.command}) printed no marker: ${all.slice(-2000)}`).toBeGreaterThanOrEqual(0);
      outputs.push(all.slice(from + cwdMarker(i).length + 1, to));
    }

    const real = realpathSync(work);
    const normalise = (text: string) =>
      text
        .split(`${real}/board`)
        .join("/srv/board")
        .split(`${work}/board`)
        .join("/srv/board")
        .split(`${real}/wt2`)
        .join("/srv/wt2")
        .split(realpathSync(CLI))
        .join("/usr/local/lib/node_modules/taskgate/bin/taskgate.cjs")
        .split(process.execPath)
        .join("/usr/bin/node")
        .replace(new RegExp(`@${hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"), "@vm")
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, "<time>")
        .replace(/\d{8}T\d{6}Z/g, "<stamp>")
        .replace(/\b[0-9a-f]{64}\b/g, "<sha256>")
        .replace(/\b[0-9a-f]{10,12}\b/g, "<hash>")
        .replace(/[ \t]+$/gm, "")
        .replace(/\n+$/, "");

    if (process.env.UPDATE_README) {
      const readme = join(ROOT, "README.md");
      const lines = readFileSync(readme, "utf8").split("\n");
      const asReadme = (text: string) =>
        text
          .split(`${real}/board`)
          .join("/srv/board")
          .split(`${real}/wt2`)
          .join("/srv/wt2")
          .split(realpathSync(CLI))
          .join("/usr/local/lib/node_modules/taskgate/bin/taskgate.cjs")
          .split(process.execPath)
          .join("/usr/bin/node")
          .replace(/\n+$/, "");
      // From the last step up, so the line numbers above stay right.
      for (let i = steps.length - 1; i >= 0; i--) {
        const s = steps[i] as Step;
        const out = asReadme(outputs[i] as string);
        lines.splice(s.line, s.expected.length, ...(out ? out.split("\n") : []));
      }
      writeFileSync(readme, lines.join("\n"));
    }
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i] as Step;
      let want = normalise(s.expected.join("\n"));
      let got = normalise(outputs[i] as string);
      if (/\bwork\b.*--parallel [2-9]/.test(s.command)) {
        want = want.split("\n").sort().join("\n");
        got = got.split("\n").sort().join("\n");
      }
      expect(got, `README.md:${s.line}: $ ${s.command}`).toBe(want);
    }
  }, 240_000);
});
