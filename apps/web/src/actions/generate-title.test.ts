import { titleInstruction } from '@hearth/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { shownBranchPage } from '../db/branches-repository.ts';
import { getChat } from '../db/chats-repository.ts';
import { setSetting } from '../db/settings-repository.ts';
import { useUiStore } from '../state/ui-store.ts';
import { changeChat } from './chat-actions.ts';
import { sendQuestion } from './conversation-actions.ts';
import { titleAfterFirstAnswer } from './generate-title.ts';
import { type AnswerHarness, answerEnded, answerHarness } from './test/answer-harness.ts';

let h: AnswerHarness;

beforeEach(async () => {
  h = answerHarness();
  await h.addModel();
});

const openChatId = () => useUiStore.getState().selectedChatId ?? '';
const titleOf = async () => (await getChat(h.storage.db, openChatId()))?.title;

/** Asks a question in the open chat (or a new one), answers it `reply`, and returns the answer's id. */
async function ask(content: string, reply: string): Promise<string> {
  await sendQuestion(h.storage, { chatId: useUiStore.getState().selectedChatId, content });
  const upstream = await h.provider.nextRequest();
  const answer = (await shownBranchPage(h.storage.db, openChatId(), 100)).messages.at(-1)?.message;
  upstream.send(reply);
  upstream.finish();
  await answerEnded(answer?.id ?? '');
  return answer?.id ?? '';
}

/** Runs the title step for an answer while the fake provider replies `reply` (or fails) to its request. */
async function titleWith(answerId: string, reply: string | 'fail') {
  const done = titleAfterFirstAnswer(h.storage, answerId);
  const upstream = await h.provider.nextRequest();
  if (reply === 'fail') upstream.drop();
  else {
    upstream.send(reply);
    upstream.finish();
  }
  await done;
  return upstream;
}

describe('generated titles', () => {
  it('follow the first answer: the chat’s model is asked, in the conversation’s language, and the chat is retitled', async () => {
    await setSetting(h.storage, 'generateTitles', true);
    await sendQuestion(h.storage, { chatId: null, content: '怎么烤面包？' });
    const answer = await h.provider.nextRequest();
    answer.send('先准备面粉。');
    answer.finish();
    // The runner asks for the title itself once the answer is done.
    const title = await h.provider.nextRequest();
    expect(title.body.messages).toEqual([
      { role: 'system', content: titleInstruction },
      { role: 'user', content: 'User: 怎么烤面包？\n\nAssistant: 先准备面粉。' },
    ]);
    title.send('“烤面包入门”');
    title.finish();
    await expect.poll(titleOf).toBe('烤面包入门');
    expect((await getChat(h.storage.db, openChatId()))?.titleSource).toBe('generated');
  });

  it('are asked only once, for the first exchange', async () => {
    const first = await ask('first', 'one');
    await setSetting(h.storage, 'generateTitles', true);
    await titleWith(first, 'About firsts');
    const second = await ask('second', 'two');
    await titleAfterFirstAnswer(h.storage, second);
    await titleAfterFirstAnswer(h.storage, first);
    // Two answers and one title request: a later answer and a second try asked nothing.
    expect(h.provider.requests).toHaveLength(3);
    expect(await titleOf()).toBe('About firsts');
  });

  it('are not asked for when the setting is off', async () => {
    const answerId = await ask('hello', 'hi');
    await titleAfterFirstAnswer(h.storage, answerId);
    expect(h.provider.requests).toHaveLength(1);
    expect(await titleOf()).toBe('hello');
  });

  it('never replace a title the person set, before or while the title is asked for', async () => {
    const renamedFirst = await ask('hello', 'hi');
    await setSetting(h.storage, 'generateTitles', true);
    await changeChat(h.storage, openChatId(), { title: 'Mine' });
    await titleAfterFirstAnswer(h.storage, renamedFirst);
    expect(h.provider.requests).toHaveLength(1);

    useUiStore.setState({ selectedChatId: null });
    await setSetting(h.storage, 'generateTitles', false);
    const racing = await ask('again', 'hi');
    await setSetting(h.storage, 'generateTitles', true);
    const done = titleAfterFirstAnswer(h.storage, racing);
    const upstream = await h.provider.nextRequest();
    await changeChat(h.storage, openChatId(), { title: 'Also mine' });
    upstream.send('Generated');
    upstream.finish();
    await done;
    expect(await titleOf()).toBe('Also mine');
    expect((await getChat(h.storage.db, openChatId()))?.titleSource).toBe('person');
  });

  it('keep the current title when the title request fails or says nothing', async () => {
    const answerId = await ask('hello', 'hi');
    await setSetting(h.storage, 'generateTitles', true);
    await titleWith(answerId, 'fail');
    expect(await titleOf()).toBe('hello');
    await titleWith(answerId, '  ');
    expect(await getChat(h.storage.db, openChatId())).toMatchObject({ title: 'hello' });
    expect((await getChat(h.storage.db, openChatId()))?.titleSource).toBeUndefined();
  });
});
