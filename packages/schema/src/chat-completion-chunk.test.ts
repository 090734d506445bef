import { describe, expect, it } from 'vitest';
import { chatCompletionChunkSchema } from './chat-completion-chunk.ts';

describe('chat completion chunk', () => {
  it('reads content, both reasoning field names and usage, ignoring unknown fields', () => {
    const parsed = chatCompletionChunkSchema.parse({
      id: 'x',
      object: 'chat.completion.chunk',
      choices: [
        { index: 0, delta: { content: 'a', reasoning_content: 'b', reasoning: 'c', extra: 1 }, finish_reason: null },
      ],
      usage: {
        prompt_tokens: 1,
        completion_tokens: 2,
        total_tokens: 3,
        completion_tokens_details: { reasoning_tokens: 1 },
      },
    });
    expect(parsed.choices?.[0]?.delta).toEqual({ content: 'a', reasoning_content: 'b', reasoning: 'c' });
    expect(parsed.usage?.completion_tokens_details?.reasoning_tokens).toBe(1);
  });

  it('refuses content of the wrong type instead of passing it on', () => {
    expect(
      chatCompletionChunkSchema.safeParse({ choices: [{ delta: { content: { html: '<script>' } } }] }).success,
    ).toBe(false);
    expect(chatCompletionChunkSchema.safeParse({ usage: { prompt_tokens: -1 } }).success).toBe(false);
  });
});
