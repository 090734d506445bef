import type { Message } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getChat, listChats } from '../db/chats-repository.ts';
import { listMessages } from '../db/messages-repository.ts';
import { deleteModelConfig, listModelConfigs } from '../db/model-configs-repository.ts';
import { setEditingMessage, useUiStore } from '../state/ui-store.ts';
import { answerSessionCounts, streamingAnswerIn } from './answer-sessions.ts';
import { removeChat } from './chat-actions.ts';
import { regenerateAnswer, resendEdited, sendQuestion } from './conversation-actions.ts';
import { type AnswerHarness, answerEnded, answerHarness } from './test/answer-harness.ts';
import { UserFacingError } from './user-facing-error.ts';

let h: AnswerHarness;

beforeEach(async () => {
  h = answerHarness();
  await h.addModel();
});

afterEach(() => {
  expect(answerSessionCounts().running).toBe(0);
});

const openChatId = () => useUiStore.getState().selectedChatId ?? '';
const conversation = async (chatId = openChatId()) =>
  (await listMessages(h.storage.db, chatId)).map((m) => [m.role, m.content, m.status]);

/** Sends a question in the open chat (or a new one) and lets the provider answer `reply`. */
async function ask(content: string, reply: string): Promise<Message[]> {
  await sendQuestion(h.storage, { chatId: useUiStore.getState().selectedChatId, content });
  const upstream = await h.provider.nextRequest();
  const answer = (await listMessages(h.storage.db, openChatId())).at(-1) as Message;
  upstream.send(reply);
  upstream.finish();
  await answerEnded(answer.id);
  return listMessages(h.storage.db, openChatId());
}

async function removeAllModels(): Promise<void> {
  for (const config of await listModelConfigs(h.storage.db)) await deleteModelConfig(h.storage, config.id);
}

describe('sendQuestion', () => {
  it('stores the question and a pending answer before the request, clears the draft, then streams the answer', async () => {
    useUiStore.setState({ drafts: { '': 'What is up?' } });
    await sendQuestion(h.storage, { chatId: null, content: 'What is up?' });
    // Stored before any byte arrived: the question, and the answer waiting for it.
    expect(await conversation()).toEqual([
      ['user', 'What is up?', 'done'],
      ['assistant', '', 'pending'],
    ]);
    expect(useUiStore.getState().drafts['']).toBe('');
    expect((await getChat(h.storage.db, openChatId()))?.title).toBe('What is up?');
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([{ role: 'user', content: 'What is up?' }]);
    const answerId = streamingAnswerIn(openChatId()) ?? '';
    upstream.send('Not much.');
    upstream.finish();
    await answerEnded(answerId);
    expect(await conversation()).toEqual([
      ['user', 'What is up?', 'done'],
      ['assistant', 'Not much.', 'done'],
    ]);
  });

  it('says no_model and stores nothing when no model is set up; the draft stays', async () => {
    await removeAllModels();
    useUiStore.setState({ drafts: { '': 'precious words' } });
    const sending = sendQuestion(h.storage, { chatId: null, content: 'precious words' });
    await expect(sending).rejects.toBeInstanceOf(UserFacingError);
    await expect(sending).rejects.toMatchObject({ code: 'no_model' });
    expect(await listChats(h.storage.db)).toEqual([]);
    expect(useUiStore.getState().drafts['']).toBe('precious words');
    expect(h.provider.requests).toHaveLength(0);
  });

  it('queues the question while offline, asking nothing', async () => {
    h.online = false;
    await sendQuestion(h.storage, { chatId: null, content: 'later' });
    expect(await conversation()).toEqual([['user', 'later', 'queued']]);
    expect(h.provider.requests).toHaveLength(0);
  });
});

describe('regenerateAnswer', () => {
  it('replaces the last answer with a new placeholder and streams it, without sending the old one', async () => {
    const [, old] = await ask('one', 'first try');
    await regenerateAnswer(h.storage, old?.id ?? '');
    expect(await conversation()).toEqual([
      ['user', 'one', 'done'],
      ['assistant', '', 'pending'],
    ]);
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([{ role: 'user', content: 'one' }]);
    const fresh = (await listMessages(h.storage.db, openChatId())).at(-1);
    expect(fresh?.id).not.toBe(old?.id);
    upstream.send('second try');
    upstream.finish();
    await answerEnded(fresh?.id ?? '');
    expect(await conversation()).toEqual([
      ['user', 'one', 'done'],
      ['assistant', 'second try', 'done'],
    ]);
  });

  it('says no_model when the model went away, and keeps the answer it had', async () => {
    const [, old] = await ask('one', 'kept');
    await removeAllModels();
    await expect(regenerateAnswer(h.storage, old?.id ?? '')).rejects.toMatchObject({ code: 'no_model' });
    expect(await conversation()).toEqual([
      ['user', 'one', 'done'],
      ['assistant', 'kept', 'done'],
    ]);
  });
});

describe('resendEdited', () => {
  it('changes the question, replaces everything after it with a new answer, and streams it', async () => {
    const [first] = await ask('first', 'A1');
    await ask('second', 'A2');
    setEditingMessage(first?.id ?? null);
    await resendEdited(h.storage, { questionId: first?.id ?? '', content: 'first, edited' });
    expect(useUiStore.getState().editingMessageId).toBeNull();
    expect(await conversation()).toEqual([
      ['user', 'first, edited', 'done'],
      ['assistant', '', 'pending'],
    ]);
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([{ role: 'user', content: 'first, edited' }]);
    upstream.send('A1 again');
    upstream.finish();
    await answerEnded((await listMessages(h.storage.db, openChatId())).at(-1)?.id ?? '');
    expect((await conversation()).at(-1)).toEqual(['assistant', 'A1 again', 'done']);
  });

  it('says no_model when no model is set up, and changes nothing', async () => {
    const [question] = await ask('first', 'A1');
    await removeAllModels();
    await expect(resendEdited(h.storage, { questionId: question?.id ?? '', content: 'edited' })).rejects.toMatchObject({
      code: 'no_model',
    });
    expect(await conversation()).toEqual([
      ['user', 'first', 'done'],
      ['assistant', 'A1', 'done'],
    ]);
  });
});

describe('removeChat', () => {
  it('stops the answer streaming in the chat, closes it, and deletes it', async () => {
    await sendQuestion(h.storage, { chatId: null, content: 'doomed' });
    const chatId = openChatId();
    const upstream = await h.provider.nextRequest();
    const answerId = streamingAnswerIn(chatId) ?? '';
    await removeChat(h.storage, chatId);
    await answerEnded(answerId);
    expect(upstream.signal.aborted).toBe(true);
    expect(useUiStore.getState().selectedChatId).toBeNull();
    expect(await listChats(h.storage.db)).toEqual([]);
    expect(await listMessages(h.storage.db, chatId)).toEqual([]);
  });
});
