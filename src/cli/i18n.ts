// Messages in the reader's language, translated at the output boundary. English is the source
// and the default: the code writes English, and when the locale is Japanese (TASKGATE_LANG,
// else LC_ALL, LC_MESSAGES, LANG, as POSIX orders them) the printer maps each English message
// to its Japanese text by matching it against the catalog's templates (catalog.ts). So a new
// message needs no call-site change, only a catalog entry, and a message without one is shown
// in English rather than lost. Never translated: --json output (the printer is bypassed),
// exit codes, the ledgers and their log lines, state names, command and option names.

import { CATALOG, type Message } from "./catalog.js";
import { displayWidth } from "./width.js";

export type Lang = "en" | "ja";

/** The language of the messages: TASKGATE_LANG, then the POSIX locale variables. */
export function langOf(env: NodeJS.ProcessEnv): Lang {
  const pick = (v: string | undefined) => (v !== undefined && v !== "" ? v : undefined);
  const value =
    pick(env.TASKGATE_LANG) ?? pick(env.LC_ALL) ?? pick(env.LC_MESSAGES) ?? pick(env.LANG) ?? pick(env.LANGUAGE);
  return value !== undefined && /^ja(?:[_.@-]|$)/i.test(value) ? "ja" : "en";
}

interface Template {
  readonly message: Message;
  /** Its place in the catalog: the first template that matches wins. */
  readonly index: number;
  /** The fixed text it starts and ends with (a message must start and end so to match). */
  readonly prefix: string;
  readonly suffix: string;
  /** The template's longest fixed text: a message without it cannot match (a cheap test first). */
  readonly literal: string;
  /** Only a part of a message (its id starts with "part."): never matched against a whole line. */
  readonly part: boolean;
  compiled?: Compiled;
}

interface Compiled {
  readonly re: RegExp;
  readonly names: readonly string[];
  /** Names whose captured text is itself translated (written {name+} in the template). */
  readonly nested: ReadonlySet<string>;
  readonly ja: string;
}

let exact: Map<string, string> | undefined;
let patterns: Template[] | undefined;
/**
 * The templates by what a message must end with (the last character of their suffix), or
 * else start with (the first of their prefix); the few with neither are tried on every
 * message. A line of a long list is then tested against a handful, not all of them.
 */
let byLast: Map<string, Template[]> | undefined;
let byFirst: Map<string, Template[]> | undefined;
let floating: Template[] | undefined;

/** Turn translation on (ja) or off (en) for this process. */
export function useLang(lang: Lang): void {
  if (lang === "en") {
    exact = undefined;
    patterns = undefined;
    byLast = undefined;
    byFirst = undefined;
    floating = undefined;
    return;
  }
  exact = new Map();
  patterns = [];
  byLast = new Map();
  byFirst = new Map();
  floating = [];
  for (const m of CATALOG) {
    // Most messages (help texts) have no placeholder: looked up whole.
    if (!m.en.includes("{")) {
      exact.set(m.en, m.ja);
      continue;
    }
    const fixed = fixedParts(m.en);
    if (fixed.length === 1) {
      exact.set(unescapeBraces(m.en), m.ja);
      continue;
    }
    const literal = fixed.reduce((a, b) => (b.length > a.length ? b : a), "");
    const prefix = fixed[0] as string;
    const suffix = fixed[fixed.length - 1] as string;
    const t: Template = { message: m, index: patterns.length, prefix, suffix, literal, part: m.id.startsWith("part.") };
    patterns.push(t);
    const [map, key] = suffix ? [byLast, suffix.at(-1) as string] : prefix ? [byFirst, prefix[0] as string] : [];
    const list = map && key !== undefined ? map.get(key) : undefined;
    if (list) list.push(t);
    else if (map && key !== undefined) map.set(key, [t]);
    else floating.push(t);
  }
}

export function translating(): boolean {
  return exact !== undefined;
}

/** What a placeholder matches, by its name: IDs, numbers and states are matched narrowly. */
function placeholderPattern(name: string): string {
  if (name === "id") return "(?:[TA]-\\d+)";
  if (/^(?:n|m|k|count|token|pid)$/.test(name)) return "\\d+";
  if (/^(?:state|from|to)$/.test(name)) return "(?:PLAN|READY|DOING|REVIEW|DONE)";
  if (/^(?:action|key)$/.test(name)) return "[a-z][a-z-]*";
  if (name === "age") return "\\d+(?:ms|[smhd])";
  if (name === "num") return "[\\d.]+";
  return "[\\s\\S]+?";
}

const PLACEHOLDER = /\{\{|\}\}|\{([a-zA-Z0-9]+)(\+?)\}/g;

function compile(m: Message): Compiled {
  const names: string[] = [];
  const nested = new Set<string>();
  let source = "";
  let at = 0;
  for (const p of m.en.matchAll(PLACEHOLDER)) {
    source += escapeRe(m.en.slice(at, p.index));
    at = p.index + p[0].length;
    if (p[0] === "{{" || p[0] === "}}") {
      source += escapeRe(p[0][0] as string);
      continue;
    }
    const name = p[1] as string;
    if (p[2]) nested.add(name);
    if (names.includes(name)) source += `\\k<p${name}>`;
    else {
      names.push(name);
      source += `(?<p${name}>${placeholderPattern(name)})`;
    }
  }
  source += escapeRe(m.en.slice(at));
  return { re: new RegExp(`^${source}$`), names, nested, ja: m.ja };
}

/** The fixed text between a template's placeholders ({{ and }} are literal braces, not one). */
function fixedParts(en: string): string[] {
  const parts = [""];
  let at = 0;
  // exec rather than matchAll: this runs for every template each time messages are Japanese,
  // before V8 has optimised anything, and the iterator costs more than the matching.
  PLACEHOLDER.lastIndex = 0;
  for (let p = PLACEHOLDER.exec(en); p !== null; p = PLACEHOLDER.exec(en)) {
    parts[parts.length - 1] += en.slice(at, p.index) + (p[1] === undefined ? (p[0][0] as string) : "");
    if (p[1] !== undefined) parts.push("");
    at = p.index + p[0].length;
  }
  parts[parts.length - 1] += en.slice(at);
  return parts;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const unescapeBraces = (s: string) => s.replace(/\{\{/g, "{").replace(/\}\}/g, "}");

/** One English message in the reader's language (as it is when there is no translation). */
export function tr(text: string): string {
  return translate(text, false);
}

/** tr, where the text may also be a part of a message ("part." entries: "X and Y", "(default: …)"). */
export function trPart(text: string): string {
  return translate(text, true);
}

function translate(text: string, parts: boolean): string {
  if (!exact || !patterns) return text;
  const hit = exact.get(text);
  if (hit !== undefined) return unescapeBraces(hit);
  // Of the templates that could match, the first in the catalog that does: a whole message
  // before a part ("X and Y"), which only a text that is no whole message is taken as.
  let best: { t: Template; groups: Record<string, string> } | undefined;
  let partsNow = false;
  const tryAll = (list: readonly Template[] | undefined) => {
    if (!list) return;
    for (const p of list) {
      if (best && best.t.index < p.index) return;
      if (p.part !== partsNow) continue;
      if (!text.startsWith(p.prefix) || !text.endsWith(p.suffix) || !text.includes(p.literal)) continue;
      p.compiled ??= compile(p.message);
      const groups = p.compiled.re.exec(text)?.groups;
      if (groups) {
        best = { t: p, groups };
        return;
      }
    }
  };
  tryAll(byLast?.get(text.at(-1) ?? ""));
  tryAll(byFirst?.get(text[0] ?? ""));
  tryAll(floating);
  if (!best && parts) {
    partsNow = true;
    tryAll(byLast?.get(text.at(-1) ?? ""));
    tryAll(byFirst?.get(text[0] ?? ""));
    tryAll(floating);
  }
  if (best) {
    const c = best.t.compiled as Compiled;
    const groups = best.groups;
    return c.ja.replace(PLACEHOLDER, (whole, name: string | undefined) => {
      if (name === undefined) return whole[0] as string;
      const value = groups[`p${name}`] ?? whole;
      return c.nested.has(name) ? translate(value, true) : value;
    });
  }
  return text;
}

/** Each whole line of a chunk translated (a line with colour escapes is left as it is). */
export function trLines(chunk: string): string {
  if (!exact) return chunk;
  // A paragraph written at once (help after the options) may be one message.
  const body = chunk.trim();
  if (body.includes("\n")) {
    const whole = exact.get(body);
    if (whole !== undefined) return chunk.replace(body, () => unescapeBraces(whole));
  }
  return chunk
    .split("\n")
    .map((line) => (line === "" || line.includes("\x1b") ? line : trLine(line)))
    .join("\n");
}

function trLine(line: string): string {
  const t = tr(line);
  if (t !== line) return t;
  // Indented lines (help text, details under a result): the indent stays as it is.
  const indent = /^\s+/.exec(line)?.[0];
  if (indent) {
    const inner = tr(line.slice(indent.length));
    if (inner !== line.slice(indent.length)) return indent + inner;
  }
  return line;
}

let asIs = false;

/**
 * Writes text that is data, not messages (a task's lines in a list or on the board, its
 * body), as it is: its parts were translated where it was made, and looking up each of a
 * thousand lines would cost more than it finds.
 */
export function writeAsIs(stream: { write(text: string): unknown }, text: string): void {
  asIs = true;
  try {
    stream.write(text);
  } finally {
    asIs = false;
  }
}

const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A page for people (report --html) in the reader's language: `lang` set, and each text
 * between tags that is a whole message translated (a task's title never is: it follows its
 * ID with a space, and no message starts so).
 */
export function translateHtml(html: string): string {
  if (!exact) return html;
  return html.replace('<html lang="en">', '<html lang="ja">').replace(/>([^<>]+)</g, (whole, text: string) => {
    if (/^\s|\s$/.test(text)) return whole;
    const plain = text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_ENTITIES[e] as string);
    const t = tr(plain);
    return t === plain ? whole : `>${escapeHtml(t)}<`;
  });
}

/** A stream whose writes are translated line by line, unless JSON is being written. */
export function translatedStream(stream: NodeJS.WriteStream, json: () => boolean): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, key) {
      if (key === "write")
        return (chunk: string | Uint8Array, ...rest: unknown[]) =>
          (target.write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(
            typeof chunk === "string" && !json() && !asIs ? trLines(chunk) : chunk,
            ...rest,
          );
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * commander's help in the reader's language: titles and descriptions translated before they
 * are laid out, and laid out by display width (a Japanese character takes two columns).
 */
export function helpInLanguage(): {
  displayWidth(s: string): number;
  styleTitle(s: string): string;
  styleCommandDescription(s: string): string;
  styleOptionDescription(s: string): string;
  styleSubcommandDescription(s: string): string;
  styleArgumentDescription(s: string): string;
} {
  return {
    displayWidth, // colour escapes take no columns
    styleTitle: trPart,
    styleCommandDescription: trPart,
    styleOptionDescription: trPart,
    styleSubcommandDescription: trPart,
    styleArgumentDescription: trPart,
  };
}
