// What `agents install` writes, decided without touching a file: the marked section of
// AGENTS.md and CLAUDE.md (only that section is ever replaced; the rest stays byte for byte)
// and the `taskgate` entry of .mcp.json (other servers kept). Pure.

export const BEGIN = "<!-- taskgate:begin (written by `taskgate agents install`; replaced when it runs again) -->";
export const END = "<!-- taskgate:end -->";

export const GUIDE_SECTION = `${BEGIN}
## Tasks: taskgate

This repository keeps its tasks in TASKS.md and its approvals in APPROVALS.md, managed by
\`taskgate\`. Never edit those files by hand while working a task; go through taskgate.

- With the \`taskgate\` MCP server (see .mcp.json): call \`next_task\`, then \`claim_task\`
  (without an id it takes the best task for you), read it with \`show_task\`, do the work, then
  \`submit_task\`. Use \`release_task\` to give a task back and \`block_task\` with a reason when
  you cannot go on. The server keeps your lease alive; never send heartbeats. Errors carry a
  code (LEASE_HELD, FOUR_EYES, ...) and what to do next. The resource taskgate://workflow
  explains the workflow.
- Without it: \`taskgate next --claim --json\`, \`taskgate show ID\`, then
  \`taskgate submit ID --token N\` (or \`release\`, or \`block ID --reason "..."\`).
- One task at a time. Nobody accepts work they did themselves (four eyes).
${END}
`;

export type Change = "created" | "updated" | "unchanged";

/** The file's new text with the section in place (appended when absent), and what changed. */
export function withGuideSection(text: string | undefined): { text: string; change: Change } {
  if (text === undefined) return { text: GUIDE_SECTION, change: "created" };
  // The first end marker and the begin marker nearest before it: a stray begin marker (its end
  // deleted by hand) is left alone rather than taking the text after it with the section.
  const endAt = text.indexOf(END);
  const start = endAt < 0 ? -1 : text.lastIndexOf(BEGIN, endAt);
  let next: string;
  if (start >= 0 && endAt >= 0) {
    // The section without its last newline: what follows the end marker stays as it was.
    next = text.slice(0, start) + GUIDE_SECTION.slice(0, -1) + text.slice(endAt + END.length);
  } else {
    const sep = text === "" ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
    next = text + sep + GUIDE_SECTION;
  }
  return { text: next, change: next === text ? "unchanged" : "updated" };
}

export const MCP_ENTRY = { command: "npx", args: ["taskgate", "mcp"] } as const;

export type McpJsonPlan = { ok: true; text: string; change: Change } | { ok: false; message: string };

/**
 * .mcp.json with a `taskgate` server: added when missing; an existing one (perhaps with --as
 * or env of the user's) is left alone. Written with the file's own indentation.
 */
export function withMcpEntry(file: string, text: string | undefined): McpJsonPlan {
  if (text === undefined) {
    return {
      ok: true,
      text: `${JSON.stringify({ mcpServers: { taskgate: MCP_ENTRY } }, null, 2)}\n`,
      change: "created",
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${file} is not valid JSON (${(e as Error).message}); fix it, then run again` };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    return { ok: false, message: `${file} must hold a JSON object with "mcpServers"` };
  const o = doc as Record<string, unknown>;
  const servers = o.mcpServers ?? {};
  if (typeof servers !== "object" || servers === null || Array.isArray(servers))
    return { ok: false, message: `"mcpServers" in ${file} must be an object` };
  if ("taskgate" in servers) return { ok: true, text, change: "unchanged" };
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? "  ";
  const out = { ...o, mcpServers: { ...(servers as Record<string, unknown>), taskgate: MCP_ENTRY } };
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  return { ok: true, text: `${JSON.stringify(out, null, indent).replace(/\n/g, eol)}${eol}`, change: "updated" };
}
