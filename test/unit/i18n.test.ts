// The message catalog (src/cli/catalog.ts): complete for what the code writes, consistent in
// itself, and applied as the printer applies it.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/cli/catalog.js";
import { langOf, tr, trLines, trPart, useLang } from "../../src/cli/i18n.js";
import { sha256Hex } from "../../src/io/hash.js";
import { lintLedger } from "../../src/ledger/lint.js";
import { formatDiagnostic } from "../../src/model/diagnostic.js";
import { FIXTURES } from "../support/paths.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** A string literal's text, a template's with {0}, {1}... for its substitutions; both sides of a ?:. */
function texts(n: ts.Expression): string[] {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return [n.text];
  if (ts.isTemplateExpression(n))
    return [n.head.text + n.templateSpans.map((s, i) => `{${i}}${s.literal.text}`).join("")];
  if (ts.isConditionalExpression(n)) return [...texts(n.whenTrue), ...texts(n.whenFalse)];
  if (ts.isParenthesizedExpression(n)) return texts(n.expression);
  return [];
}

/** Every help text the CLI gives commander, and every text it passes to tr(), with their places. */
function sourceMessages(): { text: string; at: string }[] {
  const found: { text: string; at: string }[] = [];
  // The CLI, and the live page of `taskgate serve` (its words go through the CLI's tr).
  const files = [
    ...readdirSync(join(ROOT, "src", "cli"))
      .filter((x) => x.endsWith(".ts") && x !== "catalog.ts")
      .map((x) => `src/cli/${x}`),
    "src/serve/page.ts",
  ];
  for (const f of files) {
    const src = ts.createSourceFile(f, readFileSync(join(ROOT, f), "utf8"), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${f}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : "";
        const arg =
          name === "description" || name === "tr" || name === "trPart"
            ? n.arguments[0]
            : ["option", "requiredOption", "argument", "addHelpText"].includes(name)
              ? n.arguments[1]
              : undefined;
        if (arg) {
          // Help after the options (addHelpText) is one message, without the blank line before it.
          for (const t of texts(arg))
            if (!/^\{\d+\}$/.test(t)) found.push({ text: name === "addHelpText" ? t.trim() : t, at: at(n) });
        }
      }
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === "description")
        for (const t of texts(n.initializer)) found.push({ text: t, at: at(n) });
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return found;
}

/**
 * Every message `check` can print, where it is made: the ledgers' readers and checks write
 * them as a diagnostic's `message` (or `related.message`), through a helper (`at(...)`'s
 * last argument, a conflict marker's `report`), as a `message`/`msg` variable, or as what a
 * value was expected to be (`bad(...)`, `fail(...)`, a part of a message).
 */
const CHECK_SOURCES = [
  "src/ledger/document.ts",
  "src/ledger/tasks.ts",
  "src/ledger/approvals.ts",
  "src/ledger/decode.ts",
  "src/ledger/fields.ts",
  "src/ledger/phases.ts",
  "src/ledger/log.ts",
  "src/ledger/lint.ts",
  "src/ledger/oracle.ts",
  "src/rules/hooks.ts",
  "src/rules/schedules.ts",
  "src/rules/approval-rules.ts",
  "src/app/check.ts",
  "src/app/metrics.ts",
  "src/io/text.ts",
  // check --staged and verify: what the judge finds in a change.
  "src/rules/judge.ts",
  "src/rules/judge-approvals.ts",
  "src/rules/gate.ts",
];

function checkMessages(): { text: string; at: string }[] {
  const found: { text: string; at: string }[] = [];
  for (const f of CHECK_SOURCES) {
    const src = ts.createSourceFile(f, readFileSync(join(ROOT, f), "utf8"), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${f}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      let made: string[] = [];
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === "message")
        made = texts(n.initializer);
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && ["message", "msg"].includes(n.name.text))
        made = n.initializer ? texts(n.initializer) : [];
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        const [name, args] = [n.expression.text, n.arguments];
        const arg =
          name === "at" && args.length === 5
            ? args[4]
            : name === "report" && args.length === 2
              ? args[1]
              : name === "bad" || name === "fail"
                ? args[0]
                : undefined;
        if (arg) made = texts(arg);
      }
      for (const t of made) if (!/^\{\d+\}$/.test(t)) found.push({ text: t, at: at(n) });
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return found;
}

/** A template with every placeholder as {} (literal {{braces}} kept as braces). */
function shape(en: string): string {
  return en
    .split(/(\{\{|\}\})/)
    .map((part) => (part === "{{" ? "{" : part === "}}" ? "}" : part.replace(/\{[a-zA-Z0-9]+\+?\}/g, "{}")))
    .join("")
    .replace(/\{[a-zA-Z0-9]+\}/g, "{}");
}

const placeholders = (s: string) =>
  s
    .replace(/\{\{|\}\}/g, "")
    .match(/\{[a-zA-Z0-9]+\+?\}/g)
    ?.sort()
    .join(" ") ?? "";

describe("the catalog", () => {
  afterAll(() => useLang("en"));

  it("has a Japanese text for every help text and tr() message in the source", () => {
    const shapes = new Set(CATALOG.map((m) => shape(m.en)));
    const found = sourceMessages();
    expect(found.length).toBeGreaterThan(150); // the scan finds the help texts at all
    const missing = found.filter((f) => !shapes.has(shape(f.text))).map((f) => `${f.at}: ${f.text}`);
    expect(missing).toEqual([]);
  });

  it("has a Japanese text for every message check can print (the readers' and checks' positioned messages)", () => {
    const shapes = new Set(CATALOG.map((m) => shape(m.en)));
    const found = checkMessages();
    expect(found.length).toBeGreaterThan(100); // the scan finds them at all
    const missing = found.filter((f) => !shapes.has(shape(f.text))).map((f) => `${f.at}: ${f.text}`);
    expect(missing).toEqual([]);
  });

  it("translates every diagnostic of the fixtures whole: place kept, no English sentence left", () => {
    useLang("ja");
    let seen = 0;
    for (const kind of ["valid", "invalid"]) {
      const dir = join(FIXTURES, kind);
      for (const name of readdirSync(dir).filter((f) => f.endsWith(".md") && !f.endsWith(".after.md"))) {
        const text = readFileSync(join(dir, name), "utf8");
        const ledger = name.startsWith("approvals") ? "approvals" : "tasks";
        for (const d of lintLedger(ledger, name, text, sha256Hex).diagnostics) {
          seen++;
          const en = formatDiagnostic(d);
          const ja = tr(en);
          const place = `${d.file}:${d.line}:${d.column}: `;
          expect(ja.startsWith(`${place}${d.severity === "error" ? "エラー" : "警告"}: `), en).toBe(true);
          // What is left once values ("…", <…>, IDs) are taken out has no run of English words.
          const words = ja.slice(place.length).replace(/"[^"]*"|<[^>]*>|\([A-Z|]+\)/g, "");
          expect(words, en).not.toMatch(/[A-Za-z]+,? [a-z]+ [a-z]+/);
        }
      }
    }
    expect(seen).toBeGreaterThan(30);
    useLang("en");
  });

  it("has unique ids, Japanese for every entry, and the same placeholders in both languages", () => {
    const ids = CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of CATALOG) {
      expect(m.id, m.en).toMatch(/^[a-z]+(?:\.[a-z0-9-]+)+$/);
      expect(m.ja.trim(), m.id).not.toBe("");
      expect(placeholders(m.ja), m.id).toBe(placeholders(m.en));
      // Japanese text, unless the message is only names and placeholders.
      if (!["help.agents.action", "cli.error.prefix"].includes(m.id))
        expect(m.ja, m.id).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/);
    }
    const english = new Set(CATALOG.map((m) => m.en));
    expect(english.size).toBe(CATALOG.length);
  });

  it("translates whole messages, their parts where marked, and leaves the rest as it is", () => {
    useLang("ja");
    expect(tr("There is no task T-9 in TASKS.md")).toBe("TASKS.md にタスク T-9 はありません");
    expect(tr("taskgate: There is no task T-9 in TASKS.md")).toBe("taskgate: TASKS.md にタスク T-9 はありません");
    expect(tr("Created TASKS.md and APPROVALS.md.")).toBe("TASKS.md と APPROVALS.md を作成しました。");
    // An ID placeholder matches an ID only; a state placeholder a state only.
    expect(tr("T-1 claim: READY -> DOING")).toBe("T-1 を claim しました: READY -> DOING");
    expect(tr("T-1 title: a -> b")).toBe("T-1 の title: a -> b");
    // "X and Y" is only ever a part: a list line with " and " in a title is not touched.
    expect(tr("T-3  READY   P2  Tom and Jerry")).toBe("T-3  READY   P2  Tom and Jerry");
    expect(trPart("Tom and Jerry")).toBe("Tom と Jerry");
    // A whole message wins over a part that also matches it ("... and ..." is not "X and Y").
    expect(trPart("Task T-1 depends on T-7, which is not in this file")).toBe(
      "タスク T-1 は T-7 に依存していますが、それはこのファイルにありません",
    );
    expect(
      trPart('Unknown section "X"; TASKS.md knows Log and entries "## T-<number> <title>"; it is kept as it is'),
    ).toMatch(/^不明なセクション "X"。/);
    // The first entry that matches wins: the lease's own wording before the plain transition.
    expect(tr("T-2 claim: READY -> DOING; lease token 3 for 田中@h until 2026-12-06 00:37 +09:00")).toBe(
      "T-2 を claim しました: READY -> DOING。リーストークン 3（田中@h、2026-12-06 00:37 +09:00 まで）",
    );
    expect(tr("No such message, in any catalog")).toBe("No such message, in any catalog");
    // {{name}} is a literal {name} (the live page's script fills it in), not a placeholder.
    expect(tr("Write a reason to {act} {id}.")).toBe("{act} {id} の理由を書いてください。");
    expect(tr("Write a reason to reject A-1.")).toBe("Write a reason to reject A-1.");
    // Lines: indented ones keep their indent; coloured ones are left alone.
    expect(
      trLines("  1   refused: a rule said no (role, state, unknown task, bad value); nothing was written;\n"),
    ).toBe("  1   拒否: ルールが許さなかった（ロール、状態、不明なタスク、不正な値）。何も書き込んでいない。\n");
    expect(trLines("\x1b[32mNo tasks match.\x1b[39m")).toBe("\x1b[32mNo tasks match.\x1b[39m");
    useLang("en");
    expect(tr("There is no task T-9 in TASKS.md")).toBe("There is no task T-9 in TASKS.md");
  });
});

describe("the language", () => {
  it("is TASKGATE_LANG, else LC_ALL, LC_MESSAGES, LANG in that order; Japanese for ja*, else English", () => {
    expect(langOf({})).toBe("en");
    expect(langOf({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(langOf({ LANG: "ja" })).toBe("ja");
    expect(langOf({ LANG: "C" })).toBe("en");
    expect(langOf({ LANG: "jav_ID" })).toBe("en");
    expect(langOf({ LANG: "ja_JP.UTF-8", LC_MESSAGES: "en_US.UTF-8" })).toBe("en");
    expect(langOf({ LANG: "C", LC_MESSAGES: "ja_JP.eucJP" })).toBe("ja");
    expect(langOf({ LC_MESSAGES: "ja_JP.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(langOf({ LC_ALL: "C", TASKGATE_LANG: "ja" })).toBe("ja");
    expect(langOf({ LANG: "ja_JP.UTF-8", TASKGATE_LANG: "en" })).toBe("en");
    // An empty variable is as if unset (POSIX).
    expect(langOf({ LC_ALL: "", LANG: "ja_JP.UTF-8" })).toBe("ja");
  });
});
