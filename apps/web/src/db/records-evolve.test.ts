// QUALITY 27 in the browser's database: a record written by a newer app version keeps every field this
// version does not know (at the top and nested) through every edit this version makes.
import { initialAnswerState } from '@hearth/core';
import type { Chat, Message, ModelConfig, Setting } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { testStorage } from '../../test/test-storage.ts';
import { createChat, updateChat } from './chats-repository.ts';
import {
  addQuestionVersion,
  appendQuestion,
  appendQueuedQuestion,
  releaseQueuedQuestion,
  saveAnswer,
  setFeedback,
} from './messages-repository.ts';
import { saveModelConfig } from './model-configs-repository.ts';
import { setSetting } from './settings-repository.ts';

const newerChatFields = { folder: { id: 'f1', path: ['work'] }, branchHead: 'm9' };
const newerMessageFields = { annotations: [{ kind: 'citation', url: 'https://example.com' }] };

describe('records written by a newer app version', () => {
  it('keep their unknown fields through renames, params, pins and new messages', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    // As a newer version would have stored it (after a pull): extra fields, and one inside params.
    const newer: Chat = { ...chat, ...newerChatFields, params: { temperature: 0.5, topP: 0.9 } };
    await storage.db.chats.put(newer);
    await updateChat(storage, chat.id, { title: 'Renamed' });
    await updateChat(storage, chat.id, { params: { temperature: 0.7 } });
    await updateChat(storage, chat.id, { pinned: true });
    await appendQuestion(storage, { chatId: chat.id, content: 'hi', model: 'm' });
    expect(await storage.db.chats.get(chat.id)).toMatchObject({
      ...newerChatFields,
      title: 'Renamed',
      pinned: true,
      params: { temperature: 0.7, topP: 0.9 },
    });
  });

  it('keep them through answers being saved, feedback, a queued question sent, and a question edited', async () => {
    const storage = testStorage();
    const chat = await createChat(storage);
    const { question, answer } = await appendQuestion(storage, { chatId: chat.id, content: 'hi', model: 'm' });
    const newerAnswer: Message = { ...answer, ...newerMessageFields };
    const newerQuestion: Message = { ...question, ...newerMessageFields };
    await storage.db.messages.bulkPut([newerAnswer, newerQuestion]);
    await saveAnswer(storage, { id: answer.id, state: { ...initialAnswerState(), content: 'hello', status: 'done' } });
    await setFeedback(storage, answer.id, { rating: 5, comment: 'good' });
    expect(await storage.db.messages.get(answer.id)).toMatchObject({ ...newerMessageFields, content: 'hello' });
    // An edit is a new version beside the question: the old record is not written at all.
    const before = await storage.db.messages.get(question.id);
    await addQuestionVersion(storage, { questionId: question.id, content: 'hi again', model: 'm' });
    expect(await storage.db.messages.get(question.id)).toEqual(before);

    const queued = await appendQueuedQuestion(storage, { chatId: chat.id, content: 'later' });
    await storage.db.messages.put({ ...queued, ...newerMessageFields });
    await releaseQueuedQuestion(storage, { questionId: queued.id, model: 'm' });
    expect(await storage.db.messages.get(queued.id)).toMatchObject({ ...newerMessageFields, status: 'done' });
  });

  it('keep them through a model configuration saved from the form, and a setting changed', async () => {
    const storage = testStorage();
    const fields = {
      name: 'M',
      provider: 'custom',
      baseUrl: 'http://127.0.0.1:9/v1',
      modelId: 'm',
      headers: { 'x-a': '1' },
      connection: 'auto',
    } as const;
    const config = await saveModelConfig(storage, { fields, apiKey: '' });
    const newerConfig: ModelConfig = { ...config, reasoningEffort: 'high' };
    await storage.db.modelConfigs.put(newerConfig);
    await saveModelConfig(storage, { id: config.id, fields: { ...fields, name: 'Renamed', headers: {} }, apiKey: '' });
    expect(await storage.db.modelConfigs.get(config.id)).toMatchObject({
      name: 'Renamed',
      reasoningEffort: 'high',
      headers: {},
    });

    await setSetting(storage, 'defaultModelConfigId', config.id);
    const stored = await storage.db.settings.get('defaultModelConfigId');
    if (!stored || stored.deleted) throw new Error('stored');
    const newerSetting: Setting = { ...stored, scope: { profile: 'work' } };
    await storage.db.settings.put(newerSetting);
    await setSetting(storage, 'defaultModelConfigId', null);
    expect(await storage.db.settings.get('defaultModelConfigId')).toMatchObject({
      value: null,
      scope: { profile: 'work' },
    });
  });
});
