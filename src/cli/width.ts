// Display width: how many terminal columns a text takes. East Asian Wide and Fullwidth
// characters take 2, combining marks 0, an emoji (ZWJ sequences, flags, variation selectors)
// 2, as string-width (a maintained library, over get-east-asian-width) counts them. Every
// column of taskgate's terminal output is laid out with these, never with string length:
// 自動承認 is 4 characters and 8 columns.

import stringWidth from "string-width";

/** Columns the text takes on a terminal (colour escapes take none). */
export function displayWidth(text: string): number {
  // Plain ASCII without escapes: its length (the common case, and no segmenting).
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return stringWidth(text);
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
