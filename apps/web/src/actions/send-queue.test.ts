import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChat } from '../db/chats-repository.ts';
import { appendQueuedQuestion, listMessages } from '../db/messages-repository.ts';
import { deleteModelConfig, listModelConfigs } from '../db/model-configs-repository.ts';
import { setDraft, useUiStore } from '../state/ui-store.ts';
import { answerSessionCounts } from './answer-sessions.ts';
import { cancelQueuedQuestion, flushSendQueue } from './send-queue.ts';
import { type AnswerHarness, answerHarness } from './test/answer-harness.ts';

let h: AnswerHarness;
let chatId: string;

beforeEach(async () => {
  h = answerHarness();
  await h.addModel();
  chatId = (await createChat(h.storage)).id;
});

afterEach(() => {
  expect(answerSessionCounts().running).toBe(0);
});

const queue = (content: string) => appendQueuedQuestion(h.storage, { chatId, content });
const conversation = async () => (await listMessages(h.storage.db, chatId)).map((m) => [m.role, m.content, m.status]);

describe('flushSendQueue', () => {
  it('sends queued questions oldest first, each only after the previous answer ended', async () => {
    await queue('first queued');
    await queue('second queued');
    const flushing = flushSendQueue(h.storage);

    const first = await h.provider.nextRequest();
    expect(first.body.messages).toEqual([{ role: 'user', content: 'first queued' }]);
    first.send('Answer one');
    first.finish();

    // The second question goes out with the first answer in its history: it waited for it.
    const second = await h.provider.nextRequest();
    expect(second.body.messages).toEqual([
      { role: 'user', content: 'first queued' },
      { role: 'assistant', content: 'Answer one' },
      { role: 'user', content: 'second queued' },
    ]);
    second.send('Answer two');
    second.finish();
    await flushing;
    expect(await conversation()).toEqual([
      ['user', 'first queued', 'done'],
      ['assistant', 'Answer one', 'done'],
      ['user', 'second queued', 'done'],
      ['assistant', 'Answer two', 'done'],
    ]);
  });

  it('stops sending when the network goes away; what is left stays queued', async () => {
    await queue('sent');
    await queue('left for later');
    const flushing = flushSendQueue(h.storage);
    const first = await h.provider.nextRequest();
    h.online = false;
    first.finish();
    await flushing;
    expect(h.provider.requests).toHaveLength(1);
    expect((await conversation()).at(-1)).toEqual(['user', 'left for later', 'queued']);
  });

  it('sends nothing while offline, with no model, or while another tab sends the queue', async () => {
    await queue('waiting');
    h.online = false;
    await flushSendQueue(h.storage);
    h.online = true;
    await h.locks.request('hearth-send-queue', () => flushSendQueue(h.storage));
    for (const config of await listModelConfigs(h.storage.db)) await deleteModelConfig(h.storage, config.id);
    await flushSendQueue(h.storage);
    expect(h.provider.requests).toHaveLength(0);
    expect(await conversation()).toEqual([['user', 'waiting', 'queued']]);
  });
});

describe('cancelQueuedQuestion', () => {
  it('takes the question out of the conversation and puts its text back in the composer, before the draft', async () => {
    const question = await queue('never mind');
    setDraft(chatId, 'what I was typing');
    await cancelQueuedQuestion(h.storage, question.id);
    expect(await conversation()).toEqual([]);
    expect(useUiStore.getState().drafts[chatId]).toBe('never mind\n\nwhat I was typing');
    await flushSendQueue(h.storage);
    expect(h.provider.requests).toHaveLength(0);
  });

  it('leaves a question that was already sent alone', async () => {
    const question = await queue('on its way');
    const flushing = flushSendQueue(h.storage);
    const upstream = await h.provider.nextRequest();
    await cancelQueuedQuestion(h.storage, question.id);
    upstream.finish();
    await flushing;
    expect((await conversation())[0]).toEqual(['user', 'on its way', 'done']);
    expect(useUiStore.getState().drafts[chatId]).toBeUndefined();
  });
});
