import type { Message } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shownBranchPage } from '../db/branches-repository.ts';
import { getChat, listChats, updateChat } from '../db/chats-repository.ts';
import { listMessages } from '../db/messages-repository.ts';
import { deleteModelConfig, listModelConfigs, saveModelConfig } from '../db/model-configs-repository.ts';
import { resetNewChatOptions, setEditingMessage, setNewChatOptions, useUiStore } from '../state/ui-store.ts';
import { answerSessionCounts, streamingAnswerIn } from './answer-sessions.ts';
import { removeChat } from './chat-actions.ts';
import {
  forkFromMessage,
  regenerateAnswer,
  removeMessage,
  resendEdited,
  sendQuestion,
  switchVersion,
} from './conversation-actions.ts';
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
/** The branch the open chat shows: role, text and status of each message. */
const conversation = async (chatId = openChatId()) =>
  (await shownBranchPage(h.storage.db, chatId, 1_000)).messages.map(({ message: m }) => [m.role, m.content, m.status]);

/** The answer the open chat shows last. */
const shownAnswer = async () =>
  (await shownBranchPage(h.storage.db, openChatId(), 1_000)).messages.at(-1)?.message as Message;

/** Sends a question in the open chat (or a new one) and lets the provider answer `reply`. */
async function ask(content: string, reply: string): Promise<Message[]> {
  await sendQuestion(h.storage, { chatId: useUiStore.getState().selectedChatId, content });
  const upstream = await h.provider.nextRequest();
  const answer = await shownAnswer();
  upstream.send(reply);
  upstream.finish();
  await answerEnded(answer.id);
  return (await shownBranchPage(h.storage.db, openChatId(), 1_000)).messages.map(({ message }) => message);
}

/** Lets the provider answer the request in flight with `reply`, and waits for the answer to end. */
async function reply(text: string): Promise<void> {
  const upstream = await h.provider.nextRequest();
  const answer = await shownAnswer();
  upstream.send(text);
  upstream.finish();
  await answerEnded(answer.id);
}

async function changeChatParams(chatId: string, params: { maxTokens: number }): Promise<void> {
  await updateChat(h.storage, chatId, { params });
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

  it('creates a new chat with the model and options chosen before its first message, then forgets them', async () => {
    const other = await saveModelConfig(h.storage, {
      fields: {
        name: 'Other',
        provider: 'custom',
        baseUrl: 'https://other.test/v1',
        modelId: 'other-model',
        headers: {},
        connection: 'direct',
      },
      apiKey: '',
    });
    setNewChatOptions({
      modelConfigId: other.id,
      systemPrompt: 'Be brief.',
      params: { temperature: 0.2, maxTokens: 50 },
    });
    await sendQuestion(h.storage, { chatId: null, content: 'hello' });
    const upstream = await h.provider.nextRequest();
    expect(upstream.body).toMatchObject({
      model: 'other-model',
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello' },
      ],
    });
    expect(await getChat(h.storage.db, openChatId())).toMatchObject({
      modelConfigId: other.id,
      params: { maxTokens: 50 },
    });
    expect(useUiStore.getState().newChatOptions).toEqual({ modelConfigId: null, systemPrompt: '', params: {} });
    upstream.send('Hi.');
    upstream.finish();
    await answerEnded((await shownAnswer()).id);
  });

  it('says too_long and stores nothing when the question alone is more than the model reads', async () => {
    // More room for the answer than the assumed window (32,768) has.
    setNewChatOptions({ params: { maxTokens: 40_000 } });
    const sending = sendQuestion(h.storage, { chatId: null, content: 'words' });
    await expect(sending).rejects.toMatchObject({ code: 'too_long' });
    expect(await listChats(h.storage.db)).toEqual([]);
    expect(h.provider.requests).toHaveLength(0);
    resetNewChatOptions();
  });

  it('queues the question while offline, asking nothing', async () => {
    h.online = false;
    await sendQuestion(h.storage, { chatId: null, content: 'later' });
    expect(await conversation()).toEqual([['user', 'later', 'queued']]);
    expect(h.provider.requests).toHaveLength(0);
  });
});

describe('an answer whose question does not fit', () => {
  it('ends at once with the reason, and asks the provider nothing', async () => {
    await ask('short', 'fine');
    const chatId = openChatId();
    // The chat now asks for more room for the answer than the assumed window (32,768) has.
    await changeChatParams(chatId, { maxTokens: 40_000 });
    const [, answer] = (await shownBranchPage(h.storage.db, chatId, 10)).messages.map(({ message }) => message);
    await regenerateAnswer(h.storage, answer?.id ?? '');
    const fresh = await shownAnswer();
    await answerEnded(fresh.id);
    expect((await shownAnswer()).error).toMatchObject({
      code: 'upstream_http',
      contextOverflow: { contextWindow: 32_768 },
    });
    expect(h.provider.requests).toHaveLength(1);
  });
});

describe('regenerateAnswer', () => {
  it('adds a new version of the answer and streams it, sending only the branch above it', async () => {
    const [, old] = await ask('one', 'first try');
    await regenerateAnswer(h.storage, old?.id ?? '');
    expect(await conversation()).toEqual([
      ['user', 'one', 'done'],
      ['assistant', '', 'pending'],
    ]);
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([{ role: 'user', content: 'one' }]);
    const fresh = await shownAnswer();
    expect(fresh.id).not.toBe(old?.id);
    upstream.send('second try');
    upstream.finish();
    await answerEnded(fresh.id);
    expect(await conversation()).toEqual([
      ['user', 'one', 'done'],
      ['assistant', 'second try', 'done'],
    ]);
    // The first answer is still there, one switch away.
    await switchVersion(h.storage, { chatId: openChatId(), messageId: old?.id ?? '' });
    expect(await conversation()).toEqual([
      ['user', 'one', 'done'],
      ['assistant', 'first try', 'done'],
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
    expect(await listMessages(h.storage.db, openChatId())).toHaveLength(2);
  });
});

describe('the branch on screen', () => {
  it('is all the model hears: the next question after a switch carries only that branch', async () => {
    const [, first] = await ask('one', 'first try');
    await regenerateAnswer(h.storage, first?.id ?? '');
    await reply('second try');
    await switchVersion(h.storage, { chatId: openChatId(), messageId: first?.id ?? '' });
    await sendQuestion(h.storage, { chatId: openChatId(), content: 'and then?' });
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'first try' },
      { role: 'user', content: 'and then?' },
    ]);
    upstream.finish();
    await answerEnded((await shownAnswer()).id);
  });
});

describe('resendEdited', () => {
  it('sends the edited question as a new version with a new answer; the old branch stays', async () => {
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
    await answerEnded((await shownAnswer()).id);
    expect((await conversation()).at(-1)).toEqual(['assistant', 'A1 again', 'done']);
    await switchVersion(h.storage, { chatId: openChatId(), messageId: first?.id ?? '' });
    expect((await conversation()).map(([, content]) => content)).toEqual(['first', 'A1', 'second', 'A2']);
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
    expect(await listMessages(h.storage.db, openChatId())).toHaveLength(2);
  });
});

describe('removeMessage', () => {
  it('deletes the message with everything below it and stops an answer streaming there', async () => {
    const [question] = await ask('first', 'A1');
    await sendQuestion(h.storage, { chatId: openChatId(), content: 'second' });
    const upstream = await h.provider.nextRequest();
    const streaming = await shownAnswer();
    await removeMessage(h.storage, question?.id ?? '');
    await answerEnded(streaming.id);
    expect(upstream.signal.aborted).toBe(true);
    expect(await listMessages(h.storage.db, openChatId())).toEqual([]);
  });
});

describe('forkFromMessage', () => {
  it('opens a new chat with the branch down to that message, which the model then hears', async () => {
    const [, a1] = await ask('first', 'A1');
    await ask('second', 'A2');
    const origin = openChatId();
    await forkFromMessage(h.storage, a1?.id ?? '');
    expect(openChatId()).not.toBe(origin);
    expect(await getChat(h.storage.db, openChatId())).toMatchObject({
      title: 'first',
      forkedFrom: { chatId: origin, messageId: a1?.id },
    });
    expect(await conversation()).toEqual([
      ['user', 'first', 'done'],
      ['assistant', 'A1', 'done'],
    ]);
    await sendQuestion(h.storage, { chatId: openChatId(), content: 'elsewhere' });
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'elsewhere' },
    ]);
    upstream.finish();
    await answerEnded((await shownAnswer()).id);
    // The original chat is as it was.
    expect((await conversation(origin)).map(([, content]) => content)).toEqual(['first', 'A1', 'second', 'A2']);
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
