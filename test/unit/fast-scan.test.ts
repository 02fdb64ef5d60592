// The scanner's fast path must see exactly what the full scanner sees whenever it answers,
// and must answer for the plain ledgers taskgate writes; the hand-written field-line reader
// must match the grammar's regular expression exactly.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanBlocks } from "../../src/ledger/blocks.js";
import { parseFieldLine } from "../../src/ledger/document.js";
import { scanSimple } from "../../src/ledger/fast-scan.js";
import { generatedLedgerText } from "../support/gen-ledger.js";
import { FIXTURES } from "../support/paths.js";

function expectSame(text: string): boolean {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fast = scanSimple(text, from);
  if (!fast) return false;
  const full = scanBlocks(text, from);
  expect(fast.lineStarts).toEqual(full.lineStarts);
  expect(fast.lineEnds).toEqual(full.lineEnds);
  expect(fast.headings).toEqual(full.headings);
  expect(full.setext).toEqual([]);
  expect(full.unclosed).toBeUndefined();
  return true;
}

describe("fast scan", () => {
  it("agrees with the full scanner on every fixture it answers for", () => {
    let answered = 0;
    for (const dir of ["valid", "invalid", "edits"]) {
      for (const f of readdirSync(join(FIXTURES, dir)).filter((x) => x.endsWith(".md"))) {
        if (expectSame(readFileSync(join(FIXTURES, dir, f), "utf8"))) answered++;
      }
    }
    expect(answered).toBeGreaterThan(10);
  });

  it("answers for a ledger as taskgate writes it, and agrees", () => {
    const lines = ["# Tasks", "", "## Policy", "- lease: 30m", ""];
    for (let i = 1; i <= 200; i++) {
      lines.push(`## T-${i} Task number ${i}`, "- state: READY", "- labels: a, b", "", "Some text.", "");
    }
    lines.push("## Log", "- 2026-11-24T09:00:00Z bob WORK claim T-1 ~ 0123456789ab", "");
    expect(expectSame(lines.join("\n"))).toBe(true);
    expect(expectSame(lines.join("\r\n"))).toBe(true);
  });

  it("agrees with the full scanner on generated Markdown whenever it answers", () => {
    fc.assert(
      fc.property(generatedLedgerText, (text) => {
        expectSame(text);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["an indented line", "# T\n\n## T-1 a\n- state: READY\n\n    ## T-2 code\n"],
    ["a fence", "## T-1 a\n- state: READY\n\n```\n## T-2 x\n```\n"],
    ["an HTML block", "## T-1 a\n\n<!--\n## T-2\n-->\n"],
    ["a setext underline", "## T-1 a\n\nText\n---\n"],
    ["a quote", "> ## T-1\n"],
    ["a lone CR, which ends a line for Markdown", "## T-1 a\r## T-2 b\n"],
  ])("gives up on %s", (_name, text) => {
    expect(scanSimple(text)).toBeUndefined();
  });
});

describe("field lines", () => {
  // The grammar as a regular expression: the hand-written reader must match it exactly.
  const FIELD = /^[-*+][ \t]+([^\s:][^:]*?):(?:[ \t]+(.*?))?[ \t]*$/;
  const chars = fc.constantFrom("-", "*", "+", " ", "\t", ":", "a", "b", "é", "#", "1");
  it("parseFieldLine reads exactly what the grammar's expression matches", () => {
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 16 }), (line) => {
        const m = FIELD.exec(line);
        const got = parseFieldLine(line, 0, line.length);
        if (!m) expect(got).toBeUndefined();
        else {
          expect(line.slice(got?.keyStart, got?.keyEnd)).toBe(m[1]);
          expect(line.slice(got?.valueStart, got?.valueEnd)).toBe(m[2] ?? "");
        }
      }),
      { numRuns: 3000 },
    );
  });
});
