// The block scanner's fast path, for the ledgers taskgate itself writes: when no line starts
// with white space, ">", "<", a code fence, or is a run of "=" or "-" alone, no line can be
// inside a code block, an HTML block or a quote, and no container can hold a column-0 line
// (an ATX heading ends any list item and is never a lazy continuation). Then the top-level
// headings are exactly the lines that start with an ATX heading. Otherwise it gives up and
// the full scanner (blocks.ts) runs. Tests check both agree on every fixture and generated
// ledger.
//
// It is written for a cold start (the CLI runs once and exits, before the JIT warms up): one
// walk over the lines looks at each line's first character only, and the table of every
// line's offsets is built only if asked for. A lone CR (a line ending for Markdown, not for
// this walk) sends the text to the full scanner.

import { atxHeading, type BlockScan, type Heading } from "./blocks.js";

const CR = 13;
const HASH = 35;

/** Line offsets computed on first use: most commands never need the whole table. */
export function lazyLineTable(text: string, from: number): Pick<BlockScan, "lineStarts" | "lineEnds"> {
  let starts: number[] | undefined;
  let ends: number[] | undefined;
  const build = () => {
    starts = [];
    ends = [];
    for (let start = from; start < text.length; ) {
      let nl = text.indexOf("\n", start);
      if (nl === -1) nl = text.length;
      starts.push(start);
      ends.push(nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl);
      start = nl + 1;
    }
  };
  return {
    get lineStarts() {
      if (!starts) build();
      return starts as number[];
    },
    get lineEnds() {
      if (!ends) build();
      return ends as number[];
    },
  };
}

export function scanSimple(text: string, from = 0): BlockScan | undefined {
  // A lone CR ends a line for Markdown but not for this line walk: leave such text to the
  // full scanner.
  if (text.includes("\r") && LONE_CR.test(text)) return undefined;
  const headings: Heading[] = [];
  let line = 0;
  for (let start = from; start < text.length; line++) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const c = text.charCodeAt(start);
    if (c === HASH) {
      const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const h = atxHeading(text, start, end);
      if (h) {
        const next = Math.min(nl + 1, text.length);
        headings.push({ line, start, next, level: h.level, textStart: h.start, textEnd: h.end });
      }
    } else if (c === 32 || c === 9 || c === 0x3e || c === 0x3c) {
      return undefined; // indented code, a list item's continuation, a quote or HTML
    } else if (c === 0x2d || c === 0x3d) {
      if (isRuleLine(text, start, nl, c)) return undefined; // a setext underline or a rule
    } else if (c === 0x60 || c === 0x7e) {
      if (text.startsWith(c === 0x60 ? "```" : "~~~", start)) return undefined; // a code fence
    }
    start = nl + 1;
  }
  const table = lazyLineTable(text, from);
  return {
    get lineStarts() {
      return table.lineStarts;
    },
    get lineEnds() {
      return table.lineEnds;
    },
    headings,
    setext: [],
    unclosed: undefined,
  };
}

export const LONE_CR = /\r(?!\n)/;

/** A run of "-" or "=" alone on its line (then only blanks). */
export function isRuleLine(text: string, start: number, nl: number, c: number): boolean {
  let i = start + 1;
  while (i < nl && text.charCodeAt(i) === c) i++;
  while (i < nl && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === nl || (i === nl - 1 && text.charCodeAt(i) === CR);
}
