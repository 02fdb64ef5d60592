// A write whose rename Windows keeps refusing (another program holds TASKS.md open), through
// the real CLI: Node is told it runs on win32 and fs.renameSync refuses with EPERM, by a
// module loaded before taskgate (node -r). Not a real Windows: see docs/run.md.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseEnv, makeRepo, read } from "../support/cli.js";
import { run, tempDir } from "../support/install.js";
import { CLI } from "../support/paths.js";

const PRELOAD = `
Object.defineProperty(process, "platform", { value: "win32" });
const fs = require("node:fs");
const real = fs.renameSync;
let refused = 0;
fs.renameSync = (from, to) => {
  if (String(to).endsWith("TASKS.md") && refused < Number(process.env.REFUSE)) {
    refused++;
    throw Object.assign(new Error("EPERM: operation not permitted, rename"), { code: "EPERM" });
  }
  return real(from, to);
};
`;

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));

describe("the atomic rename, with Windows refusing it", () => {
  const preload = join(tempDir("preload"), "win32-rename.cjs");
  writeFileSync(preload, PRELOAD);
  const add = (dir: string, refuse: number) =>
    run(process.execPath, ["-r", preload, CLI, "add", "Held open"], dir, baseEnv({ REFUSE: String(refuse) }));

  it("goes through when the file is let go within the retries", async () => {
    const dir = await makeRepo();
    const r = add(dir, 3);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(dir, "TASKS.md")).toMatch(/## T-1 Held open/);
  });

  it("held for good: one sentence naming the file, exit 4 (busy), the ledger as it was, no temp file left", async () => {
    const dir = await makeRepo();
    const before = readFileSync(join(dir, "TASKS.md"));
    const r = add(dir, 1000);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `taskgate: ${join(dir, "TASKS.md")}: another program holds it open (replacing it was refused with EPERM for 630 ms); close the program that has it open (an editor, a virus scanner, a sync tool) and run the command again\n`,
    );
    expect(readFileSync(join(dir, "TASKS.md"))).toEqual(before);
    expect(files(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
