import { describe, expect, it } from 'vitest';
import { completionResponseEvents } from './completion-response-events.ts';

const notACompletion = {
  type: 'error',
  error: { code: 'bad_response', message: "The provider's answer was not an OpenAI-compatible chat completion." },
};

describe('completionResponseEvents', () => {
  it('gives the events a stream would have given', () => {
    const body = JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: '你好 🦊', reasoning_content: 'Greeting.' },
          finish_reason: 'stop',
        },
        { index: 1, message: { role: 'assistant', content: 'ignored' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    });
    expect(completionResponseEvents(body)).toEqual([
      { type: 'reasoning-delta', text: 'Greeting.' },
      { type: 'text-delta', text: '你好 🦊' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 } },
    ]);
  });

  it('reads `reasoning` and an empty answer', () => {
    const body = '{"choices":[{"message":{"content":null,"reasoning":"Hmm."},"finish_reason":"length"}]}';
    expect(completionResponseEvents(body)).toEqual([
      { type: 'reasoning-delta', text: 'Hmm.' },
      { type: 'finish', reason: 'length' },
    ]);
  });

  it.each([
    ['an error object', '{"error":{"message":"Model is overloaded"}}'],
    ['an error string', '{"error":"Model is overloaded"}'],
    ['a bare message', '{"message":"Model is overloaded"}'],
  ])('reports %s as stream_error with its message', (_, body) => {
    expect(completionResponseEvents(body)).toEqual([
      { type: 'error', error: { code: 'stream_error', message: 'Model is overloaded' } },
    ]);
  });

  it.each([
    ['not JSON', 'hello'],
    ['truncated JSON', '{"choices":[{"mess'],
    ['JSON of another shape', '{"output":"hi"}'],
    ['ill-typed choices', '{"choices":[{"message":{"content":7}}]}'],
  ])('reports %s as bad_response', (_, body) => {
    expect(completionResponseEvents(body)).toEqual([notACompletion]);
  });
});
