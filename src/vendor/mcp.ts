// The Model Context Protocol SDK (server side, stdio), loaded only by `taskgate mcp`: its
// bundle (with ajv and zod) is bigger than the rest of the CLI, so no other command pays for it.

export { Server } from "@modelcontextprotocol/sdk/server/index.js";
export { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
export {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
