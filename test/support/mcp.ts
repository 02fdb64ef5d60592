// A real MCP client (the SDK's own, over stdio) talking to a real `taskgate mcp` process.
// Every successful tool result is checked against the tool's output schema with the SDK's
// validator, and its text must be the same JSON as its structuredContent.

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { expect } from "vitest";
import { baseEnv } from "./cli.js";
import { CLI } from "./paths.js";

export interface ToolAnswer {
  readonly isError: boolean;
  /** structuredContent on success; the parsed error object ({code, message, next, ...}) on error. */
  readonly value: Record<string, unknown>;
}

export interface Agent {
  readonly client: Client;
  readonly transport: StdioClientTransport;
  readonly pid: number;
  readonly stderr: () => string;
  call(name: string, args?: Record<string, unknown>): Promise<ToolAnswer>;
  /** Ends stdin (EOF) and waits for the process to exit. */
  close(): Promise<void>;
}

const validator = new AjvJsonSchemaValidator();

export async function connectAgent(
  dir: string,
  opts: { as?: string; env?: Record<string, string>; args?: string[] } = {},
): Promise<Agent> {
  const args = [CLI, ...(opts.as ? ["--as", opts.as] : []), ...(opts.args ?? []), "mcp"];
  const env = baseEnv(opts.env) as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args, cwd: dir, env, stderr: "pipe" });
  let err = "";
  transport.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const client = new Client({ name: "taskgate-test", version: "1.0.0" });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const schemas = new Map(tools.map((t) => [t.name, t.outputSchema]));
  return {
    client,
    transport,
    pid: transport.pid as number,
    stderr: () => err,
    async call(name, a = {}) {
      const r = (await client.callTool({ name, arguments: a })) as {
        content: { type: string; text: string }[];
        structuredContent?: Record<string, unknown>;
        isError?: boolean;
      };
      const text = JSON.parse(r.content[0]?.text ?? "null");
      if (r.isError) {
        expect(r.structuredContent).toBeUndefined();
        expect(Object.keys(text)).toEqual(["error"]);
        return { isError: true, value: text.error };
      }
      const schema = schemas.get(name);
      expect(schema, `${name} has an output schema`).toBeDefined();
      const check = validator.getValidator(schema as never)(r.structuredContent);
      expect(check.valid ? "" : check.errorMessage, `${name}'s output against its schema`).toBe("");
      expect(text).toEqual(r.structuredContent);
      return { isError: false, value: r.structuredContent as Record<string, unknown> };
    },
    close: () => transport.close(),
  };
}
