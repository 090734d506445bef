import { z } from 'zod/mini';

/** A stdio MCP server the operator configured, as the server lists it: never its command. */
export const mcpStdioEntrySchema = z.looseObject({
  name: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)),
  description: z.optional(z.string().check(z.maxLength(500))),
});
export type McpStdioEntry = z.infer<typeof mcpStdioEntrySchema>;

/** The answer of `GET /mcp-relay/v1/stdio`. */
export const mcpStdioListSchema = z.looseObject({ servers: z.array(mcpStdioEntrySchema).check(z.maxLength(100)) });
export type McpStdioList = z.infer<typeof mcpStdioListSchema>;
