import { describe, expect, it } from 'vitest';
import { wireRecordKey, wireRecordSchema } from './wire-record.ts';

const hlc = '000001700000000-000000-dev';

describe('wire records', () => {
  it('accept what a newer version wrote: an unknown table, field or value', () => {
    const change = {
      table: 'attachments',
      record: { id: 'x', updatedAt: hlc, deleted: false, role: 'tool', bytes: 3 },
    };
    expect(wireRecordSchema.parse(change)).toEqual(change);
    expect(wireRecordKey(change)).toBe('x');
  });

  it('refuse a record that cannot be merged: no identity, no clock, no deleted flag', () => {
    expect(wireRecordSchema.safeParse({ table: 'chats', record: { updatedAt: hlc, deleted: false } }).success).toBe(
      false,
    );
    expect(
      wireRecordSchema.safeParse({ table: 'settings', record: { id: 'x', updatedAt: hlc, deleted: false } }).success,
    ).toBe(false);
    expect(
      wireRecordSchema.safeParse({ table: 'chats', record: { id: 'x', updatedAt: 'yesterday', deleted: false } })
        .success,
    ).toBe(false);
    expect(wireRecordSchema.safeParse({ table: 'chats', record: { id: 'x', updatedAt: hlc } }).success).toBe(false);
    expect(
      wireRecordSchema.safeParse({ table: '../x', record: { id: 'x', updatedAt: hlc, deleted: false } }).success,
    ).toBe(false);
  });
});
