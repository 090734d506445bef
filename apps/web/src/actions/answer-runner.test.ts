import type { Message } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChat } from '../db/chats-repository.ts';
import { appendQuestion } from '../db/messages-repository.ts';
import { deleteModelConfig, listModelConfigs } from '../db/model-configs-repository.ts';
import { liveAnswerIds } from './answer-locks.ts';
import { runAnswer } from './answer-runner.ts';
import { answerSessionCounts, answerView, isAnyAnswerStreamingHere, stopAnswer } from './answer-sessions.ts';
import { browserServices, installBrowserServices } from './browser-services.ts';
import { chatActivity, shownMessage } from './shown-message.ts';
import { type AnswerHarness, answerHarness, whenAnswer } from './test/answer-harness.ts';

let h: AnswerHarness;

beforeEach(async () => {
  h = answerHarness();
  await h.addModel();
});

afterEach(async () => {
  // Whatever ended the answer, nothing of its session is left running: no registry entry, no lock.
  expect(answerSessionCounts().running).toBe(0);
  expect(isAnyAnswerStreamingHere()).toBe(false);
  expect((await h.locks.query()).held).toEqual([]);
});

/** A stored question with its answer placeholder, as sending stores them. */
async function placeholder(content = 'Hello?'): Promise<Message> {
  const chat = await createChat(h.storage);
  return (await appendQuestion(h.storage, { chatId: chat.id, content, model: 'fake-model' })).answer;
}

const stored = async (id: string) => h.storage.db.messages.get(id);
const contentShown = (id: string, text: string) => whenAnswer(id, (view) => view?.state.content === text);

describe('runAnswer', () => {
  it('shows every delta as it arrives, then stores the whole answer as done', async () => {
    const answer = await placeholder('Say hello');
    const run = runAnswer(h.storage, answer);
    const upstream = await h.provider.nextRequest();
    expect(upstream.body.messages).toEqual([{ role: 'user', content: 'Say hello' }]);
    upstream.send('Hel');
    await contentShown(answer.id, 'Hel');
    // The page shows the delta before any write: the record still holds the placeholder.
    expect(shownMessage((await stored(answer.id)) as Message)).toMatchObject({ content: 'Hel', status: 'streaming' });
    upstream.send('lo');
    await contentShown(answer.id, 'Hello');
    upstream.finish();
    await run;
    expect(await stored(answer.id)).toMatchObject({
      content: 'Hello',
      status: 'done',
      error: null,
      usage: { totalTokens: 5 },
      connection: 'direct',
    });
    expect(h.storedAnswers).toBe(1);
  });

  it('holds the answer’s Web Lock while it streams, so other tabs know it is alive', async () => {
    const answer = await placeholder();
    const run = runAnswer(h.storage, answer);
    const upstream = await h.provider.nextRequest();
    expect(await liveAnswerIds()).toEqual(new Set([answer.id]));
    upstream.finish();
    await run;
    expect(await liveAnswerIds()).toEqual(new Set());
  });

  it('Stop ends the answer as stopped, keeps the partial text, and aborts the upstream request', async () => {
    const answer = await placeholder();
    const run = runAnswer(h.storage, answer);
    const upstream = await h.provider.nextRequest();
    upstream.send('Once upon ');
    await contentShown(answer.id, 'Once upon ');
    stopAnswer(answer.id);
    await run;
    expect(upstream.signal.aborted).toBe(true);
    expect(await stored(answer.id)).toMatchObject({ content: 'Once upon ', status: 'stopped', error: null });
    expect(answerView(answer.id)?.state.status).toBe('stopped');
  });

  it('keeps the partial text with status error when the stream drops before [DONE]', async () => {
    const answer = await placeholder();
    const run = runAnswer(h.storage, answer);
    const upstream = await h.provider.nextRequest();
    upstream.send('half an ');
    await contentShown(answer.id, 'half an ');
    upstream.drop();
    await run;
    expect(await stored(answer.id)).toMatchObject({
      content: 'half an ',
      status: 'error',
      error: { code: 'interrupted' },
    });
  });

  it('fails the answer, without asking anyone, when no model is set up', async () => {
    const chat = await createChat(h.storage);
    const { answer } = await appendQuestion(h.storage, { chatId: chat.id, content: 'q', model: 'gone' });
    for (const config of await listModelConfigs(h.storage.db)) await deleteModelConfig(h.storage, config.id);
    await runAnswer(h.storage, answer);
    expect(await stored(answer.id)).toMatchObject({ status: 'error', error: { code: 'network' } });
    expect(h.provider.requests).toHaveLength(0);
  });

  it('fails the answer instead of leaving it in flight when it cannot start', async () => {
    const answer = await placeholder();
    installBrowserServices({
      ...browserServices(),
      fetchFor: async () => {
        throw new Error('settings unreadable');
      },
    });
    await runAnswer(h.storage, answer);
    expect(await stored(answer.id)).toMatchObject({
      status: 'error',
      error: { code: 'interrupted', message: 'settings unreadable' },
    });
  });

  it('keeps an answer the browser refuses to store on screen, marked not saved, without blocking the chat', async () => {
    const answer = await placeholder();
    const put = vi
      .spyOn(h.storage.db.messages, 'put')
      .mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const run = runAnswer(h.storage, answer);
    const upstream = await h.provider.nextRequest();
    upstream.send('every word ');
    upstream.send('arrives');
    upstream.finish();
    await run;
    put.mockRestore();
    const record = (await stored(answer.id)) as Message;
    expect(record).toMatchObject({ content: '', status: 'pending' });
    expect(shownMessage(record)).toMatchObject({
      content: 'every word arrives',
      status: 'error',
      error: { code: 'not_saved', message: expect.stringContaining('storage is full') },
    });
    expect(chatActivity(answer.chatId, [record])).toEqual({ busy: false, streamingHereId: null });
    expect(h.storedAnswers).toBe(0);
  });

  it('streams an answer once, however often it is asked to run', async () => {
    const answer = await placeholder();
    const first = runAnswer(h.storage, answer);
    await runAnswer(h.storage, answer);
    const upstream = await h.provider.nextRequest();
    upstream.finish();
    await first;
    expect(h.provider.requests).toHaveLength(1);
  });

  it('keeps only a few ended answers in memory, and every one the browser could not store', async () => {
    const put = vi
      .spyOn(h.storage.db.messages, 'put')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const unsaved = await placeholder('first');
    const firstRun = runAnswer(h.storage, unsaved);
    (await h.provider.nextRequest()).finish();
    await firstRun;
    put.mockRestore();
    const turns = 20;
    for (let turn = 0; turn < turns; turn += 1) {
      const answer = await placeholder(`turn ${turn}`);
      const run = runAnswer(h.storage, answer);
      (await h.provider.nextRequest()).finish();
      await run;
    }
    // Kept without a bound, every one of the turns would still be in memory.
    expect(answerSessionCounts().settled).toBeLessThan(turns);
    expect(answerView(unsaved.id)?.notSaved?.code).toBe('not_saved');
  }, 30_000);
});
