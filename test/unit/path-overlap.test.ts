// Glob overlap (rules/path-overlap.ts) against brute force: for generated globs, every path of
// a bounded universe is matched with an independent translation of each glob to a RegExp. When
// the overlap says "none", no path of the universe may match both; when it says "overlap", the
// path it gives as proof must match both (checked with the RegExps, so proofs outside the
// universe count too). Matching a single path is checked the same way.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PathGlob, readPathGlob, readPathList, splitPathList } from "../../src/ledger/path-globs.js";
import { globMatches, globsOverlap } from "../../src/rules/path-overlap.js";

const RUNS = Number(process.env.TASKGATE_PROPERTY_RUNS ?? 300);

// --- an independent reference: glob -> RegExp, with the documented semantics -------------------

/** Brace alternatives here are flat ({a,b}), as the generator makes them. */
function segmentRegex(seg: string): string {
  let out = "";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = seg.indexOf("]", i + 2);
      const body = seg.slice(i + 1, end);
      out += body.startsWith("!") ? `[^/${body.slice(1)}]` : `[${body}]`;
      i = end;
    } else if (c === "{") {
      const end = seg.indexOf("}", i);
      out += `(?:${seg
        .slice(i + 1, end)
        .split(",")
        .map((a) => segmentRegex(a))
        .join("|")})`;
      i = end;
    } else out += c === "." ? "\\." : c;
  }
  return out;
}

/**
 * A glob's RegExp, tested on the path with a "/" after it: each segment is itself and a "/",
 * `**` any number of such segments, and whatever follows what the glob names is reserved too.
 */
function referenceRegex(glob: string): RegExp {
  const body = glob
    .split("/")
    .map((s) => (s === "**" ? "(?:[^/]+/)*" : `${segmentRegex(s)}/`))
    .join("");
  return new RegExp(`^${body}(?:[^/]+/)*$`, "u");
}

const refMatches = (glob: string, path: string) => referenceRegex(glob).test(`${path}/`);

// --- generators -----------------------------------------------------------------------------------

const charTok = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("a", "b", ".") },
  { weight: 2, arbitrary: fc.constant("*") },
  { weight: 2, arbitrary: fc.constant("?") },
  { weight: 1, arbitrary: fc.constantFrom("[ab]", "[!a]", "[a.]", "[!.b]") },
  { weight: 1, arbitrary: fc.constantFrom("{a,b}", "{a,ab}", "{b,.*}") },
);
const segmentArb = fc
  .array(charTok, { minLength: 1, maxLength: 3 })
  .map((t) => t.join(""))
  .filter((s) => !s.includes("**") && s !== "." && s !== "..");
const globArb = fc
  .array(fc.oneof({ weight: 4, arbitrary: segmentArb }, { weight: 1, arbitrary: fc.constant("**") }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((segs) => segs.filter((s, i) => !(s === "**" && segs[i - 1] === "**")).join("/"));

/** Every path of 1 to 3 segments of 1 or 2 of the characters a, b and "." (but "." and ".."). */
const UNIVERSE: string[] = (() => {
  const segs: string[] = [];
  for (const x of ["a", "b", "."]) {
    segs.push(x);
    for (const y of ["a", "b", "."]) segs.push(x + y);
  }
  const ok = segs.filter((s) => s !== "." && s !== "..");
  const out: string[] = [...ok];
  for (const p of ok) for (const q of ok) out.push(`${p}/${q}`);
  for (const p of ok) for (const q of ok) for (const r of ok) out.push(`${p}/${q}/${r}`);
  return out;
})();

const read = (text: string): PathGlob => {
  const r = readPathGlob(text);
  if (!r.ok) throw new Error(`${text}: ${r.problem}`);
  return r.glob;
};

describe("glob overlap against brute force", () => {
  it("the reference agrees with itself on hand-picked cases", () => {
    expect(refMatches("src/**", "src/a/b.ts")).toBe(true);
    expect(refMatches("**/x", "x")).toBe(true);
    expect(refMatches("a/**/b", "a/b")).toBe(true);
    expect(refMatches("a/*.md", "a/b.ts")).toBe(false);
    expect(refMatches("docs", "docs/x.md")).toBe(true);
  });

  it("overlap is never missed in the universe, and every proof matches both globs", () => {
    let overlaps = 0;
    let disjoint = 0;
    fc.assert(
      fc.property(globArb, globArb, (a, b) => {
        const witness = globsOverlap(read(a), read(b));
        if (witness === undefined) {
          disjoint++;
          const common = UNIVERSE.find((p) => refMatches(a, p) && refMatches(b, p));
          expect(common, `${a} and ${b} both match ${common}`).toBeUndefined();
        } else {
          overlaps++;
          expect(refMatches(a, witness), `${a} should match ${witness}`).toBe(true);
          expect(refMatches(b, witness), `${b} should match ${witness}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // Both answers were exercised (the generator is not stuck on one side).
    expect(overlaps).toBeGreaterThan(RUNS / 20);
    expect(disjoint).toBeGreaterThan(RUNS / 20);
  });

  it("overlap is symmetric", () => {
    fc.assert(
      fc.property(globArb, globArb, (a, b) => {
        expect(globsOverlap(read(a), read(b)) === undefined).toBe(globsOverlap(read(b), read(a)) === undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it("matching one path agrees with the reference on every path of the universe", () => {
    fc.assert(
      fc.property(globArb, (g) => {
        const glob = read(g);
        for (const p of UNIVERSE) expect(globMatches(glob, p), `${g} on ${p}`).toBe(refMatches(g, p));
      }),
      { numRuns: Math.max(20, RUNS / 10) },
    );
  });
});

describe("glob overlap by example", () => {
  const overlap = (a: string, b: string) => globsOverlap(read(a), read(b));
  it.each([
    ["src/ledger/**", "src/ledger/tasks.ts", "src/ledger/tasks.ts"],
    ["src/**", "docs/**", undefined],
    ["docs/*.md", "docs/ledger-format.md", "docs/ledger-format.md"],
    ["src/*.ts", "src/*.md", undefined],
    ["src/{a,b}/x.ts", "src/b/*", "src/b/x.ts"],
    ["[!a]*", "a*", undefined],
    ["src/ledger", "src/ledger/tasks.ts", "src/ledger/tasks.ts"],
    ["**/*.md", "docs/x/y.md", "docs/x/y.md"],
    ["docs/日本語/*.md", "docs/*/a.md", "docs/日本語/a.md"],
    ["a/**/b", "a/b", "a/b"],
  ])("%s and %s", (a, b, proof) => {
    expect(overlap(a, b)).toBe(proof);
  });

  it("a proof exists even when the paths must be deeper than either glob names", () => {
    const w = overlap("**/x/**", "a/*/b/**");
    expect(w).toBeDefined();
    expect(refMatches("**/x/**", w as string) && refMatches("a/*/b/**", w as string)).toBe(true);
  });
});

describe("reading a paths value", () => {
  it("splits at commas outside braces and classes", () => {
    expect(splitPathList("src/{a,b}/**, docs/[,]x.md,README.md")).toEqual([
      "src/{a,b}/**",
      "docs/[,]x.md",
      "README.md",
    ]);
  });

  it.each([
    ["/etc/passwd", "starts with /"],
    ["src/../x", '".." folder'],
    ["src//x", "empty folder name"],
    ["src/a**", '"**" stands for whole folders'],
    ["src/[a", "never closed"],
    ["src/{a,b", "never closed"],
    ["src/a}", 'a "}" with no "{"'],
    ["src/[z-a]", "runs backwards"],
    ["{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}", "more than 64 alternatives"],
  ])("%s is refused: %s", (glob, words) => {
    const r = readPathList(glob);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(words);
  });

  it("an empty glob between commas is refused", () => {
    const r = readPathList("src/**,,docs/**");
    expect(r.ok).toBe(false);
  });
});
