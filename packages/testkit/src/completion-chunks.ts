import type { ReplyPlan, WireUsage } from './reply-plan.ts';
import type { ReasoningField } from './scenario.ts';

/** What every chunk of one completion shares. */
export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
}

/** One content event: a group of reasoning or answer tokens. */
export interface ContentDelta {
  field: 'content' | ReasoningField;
  text: string;
}

function groups(tokens: readonly string[], size: number): string[] {
  const grouped: string[] = [];
  for (let start = 0; start < tokens.length; start += size) grouped.push(tokens.slice(start, start + size).join(''));
  return grouped;
}

/** The content events of a plan: reasoning first, then the answer, `chunkTokens` tokens per event. */
export function contentDeltas(options: {
  plan: ReplyPlan;
  chunkTokens: number;
  reasoningField: ReasoningField;
}): ContentDelta[] {
  const { plan, chunkTokens, reasoningField } = options;
  return [
    ...groups(plan.reasoningTokens, chunkTokens).map((text) => ({ field: reasoningField, text })),
    ...groups(plan.contentTokens, chunkTokens).map((text) => ({ field: 'content' as const, text })),
  ];
}

function chunk(identity: CompletionIdentity, rest: { choices: unknown[]; usage?: WireUsage }): Record<string, unknown> {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_fake_upstream',
    ...rest,
  };
}

/** A `chat.completion.chunk` carrying one delta; the first one also names the role, as OpenAI does. */
export function deltaChunk(options: {
  identity: CompletionIdentity;
  delta: ContentDelta | null;
  first: boolean;
}): Record<string, unknown> {
  const delta: Record<string, string> = options.first ? { role: 'assistant' } : {};
  if (options.delta === null) delta.content = '';
  else delta[options.delta.field] = options.delta.text;
  return chunk(options.identity, { choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] });
}

/** The chunk that ends the choice. */
export function finishChunk(
  identity: CompletionIdentity,
  finishReason: ReplyPlan['finishReason'],
): Record<string, unknown> {
  return chunk(identity, { choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }] });
}

/** The trailing usage chunk sent when the request set `stream_options.include_usage`. */
export function usageChunk(identity: CompletionIdentity, usage: WireUsage): Record<string, unknown> {
  return chunk(identity, { choices: [], usage });
}

/** A whole `chat.completion` answer (non-streaming or `jsonMode`). */
export function wholeCompletion(options: {
  identity: CompletionIdentity;
  plan: ReplyPlan;
  reasoningField: ReasoningField;
  usage: boolean;
}): Record<string, unknown> {
  const { identity, plan } = options;
  const message: Record<string, string | null> = { role: 'assistant', content: plan.contentTokens.join('') };
  if (plan.reasoningTokens.length > 0) message[options.reasoningField] = plan.reasoningTokens.join('');
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_fake_upstream',
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    ...(options.usage ? { usage: plan.usage } : {}),
  };
}
