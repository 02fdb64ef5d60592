// Builds the CLI into dist/ with esbuild. Start-up is what agents and hooks pay hundreds of
// times an hour, so:
// - one CommonJS bundle for our code, commander and chalk (Node loads CommonJS faster than
//   ES modules, and one file means no module resolution);
// - each src/vendor module (the lock library, remark, the YAML parser) in a bundle of its
//   own, required only by the commands that need it;
// - a V8 code cache for the main bundle, made by running the CLI once (bin/taskgate.cjs
//   uses it and falls back to a normal compile when V8 rejects it).
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { basename } from "node:path";
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
  await build({ ...common, entryPoints: [`src/vendor/${name}.ts`], outfile: `dist/vendor-${name}.cjs` });
}

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

await build({
  ...common,
  entryPoints: { taskgate: "src/cli/entry.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  sourcemap: "linked",
  plugins: [vendorAsExternal],
});

// The code cache: run a read command once with the cache writer on. Its exit code does not
// matter (the cache is written either way); a missing cache only costs start-up time.
spawnSync(process.execPath, [`${root}bin/taskgate.cjs`, "--dir", root, "status", "--json"], {
  env: { ...process.env, TASKGATE_WRITE_CODE_CACHE: "1" },
  stdio: "ignore",
});
