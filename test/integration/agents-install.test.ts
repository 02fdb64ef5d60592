// `agents install` on a repository that already has AGENTS.md, CLAUDE.md and a .mcp.json with
// another server: only taskgate's marked section and entry are added, everything else kept
// byte for byte, and a second run changes nothing.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BEGIN, END } from "../../src/rules/agent-guides.js";
import { makeRepo, runCli } from "../support/cli.js";

const AGENTS = "# Agents\n\nUse pnpm, not npm.\n\n## Style\nTabs.\n"; // ends with a newline
const CLAUDE = "# Claude\r\nRun `make check` before you stop."; // CRLF, no final newline
const MCP = `{
    "mcpServers": {
        "github": { "command": "gh-mcp", "args": ["--read-only"], "env": { "GH_HOST": "example.com" } }
    },
    "other": [1, 2, 3]
}
`;

const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");

describe("agents install", () => {
  it("adds its section and entry, keeps the rest byte for byte, and changes nothing the second time", async () => {
    const dir = await makeRepo();
    writeFileSync(join(dir, "AGENTS.md"), AGENTS);
    writeFileSync(join(dir, "CLAUDE.md"), CLAUDE);
    writeFileSync(join(dir, ".mcp.json"), MCP);
    const first = await runCli(["agents", "install"], { cwd: dir });
    expect([first.code, first.stderr]).toEqual([0, ""]);
    expect(first.stdout).toBe("AGENTS.md: updated\nCLAUDE.md: updated\n.mcp.json: updated\n");

    const agents = read(dir, "AGENTS.md");
    expect(agents.startsWith(`${AGENTS}\n${BEGIN}\n`)).toBe(true);
    expect(agents.endsWith(`${END}\n`)).toBe(true);
    expect(agents).toContain("claim_task");
    const claude = read(dir, "CLAUDE.md");
    expect(claude.startsWith(`${CLAUDE}\n\n${BEGIN}`)).toBe(true);
    const mcp = JSON.parse(read(dir, ".mcp.json"));
    const before = JSON.parse(MCP);
    expect(mcp.mcpServers.github).toEqual(before.mcpServers.github);
    expect(mcp.other).toEqual(before.other);
    expect(mcp.mcpServers.taskgate).toEqual({ command: "npx", args: ["taskgate", "mcp"] });
    // The file's own indentation (4 spaces) is kept.
    expect(read(dir, ".mcp.json")).toContain('\n    "mcpServers": {\n        "github": {');

    const snapshot = ["AGENTS.md", "CLAUDE.md", ".mcp.json"].map((f) => read(dir, f));
    const second = await runCli(["agents", "install"], { cwd: dir });
    expect(second.stdout).toBe("AGENTS.md: unchanged\nCLAUDE.md: unchanged\n.mcp.json: unchanged\n");
    expect(["AGENTS.md", "CLAUDE.md", ".mcp.json"].map((f) => read(dir, f))).toEqual(snapshot);

    // Text added after the section by hand stays; an old section is replaced in place.
    writeFileSync(join(dir, "AGENTS.md"), `${agents.replace("claim_task", "OLD")}\n## Later\nMine.\n`);
    const third = await runCli(["agents", "install"], { cwd: dir });
    expect(third.stdout).toContain("AGENTS.md: updated");
    expect(read(dir, "AGENTS.md")).toBe(`${agents}\n## Later\nMine.\n`);
  });

  it("creates the files where missing, and refuses a broken .mcp.json without writing anything", async () => {
    const dir = await makeRepo();
    const r = await runCli(["agents", "install"], { cwd: dir });
    expect(r.stdout).toBe("AGENTS.md: created\nCLAUDE.md: created\n.mcp.json: created\n");
    expect(read(dir, "AGENTS.md").startsWith(BEGIN)).toBe(true);
    expect(JSON.parse(read(dir, ".mcp.json"))).toEqual({
      mcpServers: { taskgate: { command: "npx", args: ["taskgate", "mcp"] } },
    });

    const broken = await makeRepo();
    writeFileSync(join(broken, ".mcp.json"), '{ "mcpServers": ');
    const b = await runCli(["agents", "install"], { cwd: broken });
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^taskgate: \.mcp\.json is not valid JSON \(.*\); fix it, then run again\n$/);
    expect(existsSync(join(broken, "AGENTS.md"))).toBe(false);
  });
});
