import type { SyncRecord } from '@hearth/schema';
import type { ArchiveEntry } from '../archive/read-archive.ts';
import type { ImportGroup } from './import-group.ts';

export interface ArchiveGroupsOptions {
  /** Records that stand alone are written this many to a transaction (their order does not matter). */
  looseBatchSize?: number;
}

/** The note on records of a newer app version (or a table this one lacks) that an import leaves out. */
export const unreadableRecordNote = 'newer_record_skipped';

/**
 * Groups an archive's records for writing: each chat with the messages that follow it (our writer puts a
 * chat's messages right after it), and the other records in batches. A message not right after its chat
 * (another writer's order) is written on its own, so the reader accepts any order.
 */
export async function* archiveGroups(
  entries: AsyncIterable<ArchiveEntry>,
  options: ArchiveGroupsOptions = {},
): AsyncGenerator<ImportGroup> {
  const batchSize = options.looseBatchSize ?? 500;
  let chat: SyncRecord[] = [];
  let chatId: string | undefined;
  let loose: SyncRecord[] = [];
  let unreadable = 0;
  const group = (records: SyncRecord[]): ImportGroup => ({ records, clocks: 'keep-time', notes: [] });

  for await (const entry of entries) {
    if (entry.kind === 'unreadable') unreadable += 1;
    if (entry.kind !== 'record') continue;
    const { change } = entry;
    if (change.table === 'chats') {
      if (chat.length > 0) yield group(chat);
      // Loose records so far are written before this chat, keeping the file's order (settings first).
      if (loose.length > 0) yield group(loose);
      loose = [];
      chat = [change];
      chatId = change.record.id;
    } else if (change.table === 'messages' && !change.record.deleted && change.record.chatId === chatId) {
      chat.push(change);
    } else {
      loose.push(change);
      if (loose.length >= batchSize) {
        yield group(loose);
        loose = [];
      }
    }
  }
  if (chat.length > 0) yield group(chat);
  if (loose.length > 0) yield group(loose);
  if (unreadable > 0)
    yield { records: [], clocks: 'keep-time', notes: [{ kind: unreadableRecordNote, count: unreadable }] };
}
