// Builds the CLI into dist/ with esbuild. Start-up is what agents and hooks pay hundreds of
// times an hour, so:
// - one CommonJS bundle for our code, commander and chalk (Node loads CommonJS faster than
//   ES modules, and one file means no module resolution);
// - each src/vendor module (remark, the YAML parser, croner) in a bundle of its
//   own, required only by the commands that need it, and the message catalog in one read only
//   when the messages are Japanese;
// - a V8 code cache for the main bundle, made by running the CLI once (bin/taskgate.cjs
//   uses it and falls back to a normal compile when V8 rejects it).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
};

const vendors = readdirSync(`${root}src/vendor`).map((f) => basename(f, ".ts"));
for (const name of vendors) {
  await build({
    ...common,
    entryPoints: [`src/vendor/${name}.ts`],
    outfile: `dist/vendor-${name}.cjs`,
  });
}

/**
 * Vendor modules loaded on first use rather than at start: an import of one becomes a module
 * whose exports are getters that require the vendor bundle when first read (string-width
 * builds an Intl.Segmenter as it loads, 20 ms, which most output never needs).
 */
const LAZY_VENDORS = ["string-width"];
const lazyVendors = {
  name: "lazy-vendors",
  setup(b) {
    // The getters' own require, of the vendor bundle next to this one.
    b.onResolve({ filter: /^\.\/vendor-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onResolve({ filter: /\/vendor\/[a-z-]+\.js$/ }, (args) => {
      const name = basename(args.path, ".js");
      return LAZY_VENDORS.includes(name) ? { path: name, namespace: "lazy-vendor" } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-vendor" }, async (args) => {
      const source = readFileSync(`${root}src/vendor/${args.path}.ts`, "utf8");
      const names = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        m[1].split(",").map((s) =>
          s
            .trim()
            .split(/\s+as\s+/)
            .pop(),
        ),
      );
      const getters = names.map((k) => `  get ${k}() { return load().${k}; },`).join("\n");
      return {
        loader: "js",
        contents: `"use strict";\nlet m;\nconst load = () => (m ??= require("./vendor-${args.path}.cjs"));\nmodule.exports = {\n${getters}\n};\n`,
      };
    });
  },
};

/**
 * The message catalog (src/cli/catalog.ts, 160 KB of the main bundle once escaped to ASCII,
 * and its strings a good part of the code cache every start deserialises) is read only when
 * the messages are Japanese (src/cli/i18n.ts useLang): it is a bundle of its own,
 * dist/catalog.cjs, and i18n's import of it a module whose CATALOG requires it when first read.
 */
const lazyCatalog = {
  name: "lazy-catalog",
  setup(b) {
    b.onResolve({ filter: /^\.\/catalog\.js$/ }, (args) =>
      args.importer.endsWith(join("src", "cli", "i18n.ts"))
        ? { path: "catalog", namespace: "lazy-catalog" }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/catalog\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: "lazy-catalog" }, () => ({
      loader: "js",
      contents: `"use strict";\nlet m;\nmodule.exports = {\n  get CATALOG() { return (m ??= require("./catalog.cjs")).CATALOG; },\n};\n`,
    }));
  },
};
await build({ ...common, entryPoints: ["src/cli/catalog.ts"], outfile: "dist/catalog.cjs" });

/** Imports of src/vendor/X.js become require("./vendor-X.cjs"), resolved next to the bundle. */
const vendorAsExternal = {
  name: "vendor-as-external",
  setup(b) {
    b.onResolve({ filter: /\/vendor\/[a-z-]+\.js$/ }, (args) => ({
      path: `./vendor-${basename(args.path, ".js")}.cjs`,
      external: true,
    }));
  },
};

/**
 * node:crypto and node:child_process cost a few milliseconds to load (child_process brings
 * net, dgram and the stream machinery), and most commands never use them: commander requires
 * child_process only to run external sub-commands, which taskgate has none of; crypto is for
 * the log's hash chain and the memo's key; zlib only for the shared board's writes
 * (docs/share.md). In the bundle, each becomes a module whose exports
 * are getters that require the real one on first use. The sources keep plain imports (the
 * tests run them as they are).
 */
// Their export names come from a list kept beside this script (made from Node 20's modules),
// not from the Node running the build: another Node's list would give another bundle, and the
// committed bundle must be what any contributor's build makes (scripts/check-dist.mjs). A
// getter for a name some Node lacks answers undefined, as the real module would.
const LAZY_NAMES = JSON.parse(readFileSync(`${root}scripts/lazy-builtins.json`, "utf8"));
const LAZY_BUILTINS = Object.keys(LAZY_NAMES);
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    b.onResolve({ filter: /^(node:)?(crypto|child_process|zlib)$/ }, (args) =>
      // The getters' own require is of the real module.
      args.namespace === "lazy-builtin"
        ? { path: args.path, external: true }
        : { path: `node:${args.path.replace(/^node:/, "")}`, namespace: "lazy-builtin" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => {
      if (!LAZY_BUILTINS.includes(args.path)) throw new Error(`lazy-builtin: unexpected ${args.path}`);
      const names = LAZY_NAMES[args.path];
      const getters = names.map((k) => `  get ${k}() { return load().${k}; },`).join("\n");
      return {
        loader: "js",
        contents: `"use strict";\nlet m;\nconst load = () => (m ??= require(${JSON.stringify(args.path)}));\nmodule.exports = {\n${getters}\n};\n`,
      };
    });
  },
};

/**
 * chalk's colour detection calls tty.isatty(1) and (2) when it loads, and node:tty brings net
 * and the streams with it (2-3 ms) on every start, though taskgate always gives chalk its
 * level. For chalk, node:tty is a module whose isatty answers false without loading it where
 * that is certain (a descriptor that is not a character device, or is /dev/null) and asks
 * node:tty otherwise; anything else it has comes from node:tty, loaded on first use.
 */
const chalkTty = {
  name: "chalk-tty",
  setup(b) {
    b.onResolve({ filter: /^(node:)?tty$/ }, (args) =>
      args.importer.includes(`${join("node_modules", "chalk")}`) ? { path: "tty", namespace: "chalk-tty" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "chalk-tty" }, () => ({
      loader: "js",
      contents: `"use strict";
const fs = require("node:fs");
let tty;
const real = () => (tty ??= require("node:tty"));
function isatty(fd) {
  try {
    const st = fs.fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    const devNull = fs.statSync("/dev/null");
    if (st.rdev === devNull.rdev && st.ino === devNull.ino) return false;
  } catch {
    // Not a descriptor, or no /dev/null here: node:tty says.
  }
  return real().isatty(fd);
}
module.exports = {
  isatty,
  get ReadStream() { return real().ReadStream; },
  get WriteStream() { return real().WriteStream; },
};
`,
    }));
  },
};

/**
 * @noble/hashes (SHA-256 of short texts, src/io/hash.ts) reads globalThis.crypto when it loads,
 * for random bytes taskgate never asks it for, and in Node that getter loads WebCrypto (2-3
 * ms). For it, that module is one with no WebCrypto.
 */
const nobleNoWebCrypto = {
  name: "noble-no-webcrypto",
  setup(b) {
    b.onResolve({ filter: /^@noble\/hashes\/crypto(\.js)?$/ }, () => ({ path: "crypto", namespace: "noble-crypto" }));
    b.onLoad({ filter: /.*/, namespace: "noble-crypto" }, () => ({
      loader: "js",
      contents: `"use strict";\nexports.crypto = undefined;\n`,
    }));
  },
};

// The build's identity: a hash of every source file. Memos made by one build are never used
// by another (src/io/memo.ts), so a change to the code can never meet an old memo.
const sources = readdirSync(`${root}src`, { recursive: true })
  .filter((f) => f.endsWith(".ts"))
  .sort();
const hash = createHash("sha256");
for (const f of sources) hash.update(`${f}\n`).update(readFileSync(`${root}src/${f}`));
hash.update(readFileSync(`${root}package.json`));
// The dependencies' exact versions too: an update within package.json's ranges is new code.
hash.update(readFileSync(`${root}package-lock.json`));

await build({
  ...common,
  // quick-status: `status` on an unchanged board, with none of the rest (src/cli/quick-status.ts).
  entryPoints: { taskgate: "src/cli/entry.ts", "quick-status": "src/cli/quick-status.ts" },
  define: { __TASKGATE_BUILD__: JSON.stringify(hash.digest("hex").slice(0, 16)) },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  sourcemap: "linked",
  plugins: [lazyVendors, vendorAsExternal, lazyCatalog, lazyBuiltins, chalkTty, nobleNoWebCrypto],
});

// Every bundle in ASCII (esbuild escapes strings, not comments): a single "─" in a comment made
// Node read the whole 1 MB main bundle as a two-byte string, which V8 then scans and keeps
// at twice the size on every start. Each UTF-16 unit becomes its \u escape, which means the
// same in a string, a regular expression or a name, and is just text in a comment (where
// esbuild left them all).
for (const f of readdirSync(`${root}dist`).filter((f) => f.endsWith(".cjs"))) {
  const file = `${root}dist/${f}`;
  const text = readFileSync(file, "utf8");
  if (/[\u0080-\uffff]/.test(text))
    writeFileSync(
      file,
      text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    );
}

// The code caches: run the CLI with the cache writer on, first a write and an automatic
// approval in a throwaway repository (they load the lock library and the YAML parser), then
// a read of this repository's own board, whose cache of the main bundle is the one kept.
// Exit codes do not matter here; a missing cache only costs start-up time.
const cli = (cwd, ...args) =>
  spawnSync(process.execPath, [`${root}bin/taskgate.cjs`, ...args], {
    cwd,
    env: { ...process.env, TASKGATE_WRITE_CODE_CACHE: "1", TASKGATE_ACTOR: "build", TASKGATE_LANG: lang },
    stdio: "ignore",
  });
let lang = "en";
const scratch = mkdtempSync(join(tmpdir(), "taskgate-build-"));
try {
  spawnSync("git", ["init", "-q"], { cwd: scratch, stdio: "ignore" });
  cli(scratch, "init");
  cli(scratch, "add", "warm the cache", "--labels", "docs");
  cli(scratch, "approvals", "auto");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// The catalog's cache, from a run in Japanese (before the last run: its main bundle's cache is kept).
lang = "ja";
cli(root, "--dir", root, "status");
lang = "en";
cli(root, "--dir", root, "status", "--json");
// Now the memo answers: the quick status's cache, from a status it answers whole, in Japanese
// (the team's language: its translation is compiled into the cache too; an English status
// uses a part of what that one runs).
lang = "ja";
cli(root, "--dir", root, "status");
