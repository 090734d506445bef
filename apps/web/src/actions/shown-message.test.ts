import { HybridClock, initialAnswerState, newAssistantMessage } from '@hearth/core';
import type { Message } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { AnswerView } from './answer-session.ts';
import { chatActivity, mergeAnswerView } from './shown-message.ts';

const clock = new HybridClock({ deviceId: 'testdevice' });
const record = (fields: Partial<Message> = {}): Message => ({
  ...newAssistantMessage({ clock, nowMs: 1_000 }, { chatId: 'chat', model: 'm', parent: null }),
  ...fields,
});
const view = (
  fields: Partial<AnswerView> & { content?: string; status?: AnswerView['state']['status'] },
): AnswerView => ({
  state: { ...initialAnswerState(), content: fields.content ?? '', status: fields.status ?? 'streaming' },
  running: fields.running ?? true,
  notSaved: fields.notSaved ?? null,
});
const notSaved = { code: 'not_saved', message: 'full' } as const;

describe('mergeAnswerView', () => {
  it('shows the record alone when this tab knows nothing more of it', () => {
    const stored = record({ content: 'from storage', status: 'streaming' });
    expect(mergeAnswerView(stored, undefined)).toBe(stored);
  });

  it('shows the live text of an answer streaming here, ahead of its record', () => {
    const shown = mergeAnswerView(record({ content: 'Hel', status: 'streaming' }), view({ content: 'Hello' }));
    expect(shown).toMatchObject({ content: 'Hello', status: 'streaming', error: null });
  });

  it('shows the final state of an ended answer until its record is read back final, then the record', () => {
    const ended = view({ content: 'Hello world', status: 'done', running: false });
    expect(mergeAnswerView(record({ content: 'Hello', status: 'streaming' }), ended)).toMatchObject({
      content: 'Hello world',
      status: 'done',
    });
    const final = record({ content: 'Hello world, as stored', status: 'done' });
    expect(mergeAnswerView(final, ended)).toBe(final);
  });

  it('says "not saved" beside text still arriving, and as the outcome once it ended', () => {
    const stored = record({ status: 'pending' });
    expect(mergeAnswerView(stored, view({ content: 'so far', notSaved }))).toMatchObject({
      content: 'so far',
      status: 'streaming',
      error: notSaved,
    });
    const ended = view({ content: 'all of it', status: 'done', running: false, notSaved });
    expect(mergeAnswerView(stored, ended)).toMatchObject({ content: 'all of it', status: 'error', error: notSaved });
  });
});

describe('chatActivity', () => {
  it('is busy, with nothing to stop here, while another tab streams an answer of the chat', () => {
    expect(chatActivity('chat', [record({ status: 'streaming' })])).toEqual({ busy: true, streamingHereId: null });
  });

  it('is idle when every answer has ended', () => {
    expect(chatActivity('chat', [record({ status: 'done' }), record({ status: 'stopped' })])).toEqual({
      busy: false,
      streamingHereId: null,
    });
  });
});
