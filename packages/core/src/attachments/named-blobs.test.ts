import type { SyncMutation } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { blobsNamedBy } from './named-blobs.ts';

const hash = (digit: string) => digit.repeat(64);
const message = (id: string, fields: Record<string, unknown>): SyncMutation =>
  ({
    mutationId: 1,
    change: { table: 'messages', record: { id, updatedAt: 'x', deleted: false, ...fields } },
  }) as never;

describe('blobsNamedBy', () => {
  it("names each hash of the live messages' attachments once, in order", () => {
    const mutations = [
      message('a', { attachments: [{ hash: hash('1') }, { hash: hash('2') }] }),
      message('b', { attachments: [{ hash: hash('2') }, { hash: hash('3'), name: 'x', future: { nested: true } }] }),
      message('c', {}),
    ];
    expect(blobsNamedBy(mutations)).toEqual([hash('1'), hash('2'), hash('3')]);
  });

  it('passes over tombstones, other tables and anything that is not a hash', () => {
    const mutations: SyncMutation[] = [
      { mutationId: 1, change: { table: 'messages', record: { id: 'a', updatedAt: 'x', deleted: true } } } as never,
      {
        mutationId: 2,
        change: { table: 'chats', record: { id: 'b', deleted: false, attachments: [{ hash: hash('4') }] } },
      } as never,
      message('c', { attachments: [{ hash: 'not a hash' }, null, 7, { hash: hash('A') }] }),
      message('d', { attachments: { hash: hash('5') } }),
    ];
    expect(blobsNamedBy(mutations)).toEqual([]);
  });
});
