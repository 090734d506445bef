import type { StreamEvent } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { completionResponseEvents } from './completion-response-events.ts';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import { bytesOf, chunksOf, collect, sourceOf, textSource } from './test-support.ts';

// A Messages stream as Anthropic's streaming documentation shows it: named events whose data repeats the name
// as `type`, a thinking block (thinking deltas, then a signature delta), a text block with multi-byte text,
// pings between events, message_delta with the stop reason and the running output count, message_stop.
const event = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const wire = [
  event('message_start', {
    message: {
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      content: [],
      model: 'claude-sonnet-4-5',
      stop_reason: null,
      usage: { input_tokens: 25, cache_read_input_tokens: 5, output_tokens: 1 },
    },
  }),
  event('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
  event('ping', {}),
  event('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'Let me think' } }),
  event('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: ' about 🤔 it.' } }),
  event('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM' } }),
  event('content_block_stop', { index: 0 }),
  event('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
  event('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Hello, ' } }),
  event('content_block_delta', { index: 1, delta: { type: 'text_delta', text: '世界！🦊' } }),
  event('content_block_stop', { index: 1 }),
  event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 15 } }),
  event('message_stop', {}),
  event('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'after the end' } }),
].join('');
const wireBytes = bytesOf(wire);

const expected: StreamEvent[] = [
  { type: 'reasoning-delta', text: 'Let me think' },
  { type: 'reasoning-delta', text: ' about 🤔 it.' },
  { type: 'text-delta', text: 'Hello, ' },
  { type: 'text-delta', text: '世界！🦊' },
  { type: 'finish', reason: 'stop' },
  { type: 'usage', usage: { promptTokens: 30, completionTokens: 15, totalTokens: 45 } },
];

const decode = (source: ReturnType<typeof sourceOf>) =>
  collect(decodeCompletionStream(source.stream, { protocol: 'anthropic' }));

describe('the Anthropic stage', () => {
  it('maps a Messages stream to text, reasoning, the stop reason and usage, and stops at message_stop', async () => {
    const source = sourceOf([wireBytes]);
    expect(await decode(source)).toEqual(expected);
    expect(source.cancelled).toBe(true);
  });

  it('gives the same events when the stream is split into two chunks at every byte', async () => {
    for (let at = 1; at < wireBytes.length; at++) {
      const events = await decode(sourceOf([wireBytes.subarray(0, at), wireBytes.subarray(at)]));
      expect(events, `split at byte ${at}`).toEqual(expected);
    }
  });

  it.each([1, 2, 3, 7, 64])('gives the same events %i bytes at a time, with CRLF line endings', async (size) => {
    const crlf = bytesOf(wire.replaceAll('\n', '\r\n'));
    expect(await decode(sourceOf(chunksOf(crlf, size)))).toEqual(expected);
  });

  it('reads a stop at max_tokens as `length`, and passes on reasons it has no word for', async () => {
    const stop = (reason: string) =>
      event('message_start', { message: { usage: { input_tokens: 3, output_tokens: 1 } } }) +
      event('message_delta', { delta: { stop_reason: reason }, usage: { output_tokens: 9 } }) +
      event('message_stop', {});
    expect(await decode(textSource(stop('max_tokens')))).toContainEqual({ type: 'finish', reason: 'length' });
    expect(await decode(textSource(stop('pause_turn')))).toContainEqual({ type: 'finish', reason: 'pause_turn' });
  });

  it('ends with the provider’s own words on an error event, keeping what came before', async () => {
    const text =
      event('message_start', { message: { usage: { input_tokens: 3 } } }) +
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Part' } }) +
      event('error', { error: { type: 'overloaded_error', message: 'Overloaded' } }) +
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'never shown' } });
    expect(await decode(textSource(text))).toEqual([
      { type: 'text-delta', text: 'Part' },
      { type: 'error', error: { code: 'stream_error', message: 'Overloaded' } },
    ]);
  });

  it('counts a stream that closes before message_stop as interrupted', async () => {
    const text = wire.slice(0, wire.indexOf('event: message_delta'));
    const events = await decode(textSource(text));
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { code: 'interrupted', message: 'The answer was cut off before it finished.' },
    });
  });

  it('skips event types it does not know, and says so when nothing was an Anthropic event', async () => {
    const unknown = event('future_event', { surprise: true });
    // Under a name that is not its type, even an error-like body or a delta is someone else's data.
    const misnamed =
      'event: weird\ndata: {"message":"not an error of ours"}\n\n' +
      'event: weird\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"x"}}\n\n';
    expect(await decode(textSource(unknown + misnamed + wire))).toEqual(expected);
    expect(await decode(textSource(`${unknown}event: message_stop\ndata: {"type":"message_stop"}\n\n`))).toEqual([
      {
        type: 'error',
        error: { code: 'bad_response', message: "The provider's answer was not an Anthropic Messages stream." },
      },
    ]);
  });

  it('reads a whole message the same way as its stream', () => {
    const message = {
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Hmm.', signature: 'sig' },
        { type: 'text', text: 'Hi!' },
      ],
      stop_reason: 'max_tokens',
      usage: { input_tokens: 4, output_tokens: 6 },
    };
    expect(completionResponseEvents(JSON.stringify(message), 'anthropic')).toEqual([
      { type: 'reasoning-delta', text: 'Hmm.' },
      { type: 'text-delta', text: 'Hi!' },
      { type: 'finish', reason: 'length' },
      { type: 'usage', usage: { promptTokens: 4, completionTokens: 6, totalTokens: 10 } },
    ]);
    const refusal = { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } };
    expect(completionResponseEvents(JSON.stringify(refusal), 'anthropic')).toEqual([
      { type: 'error', error: { code: 'stream_error', message: 'max_tokens: Field required' } },
    ]);
    expect(completionResponseEvents('{"choices":[]}', 'anthropic')).toEqual([
      {
        type: 'error',
        error: { code: 'bad_response', message: "The provider's answer was not an Anthropic Messages answer." },
      },
    ]);
  });
});
