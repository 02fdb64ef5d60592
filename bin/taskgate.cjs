#!/usr/bin/env node
// Starts the bundled CLI: dist/*.cjs, built by `npm run bundle` and committed, so that an install
// from git or from the registry runs without a build.
// It compiles the bundles with the V8 code caches the build made, when V8 accepts them: that
// saves compiling the CLI on every start. Node 22's module.enableCompileCache does the same.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { wrap } = require("node:module");

const dist = path.join(__dirname, "..", "dist");
const writeCache = process.env.TASKGATE_WRITE_CODE_CACHE === "1";
const loaded = new Map();
/** Bundles loaded with no code cache beside them (an install from git or the registry). */
const uncached = [];

/** Loads one of our CommonJS bundles (once), compiled with its code cache when there is one. */
function load(file) {
  const done = loaded.get(file);
  if (done) return done.exports;
  let source;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch {
    process.stderr.write(
      `taskgate: ${path.relative(process.cwd(), file)} is missing; run \`npm run bundle\` in taskgate's folder\n`,
    );
    process.exit(70);
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // No cache: compile normally, and leave one for the next start (saveCaches).
    uncached.push(file);
  }
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  loaded.set(file, {
    script,
    get exports() {
      return mod.exports;
    },
  });
  // The main bundle requires its vendor bundles as "./vendor-X.cjs", next to it.
  const localRequire = (id) => (id.startsWith("./") ? load(path.join(dist, id)) : require(id));
  script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, file, dist);
  return mod.exports;
}

const argv = process.argv.slice(2);
// A status on a board that did not change is answered by a bundle a fifth the size of the
// main one, when it can be (src/cli/quick-status.ts); else, having written nothing, it
// leaves the command to the main bundle.
const quick =
  argv.includes("status") && process.env.TASKGATE_TEST_NO_QUICK !== "1"
    ? load(path.join(dist, "quick-status.cjs"))
    : undefined;
const answered = quick?.quickStatus(argv);
if (answered !== undefined) finish(answered, quick);
else {
  const taskgate = load(path.join(dist, "taskgate.cjs"));
  taskgate.main(argv).then((code) => finish(code, taskgate));
}

function finish(code, bundle) {
  process.exitCode = code;
  if (writeCache) for (const [file, { script }] of loaded) fs.writeFileSync(`${file}.cache`, script.createCachedData());
  else if (uncached.length > 0) saveCaches();
  // Everything is written (stdout and stderr are drained): exit now rather than wait for
  // Node's orderly shutdown, which costs tens of milliseconds after reading a big ledger.
  // Where a write is still pending (pipes on Windows), let Node drain it and exit itself.
  if (!bundle.outputPending()) process.exit(code);
}

/**
 * The caches are not committed or packed (they are the building machine's V8's), so an
 * installed taskgate starts without them: the first run that may write into dist/ leaves one
 * for each bundle it loaded, each written whole under another name and then renamed, so a
 * racing start reads a whole cache or none. Only a missing cache is written: one V8 rejects
 * (another Node) is left alone, so that runs with different Node flags cannot take turns
 * rewriting it.
 */
function saveCaches() {
  try {
    fs.accessSync(dist, fs.constants.W_OK);
  } catch {
    return; // A read-only install (a global one owned by root): compile every time.
  }
  for (const file of uncached) {
    const tmp = `${file}.cache.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, loaded.get(file).script.createCachedData());
      fs.renameSync(tmp, `${file}.cache`);
    } catch {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // Never written.
      }
    }
  }
}
