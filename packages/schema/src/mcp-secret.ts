import { z } from 'zod/mini';
import { headerValueMapSchema } from './header-map.ts';
import { idSchema } from './id.ts';

/**
 * What an MCP server needs to let this device in: a bearer token and extra headers (an API key header, say).
 * Device-local, in a table that never syncs and is never exported, like a model's API key.
 */
export const mcpSecretSchema = z.object({
  mcpServerId: idSchema,
  bearerToken: z.string().check(z.trim(), z.maxLength(10_000, 'Token is too long')),
  headers: headerValueMapSchema,
});
export type McpSecret = z.infer<typeof mcpSecretSchema>;
