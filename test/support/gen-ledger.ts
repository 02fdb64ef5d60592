// Generated TASKS.md ledgers for the differential tests: always valid, with bodies full of the
// Markdown that can fool a line reader (fake headings in code, comments and HTML, setext, lists).

import fc from "fast-check";

export interface GeneratedLedger {
  readonly text: string;
  /**
   * The sections written, in order (Policy, Schedules, T-1 ..., Log): the heading text without
   * the #s, and how many field (or log) lines are right under it.
   */
  readonly sections: readonly { readonly heading: string; readonly items: number }[];
}

/**
 * A body block as lines. `htmlTail`: it ends in an HTML block that only a blank line ends.
 * `list`: it is a list, so an indented block after it (even after a blank line) goes into its
 * last item. `container`: it opens a fence or comment whose inner lines are not indented; in a
 * list item those lines would close the item and surface as real headings, so after a list
 * such a block starts at column 0.
 */
interface Block {
  readonly lines: readonly string[];
  readonly htmlTail?: boolean;
  readonly list?: boolean;
  readonly container?: boolean;
}

const block = (lines: readonly string[], more: Omit<Block, "lines"> = {}): Block => ({ lines, ...more });
const unindentFirst = (lines: readonly string[]): string[] => lines.map((l, i) => (i === 0 ? l.trimStart() : l));

// Words never start a block (the first word of a line is always plain letters); some carry
// inline Markdown and Unicode so slicing by offsets is tested on more than ASCII.
const FIRST_WORDS = ["Board", "Release", "Übersetzung", "Ελληνικά", "Café", "Привет", "Notes", "Check", "naïve"];
const WORDS = [
  "the",
  "train",
  "prüfen",
  "日本語",
  "タスク",
  "🚀",
  "`code`",
  "*emph*",
  "**bold**",
  "## not-a-heading",
  "T-12",
  "50%",
  "x<y",
  "a_b",
  "- dash",
  "<b>tag</b>",
];

const prose: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FIRST_WORDS), fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }))
  .map(([first, rest]) => [first, ...rest].join(" "));

const titleArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FIRST_WORDS),
    fc.array(fc.constantFrom("the", "prüfen", "日本語", "🚀", "v2", "API"), { maxLength: 3 }),
  )
  .map(([first, rest]) => [first, ...rest].join(" "));

const indent3 = fc.constantFrom("", "", "", " ", "  ", "   ");

const paragraph = fc
  .array(fc.tuple(fc.constantFrom("", "", " ", "  "), prose), { minLength: 1, maxLength: 3 })
  .map((ls) => block(ls.map(([pad, p]) => pad + p)));

const fenced = fc
  .record({
    char: fc.constantFrom("`", "~"),
    len: fc.integer({ min: 3, max: 5 }),
    info: fc.constantFrom("", "sh", "md", " text"),
    indent: indent3,
    closeIndent: indent3,
    closeExtra: fc.integer({ min: 0, max: 2 }),
    body: fc.array(
      fc.constantFrom(
        "## T-99 fake",
        "- state: DONE",
        "# Tasks",
        "<!--",
        "    indented",
        "> quoted",
        "",
        "x = 1",
        "other",
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ char, len, info, indent, closeIndent, closeExtra, body }) => {
    const other = char === "`" ? "~~~" : "```";
    // Lines that look like fences but cannot close this one: the other character, or too short.
    const lines = body.map((l) => (l === "other" ? (len > 3 ? char.repeat(len - 1) : other) : l));
    const open = `${indent}${char.repeat(len)}${info}`;
    return block([open, ...lines, `${closeIndent}${char.repeat(len + closeExtra)}`], { container: true });
  });

const comment = fc.oneof(
  fc.constant(block(["<!-- a one-line comment -->"])),
  fc
    .tuple(
      fc.constantFrom("<!--", "<!-- note", "  <!--"),
      fc.array(fc.constantFrom("## T-98 hidden", "- state: DONE", "", "```", "# Tasks"), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.constantFrom("-->", "end -->", "  -->"),
    )
    .map(([open, inner, close]) => block([open, ...inner, close], { container: true })),
);

// HTML blocks of type 6 run to the next blank line: a heading-like line inside stays HTML.
const htmlBlock = fc.oneof(
  fc
    .tuple(fc.boolean(), prose)
    .map(([hidden, p]) =>
      block(
        ["<details>", "<summary>More</summary>", ...(hidden ? ["## T-98 inside html"] : []), "", p, "", "</details>"],
        { htmlTail: true },
      ),
    ),
  fc.constant(block(["<div>", "## T-96 inside a div", "</div>"], { htmlTail: true })),
);

const setext = fc
  .tuple(prose, fc.constantFrom("---", "===", "-", "==", "------"))
  .map(([text, underline]) => block([text, underline]));

const indentedCode = fc
  .array(fc.constantFrom("    ## T-97 not a task", "    - state: DONE", "    code()", "\t## T-97 after a tab", ""), {
    minLength: 1,
    maxLength: 4,
  })
  .map((ls) => {
    // Code starts and ends on a code line; blank lines may sit in between.
    const first = ls.findIndex((l) => l !== "");
    const last = ls.findLastIndex((l) => l !== "");
    return block(first === -1 ? ["    ## T-97 not a task"] : ls.slice(first, last + 1));
  });

// A list item: its text (none for an empty item), the spaces after its marker, and whether a
// "## " line follows at its content column, which keeps it inside the item.
interface ListItem {
  readonly text: string | undefined;
  readonly gap: string;
  readonly heading: boolean;
}

const listItem: fc.Arbitrary<ListItem> = fc.record({
  text: fc.option(prose, { nil: undefined, freq: 6 }),
  gap: fc.constantFrom(" ", " ", " ", "  ", "    "),
  heading: fc.boolean(),
});

function listLines(items: readonly (readonly [string, ListItem])[]): string[] {
  const lines: string[] = [];
  for (const [marker, { text, gap, heading }] of items) {
    // An empty item has its content one column after the marker, whatever the spaces.
    const width = marker.length + (text === undefined ? 1 : gap.length);
    lines.push(text === undefined ? marker : `${marker}${gap}${text}`);
    if (heading) lines.push(`${" ".repeat(width)}## T-94 inside an item`);
  }
  return lines;
}

const bulletList = fc
  .record({
    marker: fc.constantFrom("-", "*", "+"),
    first: prose,
    items: fc.array(listItem, { maxLength: 3 }),
    children: fc.array(prose, { maxLength: 2 }),
    grandchildren: fc.array(prose, { maxLength: 1 }),
  })
  .map(({ marker, first, items, children, grandchildren }) => {
    const inner = marker === "-" ? "*" : "-";
    // The first item has text: after indented code, micromark does not let an empty item start
    // a list (see the differential test).
    const lines = [`${marker} ${first}`];
    for (const c of children) {
      lines.push(`  ${inner} ${c}`);
      for (const g of grandchildren) lines.push(`    ${marker} ${g}`);
    }
    lines.push(...listLines(items.map((item) => [marker, item] as const)));
    return block(lines, { list: true });
  });

// Numbered from 1 (for the same reason), then any numbers: an item's width comes from its own.
const orderedList = fc
  .record({
    delim: fc.constantFrom(".", ")"),
    first: prose,
    items: fc.array(fc.tuple(fc.constantFrom(2, 3, 9, 10, 99), listItem), { maxLength: 3 }),
    children: fc.array(prose, { maxLength: 2 }),
  })
  .map(({ delim, first, items, children }) => {
    const lines = [`1${delim} ${first}`];
    children.forEach((c, j) => {
      lines.push(`   ${j + 1}. ${c}`);
    });
    lines.push(...listLines(items.map(([n, item]) => [`${n}${delim}`, item] as const)));
    return block(lines, { list: true });
  });

const blockquote = fc
  .tuple(prose, fc.boolean(), fc.boolean())
  .map(([text, lazy, blankQuoteLine]) =>
    block([
      `> ${text}`,
      ...(blankQuoteLine ? [">"] : []),
      "> ## T-95 quoted",
      "> - state: DONE",
      ...(lazy ? ["lazy continuation of the quoted item"] : []),
    ]),
  );

const subHeading = fc
  .tuple(fc.constantFrom("###", "####", "######"), titleArb, fc.boolean())
  .map(([hashes, t, closed]) => block([`${hashes} ${t}${closed ? ` ${hashes}` : ""}`]));

const thematicBreak = fc.constantFrom("***", "* * *", "___", "---").map((l) => block([l]));

const bodyBlock: fc.Arbitrary<Block> = fc.oneof(
  { arbitrary: paragraph, weight: 3 },
  { arbitrary: fenced, weight: 3 },
  { arbitrary: comment, weight: 2 },
  { arbitrary: htmlBlock, weight: 1 },
  { arbitrary: setext, weight: 1 },
  { arbitrary: indentedCode, weight: 2 },
  { arbitrary: bulletList, weight: 2 },
  { arbitrary: orderedList, weight: 1 },
  { arbitrary: blockquote, weight: 1 },
  { arbitrary: subHeading, weight: 1 },
  { arbitrary: thematicBreak, weight: 1 },
);

/**
 * Blocks separated by blank lines, and whether the next heading may follow without one. The
 * body comes after the field list, which counts as a list for the block after it.
 */
const bodyArb = fc
  .tuple(fc.array(fc.tuple(bodyBlock, fc.boolean()), { maxLength: 4 }), fc.boolean())
  .map(([blocks, tight]) => {
    const lines: string[] = [];
    // Whether a list item is still open: indented blocks after a list (blank line or not)
    // join its last item, and keep it open for the next block.
    let inList = true;
    blocks.forEach(([b, twoBlanks], i) => {
      if (i > 0) lines.push(...(twoBlanks ? ["", ""] : [""]));
      const own = inList && b.container ? unindentFirst(b.lines) : b.lines;
      lines.push(...own);
      inList = (b.list ?? false) || (inList && /^[ \t]/.test(own[0] ?? ""));
    });
    const last = blocks[blocks.length - 1]?.[0];
    // A heading right after text is still a heading, but not after an HTML block of type 6.
    return { lines, blankAfter: !tight || (last?.htmlTail ?? false), endsInList: inList };
  });

interface FieldStyle {
  readonly marker: string;
  readonly gaps: readonly string[];
  readonly trails: readonly string[];
}

/** How a field list is written: one marker for the whole list, odd spacing, trailing blanks. */
const fieldStyle: fc.Arbitrary<FieldStyle> = fc.record({
  marker: fc.constantFrom("-", "-", "*", "+"),
  gaps: fc.array(fc.constantFrom(" ", " ", " ", "  ", "\t"), { minLength: 8, maxLength: 8 }),
  trails: fc.array(fc.constantFrom("", "", "", " ", "  ", "\t"), { minLength: 8, maxLength: 8 }),
});

function fieldLines(fields: readonly (readonly [string, string])[], style: FieldStyle): string[] {
  return fields.map(([k, v], i) => `${style.marker}${style.gaps[i % 8]}${k}: ${v}${style.trails[i % 8]}`);
}

const STATES = ["PLAN", "READY", "DOING", "REVIEW", "DONE"] as const;

const taskFields = (n: number) =>
  fc
    .record({
      state: fc.constantFrom(...STATES),
      priority: fc.option(fc.constantFrom("P0", "P1", "P2", "P3"), { nil: undefined, freq: 2 }),
      labels: fc.option(fc.constantFrom("docs", "ops, prod", "phase-3, automation", "i18n"), {
        nil: undefined,
        freq: 2,
      }),
      assignee: fc.option(fc.constantFrom("bob", "carol@example.com"), { nil: undefined, freq: 2 }),
      depends: fc.option(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { nil: undefined, freq: 2 }),
      attempts: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 2 }),
      blocked: fc.option(fc.constantFrom("waiting for ops", "needs a key 🔑"), { nil: undefined, freq: 2 }),
      note: fc.option(fc.constantFrom("keep me", "`0 2 * * *` cron"), { nil: undefined, freq: 2 }),
      stateFirst: fc.boolean(),
    })
    .map((r) => {
      const out: [string, string][] = [];
      if (r.priority) out.push(["priority", r.priority]);
      if (r.labels) out.push(["labels", r.labels]);
      if (r.assignee) out.push(["assignee", r.assignee]);
      if (r.depends !== undefined && r.depends < n) out.push(["depends", `T-${r.depends}`]);
      if (r.attempts !== undefined) out.push(["attempts", String(r.attempts)]);
      if (r.blocked) out.push(["blocked", r.blocked]);
      if (r.note) out.push(["owner-note", r.note]);
      if (r.state === "DONE") out.push(["resolution", "done"]);
      // No lease: a lease is only valid while the task is DOING, and is not what is tested here.
      if (r.stateFirst) out.unshift(["state", r.state]);
      else out.push(["state", r.state]);
      return out;
    });

const POLICY: readonly (readonly [string, string])[] = [
  ["lease", "30m"],
  ["max-attempts", "3"],
  ["backoff", "1m..1h"],
  ["approval-required", "prod, security"],
  ["wip-limit", "DOING=5, REVIEW=3"],
  ["clock-skew", "2m"],
];

const policyArb = fc.subarray([...POLICY], { minLength: 1 });

const headingArb = fc.record({
  indent: indent3,
  closing: fc.constantFrom("", "", " ##", " #####"),
  gap: fc.constantFrom(" ", " ", "\t"),
});

const entryArb = (n: number) =>
  fc
    .record({ title: titleArb, heading: headingArb, fields: taskFields(n), style: fieldStyle, body: bodyArb })
    .map(({ title, heading, fields, style, body }) => {
      const lines = [`##${heading.gap}T-${n} ${title}${heading.closing}`, ...fieldLines(fields, style)];
      if (body.lines.length) lines.push("", ...body.lines);
      const { blankAfter, endsInList } = body;
      return { name: `T-${n} ${title}`, items: fields.length, indent: heading.indent, lines, blankAfter, endsInList };
    });

const LOG_LINES = [
  "- 2026-11-24T09:00:00Z bob WORK claim T-1 token=1 ttl=30m ~ 0123456789ab",
  "- 2026-11-24T09:05:12Z bob WORK heartbeat T-1 token=1 ~ 1c0d9e6b2f31",
  "- 2026-11-24T09:30:00Z alice CMD set T-2 priority=P1 ~ 9f2c41aa07be",
];

export const generatedLedger: fc.Arbitrary<GeneratedLedger> = fc
  .integer({ min: 1, max: 10 })
  .chain((count) =>
    fc.record({
      preamble: fc.array(prose, { maxLength: 2 }),
      preambleBlock: fc.option(bodyBlock, { nil: undefined, freq: 2 }),
      policy: fc.option(fc.tuple(policyArb, fieldStyle, fc.option(prose, { nil: undefined, freq: 2 })), {
        nil: undefined,
        freq: 2,
      }),
      schedules: fc.boolean(),
      entries: fc.tuple(...Array.from({ length: count }, (_, i) => entryArb(i + 1))),
      log: fc.integer({ min: 0, max: 3 }),
      eol: fc.constantFrom("\n", "\r\n"),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
    }),
  )
  .map((g) => {
    const sections: { heading: string; items: number }[] = [];
    const lines = ["# Tasks", ""];
    if (g.preamble.length) lines.push(...g.preamble, "");
    if (g.preambleBlock) lines.push(...g.preambleBlock.lines, "");
    // A heading indented two or three spaces after a list (blank line or not) would sit in its
    // last item; after anything else it is a heading.
    let afterList = g.preambleBlock?.list ?? false;
    if (g.policy) {
      const [fields, style, text] = g.policy;
      sections.push({ heading: "Policy", items: fields.length });
      lines.push("## Policy", ...fieldLines(fields, style), "");
      if (text !== undefined) lines.push(text, "");
      afterList = text === undefined;
    }
    if (g.schedules) {
      sections.push({ heading: "Schedules", items: 1 });
      lines.push("## Schedules", "- nightly-check: `0 2 * * *` UTC check", "");
      afterList = true;
    }
    for (const e of g.entries) {
      sections.push({ heading: e.name, items: e.items });
      const [heading = "", ...rest] = e.lines;
      lines.push((afterList ? e.indent.slice(0, 1) : e.indent) + heading, ...rest);
      if (e.blankAfter) lines.push("");
      afterList = e.endsInList;
    }
    sections.push({ heading: "Log", items: g.log });
    lines.push("## Log", ...LOG_LINES.slice(0, g.log));
    const text = (g.bom ? "\uFEFF" : "") + lines.join(g.eol) + (g.finalNewline ? g.eol : "");
    return { text, sections };
  });

/** Just the ledger's text, for properties that need nothing else. */
export const generatedLedgerText: fc.Arbitrary<string> = generatedLedger.map((g) => g.text);
