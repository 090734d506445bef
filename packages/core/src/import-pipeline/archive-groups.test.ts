import { type SyncRecord, syncRecordKey } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../archive/read-archive.ts';
import { chatChange, clockAt, messageChange, settingChange } from '../sync/test/sync-fixtures.ts';
import { archiveGroups } from './archive-groups.ts';

const chatA = chatChange({ id: '01890a5d-ac96-774b-bcce-b302099a8001' });
const chatB = chatChange({ id: '01890a5d-ac96-774b-bcce-b302099a8002' });
const messageOf = (chat: SyncRecord, id: string): SyncRecord => {
  const message = messageChange({ id });
  return { ...message, record: { ...message.record, chatId: syncRecordKey(chat) } };
};
const a1 = messageOf(chatA, '01890a5e-0f00-7a2b-8c3d-4e5f60718201');
const a2 = messageOf(chatA, '01890a5e-0f00-7a2b-8c3d-4e5f60718202');
const b1 = messageOf(chatB, '01890a5e-0f00-7a2b-8c3d-4e5f60718203');
const tombstone: SyncRecord = {
  table: 'messages',
  record: { id: '01890a5e-0f00-7a2b-8c3d-4e5f60718204', updatedAt: clockAt(1), deleted: true },
};
const setting = settingChange('defaultModelConfigId');

async function* entries(...records: (SyncRecord | 'unreadable')[]): AsyncGenerator<ArchiveEntry> {
  for (const [line, change] of records.entries()) {
    if (change === 'unreadable') {
      yield {
        kind: 'unreadable',
        line,
        change: { table: 'folders', record: { id: 'f', updatedAt: clockAt(0), deleted: false } },
        reason: '',
      };
    } else yield { kind: 'record', line, change };
  }
}

async function groupsOf(source: AsyncGenerator<ArchiveEntry>, looseBatchSize?: number) {
  const groups = [];
  for await (const group of archiveGroups(source, looseBatchSize === undefined ? {} : { looseBatchSize }))
    groups.push(group);
  return groups;
}

describe('archiveGroups', () => {
  it('puts each chat with the messages that follow it, and the other records in batches, in file order', async () => {
    const groups = await groupsOf(entries(setting, chatA, a1, a2, chatB, b1, tombstone));
    expect(groups.map((group) => group.records)).toEqual([[setting], [chatA, a1, a2], [chatB, b1], [tombstone]]);
    expect(groups.every((group) => group.clocks === 'keep-time')).toBe(true);
  });

  it('writes a message that is not right after its chat on its own, whatever order a file has', async () => {
    const groups = await groupsOf(
      entries(a1, chatA, a2, chatB, messageOf(chatA, '01890a5e-0f00-7a2b-8c3d-4e5f60718299')),
      1,
    );
    expect(groups.map((group) => group.records.map(syncRecordKey))).toEqual([
      [syncRecordKey(a1)],
      [syncRecordKey(chatA), syncRecordKey(a2)],
      ['01890a5e-0f00-7a2b-8c3d-4e5f60718299'],
      [syncRecordKey(chatB)],
    ]);
  });

  it('counts the records this version cannot read as a note, writing none of them', async () => {
    const groups = await groupsOf(entries(chatA, 'unreadable', a1, 'unreadable'));
    expect(groups).toEqual([
      { records: [chatA, a1], clocks: 'keep-time', notes: [] },
      { records: [], clocks: 'keep-time', notes: [{ kind: 'newer_record_skipped', count: 2 }] },
    ]);
  });
});
