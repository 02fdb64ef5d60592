#!/usr/bin/env node
// Starts the bundled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
// It compiles the bundle with the V8 code cache the build made, when V8 accepts it: that
// saves compiling the CLI on every start. Node 22's module.enableCompileCache does the same.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { wrap } = require("node:module");

const file = path.join(__dirname, "..", "dist", "taskgate.cjs");
const cacheFile = `${file}.cache`;
let source;
try {
  source = fs.readFileSync(file, "utf8");
} catch {
  process.stderr.write("taskgate: dist/taskgate.cjs is missing; run `npm run build` (npm ci does it too)\n");
  process.exit(70);
}
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // No cache: compile normally.
}
const script = new vm.Script(wrap(source), { filename: file, cachedData });
const mod = { exports: {}, filename: file, id: file, loaded: false };
const localRequire = (id) => require(id.startsWith("./") ? path.join(path.dirname(file), id) : id);
script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, file, path.dirname(file));

mod.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (process.env.TASKGATE_WRITE_CODE_CACHE === "1") fs.writeFileSync(cacheFile, script.createCachedData());
  // Everything is written (stdout and stderr are drained): exit now rather than wait for
  // Node's orderly shutdown, which costs tens of milliseconds after reading a big ledger.
  // Where a write is still pending (pipes on Windows), let Node drain it and exit itself.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
});
