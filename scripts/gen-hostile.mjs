// Generates hostile TASKS.md files for the bench and the tests (issue #20): a small valid
// board whose preamble (the text before the first section) carries one kind of pathological
// Markdown, grown to about `bytes` bytes. Each kind is what makes some Markdown readers
// super-linear: deeply nested containers, one giant line, long runs of brackets, emphasis
// delimiters and HTML openings. Deterministic, and independent of src/ (the log's hash chain
// is computed here from the documented rule).

import { createHash } from "node:crypto";

const iso = (ms) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function chained(bodies) {
  let previous = "";
  return bodies.map((body) => {
    previous = createHash("sha256").update(`${previous}\n${body}`).digest("hex").slice(0, 12);
    return `- ${body} ~ ${previous}`;
  });
}

/** Repeats `unit(i)` until the text reaches about `bytes` characters. */
function fill(bytes, unit) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = unit(i);
    parts.push(s);
    size += s.length;
  }
  return parts.join("");
}

/** The kinds of hostile preamble, each about `bytes` characters. */
export const HOSTILE_KINDS = {
  // The file: line i is an item nested i deep ("  " * i + "- x").
  nesting: (bytes) => fill(bytes, (i) => `${" ".repeat(2 * i)}- x\n`),
  // Quotes nested ever deeper: line i is i+1 ">" then text.
  quotes: (bytes) => fill(bytes, (i) => `${"> ".repeat(i + 1)}x\n`),
  // One line of the whole size (a paste without line breaks).
  "giant-line": (bytes) => `${fill(bytes, (i) => (i % 16 === 15 ? "word " : "abcdefgh "))}\n`,
  // Long runs of opening brackets, link openings and closings, on long lines.
  brackets: (bytes) => fill(bytes, (i) => `${"[".repeat(500)}a${"](".repeat(200)}${i % 2 ? "]" : ")"}\n\n`),
  // Emphasis delimiters that never match, in long runs.
  emphasis: (bytes) => fill(bytes, (i) => `${"*a_".repeat(300)}${"**_".repeat(100)} x${i}\n\n`),
  // HTML openings, unclosed tags and attributes, comments that close late.
  html: (bytes) =>
    fill(
      bytes,
      (i) => `<div a="${i}" ${"b=c ".repeat(50)}\n<a href="x" ${"<".repeat(100)}>\n<!-- ${"-".repeat(50)} -->\n\n`,
    ),
};

/**
 * A TASKS.md of about `bytes` characters: the hostile preamble of `kind`, then three valid
 * tasks, then a valid log. `readyIds` are the READY tasks (a write can claim or set them).
 */
export function hostileTasks(kind, bytes) {
  const make = HOSTILE_KINDS[kind];
  if (!make) throw new Error(`unknown hostile kind ${kind}`);
  const t0 = Date.UTC(2025, 0, 1, 8);
  const tasks = [1, 2, 3].map((n) => ({ n, title: `Task ${n}`, created: iso(t0 + n * 60_000) }));
  const log = chained([
    `${iso(t0)} alice CMD init TASKS.md`,
    ...tasks.map((t) => `${t.created} alice CMD add T-${t.n} title=${JSON.stringify(t.title)} state=READY`),
  ]);
  const text = [
    "# Tasks",
    "",
    make(bytes),
    ...tasks.flatMap((t) => [`## T-${t.n} ${t.title}`, "- state: READY", `- created: ${t.created}`, ""]),
    "## Log",
    ...log,
    "",
  ].join("\n");
  return { tasks: text, readyIds: tasks.map((t) => `T-${t.n}`) };
}

/** A valid APPROVALS.md that gives alice every role. */
export function plainApprovals() {
  const log = chained([`${iso(Date.UTC(2025, 0, 1, 8))} alice CMD init APPROVALS.md`]);
  return ["# Approvals", "", "## Roles", "- alice: CMD, WORK, AUDIT", "", "## Log", ...log, ""].join("\n");
}
