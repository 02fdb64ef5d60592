// The block scanner's fast path, for the ledgers taskgate itself writes: when no line starts
// with white space, ">", "<", a code fence, or is a run of "=" or "-" alone, no line can be
// inside a code block, an HTML block or a quote, and no container can hold a column-0 line
// (an ATX heading ends any list item and is never a lazy continuation). Then the top-level
// headings are exactly the lines that start with an ATX heading. Otherwise it gives up and
// the full scanner (blocks.ts) runs. Tests check both agree on every fixture and generated
// ledger.
//
// It is written for a cold start (the CLI runs once and exits, before the JIT warms up): the
// eligibility test is one regular expression over the whole text, only lines up to the last
// heading are visited, and the table of every line's offsets is built only if asked for.

import { atxHeading, type BlockScan, type Heading } from "./blocks.js";

/** A line that could open a container, code or HTML block, or underline a setext heading. */
const NOT_SIMPLE = /^(?:[ \t><]|\r(?!\n)|```|~~~|(?:-+|=+)[ \t]*\r?$)/m;
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
  if (NOT_SIMPLE.test(text)) return undefined;
  // A BOM hides the first line's first character from "^": check that line on its own.
  if (from > 0) {
    const nl = text.indexOf("\n", from);
    if (NOT_SIMPLE.test(text.slice(from, nl === -1 ? text.length : nl + 1))) return undefined;
  }
  const headings: Heading[] = [];
  // Lines after the last one that starts with "#" cannot hold a heading: the log is not read.
  const lastHeading = Math.max(text.lastIndexOf("\n#") + 1, text.charCodeAt(from) === HASH ? from : -1);
  let line = 0;
  for (let start = from; start <= lastHeading && start < text.length; line++) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    if (text.charCodeAt(start) === HASH) {
      const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const h = atxHeading(text, start, end);
      if (h) {
        const next = Math.min(nl + 1, text.length);
        headings.push({ line, start, next, level: h.level, textStart: h.start, textEnd: h.end });
      }
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
