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
    expect(syncPushRequestSchema.safeParse({ protocolVersion: 2, mutations: [mutation] }).success).toBe(true);
    expect(syncPushRequestSchema.safeParse({ protocolVersion: 1, mutations: [mutation] }).success).toBe(false);
    expect(syncPushRequestSchema.safeParse({ protocolVersion: 2, mutations: Array(501).fill(mutation) }).success).toBe(
      false,
    );
  });

  it('keep fields this version does not know, at the top and nested', () => {
    const newer = { ...chat, params: { temperature: 0.5, topP: 0.9 }, folder: { id: 'f', path: ['a', 'b'] } };
    const parsed = syncRecordSchema.parse({ table: 'chats', record: newer });
    expect(parsed.record).toEqual(newer);
  });

  it('refuse a field that no parse could keep, instead of dropping it', () => {
    const hostile = JSON.parse(
      `{"table":"chats","record":${JSON.stringify(chat).replace('"title"', '"__proto__":{"x":1},"title"')}}`,
    );
    const parsed = syncRecordSchema.safeParse(hostile);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('__proto__');
  });

  it('reduce a tombstone to its identity and clock, whatever else it carries', () => {
    const parsed = syncRecordSchema.parse({ table: 'chats', record: { ...chat, title: 'secret', deleted: true } });
    expect(parsed.record).toEqual({ id: chat.id, updatedAt: hlc, deleted: true });
    const setting = syncRecordSchema.parse({
      table: 'settings',
      record: { key: 'defaultModelConfigId', value: chat.id, updatedAt: hlc, deleted: true },
    });
    expect(setting.record).toEqual({ key: 'defaultModelConfigId', updatedAt: hlc, deleted: true });
  });

  it('accept the minimal tombstone, and refuse a live record without its fields', () => {
    expect(
      syncRecordSchema.safeParse({ table: 'messages', record: { id: chat.id, updatedAt: hlc, deleted: true } }).success,
    ).toBe(true);
    expect(
      syncRecordSchema.safeParse({ table: 'messages', record: { id: chat.id, updatedAt: hlc, deleted: false } })
        .success,
    ).toBe(false);
  });

  it('keep settings a newer version added, but never a device-local one', () => {
    const record = { key: 'fontScale', value: 1.25, updatedAt: hlc, deleted: false };
    expect(syncRecordSchema.parse({ table: 'settings', record }).record).toEqual(record);
    const local = { key: 'relayToken', updatedAt: hlc, deleted: true };
    expect(syncRecordSchema.safeParse({ table: 'settings', record: local }).success).toBe(false);
  });
});
