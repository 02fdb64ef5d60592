// npm run mutate: mutation testing of the pure layers with StrykerJS (stryker.config.mjs),
// then each file's score, failing when a promise file is under 90% (issue #31).
//
//   node scripts/mutate.mjs                      every file of src/rules and src/ledger
//   node scripts/mutate.mjs src/rules/gate.ts    only these files
//   node scripts/mutate.mjs --since origin/main  only the files a change touched: those that
//                                                differ from the merge base with REF, committed
//                                                or not (nothing to mutate: exit 0)
//   node scripts/mutate.mjs --no-check           report the scores without failing
//   node scripts/mutate.mjs --ci                 what CI runs: only the promise files whose
//                                                source differs from the one their score was
//                                                recorded for (nothing changed: exit 0 at once)
//
// Every other option goes to Stryker (e.g. --concurrency 1). Runs are incremental: the results
// are kept in .stryker/incremental.json (gitignored), and a mutant whose code and covering
// tests did not change since is not run again (--force runs them all).
//
// Every run records each promise file's score with the SHA-256 of the source (and of the unit
// tests importing it) it was measured on in test/mutation-scores.json (committed, so a change to a promise file shows its score in
// the same commit). CI (.ci/run) runs --ci: a promise file whose source is not the recorded one
// (or has no record, or a recorded score under the bar) is mutated again and must reach it.

import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPORT = join(ROOT, ".stryker", "report", "mutation.json");
const RECORD = join(ROOT, "test", "mutation-scores.json");
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

/**
 * What a recorded score stands for: the SHA-256 of the promise file's source and of every unit
 * test that imports it (line ends as LF, so a checkout with CRLF measures the same), so that
 * weakening or deleting those tests also makes CI measure the file again. (A test that reaches
 * the file only through another module is not counted: say so in review.)
 */
function sourceHash(file) {
  const read = (f) => readFileSync(join(ROOT, f), "utf8").replaceAll("\r\n", "\n");
  const module = `${file.replace(/^src\//, "").replace(/\.ts$/, "")}.js"`;
  const tests = readdirSync(join(ROOT, "test", "unit"))
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => `test/unit/${f}`)
    .filter((f) => read(f).includes(module))
    .sort();
  const h = createHash("sha256");
  for (const f of [file, ...tests]) h.update(`${f}\0${read(f)}\0`);
  return h.digest("hex");
}
const readRecord = () => (existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, "utf8")) : {});
const isPromise = (file) => PROMISES.some((p) => p.test(file));

const args = process.argv.slice(2);
let since;
let ci = false;
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
  else if (a === "--ci") ci = true;
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

if (ci) {
  const record = readRecord();
  const promises = readdirSync(join(ROOT, "src", "rules"))
    .map((f) => `src/rules/${f}`)
    .filter(isPromise)
    .sort();
  const stale = promises.filter((f) => {
    const r = record[f];
    return !r || r.sha256 !== sourceHash(f) || r.score < BAR;
  });
  for (const f of promises.filter((x) => !stale.includes(x)))
    process.stdout.write(`mutate: ${f} unchanged since its recorded score, ${record[f].score.toFixed(1)}%\n`);
  if (stale.length === 0) {
    process.stdout.write("mutate: every promise file is as its score was recorded; nothing to mutate\n");
    process.exit(0);
  }
  for (const f of stale) if (!files.includes(f)) files.push(f);
}

// The sources as they are when the run starts: the scores are theirs.
const hashes = new Map(files.filter(isPromise).map((f) => [f, sourceHash(f)]));
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

// The promise files' scores, each with the source it was measured on (sorted, so the file
// changes only where a score or a source did).
const record = readRecord();
for (const r of rows) {
  if (!isPromise(r.rel)) continue;
  const sha256 = hashes.get(r.rel) ?? sourceHash(r.rel);
  record[r.rel] = { sha256, killed: r.detected, mutants: r.total, score: Math.round(r.score * 10) / 10 };
}
writeFileSync(
  RECORD,
  `${JSON.stringify(Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`,
);
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
