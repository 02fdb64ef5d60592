// `agents install`: the instructions agents read where they look (AGENTS.md, CLAUDE.md) and
// the MCP server entry in .mcp.json, at the repository's root. Running it again changes nothing.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import { type Change, withGuideSection, withMcpEntry } from "../rules/agent-guides.js";
import { RefusedError } from "./errors.js";

export interface Installed {
  readonly file: string;
  readonly change: Change;
}

const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

export function installAgentGuides(root: string): Installed[] {
  // Every plan made before anything is written: a broken .mcp.json changes no file.
  const mcp = withMcpEntry(".mcp.json", read(join(root, ".mcp.json")));
  if (!mcp.ok) throw new RefusedError(mcp.message);
  const plans = [
    ...["AGENTS.md", "CLAUDE.md"].map((file) => ({ file, ...withGuideSection(read(join(root, file))) })),
    { file: ".mcp.json", text: mcp.text, change: mcp.change },
  ];
  for (const p of plans)
    if (p.change !== "unchanged") writeFileAtomic(join(root, p.file), Buffer.from(p.text), undefined);
  return plans.map((p) => ({ file: p.file, change: p.change }));
}
