import { classifyMcpFailure, type McpProblem } from '@hearth/core';
import { relayErrorHeader } from '@hearth/schema';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { McpTarget } from './mcp-target.ts';

export type McpOutcome<T> = { success: true; value: T } | { success: false; problem: McpProblem };

/** How long one MCP request may take before the attempt counts as timed out. */
const requestTimeoutMs = 20_000;

/**
 * Opens an MCP session with the official SDK's client (loaded only now, so none of it is in the first
 * page load), runs `use` and closes the session (DELETE for Streamable HTTP). A failure comes back named
 * (`McpProblem`) from what was seen: the last HTTP answer and, for a direct request with none, a `no-cors`
 * probe that tells a CORS refusal from nothing listening.
 */
export async function withMcpSession<T>(
  target: McpTarget,
  use: (client: Client, options: { timeout: number }) => Promise<T>,
): Promise<McpOutcome<T>> {
  const [{ Client }, { StreamableHTTPClientTransport }, { SSEClientTransport }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/client/sse.js'),
  ]);
  let lastResponse: { status: number; relayCode?: string | undefined } | undefined;
  const watchedFetch: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    lastResponse = { status: response.status, relayCode: response.headers.get(relayErrorHeader) ?? undefined };
    return response;
  };
  const url = new URL(target.url);
  const requestInit: RequestInit = { headers: target.headers };
  const transport =
    target.transport === 'sse'
      ? new SSEClientTransport(url, { requestInit, fetch: watchedFetch })
      : new StreamableHTTPClientTransport(url, { requestInit, fetch: watchedFetch });
  const client = new Client({ name: 'Hearth', version: '1.0.0' });
  const options = { timeout: requestTimeoutMs };
  try {
    await client.connect(transport, options);
    const value = await use(client, options);
    return { success: true, value };
  } catch (error) {
    const timedOut = (error as { code?: unknown } | null)?.code === -32001;
    const reachableWithoutCors =
      lastResponse === undefined && !target.viaRelay && !timedOut ? await answersOpaquely(target.url) : undefined;
    return {
      success: false,
      problem: classifyMcpFailure({
        viaRelay: target.viaRelay,
        timedOut,
        ...(lastResponse === undefined ? {} : { lastResponse }),
        ...(reachableWithoutCors === undefined ? {} : { reachableWithoutCors }),
      }),
    };
  } finally {
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId !== undefined) {
      await transport.terminateSession().catch(() => {});
    }
    await client.close().catch(() => {});
  }
}

/** Whether anything answers at `url` at all, CORS aside: an opaque response resolves, no server rejects. */
async function answersOpaquely(url: string): Promise<boolean> {
  try {
    await globalThis.fetch(url, { mode: 'no-cors', method: 'GET', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}
