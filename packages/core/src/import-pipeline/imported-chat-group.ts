import { type Chat, type Message, type SyncRecord, syncRecordSchema } from '@hearth/schema';
import { ImportFileError } from '../import/import-file-error.ts';
import type { ImportedChat } from '../import/imported-chat.ts';
import type { ImportGroup } from './import-group.ts';

/** A conversation from another client's export as our records, as the format's reader makes them. */
export interface ImportedChatRecords {
  chat: Chat;
  messages: Message[];
}

/**
 * The group one imported conversation is written as: its chat and every message, validated by their
 * tables' schemas (a reader's output is a boundary too), stamped as new writes of this device.
 */
export function importedChatGroup(source: ImportedChat, records: ImportedChatRecords): ImportGroup {
  const changes = [
    { table: 'chats', record: records.chat },
    ...records.messages.map((record) => ({ table: 'messages', record })),
  ].map((change) => {
    const parsed = syncRecordSchema.safeParse(change);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const text = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
    throw new ImportFileError('malformed', `Conversation ${source.sourceId} cannot be imported: ${text}`, {
      conversation: source.sourceId,
      title: source.title,
      issue: text,
    });
  });
  return { records: changes satisfies SyncRecord[], clocks: 'now', notes: source.notes };
}
