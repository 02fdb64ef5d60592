// main() builds only the command its arguments name (src/cli/one-command.ts). Whatever it
// prints for a command must be what the whole program prints for it: compared here for every
// top-level command (and the nested ones), on arguments that commander itself judges.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { commandNamed } from "../../src/cli/one-command.js";

// What main writes is caught from process.stdout and process.stderr here, not from the
// descriptors that src/cli/output.ts writes to directly.
vi.mock("../../src/cli/output.js", () => ({
  output: (fd: 1 | 2) => (fd === 1 ? process.stdout : process.stderr),
  outputPending: () => false,
}));

const empty = mkdtempSync(join(tmpdir(), "taskgate-one-command-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));
const env = { NO_COLOR: "1", TASKGATE_DIR: empty } as NodeJS.ProcessEnv;

/** main()'s exit code and everything it wrote. */
async function run(argv: string[], whole: boolean): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(argv, env, whole);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("one command built at a time", () => {
  it("finds the command word after the program's options", () => {
    expect(commandNamed(["status"])).toBe("status");
    expect(commandNamed(["--dir", "x", "--as", "bob", "claim", "T-1"])).toBe("claim");
    expect(commandNamed(["--dir=x", "--no-color", "set", "T-1", "title=a"])).toBe("set");
    expect(commandNamed(["--tasks", "status", "list"])).toBe("list");
    // Left to the whole program: help, version, no command, an option it must judge.
    expect(commandNamed([])).toBeUndefined();
    expect(commandNamed(["--help"])).toBeUndefined();
    expect(commandNamed(["status", "-h"])).toBeUndefined();
    expect(commandNamed(["help", "status"])).toBeUndefined();
    expect(commandNamed(["-V"])).toBeUndefined();
    expect(commandNamed(["--json", "status"])).toBeUndefined();
    expect(commandNamed(["--dir"])).toBeUndefined();
  });

  it("prints what the whole program prints, for every command", async () => {
    const help = await run(["--help"], true);
    const commands = [...help.out.split("Commands:\n")[1]!.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1] as string);
    expect(commands).toEqual(expect.arrayContaining(["status", "set", "claim", "check", "approval", "hook"]));
    const cases: string[][] = [];
    for (const c of commands.filter((x) => x !== "help")) cases.push([c, "--bogus"], [c, "--jsn"]);
    cases.push(["approval", "request", "--bogus"], ["hook", "install", "--bogus"], ["set"], ["claim"], ["show"]);
    cases.push(["nosuch"], ["stat"], ["--dir", empty, "statu"]);
    for (const argv of cases) {
      const whole = await run(argv, true);
      const one = await run(argv, false);
      expect(one, argv.join(" ")).toEqual(whole);
      expect(whole.code, argv.join(" ")).not.toBe(0);
    }
  });
});
