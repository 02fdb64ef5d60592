// npm run mutate: mutation testing of the pure layers with StrykerJS (stryker.config.mjs),
// then each file's score, failing when a promise file is under 90% (issue #31).
//
//   node scripts/mutate.mjs                      every file of src/rules and src/ledger
//   node scripts/mutate.mjs src/rules/gate.ts    only these files
//   node scripts/mutate.mjs --since origin/main  only the files a change touched: those that
//                                                differ from the merge base with REF, committed
//                                                or not (nothing to mutate: exit 0)
//   node scripts/mutate.mjs --no-check           report the scores without failing
//
// Every other option goes to Stryker (e.g. --concurrency 1). Runs are incremental: the results
// are kept in .stryker/incremental.json (gitignored), and a mutant whose code and covering
// tests did not change since is not run again (--force runs them all).

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPORT = join(ROOT, ".stryker", "report", "mutation.json");
const MUTABLE = /^src\/(rules|ledger)\/[^/]+\.ts$/;
/** The files whose score must stay at or above the bar: the project's promises. */
const PROMISES = [
  /^src\/rules\/gate\.ts$/,
  /^src\/rules\/lease\.ts$/,
  /^src\/rules\/roles\.ts$/,
  /^src\/rules\/workflow\.ts$/,
  /^src\/rules\/judge(-[a-z-]+)?\.ts$/,
  /^src\/rules\/approval-rules\.ts$/,
  /^src\/rules\/recover\.ts$/,
];
const BAR = 90;

function usage(message) {
  process.stderr.write(
    `mutate: ${message}\nusage: npm run mutate -- [--since REF] [--no-check] [FILE...] [STRYKER OPTIONS]\n`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let since;
let check = true;
const files = [];
const passOn = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--since") {
    since = args[++i];
    if (!since) usage("--since needs a git ref, e.g. --since origin/main");
  } else if (a.startsWith("--since=")) since = a.slice("--since=".length);
  else if (a === "--no-check") check = false;
  else if (a.startsWith("-")) {
    passOn.push(a);
    // Stryker's options that take a value as the next argument.
    if (!a.includes("=") && i + 1 < args.length && !args[i + 1].startsWith("-") && !MUTABLE.test(args[i + 1])) {
      passOn.push(args[++i]);
    }
  } else {
    const file = a.replaceAll("\\", "/").replace(/^\.\//, "");
    if (!MUTABLE.test(file)) usage(`${a} is not a file of src/rules or src/ledger`);
    if (!existsSync(join(ROOT, file))) usage(`${a} does not exist`);
    files.push(file);
  }
}

const git = (...a) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
if (since !== undefined) {
  let base;
  try {
    base = git("merge-base", since, "HEAD").trim();
  } catch {
    usage(`${since} is not a git ref this repository knows (fetch it first?)`);
  }
  // Changed since the merge base: committed, staged, unstaged and new files.
  const changed = new Set(
    [
      ...git("diff", "--name-only", "--diff-filter=d", base).split("\n"),
      ...git("ls-files", "--others", "--exclude-standard").split("\n"),
    ].filter((f) => MUTABLE.test(f) && existsSync(join(ROOT, f))),
  );
  for (const f of changed) if (!files.includes(f)) files.push(f);
  if (files.length === 0) {
    process.stdout.write(`mutate: no file of src/rules or src/ledger changed since ${since}; nothing to mutate\n`);
    process.exit(0);
  }
}

const stryker = ["run", "stryker.config.mjs", "--incremental", ...passOn];
if (files.length) stryker.push("--mutate", files.join(","));
process.stdout.write(`mutate: ${files.length ? files.join(" ") : "src/rules and src/ledger"}\n`);
const started = Date.now();
const run = spawnSync(join(ROOT, "node_modules", ".bin", "stryker"), stryker, { cwd: ROOT, stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);

// Each file's score as Stryker counts it: killed and timed out over all but ignored and
// the mutants that do not compile.
const report = JSON.parse(readFileSync(REPORT, "utf8"));
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
const rows = [];
for (const [path, file] of Object.entries(report.files)) {
  const rel = path.replaceAll("\\", "/").replace(/^.*?(src\/)/, "$1");
  if (files.length && !files.includes(rel)) continue;
  let detected = 0;
  let undetected = 0;
  for (const m of file.mutants) {
    if (DETECTED.has(m.status)) detected++;
    else if (UNDETECTED.has(m.status)) undetected++;
  }
  const total = detected + undetected;
  rows.push({ rel, detected, total, score: total ? (100 * detected) / total : 100 });
}
rows.sort((a, b) => a.rel.localeCompare(b.rel));
const low = [];
process.stdout.write("\nfile                                  killed / mutants  score\n");
for (const r of rows) {
  const promise = PROMISES.some((p) => p.test(r.rel));
  if (promise && r.score < BAR) low.push(r);
  process.stdout.write(
    `${r.rel.padEnd(38)}${String(r.detected).padStart(6)} / ${String(r.total).padEnd(8)}${r.score.toFixed(1).padStart(6)}%${promise ? (r.score < BAR ? "  under 90%" : "") : "  (not a promise file)"}\n`,
  );
}
process.stdout.write(`mutate: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
if (check && low.length) {
  process.stderr.write(
    `mutate: ${low.map((r) => r.rel).join(", ")} ${low.length > 1 ? "are" : "is"} under ${BAR}%: kill the survivors listed above with unit tests (or mark a truly equivalent mutant with // Stryker disable next-line ... : why)\n`,
  );
  process.exit(1);
}
