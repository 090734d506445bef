import {
  claudeBrokenConversations,
  claudeConversation,
  claudeEnormousBytes,
  claudeExportJson,
  claudeExportZip,
  claudeMessage,
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

describe('Claude export', () => {
  it('reads conversations.json alone and inside the export ZIP alike', async () => {
    const fromJson = await readAll(fileOf(claudeExportJson()));
    expect(fromJson.map((chat) => chat.sourceId)).toEqual(['conv-branches', 'claude-parts', 'claude-unicode']);
    expect(await readAll(fileOf(await claudeExportZip()))).toEqual(fromJson);
    expect(fromJson.every((chat) => chat.source === 'claude')).toBe(true);
  });

  it('follows parent_message_uuid into branches, a placeholder parent being a root', async () => {
    const chat = chatWith(await readAll(fileOf(claudeExportJson())), 'conv-branches');
    expect(parentsOf(chat)).toEqual(
      Object.fromEntries(sampleTree.messages.map((message) => [message.id, message.parent])),
    );
    expect(noteCount(chat, 'orphan_message_as_root')).toBe(0);
    expect(chat.createdAt).toBe(sampleTree.createdAt);
    expect(chat.updatedAt).toBe(sampleTree.updatedAt);
    expect(messageWith(chat, 'q2')).toMatchObject({
      role: 'user',
      content: unicodeMessage,
      createdAt: sampleTree.messages[3]?.at,
    });
    // The export does not say which branch was on screen: the app shows the newest leaf.
    expect(chat.shownLeafSourceId).toBeNull();
  });

  it('shows the branch the export names as its current leaf', async () => {
    const conversation = { ...(JSON.parse(claudeExportJson())[0] as object), current_leaf_message_uuid: 'a2' };
    const [chat] = await readAll(fileOf(JSON.stringify([conversation])));
    expect(chat && shownPath(chat)).toEqual(shownBranch(sampleTree));
  });

  it('reads a linear export in order and writes every kind of content readably', async () => {
    const chat = chatWith(await readAll(fileOf(claudeExportJson())), 'claude-parts');
    expect(parentsOf(chat)).toEqual({
      'with-attachment': null,
      'thinking-answer': 'with-attachment',
      'old-style': 'thinking-answer',
      last: 'old-style',
    });
    expect(chat.shownLeafSourceId).toBe('last');
    expect(messageWith(chat, 'with-attachment').content).toBe(
      '[Attachment: notes.txt]\n\n```\nLeaves are green.\n```\n\n[File: photo.jpg]\n\nSummarise the notes.',
    );
    const answer = messageWith(chat, 'thinking-answer');
    expect(answer.reasoning).toBe('The notes say leaves are green.');
    expect(answer.content).toContain('**Tool call: web_search**\n\n```json\n{\n  "query": "leaf colour"\n}\n```');
    expect(answer.content).toContain('**Tool result: web_search**\n\n```\nChlorophyll is green.\n```');
    expect(answer.content.startsWith('[Image]\n\n**Tool call')).toBe(true);
    expect(answer.content.endsWith('Leaves are green because of chlorophyll.')).toBe(true);
    expect(messageWith(chat, 'old-style').content).toBe('Only text, as older exports wrote.');
    expect(chat.notes).toEqual(
      expect.arrayContaining([
        { kind: 'attachment_as_text', count: 3 },
        { kind: 'tool_message_as_text', count: 2 },
        { kind: 'empty_message_skipped', count: 1 },
      ]),
    );
  });

  it('keeps unicode and an enormous message whole', async () => {
    const chat = chatWith(await readAll(fileOf(claudeExportJson())), 'claude-unicode');
    expect(messageWith(chat, 'cu-question').content).toBe(unicodeMessage);
    expect(new TextEncoder().encode(messageWith(chat, 'cu-enormous').content).length).toBeGreaterThanOrEqual(
      claudeEnormousBytes,
    );
  });

  it('turns every conversation into valid records with the same ids on every read', async () => {
    const first = validRecords(await readAll(fileOf(claudeExportJson())));
    const again = validRecords(await readAll(fileOf(await claudeExportZip())));
    expect(again.map((records) => records.messages.map((message) => message.id))).toEqual(
      first.map((records) => records.messages.map((message) => message.id)),
    );
    expect(first[2]?.chat.title).toBe(unicodeMessage.split('\n')[0]);
  });

  it('refuses the whole file when a message lacks its sender, naming the conversation', async () => {
    const error = await readError(fileOf(JSON.stringify(claudeBrokenConversations())));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ conversation: 2, id: 'claude-unicode', field: 'sender' });
  });

  it('refuses a conversation without chat_messages', async () => {
    const { chat_messages: _lost, ...broken } = claudeConversation({
      uuid: 'c',
      name: 'n',
      createdAt: 1,
      updatedAt: 2,
      messages: [],
    });
    const error = await readError(
      fileOf(
        JSON.stringify([
          claudeConversation({
            uuid: 'ok',
            name: '',
            createdAt: 1,
            updatedAt: 1,
            messages: [claudeMessage({ uuid: 'm', sender: 'human', at: 1, text: 'x' })],
          }),
          broken,
        ]),
      ),
    );
    expect(error.detail).toMatchObject({ conversation: 1, id: 'c', field: 'chat_messages' });
  });
});
