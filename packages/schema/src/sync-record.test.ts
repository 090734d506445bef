import { describe, expect, it } from 'vitest';
import { syncPushRequestSchema } from './sync-protocol.ts';
import { syncRecordKey, syncRecordSchema } from './sync-record.ts';

const hlc = '000001700000000-000000-dev';
const chat = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  updatedAt: hlc,
  deleted: false,
  title: 't',
  systemPrompt: '',
  modelConfigId: null,
  params: {},
  pinned: false,
  forkedFrom: null,
  createdAt: 1,
  lastActivityAt: 1,
};

describe('sync records', () => {
  it('validate each table’s record with that table’s schema', () => {
    expect(syncRecordSchema.safeParse({ table: 'chats', record: chat }).success).toBe(true);
    expect(syncRecordSchema.safeParse({ table: 'messages', record: chat }).success).toBe(false);
    expect(
      syncRecordSchema.safeParse({ table: 'secrets', record: { modelConfigId: chat.id, apiKey: 'k' } }).success,
    ).toBe(false);
  });

  it('refuse device-local settings so they never leave the device', () => {
    const setting = (key: string) => ({
      table: 'settings',
      record: { key, value: 'x', updatedAt: hlc, deleted: false },
    });
    expect(syncRecordSchema.safeParse(setting('defaultModelConfigId')).success).toBe(true);
    expect(syncRecordSchema.safeParse(setting('relayToken')).success).toBe(false);
    expect(syncRecordSchema.safeParse(setting('theme')).success).toBe(false);
  });

  it('name settings by key and other records by id', () => {
    expect(syncRecordKey({ table: 'chats', record: chat })).toBe(chat.id);
  });

  it('refuse a push with an unknown protocol version or too many mutations', () => {
    const mutation = { mutationId: 1, change: { table: 'chats', record: chat } };
    expect(syncPushRequestSchema.safeParse({ protocolVersion: 1, mutations: [mutation] }).success).toBe(true);
    expect(syncPushRequestSchema.safeParse({ protocolVersion: 2, mutations: [mutation] }).success).toBe(false);
    expect(syncPushRequestSchema.safeParse({ protocolVersion: 1, mutations: Array(501).fill(mutation) }).success).toBe(
      false,
    );
  });
});
