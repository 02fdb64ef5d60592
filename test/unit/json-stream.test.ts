// list --json writes its document in pieces; the pieces must make exactly what jsonDoc makes.

import { describe, expect, it } from "vitest";
import { jsonDoc, writeJsonDocStream } from "../../src/cli/render.js";

describe("writeJsonDocStream", () => {
  it.each([0, 1, 3, 3000])("writes the same bytes as jsonDoc for %i items", (n) => {
    const items = Array.from({ length: n }, (_, i) => ({
      id: `T-${i + 1}`,
      title: `Line "quoted"\nand ünïcode ${i}`,
      labels: i % 2 ? ["a", "b"] : [],
      fields: { state: "READY", empty: {} },
      lease: null,
    }));
    const chunks: string[] = [];
    const body = { file: "TASKS.md", count: n };
    writeJsonDocStream(
      (c) => chunks.push(c),
      "list",
      body,
      "tasks",
      items,
      (x) => x,
    );
    expect(chunks.join("")).toBe(jsonDoc("list", { ...body, tasks: items }));
    if (n === 3000) expect(chunks.length).toBeGreaterThan(1);
  });
});
