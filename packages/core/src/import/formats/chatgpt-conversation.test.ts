import {
  chatgptBrokenConversations,
  chatgptConversation,
  chatgptConversations,
  chatgptExportJson,
  chatgptExportZip,
  chatgptText,
  enormousMessageBytes,
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

describe('ChatGPT export', () => {
  it('reads conversations.json alone and inside the export ZIP alike', async () => {
    const fromJson = await readAll(fileOf(chatgptExportJson()));
    const fromZip = await readAll(fileOf(await chatgptExportZip()));
    expect(fromJson.map((chat) => chat.sourceId)).toEqual(['conv-branches', 'conv-parts', 'conv-unicode']);
    expect(fromZip).toEqual(fromJson);
    expect(fromJson.every((chat) => chat.source === 'chatgpt')).toBe(true);
  });

  it('makes the mapping tree into branches, past the root and the hidden system message', async () => {
    const chat = chatWith(await readAll(fileOf(chatgptExportJson())), 'conv-branches');
    expect(parentsOf(chat)).toEqual(
      Object.fromEntries(sampleTree.messages.map((message) => [message.id, message.parent])),
    );
    expect(chat.shownLeafSourceId).toBe('a2');
    expect(shownPath(chat)).toEqual(shownBranch(sampleTree));
    expect(noteCount(chat, 'hidden_message_skipped')).toBe(1);
    // Parents come before their children, so a writer can insert in order.
    const seen = new Set<string>();
    for (const message of chat.messages) {
      if (message.parentSourceId !== null) expect(seen.has(message.parentSourceId)).toBe(true);
      seen.add(message.sourceId);
    }
  });

  it('keeps times as epoch milliseconds and the model of each answer', async () => {
    const chat = chatWith(await readAll(fileOf(chatgptExportJson())), 'conv-branches');
    expect(chat.createdAt).toBe(sampleTree.createdAt);
    expect(chat.updatedAt).toBe(sampleTree.updatedAt);
    for (const source of sampleTree.messages) expect(messageWith(chat, source.id).createdAt).toBe(source.at);
    expect(messageWith(chat, 'a1').model).toBe('gpt-4o');
    expect(messageWith(chat, 'q1').model).toBeNull();
    expect(chat.title).toBe(sampleTree.title);
  });

  it('writes parts that are not text readably and counts what it left out', async () => {
    const chat = chatWith(await readAll(fileOf(chatgptExportJson())), 'conv-parts');
    expect(chat.systemPrompt).toBe('I am a botanist.\n\nAnswer briefly.');
    expect(messageWith(chat, 'image-question').content).toBe('[Image: file-abc123]\n\nWhat is in this picture?');
    expect(messageWith(chat, 'image-question').parentSourceId).toBeNull();
    expect(messageWith(chat, 'code').content).toBe('```python\nprint(1 + 1)\n```');
    expect(messageWith(chat, 'code').reasoning).toBe('**Looking**\n\nIt shows a leaf.');
    expect(messageWith(chat, 'code').parentSourceId).toBe('image-question');
    expect(messageWith(chat, 'output')).toMatchObject({
      role: 'assistant',
      content: '**Tool: python**\n\nOutput:\n\n```\n2\n```',
    });
    expect(messageWith(chat, 'browsing').content).toContain('> Leaves are organs of plants.');
    expect(messageWith(chat, 'quote').content).toBe(
      '**Tool: browser**\n\n> A leaf is green.\n\n— [Leaf](https://example.org/leaf)',
    );
    expect(messageWith(chat, 'quote').parentSourceId).toBe('browsing');
    expect(messageWith(chat, 'unknown-with-text').content).toBe('Widget text');
    expect(messageWith(chat, 'unknown-without-text').content).toContain('[future_chart]');
    expect(messageWith(chat, 'unknown-without-text').content).toContain('"points"');
    expect(chat.messages.map((message) => message.sourceId)).not.toContain('thoughts');
    expect(chat.messages.map((message) => message.sourceId)).not.toContain('recap');
    expect(chat.messages.map((message) => message.sourceId)).not.toContain('memory');
    expect(chat.shownLeafSourceId).toBe('final');
    expect(chat.notes).toEqual(
      expect.arrayContaining([
        { kind: 'hidden_message_skipped', count: 2 },
        { kind: 'instructions_as_system_prompt', count: 1 },
        { kind: 'attachment_as_text', count: 1 },
        { kind: 'reasoning_from_thoughts', count: 1 },
        { kind: 'tool_message_as_text', count: 3 },
        { kind: 'unknown_content_as_text', count: 2 },
      ]),
    );
  });

  it('keeps unicode and an enormous message whole, and leaves out an empty one', async () => {
    const chat = chatWith(await readAll(fileOf(chatgptExportJson())), 'conv-unicode');
    expect(messageWith(chat, 'u-question').content).toBe(unicodeMessage);
    expect(new TextEncoder().encode(messageWith(chat, 'u-enormous').content).length).toBeGreaterThanOrEqual(
      enormousMessageBytes,
    );
    expect(messageWith(chat, 'after-empty').parentSourceId).toBe('u-enormous');
    expect(noteCount(chat, 'empty_message_skipped')).toBe(1);
    // A message without a time takes the conversation's.
    expect(messageWith(chat, 'after-empty').createdAt).toBe(chat.createdAt);
    expect(chat.title).toBe('');
  });

  it('moves the shown leaf up to a kept message when the source shows a hidden one', async () => {
    const conversation = chatgptConversation({
      id: 'hidden-leaf',
      title: 't',
      createTime: 1,
      updateTime: 2,
      currentNode: 'hidden-tool',
      nodes: [
        { id: 'q', parent: null, role: 'user', content: chatgptText('q'), createTime: 1 },
        { id: 'a', parent: 'q', role: 'assistant', content: chatgptText('a'), createTime: 2 },
        { id: 'hidden-tool', parent: 'a', role: 'tool', hidden: true, content: chatgptText('x'), createTime: 3 },
      ],
    });
    const [chat] = await readAll(fileOf(JSON.stringify([conversation])));
    expect(chat?.shownLeafSourceId).toBe('a');
  });

  it('turns every conversation into records the schemas accept, with the same ids on every read', async () => {
    const first = validRecords(await readAll(fileOf(chatgptExportJson())));
    const second = validRecords(await readAll(fileOf(await chatgptExportZip())));
    expect(second.map(({ chat, messages }) => [chat.id, messages.map((message) => message.id)])).toEqual(
      first.map(({ chat, messages }) => [chat.id, messages.map((message) => message.id)]),
    );
    const branches = first[0];
    const byId = new Map(branches?.messages.map((message) => [message.id, message]));
    const shown = byId.get(branches?.chat.shownLeafId ?? '');
    expect(shown?.content).toBe(`Unicode back: ${unicodeMessage}`);
    expect(byId.get(shown?.parentId ?? '')?.content).toBe(unicodeMessage);
    expect(
      branches?.messages.every((message) => message.status === 'done' && message.chatId === branches.chat.id),
    ).toBe(true);
    expect(first[2]?.chat.title).toBe(unicodeMessage.split('\n')[0]);
  });

  it('refuses the whole file when one conversation lacks its mapping, naming it', async () => {
    const error = await readError(fileOf(JSON.stringify(chatgptBrokenConversations())));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ conversation: 1, id: 'conv-parts', field: 'mapping' });
  });

  it('refuses a mapping whose parents form a loop', async () => {
    const conversation = chatgptConversation({
      id: 'loop',
      title: 't',
      createTime: 1,
      updateTime: 2,
      currentNode: 'a',
      nodes: [
        { id: 'a', parent: 'b', role: 'user', content: chatgptText('a') },
        { id: 'b', parent: 'a', role: 'assistant', content: chatgptText('b') },
      ],
    });
    const error = await readError(fileOf(JSON.stringify([conversation])));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ id: 'loop', field: 'parent' });
  });

  it('reports a cut-short conversations.json and a cut-short ZIP as truncated', async () => {
    const json = new TextEncoder().encode(chatgptExportJson(chatgptConversations().slice(0, 2)));
    const cutJson = await readError(fileOf(json.subarray(0, Math.floor(json.length * 0.6))));
    expect(cutJson.code).toBe('truncated');
    const zip = await chatgptExportZip();
    const cutZip = await readError(fileOf(zip.subarray(0, Math.floor(zip.length * 0.5))));
    expect(cutZip.code).toBe('truncated');
  });
});
