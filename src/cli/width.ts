// Display width: how many terminal columns a text takes. East Asian Wide and Fullwidth
// characters take 2, combining marks 0, an emoji (ZWJ sequences, flags, variation selectors)
// 2. Every column of taskgate's terminal output is laid out with these, never with string
// length: 自動承認 is 4 characters and 8 columns.
//
// Text of printable ASCII, Latin, kana, kanji, hangul syllables and fullwidth forms (one
// column or two per code point, no sequences) is measured here with get-east-asian-width's
// table; anything else (emoji, combining marks, joiners, variation selectors) by string-width,
// which segments it into grapheme clusters. Both are maintained libraries; string-width is
// loaded only when such text is met, as it costs 20 ms to load (src/vendor/string-width.ts).

import { eastAsianWidth } from "get-east-asian-width";
import { stringWidth } from "../vendor/string-width.js";

/** A code point that is one grapheme on its own and whose width its East Asian Width gives. */
function simple(cp: number): boolean {
  if (cp < 0x300) return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp !== 0xad);
  if (cp >= 0x3000 && cp <= 0x9fff)
    return !(cp >= 0x302a && cp <= 0x302f) && cp !== 0x3099 && cp !== 0x309a && cp !== 0x3030 && cp !== 0x303d;
  return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xff01 && cp <= 0xffee);
}

/** The width of a text of simple code points, or -1 when it has another. */
function simpleWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0x20 && cp < 0x7f) w++;
    else if (simple(cp)) w += eastAsianWidth(cp);
    else return -1;
  }
  return w;
}

/** Columns the text takes on a terminal (colour escapes take none). */
export function displayWidth(text: string): number {
  const w = simpleWidth(text);
  return w >= 0 ? w : stringWidth(text);
}

/** The text, padded with spaces on the right to `width` columns (as is when it is wider). */
export function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + " ".repeat(width - w);
}

/** The text, padded with spaces on the left to `width` columns. */
export function padStart(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : " ".repeat(width - w) + text;
}

let segmenter: Intl.Segmenter | undefined;

/** The text's grapheme clusters: what a reader sees as one character (👨‍👩‍👧, が, 🇯🇵). */
export function graphemes(text: string): string[] {
  if (simpleWidth(text) >= 0) return Array.from(text); // each code point is a cluster
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The text cut to at most `width` columns, ending with `…` where it was cut; a grapheme
 * cluster is kept whole or left out, never split. (The result may be a column short of
 * `width` when a 2-column character did not fit; pad it with padEnd where columns matter.)
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (displayWidth(text) <= width) return text;
  const room = width - 1; // for the …
  let used = 0;
  let kept = "";
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > room) break;
    used += w;
    kept += g;
  }
  return `${kept}…`;
}

/** truncate, then padEnd: exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  return padEnd(truncate(text, width), width);
}
