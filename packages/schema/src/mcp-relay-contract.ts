// The MCP relay's wire contract (docs/relay.md, "The MCP relay"), shared by the server and the app. It is the
// LLM relay's gate (token, rate limit, address guard, limits) with MCP's headers, at a path of its own.

/**
 * Where the MCP relay is mounted: `<server>/mcp-relay/v1` goes to the MCP endpoint named by `x-relay-upstream`
 * (the whole URL, nothing appended). The relay's token header is the LLM relay's.
 */
export const mcpRelayPathPrefix = '/mcp-relay/v1';

/** The operator's stdio servers: `GET <prefix>` lists them, `<prefix>/<name>` speaks Streamable HTTP to one. */
export const mcpStdioPathPrefix = '/mcp-relay/v1/stdio';
