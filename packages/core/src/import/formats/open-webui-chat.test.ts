import {
  openWebUiBrokenChats,
  openWebUiEnormousBytes,
  openWebUiExportJson,
  sampleTree,
  shownBranch,
  unicodeMessage,
} from '@hearth/testkit';
import { describe, expect, it } from 'vitest';
import {
  chatWith,
  fileOf,
  messageWith,
  noteCount,
  parentsOf,
  readAll,
  readError,
  shownPath,
  validRecords,
} from '../import-test-support.ts';

describe('Open WebUI export', () => {
  it('makes history.messages into branches with currentId shown', async () => {
    const chats = await readAll(fileOf(openWebUiExportJson()));
    expect(chats.map((chat) => chat.source)).toEqual(['open-webui', 'open-webui', 'open-webui']);
    const chat = chatWith(chats, 'conv-branches');
    expect(parentsOf(chat)).toEqual(
      Object.fromEntries(sampleTree.messages.map((message) => [message.id, message.parent])),
    );
    expect(shownPath(chat)).toEqual(shownBranch(sampleTree));
    expect(chat.createdAt).toBe(sampleTree.createdAt);
    expect(chat.updatedAt).toBe(sampleTree.updatedAt);
    expect(chat.pinned).toBe(true);
    expect(messageWith(chat, 'a1').model).toBe('llama3:8b');
    expect(messageWith(chat, 'a1').createdAt).toBe(sampleTree.messages[1]?.at);
  });

  it('moves folded reasoning out of the answer and keeps ratings, files and the system prompt', async () => {
    const chat = chatWith(await readAll(fileOf(openWebUiExportJson())), 'owui-parts');
    expect(chat.systemPrompt).toBe('You are terse.');
    expect(messageWith(chat, 'ow-question').content).toBe('[Image]\n\n[File: report.pdf]\n\nWhat is this?');
    expect(messageWith(chat, 'ow-thinking')).toMatchObject({
      content: 'A chart of leaves.',
      reasoning: 'It looks like a chart.\nOf leaves.',
      model: 'deepseek-r1',
      feedback: { rating: 5, comment: 'Spot on' },
    });
    expect(messageWith(chat, 'ow-regenerated').feedback).toEqual({ rating: 1, comment: '' });
    expect(chat.shownLeafSourceId).toBe('ow-regenerated');
    expect(noteCount(chat, 'empty_message_skipped')).toBe(1);
    expect(noteCount(chat, 'attachment_as_text')).toBe(2);
    expect(messageWith(chat, 'ow-after-deleted').parentSourceId).toBeNull();
    expect(noteCount(chat, 'orphan_message_as_root')).toBe(1);
  });

  it('keeps unicode and an enormous message whole, and makes valid records with stable ids', async () => {
    const chats = await readAll(fileOf(openWebUiExportJson()));
    const chat = chatWith(chats, 'owui-unicode');
    expect(messageWith(chat, 'owu-question').content).toBe(unicodeMessage);
    expect(new TextEncoder().encode(messageWith(chat, 'owu-answer').content).length).toBeGreaterThanOrEqual(
      openWebUiEnormousBytes,
    );
    const first = validRecords(chats);
    const second = validRecords(await readAll(fileOf(openWebUiExportJson())));
    expect(second.map((records) => records.chat.id)).toEqual(first.map((records) => records.chat.id));
    expect(first[1]?.messages.find((message) => message.content === 'A chart of leaves.')?.feedback).toEqual({
      rating: 5,
      comment: 'Spot on',
    });
  });

  it('refuses the whole file when a chat has lost its messages, naming it', async () => {
    const error = await readError(fileOf(JSON.stringify(openWebUiBrokenChats())));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ conversation: 0, id: 'conv-branches', field: 'history.messages' });
  });
});
