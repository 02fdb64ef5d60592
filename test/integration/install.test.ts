// Installs as teams make them, with real npm from a bare repository on disk: globally from git,
// through npx, with install scripts off, and from the tarball `npm pack` makes. None may need a
// build or an install script, fetch anything from a registry (each run has an empty npm cache
// of its own and --offline), or print a warning; none installs a dependency, since dist/ is a
// self-contained bundle.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run, type Served, serveThisRepository, tempDir, userEnv } from "../support/install.js";
import { ROOT } from "../support/paths.js";

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const OFFLINE = ["--offline", "--no-audit", "--no-fund"];

let served: Served;
beforeAll(() => {
  served = serveThisRepository();
});

/** A git repository of a user's project, with an npm package.json. */
function userProject(): string {
  const dir = tempDir("project");
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["config", "user.email", "alice@example.com"], { cwd: dir });
  execFileSync("git", ["config", "user.name", "Alice"], { cwd: dir });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "project", private: true }, null, 2)}\n`);
  return dir;
}

const noWarning = (stderr: string) => expect(stderr).not.toMatch(/warn|deprecated|ERR/i);

/** What an installed taskgate folder holds besides its own files: no node_modules at all. */
function expectNoDependency(pkgDir: string) {
  expect(existsSync(join(pkgDir, "dist", "taskgate.cjs"))).toBe(true);
  expect(existsSync(join(pkgDir, "node_modules"))).toBe(false);
}

describe("an install from git needs no build, no install script and no registry", () => {
  it("npm install -g --prefix DIR git+file://... gives a working taskgate", () => {
    const prefix = tempDir("global");
    const env = userEnv(tempDir("cache"));
    const r = run("npm", ["install", "-g", "--prefix", prefix, served.url, ...OFFLINE], tempDir("cwd"), env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const installed = join(prefix, "lib", "node_modules", "taskgate");
    expectNoDependency(installed);
    // No code cache comes with it (the build's are its own machine's)...
    expect(readdirSync(join(installed, "dist")).filter((f) => !f.endsWith(".cjs"))).toEqual([]);
    const v = run(join(prefix, "bin", "taskgate"), ["--version"], tempDir("cwd"), env);
    expect(v).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    // ...and the first run leaves one for the next starts (bin/taskgate.cjs).
    expect(readdirSync(join(installed, "dist")).filter((f) => !f.endsWith(".cjs"))).toEqual(["taskgate.cjs.cache"]);
  });

  it("npx --yes git+file://... --version runs it", () => {
    const env = userEnv(tempDir("cache"));
    const r = run("npx", ["--yes", "--offline", served.url, "--version"], tempDir("cwd"), env);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("npm install --ignore-scripts git+file://... in a fresh project, then npx taskgate init and status", () => {
    const dir = userProject();
    const env = userEnv(tempDir("cache"));
    const i = run("npm", ["install", "--ignore-scripts", "-D", served.url, ...OFFLINE], dir, env);
    expect(i.stderr).toBe("");
    expect(i.code).toBe(0);
    // Only taskgate itself lands in node_modules.
    expect(readdirSync(join(dir, "node_modules")).filter((f) => !f.startsWith("."))).toEqual(["taskgate"]);
    expectNoDependency(join(dir, "node_modules", "taskgate"));
    expect(run("npx", ["taskgate", "init"], dir, env).code).toBe(0);
    expect(run("npx", ["taskgate", "add", "--ready", "First task"], dir, env).code).toBe(0);
    const s = run("npx", ["taskgate", "status"], dir, env);
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/READY 1/);
  });
});

describe("the registry package (npm pack)", () => {
  let tarball: string;
  let files: string[];
  beforeAll(() => {
    // Packed from a clone of what git serves, as a release is cut (docs/release.md).
    const clone = join(tempDir("clone"), "taskgate");
    execFileSync("git", ["clone", "-q", served.bare, clone]);
    const out = tempDir("pack");
    const env = userEnv(tempDir("cache"));
    const r = run("npm", ["pack", "--json", "--pack-destination", out, ...OFFLINE], clone, env);
    expect(r.code).toBe(0);
    const [packed] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(out, packed!.filename);
    files = packed!.files.map((f) => f.path).sort();
  });

  it("holds the runnable bundle, LICENSE, README and the docs it links to, and no sources, maps or caches", () => {
    for (const f of ["LICENSE", "README.md", "package.json", "bin/taskgate.cjs", "dist/taskgate.cjs", "docs/git.md"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|scripts)\/|\.map$|\.cache$|\.ts$/.test(f))).toEqual([]);
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
  });

  it("every relative link in the packaged README and docs points at a packaged file", () => {
    const broken: string[] = [];
    for (const doc of files.filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(ROOT, doc), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const path = normalize(join(dirname(doc), target));
        if (!files.includes(path)) broken.push(`${doc} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each([
    ["with --ignore-scripts", ["--ignore-scripts"]],
    ["as it comes", []],
  ])("installs offline %s and with no warning, with no dependency; --version, status and mcp work", (_, flags) => {
    const prefix = tempDir("global");
    const env = userEnv(tempDir("cache"));
    const i = run("npm", ["install", "-g", ...flags, "--prefix", prefix, tarball, ...OFFLINE], tempDir("cwd"), env);
    expect(i.stderr).toBe("");
    expect(i.code).toBe(0);
    expectNoDependency(join(prefix, "lib", "node_modules", "taskgate"));
    const bin = join(prefix, "bin", "taskgate");
    expect(run(bin, ["--version"], tempDir("cwd"), env)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });

    const dir = userProject();
    expect(run(bin, ["init"], dir, env).code).toBe(0);
    // add loads the YAML bundle, status the board; a schedule check loads croner.
    expect(run(bin, ["add", "--ready", "Packaged"], dir, env).code).toBe(0);
    const s = run(bin, ["status"], dir, env);
    expect(s.code).toBe(0);
    noWarning(s.stderr);
    // The MCP server's bundle (the SDK, ajv, zod) loads from dist/ alone.
    const init = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "test", version: "1" } },
    };
    const m = run(bin, ["mcp"], dir, env, `${JSON.stringify(init)}\n`);
    expect(m.stdout).toMatch(/"serverInfo":\{"name":"taskgate"/);
  });
});
