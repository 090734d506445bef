import { beforeEach, describe, expect, it } from 'vitest';
import { createChat } from '../db/chats-repository.ts';
import { appendQuestion } from '../db/messages-repository.ts';
import { answerLockName } from './answer-locks.ts';
import { recoverAbandonedAnswersOnOpen } from './answer-recovery.ts';
import { runAnswer } from './answer-runner.ts';
import { type AnswerHarness, answerHarness } from './test/answer-harness.ts';

let h: AnswerHarness;

beforeEach(async () => {
  h = answerHarness();
  await h.addModel();
});

async function placeholder(content: string) {
  const chat = await createChat(h.storage);
  return (await appendQuestion(h.storage, { chatId: chat.id, content, model: 'fake-model' })).answer;
}

describe('recoverAbandonedAnswersOnOpen', () => {
  it('fails answers no tab is streaming, and leaves those another tab or this one still streams', async () => {
    const abandoned = await placeholder('tab closed');
    const inOtherTab = await placeholder('other tab');
    const here = await placeholder('this tab');

    let releaseOtherTab: () => void = () => undefined;
    const otherTab = h.locks.request(
      answerLockName(inOtherTab.id),
      () =>
        new Promise<void>((resolve) => {
          releaseOtherTab = resolve;
        }),
    );
    const streamingHere = runAnswer(h.storage, here);
    const upstream = await h.provider.nextRequest();

    expect(await recoverAbandonedAnswersOnOpen(h.storage)).toBe(1);
    expect(await h.storage.db.messages.get(abandoned.id)).toMatchObject({
      status: 'error',
      error: { code: 'abandoned' },
    });
    expect(await h.storage.db.messages.get(inOtherTab.id)).toMatchObject({ status: 'pending' });
    expect(await h.storage.db.messages.get(here.id)).toMatchObject({ status: 'pending' });

    releaseOtherTab();
    upstream.finish();
    await Promise.all([otherTab, streamingHere]);
  });
});
