import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

/** What the fake MCP server offers, so tests name it once. */
export const fakeMcpCatalog = {
  tools: ['add', 'slow', 'fail', 'big'],
  resource: { name: 'welcome', uri: 'notes://welcome', text: 'Welcome to the fake notes.' },
  prompt: 'summarize',
  failMessage: 'The fail tool always fails: nothing was done.',
} as const;

/** Observations of the tools' runs, for tests that check an abort reached the server. */
export interface McpToolRuns {
  slowStarted: number;
  slowAborted: number;
}

/** A fresh MCP server (one per session: the SDK binds a server to one transport) with the fake's tools. */
export function createFakeMcpServer(options: { name: string; runs: McpToolRuns }): McpServer {
  const server = new McpServer({ name: options.name, version: '1.0.0' });
  server.registerTool(
    'add',
    {
      description: 'Adds two numbers.',
      inputSchema: { a: z.number().describe('First number'), b: z.number().describe('Second number') },
    },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  server.registerTool(
    'slow',
    {
      description: 'Waits for the given milliseconds (default: until aborted), then answers "done".',
      inputSchema: { ms: z.optional(z.number().int().min(0)) },
    },
    async ({ ms }, extra) => {
      options.runs.slowStarted += 1;
      await new Promise<void>((resolve, reject) => {
        const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
        extra.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            options.runs.slowAborted += 1;
            reject(new Error('aborted'));
          },
          { once: true },
        );
      });
      return { content: [{ type: 'text', text: 'done' }] };
    },
  );
  server.registerTool('fail', { description: 'Always fails with an error result.' }, async () => ({
    isError: true,
    content: [{ type: 'text', text: fakeMcpCatalog.failMessage }],
  }));
  server.registerTool(
    'big',
    {
      description: 'Returns a text of the given size in bytes (ASCII).',
      inputSchema: { bytes: z.number().int().min(0).max(64_000_000) },
    },
    async ({ bytes }) => ({ content: [{ type: 'text', text: 'x'.repeat(bytes) }] }),
  );
  const { resource } = fakeMcpCatalog;
  server.registerResource(
    resource.name,
    resource.uri,
    { description: 'A short welcome note.', mimeType: 'text/plain' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: resource.text }] }),
  );
  server.registerPrompt(
    fakeMcpCatalog.prompt,
    { description: 'Asks for a summary of a topic.', argsSchema: { topic: z.string() } },
    ({ topic }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Summarize ${topic}.` } }] }),
  );
  return server;
}
