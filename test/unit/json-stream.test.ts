// list --json writes its document in pieces; the pieces must make exactly what jsonDoc makes.

import { describe, expect, it } from "vitest";
import { jsonDoc, writeJsonDocText } from "../../src/cli/render.js";

describe("writeJsonDocText", () => {
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
    writeJsonDocText<(typeof items)[number]>(
      (c) => chunks.push(c),
      "list",
      body,
      "tasks",
      n,
      (each) => {
        for (const x of items) each(x);
      },
      (x, pad) => JSON.stringify(x, null, 2).replace(/\n/g, `\n${pad}`),
    );
    expect(chunks.join("")).toBe(jsonDoc("list", { ...body, tasks: items }));
    if (n === 3000) expect(chunks.length).toBeGreaterThan(1);
  });

  it("refuses to end a document whose items are not as many as it counted", () => {
    const write = () => {};
    const items = (each: (x: number) => void) => [1, 2].forEach(each);
    expect(() => writeJsonDocText(write, "list", {}, "tasks", 3, items, String)).toThrow(/2 items written where 3/);
  });
});
