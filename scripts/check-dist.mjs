// CI's check that the bundle git serves is what the sources build. A git install runs the
// committed dist/*.cjs with no build step (no `prepare` script: npm cannot run one for a
// global install from git, and npm 11 warns about every install script), so a commit whose
// sources changed without its bundle would ship old code. `npm test` runs this after
// `npm run bundle`: any dist/*.cjs that differs from git's index (what is committed, or staged
// to be), is missing from it, or is there without being built, fails the run.
// The build is deterministic (scripts/build.mjs), so a fresh build of committed sources
// gives the committed bytes. Fix: `npm run bundle && git add dist` and commit.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const git = (...args) => spawnSync("git", args, { cwd: root, encoding: "utf8" });

const inside = git("rev-parse", "--is-inside-work-tree");
if (inside.status !== 0 || inside.stdout.trim() !== "true") {
  process.stdout.write("check-dist: not a git checkout, so there is no committed bundle to compare\n");
  process.exit(0);
}
// Changed or deleted against the index, and built but never added.
const changed = git("diff", "--name-only", "--", "dist/*.cjs");
const added = git("ls-files", "--others", "--exclude-standard", "--", "dist/*.cjs");
for (const r of [changed, added]) {
  if (r.status !== 0) {
    process.stderr.write(`check-dist: git failed: ${r.stderr.trim()}\n`);
    process.exit(6);
  }
}
const stale = [...changed.stdout.split("\n"), ...added.stdout.split("\n")].filter(Boolean).sort();
if (stale.length > 0) {
  process.stderr.write(
    `check-dist: the committed bundle is not what the sources build (${stale.join(", ")} ${stale.length === 1 ? "differs" : "differ"}); run \`npm run bundle && git add dist\` and commit it\n`,
  );
  process.exit(1);
}
process.stdout.write("check-dist: dist/*.cjs is what the sources build\n");
