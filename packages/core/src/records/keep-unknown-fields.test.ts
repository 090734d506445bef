import { chatSchema, modelConfigSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { keepUnknownFields } from './keep-unknown-fields.ts';

const chat = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  updatedAt: '001700000000000-000000-old',
  deleted: false as const,
  title: 'Plans',
  systemPrompt: '',
  modelConfigId: null,
  params: { temperature: 0.5 },
  pinned: false,
  forkedFrom: null,
  createdAt: 1,
  lastActivityAt: 1,
};

describe('keepUnknownFields', () => {
  const newer = { ...chat, folder: { id: 'f1', tags: ['a'] }, params: { temperature: 0.5, topP: 0.9 } };

  it('keeps a newer version’s fields, at the top and nested, when an older version edits', () => {
    const edited = { ...chat, title: 'Renamed', params: { temperature: 0.7 }, updatedAt: '001700000000001-000000-old' };
    const written = keepUnknownFields(chatSchema, newer, edited);
    expect(written).toEqual({ ...edited, folder: newer.folder, params: { temperature: 0.7, topP: 0.9 } });
  });

  it('lets the writer clear the fields it knows', () => {
    const cleared = { ...chat, params: {} };
    expect(
      keepUnknownFields(chatSchema, { ...chat, params: { temperature: 1, maxTokens: 5 } }, cleared).params,
    ).toEqual({});
  });

  it('replaces maps whole, so a header removed in the form is gone', () => {
    const config = {
      id: chat.id,
      updatedAt: chat.updatedAt,
      deleted: false as const,
      name: 'm',
      provider: 'openai' as const,
      baseUrl: 'https://api.example.com/v1',
      modelId: 'gpt',
      headers: { 'x-a': '1', 'x-b': '2' },
      connection: 'auto' as const,
    };
    const written = keepUnknownFields(modelConfigSchema, config, { ...config, headers: { 'x-a': '1' } });
    expect(written.headers).toEqual({ 'x-a': '1' });
  });

  it('takes a nested object that was null before as it is', () => {
    const written = keepUnknownFields(chatSchema, chat, {
      ...chat,
      forkedFrom: { chatId: chat.id, messageId: chat.id },
    });
    expect(written.forkedFrom).toEqual({ chatId: chat.id, messageId: chat.id });
  });
});
