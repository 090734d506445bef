import { initialAnswerState, newChat, newUserMessage, searchIndexVersion } from '@hearth/core';
import { type Message, messageSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { showBranch } from '../db/branches-repository.ts';
import { createChat, deleteChat } from '../db/chats-repository.ts';
import {
  addAnswerVersion,
  appendQuestion,
  deleteMessage,
  listMessages,
  saveAnswer,
} from '../db/messages-repository.ts';
import type { Storage } from '../db/storage.ts';
import { useMessageFocus } from '../state/message-focus.ts';
import { dexieLocalStore } from '../sync/dexie-local-store.ts';
import { openSearchResult } from './open-search-result.ts';
import { indexMarkedMessages, prepareSearchIndex } from './search-index-writer.ts';
import { searchMessages, searchMessagesAsFound } from './search-messages.ts';

/** What the search worker does: builds the index if needed, then indexes every marked message. */
async function indexAll(storage: Storage): Promise<void> {
  await prepareSearchIndex(storage.db);
  while ((await indexMarkedMessages(storage.db, 3)) > 0);
}

async function found(storage: Storage, query: string): Promise<string[]> {
  const results = await searchMessages(storage.db, query, 50);
  return results.map((result) => result.snippet.map((part) => (part.marked ? `[${part.text}]` : part.text)).join(''));
}

async function ask(storage: Storage, chatId: string, question: string, answer: string) {
  const turn = await appendQuestion(storage, { chatId, content: question, model: 'm' });
  await saveAnswer(storage, {
    id: turn.answer.id,
    state: { ...initialAnswerState(), content: answer, status: 'done' },
  });
  return turn;
}

describe('the search index', () => {
  it('finds English and Chinese message text, newest first, with the matches marked', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    await ask(storage, chat.id, 'How do I sort a list in Python?', 'Use sorted(list) or list.sort().');
    await ask(storage, chat.id, '北京大学在哪里？', '北京大学位于北京市海淀区。');
    await indexAll(storage);

    expect(await found(storage, 'sort')).toEqual([
      'Use [sorted](list) or [list.sort]().',
      'How do I [sort] a list in Python?',
    ]);
    expect(await found(storage, '北京大学')).toEqual(['[北京大学]位于北京市海淀区。', '[北京大学]在哪里？']);
    expect(await found(storage, '海淀')).toEqual(['北京大学位于北京市[海淀]区。']);
    expect(await found(storage, 'rust')).toEqual([]);
    // Found among the newest entries alone: still the newest first.
    const [newest] = await searchMessages(storage.db, 'sort', 1);
    expect(newest?.snippet.map((part) => part.text).join('')).toBe('Use sorted(list) or list.sort().');
  });

  it('follows every write: an edit, a deleted message, a deleted chat', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const other = await createChat(storage);
    const { question } = await ask(storage, chat.id, 'alpha question', 'alpha answer');
    await ask(storage, other.id, 'alpha elsewhere', 'beta answer');
    await indexAll(storage);
    expect(await found(storage, 'alpha')).toHaveLength(3);

    await deleteMessage(storage, question.id);
    await indexAll(storage);
    expect(await found(storage, 'alpha')).toEqual(['[alpha] elsewhere']);

    await deleteChat(storage, other.id);
    await indexAll(storage);
    expect(await found(storage, 'alpha')).toEqual([]);
    expect(await storage.db.searchEntries.count()).toBe(0);
  });

  it('leaves out messages deleted since they were indexed, before the index catches up', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    await ask(storage, chat.id, 'gamma', 'delta');
    await indexAll(storage);
    await deleteChat(storage, chat.id);
    expect(await found(storage, 'gamma')).toEqual([]);
  });

  it('indexes an answer once it ends, not while it streams', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { answer } = await appendQuestion(storage, { chatId: chat.id, content: 'question', model: 'm' });
    await indexAll(storage);
    const streaming = { ...initialAnswerState(), content: 'partial streamed words', status: 'streaming' as const };
    await saveAnswer(storage, { id: answer.id, state: streaming });
    expect(await storage.db.searchDirty.count()).toBe(0);
    await saveAnswer(storage, {
      id: answer.id,
      state: { ...streaming, content: 'finished streamed words', status: 'done' },
    });
    expect(await storage.db.searchDirty.count()).toBe(1);
    await indexAll(storage);
    expect(await found(storage, 'streamed')).toEqual(['finished [streamed] words']);
  });

  it('indexes messages that arrive by sync', async () => {
    const storage = testStorage();
    await indexAll(storage); // built already: the pulled message is found through its own mark
    const context = { clock: storage.clock, nowMs: Date.now() };
    const chat = newChat(context, { title: 'pulled' });
    const message = messageSchema.parse(
      newUserMessage(context, { chatId: chat.id, content: 'synchronised words', parent: null }),
    );
    await dexieLocalStore(storage.db).transaction((access) =>
      access.putRecords([
        { table: 'chats', record: chat },
        { table: 'messages', record: message },
      ]),
    );
    await indexAll(storage);
    expect(await found(storage, 'synchron')).toEqual(['[synchronised] words']);
  });

  it('keeps a mark written while a round was indexing, for the next round', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { question } = await ask(storage, chat.id, 'first text', 'answer');
    await indexAll(storage);
    const [stored] = (await listMessages(storage.db, chat.id)).filter((m) => m.id === question.id);
    if (stored === undefined) throw new Error('The question is missing.');
    const edited = (content: string): Message => ({ ...stored, content, updatedAt: storage.clock.tick() });
    await storage.db.messages.put(edited('second text'));
    // The round reads the message ("second"), and the person edits it again before the round stores it.
    const messages = storage.db.messages;
    const bulkGet = messages.bulkGet.bind(messages);
    messages.bulkGet = (async (keys: string[]) => {
      const read = await bulkGet(keys);
      await messages.put(edited('third text'));
      return read;
    }) as typeof messages.bulkGet;
    await indexMarkedMessages(storage.db, 10);
    messages.bulkGet = bulkGet;
    expect(await storage.db.searchDirty.count()).toBe(1);
    await indexAll(storage);
    expect(await found(storage, 'third')).toEqual(['[third] text']);
  });

  it('rebuilds an index made by another tokenizer version, or missing', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    await ask(storage, chat.id, 'epsilon', 'zeta');
    await indexAll(storage);
    // An index from another version, with terms that no longer match anything.
    await storage.db.searchEntries.toCollection().modify({ terms: ['stale'] });
    await storage.db.searchState.put({ key: 'index', version: searchIndexVersion - 1 });
    expect(await found(storage, 'epsilon')).toEqual([]);
    expect(await prepareSearchIndex(storage.db)).toBe(true);
    await indexAll(storage);
    expect(await found(storage, 'epsilon')).toEqual(['[epsilon]']);
    expect(await prepareSearchIndex(storage.db)).toBe(false);

    await storage.db.searchState.clear();
    await storage.db.searchEntries.clear();
    await indexAll(storage);
    expect(await found(storage, 'zeta')).toEqual(['[zeta]']);
  });

  it('opens a result on a branch the chat does not show by showing that branch first', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { answer } = await ask(storage, chat.id, 'question', 'the older omega answer');
    const newer = await addAnswerVersion(storage, { answerId: answer.id, model: 'm' });
    await saveAnswer(storage, { id: newer.id, state: { ...initialAnswerState(), content: 'newer', status: 'done' } });
    await indexAll(storage);
    const [result] = await searchMessages(storage.db, 'omega', 10);
    expect(result?.messageId).toBe(answer.id);
    await openSearchResult(storage, { chatId: chat.id, messageId: answer.id });
    expect((await storage.db.chats.get(chat.id)) as { shownLeafId?: string }).toMatchObject({ shownLeafId: answer.id });
    expect(useMessageFocus.getState().target).toMatchObject({ chatId: chat.id, messageId: answer.id });
    // Already on screen: the branch stays as it is.
    await showBranch(storage, { chatId: chat.id, messageId: newer.id });
    const before = await storage.db.chats.get(chat.id);
    await openSearchResult(storage, { chatId: chat.id, messageId: newer.id });
    expect(await storage.db.chats.get(chat.id)).toEqual(before);
  });

  it('finds an old message beyond the newest entries, and yields growing lists as it finds more', async () => {
    const storage = testStorage();
    await indexAll(storage);
    const context = { clock: storage.clock, nowMs: 1_000 };
    const chat = newChat(context, { title: 'many' });
    await storage.db.chats.put(chat);
    const messages = Array.from({ length: 450 }, (_, at) =>
      messageSchema.parse({
        ...newUserMessage({ ...context, nowMs: 1_000 + at }, { chatId: chat.id, content: '', parent: null }),
        content: at === 3 || at === 440 ? `common and rare ${at}` : `common words ${at}`,
      }),
    );
    await storage.db.messages.bulkPut(messages);
    await indexAll(storage);

    const lists: string[][] = [];
    for await (const results of searchMessagesAsFound(storage.db, 'rare', 10)) {
      lists.push(results.map((result) => result.snippet.map((part) => part.text).join('')));
    }
    // The newest one first, from the newest entries; then the old one too, from the index.
    expect(lists).toEqual([['common and rare 440'], ['common and rare 440', 'common and rare 3']]);
    const common = await searchMessages(storage.db, 'common', 5);
    expect(common.map((result) => result.createdAt)).toEqual([1449, 1448, 1447, 1446, 1445]);
  });
});
