import { z } from 'zod/mini';
import { httpUrlSchema } from './http-url.ts';
import { idSchema } from './id.ts';

/** How the app speaks to an MCP server: Streamable HTTP (the current revision), or the older HTTP+SSE. */
export const mcpTransportSchema = z.enum(['streamable-http', 'sse']);
export type McpTransport = z.infer<typeof mcpTransportSchema>;

/** Straight from the browser, or through the server's MCP relay (for servers that refuse CORS). */
export const mcpConnectionSchema = z.enum(['direct', 'relay']);
export type McpConnection = z.infer<typeof mcpConnectionSchema>;

/** The editable fields of an MCP server, as the form submits them. */
export const mcpServerFieldsSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(200, 'Name is too long')),
  url: httpUrlSchema.check(z.maxLength(2_000, 'URL is too long')),
  transport: mcpTransportSchema,
  enabled: z.boolean(),
  connection: mcpConnectionSchema,
});
export type McpServerFields = z.infer<typeof mcpServerFieldsSchema>;

/**
 * An MCP server the person added. It is stored as the value of a synced setting of its own
 * (`mcpServer.<id>`, see mcp-server-key.ts), so each server merges by its own clock and an older app
 * version syncs it untouched (docs/records.md, "MCP servers"). Its token and headers are not here: they
 * are device-local (mcp-secret.ts).
 */
export const mcpServerSchema = z.looseObject({ id: idSchema, ...mcpServerFieldsSchema.shape });
export type McpServer = z.infer<typeof mcpServerSchema>;

const settingKeyPrefix = 'mcpServer.';

/** The setting key that holds an MCP server. */
export function mcpServerSettingKey(id: string): string {
  return `${settingKeyPrefix}${id}`;
}

/** Whether a setting key holds an MCP server. */
export function isMcpServerSettingKey(key: string): boolean {
  return key.startsWith(settingKeyPrefix);
}

/** The first and last possible MCP server setting keys, for a range read. */
export const mcpServerSettingKeyRange = [settingKeyPrefix, `${settingKeyPrefix}\uffff`] as const;
