// remark as the reference reader: what a CommonMark parser sees as sections, field lists and
// log items, compared with the line reader. Slow (micromark is quadratic on long lists), so
// used by the tests and by `check --strict`, never on the everyday path.

import type { Diagnostic } from "../model/diagnostic.js";
import { remarkParse, unified } from "../vendor/remark.js";
import { type LedgerText, lastLineOf } from "./document.js";

export interface OutlineSection {
  /** The heading's text as written (without #s). */
  readonly heading: string;
  /** 1-based line of the heading. */
  readonly line: number;
  /** Items of the list(s) starting right under the heading, each on one line: "key: value". */
  readonly items: { readonly line: number; readonly text: string }[];
}

interface Node {
  type: string;
  depth?: number;
  children?: Node[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

/** The sections remark sees: top-level ATX headings of level 2 (and level 1 after the first). */
export function remarkOutline(text: string): OutlineSection[] {
  const tree = unified().use(remarkParse).parse(text) as unknown as Node;
  // micromark skips a leading BOM and counts offsets from after it; the reader keeps offsets in
  // the text as given, so shift remark's to slice the same string.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The inline content's extent: a paragraph's own end takes in trailing white space, which
  // CommonMark strips from the content.
  const inline = (node: Node): string => {
    const kids = node.children ?? [];
    const first = kids[0]?.position?.start.offset;
    const last = kids[kids.length - 1]?.position?.end.offset;
    return first === undefined || last === undefined ? "" : text.slice(first + shift, last + shift);
  };
  const out: OutlineSection[] = [];
  const children = tree.children ?? [];
  let started = false;
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as Node;
    if (node.type !== "heading" || (node.depth ?? 0) > 2 || !node.position) continue;
    // A setext heading spans its text and underline; an ATX heading is one line. (Its text may
    // itself start with "#", as in "#5" over "---".) Setext headings are not sections.
    if (node.position.end.line !== node.position.start.line) continue;
    if (node.depth === 1 && !started) continue;
    started = true;
    const heading = inline(node);
    const items: { line: number; text: string }[] = [];
    let expected = node.position.start.line + 1;
    for (let j = i + 1; j < children.length; j++) {
      const list = children[j] as Node;
      if (list.type !== "list" || list.position?.start.line !== expected) break;
      let complete = true;
      for (const item of list.children ?? []) {
        const para = item.children?.[0];
        if (item.position?.start.line !== expected || !para || para.type !== "paragraph" || !para.position) {
          complete = false;
          break;
        }
        if (para.position.end.line !== para.position.start.line) {
          complete = false;
          break;
        }
        items.push({ line: expected, text: inline(para) });
        expected++;
        if (item.position.end.line !== item.position.start.line) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
    }
    out.push({ heading, line: node.position.start.line, items });
  }
  return out;
}

/** The same outline as the line reader sees it. */
export function readerOutline(doc: LedgerText): OutlineSection[] {
  return doc.sections.map((s) => {
    const items: { line: number; text: string }[] = [];
    const isLog = s.kind === "reserved" && s.name === "Log";
    if (isLog) {
      // Log lines: the items right under the heading, up to the first blank line.
      for (let ln = s.headingLine + 1, last = lastLineOf(doc, s); ln <= last; ln++) {
        const t = doc.text.slice(doc.scan.lineStarts[ln], doc.scan.lineEnds[ln]);
        if (t.trim() === "") break;
        items.push({ line: ln + 1, text: t.replace(/^[-*+][ \t]+/, "").replace(/[ \t]+$/, "") });
      }
    } else {
      for (const f of s.fields) {
        const t = doc.text.slice(f.start, f.end);
        items.push({ line: f.line + 1, text: t.replace(/^[-*+][ \t]+/, "").replace(/[ \t]+$/, "") });
      }
    }
    return { heading: s.name, line: s.headingLine + 1, items };
  });
}

/**
 * The bound on remark's inline work that `check --strict` accepts: the sum over paragraphs of
 * the square of their inline delimiters ([ ] * _ <). micromark matches emphasis and links by
 * looking back over a paragraph's open delimiters, so its time grows with that square: a
 * 1 MB file of paragraphs of 1,200 such characters did not finish in a minute. Real ledgers
 * stay far below (a paragraph with 30 of them adds 900).
 */
const INLINE_BUDGET = 20_000_000;

/**
 * The inline load of `text`, in one pass: the budget's sum, and the first busiest paragraph.
 * A paragraph here ends at a blank line, and a new one starts at each list item, heading or
 * quote (each is inline content of its own for remark: a log's lines are thousands of items,
 * not one paragraph).
 */
function inlineLoad(text: string): { total: number; most: number; line: number } {
  let total = 0;
  let most = 0;
  let mostLine = 1;
  let count = 0;
  let paraLine = 1;
  const close = (nextLine: number) => {
    total += count * count;
    if (count > most) {
      most = count;
      mostLine = paraLine;
    }
    count = 0;
    paraLine = nextLine;
  };
  for (let start = 0, line = 1; start <= text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let p = start;
    while (p < end && p - start < 3 && text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    const next = text.charCodeAt(p + 1);
    if (text.slice(p, end).trim() === "") close(line + 1);
    else {
      if (c === 35 || c === 62 || ((c === 45 || c === 42 || c === 43) && (next === 32 || next === 9))) close(line);
      for (let q = p; q < end; q++) {
        const d = text.charCodeAt(q);
        if (d === 42 || d === 95 || d === 91 || d === 93 || d === 60) count++;
      }
    }
    start = end + 1;
  }
  close(0);
  return { total, most, line: mostLine };
}

/** Differences between the line reader and remark, as diagnostics (for `check --strict`). */
export function compareWithRemark(doc: LedgerText): Diagnostic[] {
  // Lists and quotes nested past MAX_NESTING are an error of the reader's already, and where
  // remark would spend time without bound (it follows any depth): nothing to compare.
  if (doc.scan.tooDeep) return [];
  const busy = inlineLoad(doc.text);
  if (busy.total > INLINE_BUDGET) {
    return [
      {
        severity: "error",
        file: doc.file,
        line: busy.line,
        column: 1,
        code: "strict-too-complex",
        message: `Expected text that remark reads in bounded time, found ${busy.most} brackets, emphasis marks and "<" in the paragraph here (remark's time grows with their square), so check --strict did not compare this file; the line reader does not read them`,
      },
    ];
  }
  const ours = readerOutline(doc);
  const theirs = remarkOutline(doc.text);
  const out: Diagnostic[] = [];
  const report = (line: number, message: string) =>
    out.push({ severity: "error", file: doc.file, line, column: 1, code: "reader-disagrees", message });
  const max = Math.max(ours.length, theirs.length);
  for (let i = 0; i < max; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (!a || !b || a.line !== b.line || a.heading !== b.heading) {
      report(
        (a ?? b)?.line ?? 1,
        `Markdown (remark) sees ${b ? `the section "${b.heading}" at line ${b.line}` : "no section"} here, taskgate sees ${a ? `"${a.heading}" at line ${a.line}` : "none"}; simplify the Markdown around it`,
      );
      break;
    }
    // The line reader stops a field list at the first line that is not a field (and reports
    // it); remark may see more items. Compare what the reader took.
    for (let k = 0; k < a.items.length; k++) {
      const x = a.items[k];
      const y = b.items[k];
      if (!x || !y || x.line !== y.line || x.text !== y.text) {
        report(
          x?.line ?? a.line,
          `Markdown (remark) reads this line as ${y ? `"${y.text}"` : "no list item"}, taskgate as "${x?.text}"`,
        );
        break;
      }
    }
  }
  return out;
}
