// The block scanner's fast path, for the ledgers taskgate itself writes: when no line starts
// with white space, ">", "<", a code fence, or is a run of "=" or "-" alone, no line can be
// inside a code block, an HTML block or a quote, and no container can hold a column-0 line
// (an ATX heading ends any list item and is never a lazy continuation). Then the top-level
// headings are exactly the lines that start with an ATX heading. Otherwise it gives up and
// the full scanner (blocks.ts) runs. Tests check both agree on every fixture and generated
// ledger.

import { atxHeading, type BlockScan, type Heading } from "./blocks.js";

const SPACE = 32;
const TAB = 9;
const CR = 13;
const GT = 62;
const LT = 60;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const DASH = 45;
const EQUALS = 61;

export function scanSimple(text: string, from = 0): BlockScan | undefined {
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  const headings: Heading[] = [];
  const n = text.length;
  let start = from;
  let line = 0;
  while (start < n) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    lineStarts.push(start);
    lineEnds.push(end);
    if (end > start) {
      const c = text.charCodeAt(start);
      if (c === SPACE || c === TAB || c === GT || c === LT || c === CR) return undefined;
      if (c === HASH) {
        const h = atxHeading(text, start, end);
        if (h) headings.push({ line, level: h.level, textStart: h.start, textEnd: h.end });
      } else if (c === BACKTICK || c === TILDE) {
        if (end - start >= 3 && text.charCodeAt(start + 1) === c && text.charCodeAt(start + 2) === c) return undefined;
      } else if (c === DASH || c === EQUALS) {
        // A line of only "-" or "=" (and trailing blanks) could underline a setext heading.
        let k = start + 1;
        while (k < end && text.charCodeAt(k) === c) k++;
        while (k < end && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k++;
        if (k === end) return undefined;
      }
    }
    line++;
    start = nl + 1;
  }
  return { lineStarts, lineEnds, headings, setext: [], unclosed: undefined };
}
