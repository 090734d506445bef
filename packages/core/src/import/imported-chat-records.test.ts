import { describe, expect, it } from 'vitest';
import { testContext } from '../test/fixtures.ts';
import { validRecords } from './import-test-support.ts';
import type { ImportedChat, ImportedMessage } from './imported-chat.ts';
import { importedChatRecords } from './imported-chat-records.ts';

function message(
  sourceId: string,
  parentSourceId: string | null,
  fields: Partial<ImportedMessage> = {},
): ImportedMessage {
  return {
    sourceId,
    parentSourceId,
    role: 'user',
    content: sourceId,
    reasoning: '',
    createdAt: 1_700_000_000_000,
    model: null,
    feedback: null,
    ...fields,
  };
}

function chat(fields: Partial<ImportedChat> = {}): ImportedChat {
  return {
    source: 'chatgpt',
    sourceId: 'c1',
    title: 'A title',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_500_000,
    systemPrompt: '',
    pinned: false,
    messages: [
      message('q', null, { content: 'What is a fern?\nSecond line' }),
      message('a', 'q', { role: 'assistant', model: 'gpt-4o', createdAt: 1_700_000_001_000, reasoning: 'thinking' }),
      message('a2', 'q', { role: 'assistant', createdAt: 1_700_000_002_000 }),
    ],
    shownLeafSourceId: 'a2',
    notes: [],
    ...fields,
  };
}

describe('importedChatRecords', () => {
  it('keeps the tree, the shown leaf, the times and the fields of each message', () => {
    const [records] = validRecords([chat()]);
    const byContent = new Map(records?.messages.map((record) => [record.content, record]));
    const q = byContent.get('What is a fern?\nSecond line');
    const a = byContent.get('a');
    expect(q?.parentId).toBeNull();
    expect(a).toMatchObject({
      parentId: q?.id,
      role: 'assistant',
      model: 'gpt-4o',
      reasoning: 'thinking',
      status: 'done',
    });
    expect(a?.createdAt).toBe(1_700_000_001_000);
    expect(records?.chat.shownLeafId).toBe(byContent.get('a2')?.id);
    expect(records?.chat).toMatchObject({
      title: 'A title',
      createdAt: 1_700_000_000_000,
      lastActivityAt: 1_700_000_500_000,
    });
    expect(records?.messages.every((record) => record.chatId === records.chat.id)).toBe(true);
  });

  it('makes the same ids every time, and other ids for another source or conversation', () => {
    const once = importedChatRecords(chat(), testContext());
    const twice = importedChatRecords(chat(), testContext(1_800_000_000_000));
    expect(twice.chat.id).toBe(once.chat.id);
    expect(twice.messages.map((record) => record.id)).toEqual(once.messages.map((record) => record.id));
    const otherSource = importedChatRecords(chat({ source: 'claude' }), testContext());
    const otherChat = importedChatRecords(chat({ sourceId: 'c2' }), testContext());
    for (const other of [otherSource, otherChat]) {
      expect(other.chat.id).not.toBe(once.chat.id);
      expect(other.messages.map((record) => record.id)).not.toContain(once.messages[0]?.id);
    }
  });

  it('takes a title from the first question when the source has none', () => {
    const [records] = validRecords([chat({ title: '  ' })]);
    expect(records?.chat.title).toBe('What is a fern?');
  });

  it('fits what the schemas bound: long titles and system prompts, odd times', () => {
    const [records] = validRecords([
      chat({
        title: 'x'.repeat(1_000),
        systemPrompt: 'y'.repeat(200_000),
        createdAt: -3,
        messages: [message('q', null, { createdAt: 12.7 })],
        shownLeafSourceId: 'gone',
      }),
    ]);
    expect(records?.chat.title.length).toBe(300);
    expect(records?.chat.systemPrompt.length).toBe(100_000);
    expect(records?.chat.createdAt).toBe(0);
    expect(records?.messages[0]?.createdAt).toBe(13);
    expect(records?.chat.shownLeafId).toBeNull();
  });

  it('makes the id from idTimeMs when the reader gives one', () => {
    const records = importedChatRecords(chat({ idTimeMs: 1_600_000_000_000 }), testContext());
    expect(Number.parseInt(records.chat.id.replaceAll('-', '').slice(0, 12), 16)).toBe(1_600_000_000_000);
    expect(records.chat.createdAt).toBe(1_700_000_000_000);
  });
});
