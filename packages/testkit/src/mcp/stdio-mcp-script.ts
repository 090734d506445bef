import { fileURLToPath } from 'node:url';

/** The stdio MCP server's script, for a test or an operator config to run with `node --import tsx <script>`. */
export const stdioMcpServerScript = fileURLToPath(new URL('./stdio-mcp-server.ts', import.meta.url));
