import type { CompletionIdentity } from './completion-chunks.ts';
import type { ReplyPlan } from './reply-plan.ts';
import type { Scenario } from './scenario.ts';
import { isReasoning, jsonFrame, type SseFrame, type StreamFormat } from './stream-format.ts';

// Written from Anthropic's streaming documentation: every event is named, and its data repeats the name as `type`.
const event = (type: string, fields: Record<string, unknown> = {}): SseFrame => jsonFrame({ type, ...fields }, type);

const stopReason = (plan: ReplyPlan) => (plan.finishReason === 'length' ? 'max_tokens' : 'end_turn');

// A thinking block ends with the signature that lets a client send it back; the fake's is a fixed stand-in.
const fakeSignature = 'RmFrZVNpZ25hdHVyZQ==';

function message(identity: CompletionIdentity, rest: Record<string, unknown>) {
  return { id: identity.id, type: 'message', role: 'assistant', model: identity.model, stop_sequence: null, ...rest };
}

/**
 * Anthropic's Messages stream: `message_start` (input usage), a thinking block then a text block (start, deltas,
 * stop; a ping after the first start), `message_delta` with the stop reason and output usage, `message_stop`.
 */
export function anthropicStreamFormat(options: {
  identity: CompletionIdentity;
  plan: ReplyPlan;
  scenario: Scenario;
}): StreamFormat {
  const { identity, plan, scenario } = options;
  const usage = plan.usage;
  let open: { kind: 'thinking' | 'text'; index: number } | null = null;
  let nextIndex = 0;

  const close = (): SseFrame[] => {
    if (open === null) return [];
    const frames = [
      ...(open.kind === 'thinking'
        ? [
            event('content_block_delta', {
              index: open.index,
              delta: { type: 'signature_delta', signature: fakeSignature },
            }),
          ]
        : []),
      event('content_block_stop', { index: open.index }),
    ];
    open = null;
    return frames;
  };
  const start = (kind: 'thinking' | 'text'): SseFrame[] => {
    const frames = close();
    open = { kind, index: nextIndex++ };
    const block = kind === 'thinking' ? { type: 'thinking', thinking: '', signature: '' } : { type: 'text', text: '' };
    frames.push(event('content_block_start', { index: open.index, content_block: block }));
    if (open.index === 0) frames.push(event('ping'));
    return frames;
  };

  return {
    opening: () => [
      event('message_start', {
        message: message(identity, {
          content: [],
          stop_reason: null,
          ...(scenario.usage ? { usage: { input_tokens: usage.prompt_tokens, output_tokens: 1 } } : {}),
        }),
      }),
    ],
    delta(delta) {
      const kind = isReasoning(delta) ? 'thinking' : 'text';
      const frames = open?.kind === kind ? [] : start(kind);
      const index = open?.index ?? 0;
      const body =
        kind === 'thinking'
          ? { type: 'thinking_delta', thinking: delta.text }
          : { type: 'text_delta', text: delta.text };
      frames.push(event('content_block_delta', { index, delta: body }));
      return frames;
    },
    closing: () => [
      // An empty answer still has its (empty) text block.
      ...(nextIndex === 0 ? [...start('text'), ...close()] : close()),
      event('message_delta', {
        delta: { stop_reason: stopReason(plan), stop_sequence: null },
        ...(scenario.usage ? { usage: { output_tokens: usage.completion_tokens } } : {}),
      }),
      event('message_stop'),
    ],
    failure: (text) => [event('error', { error: { type: 'overloaded_error', message: text } })],
    keepAlive: () => event('ping'),
  };
}

/** A whole Messages answer (no `stream`, or `jsonMode`). */
export function anthropicMessage(options: { identity: CompletionIdentity; plan: ReplyPlan }): Record<string, unknown> {
  const { identity, plan } = options;
  const content: Record<string, string>[] = [];
  if (plan.reasoningTokens.length > 0) {
    content.push({ type: 'thinking', thinking: plan.reasoningTokens.join(''), signature: fakeSignature });
  }
  content.push({ type: 'text', text: plan.contentTokens.join('') });
  return message(identity, {
    content,
    stop_reason: stopReason(plan),
    usage: { input_tokens: plan.usage.prompt_tokens, output_tokens: plan.usage.completion_tokens },
  });
}
