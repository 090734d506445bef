import { buildTitleRequest, cleanTitle, streamCompletion, titleFromMessage } from '@hearth/core';
import { getChat, setGeneratedTitle } from '../db/chats-repository.ts';
import { getMessage } from '../db/messages-repository.ts';
import { getApiKey } from '../db/model-configs-repository.ts';
import { getSetting } from '../db/settings-repository.ts';
import { recordContext, type Storage } from '../db/storage.ts';
import { browserServices } from './browser-services.ts';
import { resolveModel } from './resolve-model.ts';

// A title that takes longer than this is not worth waiting for; the chat keeps its title.
const titleTimeoutMs = 30_000;

/**
 * After the first answer of a chat, asks its model for a title (a short separate request) and gives it to
 * the chat. Only while the setting is on, and only for the first exchange of a chat still titled from its
 * first message: a title the person set, an imported one, or one generated before, is never replaced. Any
 * failure (the provider's, the network's, an empty reply) leaves the title as it was, silently: the chat
 * works the same without it. Resolves once it is done or given up, never rejects.
 */
export async function titleAfterFirstAnswer(storage: Storage, answerId: string): Promise<void> {
  try {
    const { db } = storage;
    if (!(await getSetting(db, 'generateTitles'))) return;
    const answer = await getMessage(db, answerId);
    if (answer?.status !== 'done' || !answer.content.trim() || !answer.parentId) return;
    const question = await getMessage(db, answer.parentId);
    // The first question of a chat has no parent; a later one (or an old record without parents) is not the first.
    if (question?.role !== 'user' || question.parentId !== null) return;
    const chat = await getChat(db, answer.chatId);
    const expected = titleFromMessage(question.content);
    if (!chat || chat.titleSource !== undefined || chat.title !== expected) return;
    const config = await resolveModel(storage, chat);
    if (!config) return;
    const request = buildTitleRequest({
      config,
      apiKey: await getApiKey(db, config.id),
      context: recordContext(storage),
      question: question.content,
      answer: answer.content,
    });
    const fetch = await browserServices().fetchFor(storage, { config, onPath: () => undefined });
    let reply = '';
    const signal = AbortSignal.timeout(titleTimeoutMs);
    for await (const event of streamCompletion({ ...request, signal, fetch })) {
      if (event.type === 'error') return;
      if (event.type === 'text-delta') reply += event.text;
    }
    const title = cleanTitle(reply);
    if (title && !signal.aborted) await setGeneratedTitle(storage, { chatId: chat.id, expected, title });
  } catch {
    // Nothing the person needs to act on: the chat keeps the title it has.
  }
}
