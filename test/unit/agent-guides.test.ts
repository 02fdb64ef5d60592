// What agents install writes, decided purely: the marked section and the .mcp.json entry.

import { describe, expect, it } from "vitest";
import { BEGIN, END, GUIDE_SECTION, MCP_ENTRY, withGuideSection, withMcpEntry } from "../../src/rules/agent-guides.js";

describe("the guide section", () => {
  it("is created, appended after a blank line, replaced in place, and the same the second time", () => {
    expect(withGuideSection(undefined)).toEqual({ text: GUIDE_SECTION, change: "created" });
    expect(withGuideSection("").text).toBe(GUIDE_SECTION);
    for (const before of ["# Notes", "# Notes\n", "# Notes\n\n", "# Notes\r\n"]) {
      const once = withGuideSection(before);
      expect(once.change).toBe("updated");
      expect(once.text.startsWith(before)).toBe(true);
      expect(once.text.slice(before.length).replace(/^(\r?\n)+/, "")).toBe(GUIDE_SECTION);
      expect(withGuideSection(once.text)).toEqual({ text: once.text, change: "unchanged" });
    }
    const old = `top\n${BEGIN}\nold words\n${END}\nbottom`;
    expect(withGuideSection(old).text).toBe(`top\n${GUIDE_SECTION}bottom`);
  });

  it("leaves a begin marker without its end alone and appends a whole section", () => {
    const broken = `a\n${BEGIN}\nhalf\n`;
    expect(withGuideSection(broken).text).toBe(`${broken}\n${GUIDE_SECTION}`);
    const once = withGuideSection(broken).text;
    expect(withGuideSection(once)).toEqual({ text: once, change: "unchanged" });
  });
});

describe("the .mcp.json entry", () => {
  it("is added with the file's indentation and line ends, keeping everything else", () => {
    const tabs = '{\r\n\t"mcpServers": {\r\n\t\t"x": {"command": "x"}\r\n\t},\r\n\t"keep": true\r\n}\r\n';
    const r = withMcpEntry(".mcp.json", tabs);
    if (!r.ok) throw new Error(r.message);
    expect(r.change).toBe("updated");
    expect(r.text).toContain('\r\n\t"mcpServers": {\r\n\t\t"x": {\r\n\t\t\t"command": "x"\r\n\t\t},');
    expect(JSON.parse(r.text)).toEqual({ mcpServers: { x: { command: "x" }, taskgate: MCP_ENTRY }, keep: true });
    expect(withMcpEntry(".mcp.json", r.text)).toEqual({ ok: true, text: r.text, change: "unchanged" });
  });

  it("adds mcpServers when absent, and keeps a taskgate entry the user wrote", () => {
    const r = withMcpEntry(".mcp.json", '{"other": 1}');
    expect(r.ok && JSON.parse(r.text)).toEqual({ other: 1, mcpServers: { taskgate: MCP_ENTRY } });
    const mine = '{"mcpServers": {"taskgate": {"command": "taskgate", "args": ["--as", "bot", "mcp"]}}}';
    expect(withMcpEntry(".mcp.json", mine)).toEqual({ ok: true, text: mine, change: "unchanged" });
  });

  it("refuses what it cannot edit safely, with one sentence", () => {
    expect(withMcpEntry(".mcp.json", "{")).toMatchObject({ ok: false });
    expect(withMcpEntry(".mcp.json", "[]")).toEqual({
      ok: false,
      message: '.mcp.json must hold a JSON object with "mcpServers"',
    });
    expect(withMcpEntry(".mcp.json", '{"mcpServers": []}')).toEqual({
      ok: false,
      message: '"mcpServers" in .mcp.json must be an object',
    });
  });
});
