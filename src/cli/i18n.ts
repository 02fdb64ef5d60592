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

interface Compiled {
  readonly re: RegExp;
  readonly names: readonly string[];
  /** Names whose captured text is itself translated (written {name+} in the template). */
  readonly nested: ReadonlySet<string>;
  readonly ja: string;
  /** Only a part of a message (its id starts with "part."): never matched against a whole line. */
  readonly part: boolean;
}

let exact: Map<string, string> | undefined;
let patterns: Compiled[] | undefined;

/** Turn translation on (ja) or off (en) for this process. */
export function useLang(lang: Lang): void {
  if (lang === "en") {
    exact = undefined;
    patterns = undefined;
    return;
  }
  exact = new Map();
  patterns = [];
  for (const m of CATALOG) {
    if (!/\{[a-zA-Z0-9]+\+?\}/.test(m.en.replace(/\{\{|\}\}/g, ""))) exact.set(unescapeBraces(m.en), m.ja);
    else patterns.push(compile(m));
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
  return "[^]+?";
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
  return { re: new RegExp(`^${source}$`), names, nested, ja: m.ja, part: m.id.startsWith("part.") };
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
  for (const c of patterns) {
    if (c.part && !parts) continue;
    const m = c.re.exec(text);
    if (!m?.groups) continue;
    const groups = m.groups;
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

/** A stream whose writes are translated line by line, unless JSON is being written. */
export function translatedStream(stream: NodeJS.WriteStream, json: () => boolean): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, key) {
      if (key === "write")
        return (chunk: string | Uint8Array, ...rest: unknown[]) =>
          (target.write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(
            typeof chunk === "string" && !json() ? trLines(chunk) : chunk,
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
