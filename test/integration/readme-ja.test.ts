// README.ja.md's tour is true: each `$ taskgate ...` line of it is run in a fresh repository,
// in a shell with the tour's locale, zone and clock, and prints what the README shows.

import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseEnv } from "../support/cli.js";
import { CLI, ROOT } from "../support/paths.js";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** The tour's commands, each with the output the README shows for it. */
function tour(): { command: string; output: string }[] {
  const text = readFileSync(join(ROOT, "README.ja.md"), "utf8");
  const section = text.slice(text.indexOf("## ツアー"));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] as string;
  const steps: { command: string; output: string }[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), output: "" });
    else if (line !== "" && steps.length) (steps[steps.length - 1] as { output: string }).output += `${line}\n`;
  }
  return steps;
}

describe("README.ja.md", () => {
  it("its tour prints what it shows, command by command", () => {
    const dir = mkdtempSync(join(tmpdir(), "taskgate-readme-ja-"));
    made.push(dir);
    const bin = join(dir, ".bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "taskgate"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, "taskgate"), 0o755);
    const work = join(dir, "repo");
    mkdirSync(work);
    const env = {
      ...baseEnv({ LANG: "ja_JP.UTF-8", TZ: "Asia/Tokyo", TASKGATE_NOW: "2026-11-24T09:30:00Z" }),
      LC_ALL: "",
      LC_MESSAGES: "",
      PATH: `${bin}:${process.env.PATH}`,
    };
    execFileSync("git", ["init", "-q"], { cwd: work });
    execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: work });
    const steps = tour();
    expect(steps.length).toBeGreaterThan(10);
    for (const step of steps) {
      const out = execFileSync("sh", ["-c", `{ ${step.command} ; } 2>&1 || true`], {
        cwd: work,
        env,
        encoding: "utf8",
      });
      // The lease holder is the actor at this host: the README shows the host as "vm".
      expect(out.replaceAll(`@${hostname()}`, "@vm"), step.command).toBe(step.output);
      if (step.command === "taskgate init") {
        // What the README says is added by hand after init.
        const path = join(work, "APPROVALS.md");
        writeFileSync(
          path,
          readFileSync(path, "utf8").replace("## Roles\n", "## Roles\n- 田中: WORK\n- 鈴木: WORK, AUDIT\n"),
        );
      }
    }
  });
});
