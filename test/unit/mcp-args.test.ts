// The MCP tools' arguments: the schema tools/list shows and the check each call makes come
// from one description, and every wrong value is one sentence.

import { describe, expect, it } from "vitest";
import { type Args, checkArgs, inputSchema } from "../../src/mcp/args.js";
import { TOOLS } from "../../src/mcp/tools.js";

const ARGS: Args = {
  id: { kind: "id", description: "task ID", required: true },
  ttl: { kind: "duration", description: "lease length" },
  labels: { kind: "labels", description: "labels" },
  state: { kind: "state", description: "state" },
  cursor: { kind: "cursor", description: "cursor" },
  limit: { kind: "limit", description: "rows" },
  reason: { kind: "line", description: "why" },
  mine: { kind: "bool", description: "mine" },
};

describe("tool arguments", () => {
  it("normalizes good values", () => {
    expect(
      checkArgs("t", ARGS, {
        id: "t12",
        ttl: "90s",
        labels: [" a ", "b"],
        state: "ready",
        cursor: "20",
        limit: 5,
        reason: " stuck ",
        mine: true,
      }),
    ).toEqual({
      ok: true,
      values: {
        id: "T-12",
        ttl: 90_000,
        labels: ["a", "b"],
        state: "READY",
        cursor: 20,
        limit: 5,
        reason: "stuck",
        mine: true,
      },
    });
  });

  it("refuses each wrong value with one sentence naming the tool and the argument", () => {
    const bad: [Record<string, unknown>, string][] = [
      [{}, 't needs "id": task ID'],
      [
        { id: "T-1", extra: 1 },
        't takes no argument "extra"; it takes id, ttl, labels, state, cursor, limit, reason, mine',
      ],
      [{ id: 12 }, 't: "id" must be a task ID like "T-12", found 12'],
      [{ id: "T-1", ttl: "-5m" }, 't: "ttl" must be a duration like "90s", "30m" or "2h", found "-5m"'],
      [{ id: "T-1", labels: "a" }, 't: "labels" must be a list of one-line strings, found "a"'],
      [{ id: "T-1", state: "WIP" }, 't: "state" must be one of PLAN, READY, DOING, REVIEW, DONE, found "WIP"'],
      [{ id: "T-1", cursor: "x" }, 't: "cursor" must be the cursor a previous answer gave, found "x"'],
      [{ id: "T-1", limit: 51 }, 't: "limit" must be a whole number from 1 to 50, found 51'],
      [{ id: "T-1", reason: "a\nb" }, 't: "reason" must be one line'],
      [{ id: "T-1", reason: "  " }, 't: "reason" must not be empty'],
      [{ id: "T-1", mine: "yes" }, 't: "mine" must be true or false, found "yes"'],
    ];
    for (const [input, message] of bad) expect(checkArgs("t", ARGS, input)).toEqual({ ok: false, message });
  });

  it("describes the same arguments in the schema, required ones listed, nothing else allowed", () => {
    for (const tool of TOOLS) {
      const schema = inputSchema(tool.args) as {
        properties: object;
        required?: string[];
        additionalProperties: boolean;
      };
      expect(Object.keys(schema.properties)).toEqual(Object.keys(tool.args));
      expect(schema.required ?? []).toEqual(Object.keys(tool.args).filter((k) => tool.args[k]?.required));
      expect(schema.additionalProperties).toBe(false);
    }
  });
});
