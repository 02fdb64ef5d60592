// The line reader's block scanner: follows CommonMark's block rules (containers, fenced and
// indented code, HTML blocks, paragraphs) just far enough to know which lines are top-level
// ATX headings. remark is the oracle for it in the tests (test/unit/differential.test.ts).

export interface Heading {
  /** 0-based line index. */
  readonly line: number;
  /** Offsets of the heading line's start and of the next line's start (or the end of text). */
  readonly start: number;
  readonly next: number;
  readonly level: number;
  /** Offsets of the heading's text, without the #s, spaces and any closing sequence. */
  readonly textStart: number;
  readonly textEnd: number;
}

export interface OpenBlock {
  readonly kind: "fence" | "html";
  /** 0-based line index where the block that never closed was opened. */
  readonly line: number;
}

export interface BlockScan {
  /** Offset where each line starts (line i spans lineStarts[i] up to lineStarts[i+1]). */
  readonly lineStarts: number[];
  /** Offset where each line's content ends, before "\n" or "\r\n". */
  readonly lineEnds: number[];
  /** ATX headings that are not inside any container, code or HTML block. */
  readonly headings: Heading[];
  /** Top-level setext headings ("text" then "---"): 0-based line index of the underline. */
  readonly setext: { readonly line: number; readonly level: number }[];
  /** A fenced code or HTML block at top level that runs to the end of the file. */
  readonly unclosed: OpenBlock | undefined;
  /**
   * Where lists and quotes were first nested deeper than MAX_NESTING (0-based line, 1-based
   * column of the marker that would open the next level), or undefined.
   */
  readonly tooDeep?: { readonly line: number; readonly column: number } | undefined;
}

/**
 * The deepest nesting of lists and quotes the scanner follows. No ledger written by hand or by
 * taskgate comes near it; past it, the rest of the line is read as text and the reader reports
 * an error. It bounds what each line costs (matching its open containers), so the scan stays
 * linear in the size of the file: a file of ever deeper list items (each line indented two
 * more spaces) was cubic before, and 3,000 such lines did not finish in 20 s.
 */
export const MAX_NESTING = 32;

/**
 * `width`: the marker's indent plus its padding, counted from where the enclosing container's
 * content starts on each line (a "> " may sit at a different column on the next line).
 */
type Container = { readonly kind: "quote" } | { readonly kind: "item"; readonly width: number };

type Leaf =
  | { kind: "para"; depth: number; top: boolean }
  | { kind: "icode"; depth: number }
  | { kind: "fence"; depth: number; char: number; len: number; line: number }
  | { kind: "html"; depth: number; type: number; line: number };

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const GT = 62;
const LT = 60;
const BACKTICK = 96;
const TILDE = 126;
const DASH = 45;
const STAR = 42;
const PLUS = 43;
const UNDERSCORE = 95;
const EQUALS = 61;

// White space in these tags is spaces and tabs only (CommonMark 0.31), not JavaScript's \s, which
// also takes a no-break space or a form feed.
const HTML1_START = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML1_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML6_START =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
const HTML7_START =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/** Splits text into lines (LF or CRLF) and finds its block structure. */
export function scanBlocks(text: string, from = 0): BlockScan {
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  const headings: Heading[] = [];
  const setext: { line: number; level: number }[] = [];
  const containers: Container[] = [];
  let leaf: Leaf | undefined;
  // The item opened on the line before with nothing after its marker. Only the innermost item
  // can be empty, and the next line either gives it content or ends it.
  let emptyItem: Container | undefined;
  let tooDeep: { line: number; column: number } | undefined;
  // The white space run last skipped: any position inside it skips to the same end, so each
  // open container that looks at the run does not walk it again.
  const run = { from: -1, to: -1, col: 0 };
  const skip = (pos: number, end: number, col: number): { pos: number; col: number } => {
    if (pos >= run.from && pos <= run.to) return { pos: run.to, col: run.col };
    const w = skipWs(text, pos, end, col);
    run.from = pos;
    run.to = w.pos;
    run.col = w.col;
    return w;
  };

  let lineNo = 0;
  let start = from;
  const n = text.length;
  while (start < n) {
    let nl = text.indexOf("\n", start);
    const next = nl === -1 ? n : nl + 1;
    if (nl === -1) nl = n;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lineStarts.push(start);
    lineEnds.push(end);

    let pos = start;
    let col = 0; // column of text[pos]
    let cur = 0; // logical column consumed (may sit inside a tab at pos-1)

    // 1. Match the open containers.
    let matched = 0;
    for (; matched < containers.length; matched++) {
      const c = containers[matched] as Container;
      const ws = skip(pos, end, col);
      const indent = ws.col - cur;
      if (c.kind === "quote") {
        if (indent <= 3 && ws.pos < end && text.charCodeAt(ws.pos) === GT) {
          pos = ws.pos + 1;
          col = ws.col + 1;
          cur = col;
          if (pos < end && text.charCodeAt(pos) === SPACE) {
            pos++;
            col++;
            cur = col;
          } else if (pos < end && text.charCodeAt(pos) === TAB) {
            cur = col + 1; // the optional space is taken from the tab
          }
        } else break;
      } else {
        if (ws.pos === end) {
          // A blank line continues an item, unless the item is still empty: an item can
          // begin with at most one blank line.
          if (c === emptyItem) break;
          continue;
        }
        if (ws.col - cur >= c.width) {
          // Consume up to the item's content column, possibly inside a tab.
          const adv = advanceTo(text, pos, col, cur + c.width);
          pos = adv.pos;
          col = adv.col;
          cur += c.width;
        } else break;
      }
    }

    emptyItem = undefined;
    const ws = skip(pos, end, col);
    const blank = ws.pos === end;

    if (matched < containers.length) {
      if (leaf?.kind === "para" && !blank && !startsBlock(text, ws.pos, end, ws.col - cur)) {
        // A lazy continuation line: everything stays open.
        lineNo++;
        start = next;
        continue;
      }
      containers.length = matched;
      if (leaf && leaf.depth > matched) leaf = undefined;
    }

    if (leaf?.kind === "fence") {
      if (ws.col - cur <= 3 && isFenceClose(text, ws.pos, end, leaf.char, leaf.len)) leaf = undefined;
      lineNo++;
      start = next;
      continue;
    }
    if (leaf?.kind === "html") {
      if (leaf.type <= 5) {
        if (htmlEnds(leaf.type, text.slice(pos, end))) leaf = undefined;
      } else if (blank) leaf = undefined;
      lineNo++;
      start = next;
      continue;
    }

    // 2. Open new blocks on the rest of the line.
    let p = ws.pos;
    let pcol = ws.col;
    for (;;) {
      if (p === end) {
        if (leaf?.kind === "para") leaf = undefined;
        break;
      }
      const indent = pcol - cur;
      if (indent >= 4) {
        if (leaf?.kind !== "para") leaf = { kind: "icode", depth: containers.length };
        break;
      }
      if (leaf?.kind === "icode") leaf = undefined;
      const ch = text.charCodeAt(p);
      if (ch === GT) {
        if (containers.length >= MAX_NESTING) {
          // Past the deepest nesting followed: the rest of the line is text.
          tooDeep ??= { line: lineNo, column: p - start + 1 };
          if (leaf?.kind !== "para") leaf = { kind: "para", depth: containers.length, top: false };
          break;
        }
        containers.push({ kind: "quote" });
        leaf = undefined;
        p++;
        pcol++;
        cur = pcol;
        if (p < end && text.charCodeAt(p) === SPACE) {
          p++;
          pcol++;
          cur = pcol;
        } else if (p < end && text.charCodeAt(p) === TAB) cur = pcol + 1;
        const w = skipWs(text, p, end, pcol);
        p = w.pos;
        pcol = w.col;
        continue;
      }
      if (ch === HASH) {
        const h = atxHeading(text, p, end);
        if (h) {
          leaf = undefined;
          if (containers.length === 0)
            headings.push({ line: lineNo, start, next, level: h.level, textStart: h.start, textEnd: h.end });
          break;
        }
      }
      if (ch === BACKTICK || ch === TILDE) {
        const f = fenceOpen(text, p, end);
        if (f) {
          leaf = { kind: "fence", depth: containers.length, char: ch, len: f, line: lineNo };
          break;
        }
      }
      if (ch === LT) {
        const t = htmlStart(text.slice(p, end));
        if (t && (t !== 7 || leaf?.kind !== "para")) {
          leaf = { kind: "html", depth: containers.length, type: t, line: lineNo };
          if (t <= 5 && htmlEnds(t, text.slice(p, end))) leaf = undefined;
          break;
        }
      }
      if (leaf?.kind === "para" && (ch === EQUALS || ch === DASH) && isSetextUnderline(text, p, end, ch)) {
        if (leaf.top && containers.length === 0) setext.push({ line: lineNo, level: ch === EQUALS ? 1 : 2 });
        leaf = undefined;
        break;
      }
      if ((ch === DASH || ch === STAR || ch === UNDERSCORE) && isThematicBreak(text, p, end)) {
        leaf = undefined;
        break;
      }
      if (ch === DASH || ch === STAR || ch === PLUS || (ch >= 48 && ch <= 57)) {
        const m = listMarker(text, p, end);
        if (m && (leaf?.kind !== "para" || (!m.empty && (!m.ordered || m.first)))) {
          if (containers.length >= MAX_NESTING) {
            tooDeep ??= { line: lineNo, column: p - start + 1 };
            if (leaf?.kind !== "para") leaf = { kind: "para", depth: containers.length, top: false };
            break;
          }
          const markerEndCol = pcol + (m.end - p);
          let q = m.end;
          let qcol = markerEndCol;
          let contentCol: number;
          if (m.empty) contentCol = markerEndCol + 1;
          else {
            const w = skipWs(text, q, end, qcol);
            const spaces = w.col - markerEndCol;
            if (spaces >= 5) {
              contentCol = markerEndCol + 1;
              const adv = advanceTo(text, q, qcol, contentCol);
              q = adv.pos;
              qcol = adv.col;
            } else {
              contentCol = w.col;
              q = w.pos;
              qcol = w.col;
            }
          }
          const item: Container = { kind: "item", width: contentCol - cur };
          containers.push(item);
          leaf = undefined;
          cur = contentCol;
          const w = skipWs(text, q, end, qcol);
          p = w.pos;
          pcol = w.col;
          if (p === end) {
            emptyItem = item; // an item that starts with a blank line
            break;
          }
          continue;
        }
      }
      if (leaf?.kind !== "para") leaf = { kind: "para", depth: containers.length, top: containers.length === 0 };
      break;
    }

    lineNo++;
    start = next;
    if (nl === n) break;
  }

  let unclosed: OpenBlock | undefined;
  if (leaf?.kind === "fence" && leaf.depth === 0) {
    unclosed = { kind: "fence", line: leaf.line };
  } else if (leaf?.kind === "html" && leaf.depth === 0 && leaf.type <= 5) {
    unclosed = { kind: "html", line: leaf.line };
  }
  return { lineStarts, lineEnds, headings, setext, unclosed, tooDeep };
}

function skipWs(text: string, pos: number, end: number, col: number): { pos: number; col: number } {
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return { pos, col };
}

/** Advances over white space until the column reaches `target` (or the white space ends). */
function advanceTo(text: string, pos: number, col: number, target: number): { pos: number; col: number } {
  while (col < target && pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return { pos, col };
}

/**
 * Whether a line whose containers did not all match starts a block (so it is not lazy text).
 * The paragraph is then not in the last matched container, so CommonMark's limits on a list
 * item interrupting a paragraph (non-empty, ordered from 1) do not apply: "- a" then "2." or
 * "-" starts a new item.
 */
function startsBlock(text: string, p: number, end: number, indent: number): boolean {
  if (p === end || indent >= 4) return false;
  const ch = text.charCodeAt(p);
  if (ch === GT) return true;
  if (ch === HASH && atxHeading(text, p, end)) return true;
  if ((ch === BACKTICK || ch === TILDE) && fenceOpen(text, p, end)) return true;
  if (ch === LT) {
    const t = htmlStart(text.slice(p, end));
    if (t && t !== 7) return true;
  }
  if ((ch === DASH || ch === STAR || ch === UNDERSCORE) && isThematicBreak(text, p, end)) return true;
  if (ch === DASH || ch === STAR || ch === PLUS || (ch >= 48 && ch <= 57)) {
    if (listMarker(text, p, end)) return true;
  }
  return false;
}

export function atxHeading(
  text: string,
  p: number,
  end: number,
): { level: number; start: number; end: number } | undefined {
  let q = p;
  while (q < end && text.charCodeAt(q) === HASH) q++;
  const level = q - p;
  if (level < 1 || level > 6) return undefined;
  if (q < end) {
    const c = text.charCodeAt(q);
    if (c !== SPACE && c !== TAB) return undefined;
  }
  let s = q;
  while (s < end && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
  let e = end;
  while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  // An optional closing sequence of #s, preceded by a space (or making up the whole text).
  let h = e;
  while (h > s && text.charCodeAt(h - 1) === HASH) h--;
  if (h < e && (h === s || text.charCodeAt(h - 1) === SPACE || text.charCodeAt(h - 1) === TAB)) {
    e = h;
    while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  }
  return { level, start: s, end: e };
}

function fenceOpen(text: string, p: number, end: number): number | undefined {
  const ch = text.charCodeAt(p);
  let q = p;
  while (q < end && text.charCodeAt(q) === ch) q++;
  const len = q - p;
  if (len < 3) return undefined;
  if (ch === BACKTICK && text.slice(q, end).includes("`")) return undefined;
  return len;
}

function isFenceClose(text: string, p: number, end: number, ch: number, len: number): boolean {
  let q = p;
  while (q < end && text.charCodeAt(q) === ch) q++;
  if (q - p < len) return false;
  while (q < end && (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB)) q++;
  return q === end;
}

function isSetextUnderline(text: string, p: number, end: number, ch: number): boolean {
  let q = p;
  while (q < end && text.charCodeAt(q) === ch) q++;
  while (q < end && (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB)) q++;
  return q === end;
}

function isThematicBreak(text: string, p: number, end: number): boolean {
  const ch = text.charCodeAt(p);
  let count = 0;
  for (let q = p; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c === ch) count++;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return count >= 3;
}

function listMarker(
  text: string,
  p: number,
  end: number,
): { end: number; ordered: boolean; first: boolean; empty: boolean } | undefined {
  const ch = text.charCodeAt(p);
  let q = p;
  let ordered = false;
  let first = false;
  if (ch === DASH || ch === STAR || ch === PLUS) q = p + 1;
  else {
    while (q < end && q - p < 10 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    const digits = q - p;
    if (digits < 1 || digits > 9 || q >= end) return undefined;
    const d = text.charCodeAt(q);
    if (d !== 46 && d !== 41) return undefined; // "." or ")"
    ordered = true;
    first = Number(text.slice(p, q)) === 1;
    q++;
  }
  if (q < end) {
    const c = text.charCodeAt(q);
    if (c !== SPACE && c !== TAB) return undefined;
  }
  let r = q;
  while (r < end && (text.charCodeAt(r) === SPACE || text.charCodeAt(r) === TAB)) r++;
  return { end: q, ordered, first, empty: r === end };
}

function htmlStart(line: string): number {
  if (line.startsWith("<!--")) return 2;
  if (HTML1_START.test(line)) return 1;
  if (line.startsWith("<?")) return 3;
  if (line.startsWith("<![CDATA[")) return 5;
  if (/^<![A-Za-z]/.test(line)) return 4;
  if (HTML6_START.test(line)) return 6;
  if (HTML7_START.test(line)) return 7;
  return 0;
}

function htmlEnds(type: number, line: string): boolean {
  switch (type) {
    case 1:
      return HTML1_END.test(line);
    case 2:
      return line.includes("-->");
    case 3:
      return line.includes("?>");
    case 4:
      return line.includes(">");
    case 5:
      return line.includes("]]>");
    default:
      return false;
  }
}
