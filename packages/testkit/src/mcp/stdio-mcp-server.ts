// A stdio MCP server for tests: `npx tsx packages/testkit/src/mcp/stdio-mcp-server.ts [name]` speaks MCP on
// stdin/stdout with the fake's tools, and ends when stdin closes.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createFakeMcpServer } from './mcp-catalog.ts';

const server = createFakeMcpServer({ name: process.argv[2] ?? 'fake-stdio', runs: { slowStarted: 0, slowAborted: 0 } });
await server.connect(new StdioServerTransport());
