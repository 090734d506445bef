import { mcpServerSettingKey, type Setting, settingVersionSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { deleteMcpServer, getMcpSecret, listMcpServers, saveMcpServer } from './mcp-servers-repository.ts';

const fields = {
  name: 'Notes',
  url: 'https://mcp.example.com/mcp',
  transport: 'streamable-http',
  enabled: true,
  connection: 'direct',
} as const;
const secret = { bearerToken: 'canary-mcp-token', headers: { 'x-api-key': 'canary-header-key' } };

describe('MCP servers on this device', () => {
  it('are synced settings of their own, their secrets in a device-local table', async () => {
    const storage = testStorage();
    const server = await saveMcpServer(storage, { fields, secret });
    const key = mcpServerSettingKey(server.id);
    const setting = await storage.db.settings.get(key);
    // The setting is a valid synced record, and neither the token nor the header travels with it.
    expect(settingVersionSchema.safeParse(setting).success).toBe(true);
    expect(JSON.stringify(setting)).not.toContain('canary');
    expect(await storage.db.outbox.get(`settings\u0000${key}`)).toBeDefined();
    expect(await getMcpSecret(storage.db, server.id)).toEqual(secret);
    expect(await storage.db.outbox.filter((entry) => entry.table !== 'settings').count()).toBe(0);
    expect(await listMcpServers(storage.db)).toEqual([server]);
  });

  it('keep fields a newer version wrote through an edit', async () => {
    const storage = testStorage();
    const server = await saveMcpServer(storage, { fields, secret });
    const key = mcpServerSettingKey(server.id);
    const stored = await storage.db.settings.get(key);
    if (stored === undefined || stored.deleted) throw new Error('not stored');
    const newer: Setting = { ...stored, value: { ...server, toolPolicy: { add: 'always' } } };
    await storage.db.settings.put(newer);
    await saveMcpServer(storage, { id: server.id, fields: { ...fields, enabled: false }, secret });
    expect(await storage.db.settings.get(key)).toMatchObject({
      value: { enabled: false, toolPolicy: { add: 'always' } },
    });
  });

  it('delete as a tombstone and forget the secret', async () => {
    const storage = testStorage();
    const server = await saveMcpServer(storage, { fields, secret });
    await deleteMcpServer(storage, server.id);
    expect(await listMcpServers(storage.db)).toEqual([]);
    expect(await storage.db.settings.get(mcpServerSettingKey(server.id))).toMatchObject({ deleted: true });
    expect(await storage.db.mcpSecrets.count()).toBe(0);
  });
});
