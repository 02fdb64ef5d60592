// The value rule and the terminal escaping of rules/values.ts, and the ID sources of
// ledger/entry-ids.ts (headings that look like entries, the log's add lines).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { likelyEntryId, loggedAdds } from "../../src/ledger/entry-ids.js";
import { describeCharacter, forbiddenCharacter, singleLineProblem, terminalText } from "../../src/rules/values.js";

describe("singleLineProblem", () => {
  it("names the field and the character of every line break", () => {
    const breaks: [string, string][] = [
      ["\n", "U+000A LINE FEED"],
      ["\r", "U+000D CARRIAGE RETURN"],
      ["\u000b", "U+000B LINE TABULATION"],
      ["\u000c", "U+000C FORM FEED"],
      ["\u0085", "U+0085 NEXT LINE"],
      ["\u2028", "U+2028 LINE SEPARATOR"],
      ["\u2029", "U+2029 PARAGRAPH SEPARATOR"],
    ];
    for (const [ch, name] of breaks) {
      expect(singleLineProblem("reason", `line${ch}two`)).toBe(
        `reason contains ${name}; it must be one line of text, without line breaks`,
      );
    }
  });
  it("refuses other controls and halves of surrogate pairs, accepts the rest of Unicode", () => {
    expect(singleLineProblem("title", "x\u001b[31mred")).toMatch(
      /^title contains U\+001B ESCAPE; .*control characters$/,
    );
    expect(singleLineProblem("title", "tab\there")).toMatch(/U\+0009 CHARACTER TABULATION/);
    expect(singleLineProblem("title", "del\u007f")).toMatch(/U\+007F DELETE/);
    expect(singleLineProblem("title", "c1\u009b")).toMatch(/U\+009B CONTROL SEQUENCE INTRODUCER/);
    expect(singleLineProblem("title", "half\ud800")).toMatch(/U\+D800 \(half of a surrogate pair\)/);
    expect(singleLineProblem("title", "\udc00half")).toMatch(/U\+DC00/);
    for (const ok of ["Résumé ✓", "🚀 emoji pair", "\u202eoverride", "a\u00a0b", "\u200f", "日本語", ""]) {
      expect(singleLineProblem("title", ok)).toBeUndefined();
    }
  });
  it("accepts exactly the strings that survive UTF-8 and have no control or separator", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const clean = Buffer.from(s, "utf8").toString("utf8") === s && !/[\p{Cc}\u2028\u2029]/u.test(s);
        expect(forbiddenCharacter(s) === undefined).toBe(clean);
      }),
      { seed: 27, numRuns: 2000 },
    );
  });
  it("describes unnamed controls too", () => {
    expect(describeCharacter(0x90)).toBe("U+0090 (a control character)");
  });
});

describe("terminalText", () => {
  it("escapes controls, separators and bidi overrides; keeps the rest", () => {
    expect(terminalText("a\u001b[31mb\u0007")).toBe("a\\x1B[31mb\\x07");
    expect(terminalText("x\u202ey\u2066z\u2028")).toBe("x\\u202Ey\\u2066z\\u2028");
    expect(terminalText("line\nnext\ttab")).toBe("line\\x0Anext\\x09tab");
    expect(terminalText("line\r\nnext\ttab\rcr", true)).toBe("line\r\nnext\ttab\\x0Dcr");
    expect(terminalText("🚀 é \u200f")).toBe("🚀 é \u200f");
    expect(terminalText("lone\ud800")).toBe("lone\\uD800");
  });
  it("never leaves a raw control, separator or override, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), (s, multi) => {
        const out = terminalText(s, multi);
        const left = multi ? out.replace(/\r\n|\n|\t/g, "") : out;
        expect(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(left)).toBe(false);
        expect(Buffer.from(out, "utf8").toString("utf8")).toBe(out);
      }),
      { seed: 27, numRuns: 2000 },
    );
  });
});

describe("likelyEntryId", () => {
  it("names the ID a mistyped heading meant", () => {
    for (const [name, id] of [
      ["T_3", "T-3"],
      ["t-3", "T-3"],
      ["T-3x", "T-3"],
      ["T- 3", "T-3"],
      ["T_3! task 3", "T-3"],
      ["T3 title", "T-3"],
      ["T—12 em dash", "T-12"],
      ["T-007", "T-7"],
    ]) {
      expect(likelyEntryId(name as string, "T"), name).toBe(id);
    }
  });
  it("leaves other sections alone", () => {
    for (const name of ["Notes", "Todo 2", "Timeline", "Tasks 2026", "T", "Policy", "A-3"]) {
      expect(likelyEntryId(name, "T"), name).toBeUndefined();
    }
  });
});

describe("loggedAdds", () => {
  it("reads add lines only where add is the action", () => {
    const log = [
      "## Log",
      "- 2026-01-05T10:00:00Z alice CMD add T-1 title=a state=PLAN ~ 000000000000",
      '- 2026-01-05T10:00:00Z alice CMD set T-1 title="x add T-9 y" ~ 000000000000',
      "* 2026-01-05T10:00:00Z bob WORK add T-12 title=b state=PLAN ~ 000000000000\r",
      "- 2026-01-05T10:00:00Z bob WORK add T-13x title=b ~ 000000000000",
      "- 2026-01-05T10:00:00Z bob  WORK add T-14 title=b ~ 000000000000",
      "",
    ].join("\n");
    expect(loggedAdds(log, 0, log.length).map((a) => a.n)).toEqual([1, 12]);
  });
});
