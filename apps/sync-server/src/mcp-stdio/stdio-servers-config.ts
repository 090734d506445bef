import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { StartupError } from '../startup-error.ts';

/**
 * One stdio MCP server as the operator defines it. Only this file names commands: a client picks a server by
 * its name and can never send a command, an argument or an environment variable.
 */
const stdioServerSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a name of lowercase letters, digits, _ and - (at most 64)'),
  description: z.string().max(500).optional(),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  /** Added to the few variables the SDK passes on (PATH, HOME...); the server's own settings never are. */
  env: z.record(z.string(), z.string()).default({}),
  /** Relative to the config file. */
  cwd: z.string().optional(),
});

const stdioConfigSchema = z
  .strictObject({ servers: z.array(stdioServerSchema).max(100) })
  .refine(
    (config) => new Set(config.servers.map((server) => server.name)).size === config.servers.length,
    'two servers have the same name',
  );

export type StdioServerDefinition = z.output<typeof stdioServerSchema>;

/** Reads and checks the operator's stdio servers file; a problem stops the start with a message saying where. */
export function readStdioServersConfig(path: string): StdioServerDefinition[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as { code?: string }).code ?? 'unreadable';
    throw new StartupError('mcp_stdio_config_invalid', `MCP_STDIO_CONFIG: cannot read ${path} (${reason}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StartupError('mcp_stdio_config_invalid', `MCP_STDIO_CONFIG: ${path} is not valid JSON.`);
  }
  const parsed = stdioConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : `${issue.path.join('.') || 'the file'}: ${issue.message}`;
    throw new StartupError(
      'mcp_stdio_config_invalid',
      `MCP_STDIO_CONFIG: ${path} is not a list of stdio servers (${where}). Expected {"servers":[{"name","command","args"}]}.`,
    );
  }
  const base = dirname(path);
  return parsed.data.servers.map((server) =>
    server.cwd === undefined ? server : { ...server, cwd: resolve(base, server.cwd) },
  );
}
