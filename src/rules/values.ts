// What a value may hold, and how a value is shown on a terminal: one rule for every face
// (the CLI today; an MCP tool or an HTTP route calls the same functions and gets the same
// sentence). Pure: no node:*.
//
// A single-line value (a title, a reason, a field value, evidence, a name, a label) is written
// into one line of a Markdown ledger and into one log line. Markdown, editors and JavaScript's
// regular expressions end a line at more characters than "\n", so every line break (LF, CR,
// NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR, VT, FF) and every other control character is
// refused, and so is half of a surrogate pair (it cannot be written as UTF-8 and read back).
// Task bodies stay multi-line and are not checked here.

/** The names of the C0 controls, DEL and the C1 controls a reader is likely to meet. */
const C0_NAMES = [
  "NULL",
  "START OF HEADING",
  "START OF TEXT",
  "END OF TEXT",
  "END OF TRANSMISSION",
  "ENQUIRY",
  "ACKNOWLEDGE",
  "BELL",
  "BACKSPACE",
  "CHARACTER TABULATION",
  "LINE FEED",
  "LINE TABULATION",
  "FORM FEED",
  "CARRIAGE RETURN",
  "SHIFT OUT",
  "SHIFT IN",
  "DATA LINK ESCAPE",
  "DEVICE CONTROL ONE",
  "DEVICE CONTROL TWO",
  "DEVICE CONTROL THREE",
  "DEVICE CONTROL FOUR",
  "NEGATIVE ACKNOWLEDGE",
  "SYNCHRONOUS IDLE",
  "END OF TRANSMISSION BLOCK",
  "CANCEL",
  "END OF MEDIUM",
  "SUBSTITUTE",
  "ESCAPE",
  "INFORMATION SEPARATOR FOUR",
  "INFORMATION SEPARATOR THREE",
  "INFORMATION SEPARATOR TWO",
  "INFORMATION SEPARATOR ONE",
];

const OTHER_NAMES: Record<number, string> = {
  127: "DELETE",
  133: "NEXT LINE",
  155: "CONTROL SEQUENCE INTRODUCER",
  8232: "LINE SEPARATOR",
  8233: "PARAGRAPH SEPARATOR",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
};

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, "0");

/** "U+2028 LINE SEPARATOR": the code point and, where known, its Unicode name. */
export function describeCharacter(cp: number): string {
  const name = cp < 0x20 ? C0_NAMES[cp] : OTHER_NAMES[cp];
  if (name) return `U+${hex(cp)} ${name}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `U+${hex(cp)} (half of a surrogate pair)`;
  return `U+${hex(cp)} (a control character)`;
}

/** C0, DEL, C1 and the Unicode line and paragraph separators: never in a single-line value. */
export const isControl = (cp: number): boolean =>
  cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;

/** The bidirectional embeddings, overrides and isolates: they reorder what a reader sees. */
export const isBidiControl = (cp: number): boolean => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

/** The first code point a single-line value may not hold, or undefined when it has none. */
export function forbiddenCharacter(value: string): number | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue; // the common case, at once
    if (isControl(c)) return c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return c;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return c;
  }
  return undefined;
}

/**
 * The one rule for a single-line value: undefined when `value` may be written, else the
 * sentence to refuse it with, naming the field and the character:
 * `reason contains U+2028 LINE SEPARATOR; a reason is one line of text`.
 */
export function singleLineProblem(field: string, value: string): string | undefined {
  const cp = forbiddenCharacter(value);
  if (cp === undefined) return undefined;
  const what = LINE_BREAKS.has(cp) ? "line breaks" : "control characters";
  return `${field} contains ${describeCharacter(cp)}; it must be one line of text, without ${what}`;
}

const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);

/** The first problem of several named values (field, value), in order. */
export function singleLineProblems(values: Iterable<readonly [string, string | undefined]>): string | undefined {
  for (const [field, value] of values) {
    if (value === undefined) continue;
    const p = singleLineProblem(field, value);
    if (p) return p;
  }
  return undefined;
}

const escapeCode = (cp: number) => (cp < 0x100 ? `\\x${hex(cp).slice(2)}` : `\\u${hex(cp)}`);

/**
 * Text for a terminal: control characters (so every escape sequence), the line and paragraph
 * separators, bidirectional overrides and isolates, and halves of surrogate pairs written as
 * `\x1B` or `\u202E`, so that no value can recolour, hide, move or reorder what a reader sees.
 * With `multiline`, line feeds (and a CR before one) and tabs are kept: for a task's body and
 * for messages of several lines. A backslash is shown as it is.
 */
export function terminalText(s: string, multiline = false): string {
  let out: string | undefined;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    let bad = isControl(c) || isBidiControl(c);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (bad && multiline && (c === 0x0a || c === 0x09 || (c === 0x0d && s.charCodeAt(i + 1) === 0x0a))) bad = false;
    if (!bad) continue;
    out = (out ?? "") + s.slice(from, i) + escapeCode(c);
    from = i + 1;
  }
  return out === undefined ? s : out + s.slice(from);
}
