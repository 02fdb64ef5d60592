// The command `work --exec` runs for each task: a template split into words once, like a shell
// would split it (blanks separate words; '...' and "..." group; a backslash escapes, inside
// "..." only $ ` " and itself), but with
// no expansion of any kind. {id}, {title} and {file} are then replaced inside the words, so a title is
// always part of one argument, never shell text: `$(touch x)` in a title stays those characters.

export type Template = { ok: true; words: string[] } | { ok: false; message: string };

export function parseTemplate(text: string): Template {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < text.length && '$`"\\'.includes(text[i + 1] as string))
        word += text[++i]; // inside "...", a backslash escapes only $ ` " and itself, as in a shell
      else word += c;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, message: `The command ${JSON.stringify(text)} has an unclosed ${quote}` };
  if (inWord) words.push(word);
  if (words.length === 0) return { ok: false, message: "The command is empty; give a program, like --exec 'npm test'" };
  return { ok: true, words };
}

/** The argument vector for one task: {id}, {title} and {file} (its Markdown) replaced inside each word. */
export function instantiate(words: readonly string[], task: { id: string; title: string; file: string }): string[] {
  return words.map((w) => w.replace(/\{(id|title|file)\}/g, (_m, k: "id" | "title" | "file") => task[k]));
}
