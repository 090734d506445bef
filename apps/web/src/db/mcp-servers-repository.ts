import { uuidV7 } from '@hearth/core';
import {
  type McpSecret,
  type McpServer,
  type McpServerFields,
  mcpServerSchema,
  mcpServerSettingKey,
  mcpServerSettingKeyRange,
  settingSchema,
} from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { isLive, nextVersion } from './record-versions.ts';
import type { Storage } from './storage.ts';

/** What an MCP server needs from this device only: its token and extra headers. */
export type McpServerSecret = Omit<McpSecret, 'mcpServerId'>;

/**
 * Creates or updates an MCP server (a synced setting of its own) and its device-local secret in one
 * transaction. Fields of the server this version does not know are kept from the version it replaces.
 */
export async function saveMcpServer(
  storage: Storage,
  input: { id?: string; fields: McpServerFields; secret: McpServerSecret },
): Promise<McpServer> {
  const { db } = storage;
  return db.transaction('rw', db.settings, db.mcpSecrets, async () => {
    const id = input.id ?? uuidV7();
    const key = mcpServerSettingKey(id);
    const current = await db.settings.get(key);
    const currentValue = isLive(current) ? current.value : undefined;
    const server = nextVersion(mcpServerSchema, currentValue, { ...input.fields, id });
    const next = { key, value: server, updatedAt: storage.clock.tick(), deleted: false as const };
    await db.settings.put(nextVersion(settingSchema, isLive(current) ? current : undefined, next));
    const { bearerToken, headers } = input.secret;
    if (bearerToken.trim() !== '' || Object.keys(headers).length > 0) {
      await db.mcpSecrets.put({ mcpServerId: id, bearerToken: bearerToken.trim(), headers });
    } else {
      await db.mcpSecrets.delete(id);
    }
    return server;
  });
}

/** Deletes an MCP server (a setting tombstone, which syncs) and forgets its secret on this device. */
export async function deleteMcpServer(storage: Storage, id: string): Promise<void> {
  const { db } = storage;
  await db.transaction('rw', db.settings, db.mcpSecrets, async () => {
    const key = mcpServerSettingKey(id);
    if (!isLive(await db.settings.get(key))) return;
    await db.settings.put({ key, updatedAt: storage.clock.tick(), deleted: true });
    await db.mcpSecrets.delete(id);
  });
}

/** The MCP servers this version can read, by name; a value it cannot read (a newer version's) is left alone. */
export async function listMcpServers(db: AppDatabase): Promise<McpServer[]> {
  const [lower, upper] = mcpServerSettingKeyRange;
  const settings = await db.settings.where('key').between(lower, upper).toArray();
  const servers: McpServer[] = [];
  for (const setting of settings) {
    if (!isLive(setting)) continue;
    const parsed = mcpServerSchema.safeParse(setting.value);
    if (parsed.success && mcpServerSettingKey(parsed.data.id) === setting.key) servers.push(parsed.data);
  }
  return servers.sort((a, b) => a.name.localeCompare(b.name));
}

/** One MCP server, if it is there and this version can read it. */
export async function getMcpServer(db: AppDatabase, id: string): Promise<McpServer | undefined> {
  const setting = await db.settings.get(mcpServerSettingKey(id));
  if (!isLive(setting)) return undefined;
  const parsed = mcpServerSchema.safeParse(setting.value);
  return parsed.success ? parsed.data : undefined;
}

/** The token and headers this device keeps for an MCP server (empty when none). */
export async function getMcpSecret(db: AppDatabase, id: string): Promise<McpServerSecret> {
  const stored = await db.mcpSecrets.get(id);
  return { bearerToken: stored?.bearerToken ?? '', headers: stored?.headers ?? {} };
}
