// The committed bundle (dist/*.cjs) is what an install from git runs, and CI's last step
// (scripts/check-dist.mjs, in npm test) fails when it is not what the sources build. Proven in
// a clone in another folder: the build is deterministic there, the check passes on what git
// serves, and fails, naming the file, after a source change that was not rebuilt and
// committed.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { baseEnv } from "../support/cli.js";
import { serveThisRepository, tempDir } from "../support/install.js";
import { ROOT } from "../support/paths.js";

let clone: string;
const node = (...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: clone, env: baseEnv(), encoding: "utf8", timeout: 120_000 });
const git = (...args: string[]) => execFileSync("git", args, { cwd: clone, env: baseEnv(), encoding: "utf8" });
const bundles = () =>
  Object.fromEntries(
    readdirSync(join(clone, "dist"))
      .filter((f) => f.endsWith(".cjs"))
      .map((f) => [f, readFileSync(join(clone, "dist", f), "utf8")]),
  );

beforeAll(() => {
  const served = serveThisRepository();
  clone = join(tempDir("dist"), "taskgate");
  execFileSync("git", ["clone", "-q", served.bare, clone]);
  git("config", "user.email", "dev@example.com");
  git("config", "user.name", "Dev");
  // The dependencies as `npm ci` leaves them, without the network: hard links where the file
  // system allows (a copy otherwise). A symbolic link would not do: esbuild names each module
  // by its real path in the bundle's comments.
  try {
    execFileSync("cp", ["-al", join(ROOT, "node_modules"), join(clone, "node_modules")]);
  } catch {
    cpSync(join(ROOT, "node_modules"), join(clone, "node_modules"), { recursive: true });
  }
});

describe("the committed bundle", () => {
  it("is rebuilt byte for byte in another folder, and the check passes", () => {
    const served = bundles();
    expect(Object.keys(served)).toContain("taskgate.cjs");
    expect(node("scripts/build.mjs").status).toBe(0);
    expect(bundles()).toEqual(served);
    const r = node("scripts/check-dist.mjs");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("check-dist: dist/*.cjs is what the sources build\n");
  });

  it("fails the check, naming the bundle, when a source changed and the bundle was not rebuilt and committed", () => {
    const file = join(clone, "src", "cli", "main.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\.version\("([^"]+)"/, '.version("$1-changed"'));
    git("commit", "-qam", "a source change without its bundle");
    expect(node("scripts/build.mjs").status).toBe(0);
    const r = node("scripts/check-dist.mjs");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      // Both bundles that carry the build's identity (a hash of every source).
      "check-dist: the committed bundle is not what the sources build (dist/quick-status.cjs, dist/taskgate.cjs differ); run `npm run bundle && git add dist` and commit it\n",
    );
    // Staged, as the fix says: the check passes again.
    git("add", "dist");
    expect(node("scripts/check-dist.mjs").status).toBe(0);
  });

  it("fails the check on a bundle the build makes that git does not have", () => {
    writeFileSync(join(clone, "dist", "vendor-new.cjs"), '"use strict";\n');
    const r = node("scripts/check-dist.mjs");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\(dist\/vendor-new\.cjs differs\)/);
  });
});
