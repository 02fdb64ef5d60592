// Display width (src/cli/width.ts): columns as a terminal shows them, and cuts that keep
// grapheme clusters whole.

import { describe, expect, it } from "vitest";
import { displayWidth, fitWidth, graphemes, padEnd, truncate } from "../../src/cli/width.js";

describe("displayWidth", () => {
  it("counts East Asian Wide and Fullwidth as 2, combining marks as 0, emoji sequences and flags as 2", () => {
    const cases: [string, number][] = [
      ["abc", 3],
      ["", 0],
      ["自動承認", 8],
      ["セッション", 10],
      ["ｱｲｳ", 3], // halfwidth katakana
      ["ＡＢ", 4], // fullwidth Latin
      ["한국어", 6],
      ["か\u3099", 2], // か + combining dakuten: one cluster, 2 columns
      ["e\u0301", 1], // e + combining acute
      ["📋", 2],
      ["👨‍👩‍👧", 2], // a ZWJ sequence
      ["🇯🇵", 2], // a flag
      ["❤️", 2], // a variation selector makes it emoji
      ["📋 要約を書く", 13],
      ["\x1b[31m赤\x1b[39m", 2], // colour takes no columns
      ["café", 4],
      ["…", 1],
      ["─", 1],
    ];
    for (const [text, cols] of cases) expect(displayWidth(text), JSON.stringify(text)).toBe(cols);
  });
});

describe("truncate and pad", () => {
  it("cuts by columns with …, keeping clusters whole, and pads to an exact width", () => {
    expect(truncate("自動承認ルールの実装", 9)).toBe("自動承認…");
    expect(displayWidth(truncate("自動承認ルールの実装", 10))).toBe(9); // a wide character did not fit
    expect(fitWidth("自動承認ルールの実装", 10)).toBe("自動承認… ");
    expect(displayWidth(fitWidth("自動承認ルールの実装", 10))).toBe(10);
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("anything", 0)).toBe("");
    expect(padEnd("表", 4)).toBe("表  ");
    const family = "👨‍👩‍👧‍👦";
    for (let w = 1; w <= 12; w++) {
      const cut = truncate(`${family}🇯🇵${family}🇯🇵か\u3099${family}`, w);
      expect(displayWidth(cut), `width ${w}`).toBeLessThanOrEqual(w);
      // What is kept is whole clusters of the original, then the ellipsis.
      const kept = graphemes(cut.replace(/…$/, ""));
      for (const g of kept) expect([family, "🇯🇵", "か\u3099"]).toContain(g);
    }
  });
});
