import { type Chat, chatTitleMaxLength, type Id, type Message, systemPromptMaxLength } from '@hearth/schema';
import { titleFromMessage } from '../records/chat-title.ts';
import type { RecordContext } from '../records/new-records.ts';
import type { ImportedChat, ImportedMessage } from './imported-chat.ts';
import { stableId } from './stable-id.ts';

/** Versioned so that a future change of the rule makes new ids on purpose rather than by accident. */
const idRule = 'hearth-import-1';

/** The record id of an imported chat: the same for the same source conversation, on every device. */
export function importedChatId(chat: ImportedChat): Id {
  return stableId(chat.idTimeMs ?? chat.createdAt, JSON.stringify([idRule, chat.source, chat.sourceId]));
}

/** The record id of an imported message, within its chat (some sources number messages per chat). */
export function importedMessageId(chat: ImportedChat, message: ImportedMessage): Id {
  return stableId(
    message.idTimeMs ?? message.createdAt,
    JSON.stringify([idRule, chat.source, chat.sourceId, message.sourceId]),
  );
}

/**
 * Our records for one imported conversation: ids derived from the source's ids (importing the same file
 * twice makes the same records, so the writer can skip those it has), the tree from `parentSourceId`,
 * the shown branch, the source's times, every answer finished (`done`). A chat without a title gets one
 * from its first question, as a chat started here would.
 */
export function importedChatRecords(chat: ImportedChat, context: RecordContext): { chat: Chat; messages: Message[] } {
  const chatId = importedChatId(chat);
  const ids = new Map<string, Id>();
  for (const message of chat.messages) ids.set(message.sourceId, importedMessageId(chat, message));
  const messages = chat.messages.map(
    (message): Message => ({
      id: ids.get(message.sourceId) as Id,
      updatedAt: context.clock.tick(),
      deleted: false,
      chatId,
      role: message.role,
      content: message.content,
      reasoning: message.reasoning,
      status: 'done',
      error: null,
      model: message.model,
      usage: null,
      createdAt: epochMs(message.createdAt),
      feedback: message.feedback && { ...message.feedback, comment: message.feedback.comment.slice(0, 5_000) },
      parentId: message.parentSourceId === null ? null : (ids.get(message.parentSourceId) ?? null),
      connection: null,
    }),
  );
  const firstQuestion = chat.messages.find((message) => message.role === 'user')?.content ?? '';
  const record: Chat = {
    id: chatId,
    updatedAt: context.clock.tick(),
    deleted: false,
    title: (chat.title.trim() === '' ? titleFromMessage(firstQuestion) : chat.title).slice(0, chatTitleMaxLength),
    systemPrompt: chat.systemPrompt.slice(0, systemPromptMaxLength),
    modelConfigId: null,
    params: {},
    pinned: chat.pinned,
    forkedFrom: null,
    shownLeafId: chat.shownLeafSourceId === null ? null : (ids.get(chat.shownLeafSourceId) ?? null),
    createdAt: epochMs(chat.createdAt),
    lastActivityAt: epochMs(Math.max(chat.updatedAt, chat.createdAt)),
  };
  return { chat: record, messages };
}

/** The schemas want whole, non-negative milliseconds; a source's odd value must not fail the write. */
function epochMs(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}
