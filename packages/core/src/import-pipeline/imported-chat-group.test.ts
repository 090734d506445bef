import type { Chat, Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { HybridClock } from '../clock/hybrid-clock.ts';
import type { ImportedChat } from '../import/imported-chat.ts';
import { newAssistantMessage, newChat, newUserMessage } from '../records/new-records.ts';
import { importedChatGroup } from './imported-chat-group.ts';

// A small conversation as a foreign reader would give it, and records made from it by hand (the
// readers' own `importedChatRecords` lives with them).
const source: ImportedChat = {
  source: 'chatgpt',
  sourceId: 'conv-1',
  title: 'Lisbon',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_001_000,
  systemPrompt: '',
  pinned: false,
  messages: [],
  shownLeafSourceId: null,
  notes: [{ kind: 'hidden_message_skipped', count: 2 }],
};
const context = { clock: new HybridClock({ deviceId: 'reader' }), nowMs: 1_700_000_000_000 };
const chat: Chat = newChat(context, { title: 'Lisbon' });
const question: Message = newUserMessage(context, { chatId: chat.id, content: 'Where to eat?', parent: null });
const answer: Message = {
  ...newAssistantMessage(context, { chatId: chat.id, model: 'gpt-4o', parent: question }),
  status: 'done',
};

describe('importedChatGroup', () => {
  it('makes one group of a conversation: its chat and messages, stamped as new writes, with its notes', () => {
    const group = importedChatGroup(source, { chat, messages: [question, answer] });
    expect(group.records.map((change) => change.table)).toEqual(['chats', 'messages', 'messages']);
    expect(group.clocks).toBe('now');
    expect(group.notes).toEqual(source.notes);
  });

  it('refuses records that break their schema, naming the conversation', () => {
    expect(() => importedChatGroup(source, { chat: { ...chat, title: 'x'.repeat(301) }, messages: [] })).toThrow(
      expect.objectContaining({ code: 'malformed', detail: expect.objectContaining({ conversation: 'conv-1' }) }),
    );
  });
});
