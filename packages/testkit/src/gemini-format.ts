import type { ContentDelta } from './completion-chunks.ts';
import type { ReplyPlan } from './reply-plan.ts';
import type { Scenario } from './scenario.ts';
import { isReasoning, jsonFrame, type StreamFormat } from './stream-format.ts';

// Written from Gemini's API reference: every piece of a stream is a whole GenerateContentResponse.
function response(options: {
  plan: ReplyPlan;
  scenario: Scenario;
  parts: Record<string, unknown>[];
  /** Answer and thought tokens so far, for the running usage every piece carries. */
  sent: { answer: number; thoughts: number };
  finishReason?: string;
}): Record<string, unknown> {
  const { plan, scenario, parts, sent, finishReason } = options;
  const prompt = plan.usage.prompt_tokens;
  const usageMetadata = {
    promptTokenCount: prompt,
    candidatesTokenCount: sent.answer,
    totalTokenCount: prompt + sent.answer + sent.thoughts,
    ...(sent.thoughts > 0 ? { thoughtsTokenCount: sent.thoughts } : {}),
  };
  return {
    candidates: [
      { content: { parts, role: 'model' }, index: 0, ...(finishReason === undefined ? {} : { finishReason }) },
    ],
    ...(scenario.usage ? { usageMetadata } : {}),
    modelVersion: 'fake-gemini',
    responseId: 'fake-response-id',
  };
}

const partOf = (delta: ContentDelta) =>
  isReasoning(delta) ? { text: delta.text, thought: true } : { text: delta.text };
const finishReasonOf = (plan: ReplyPlan) => (plan.finishReason === 'length' ? 'MAX_TOKENS' : 'STOP');

/** The pieces of a whole answer: one per content event, then the piece with the finish reason. */
export function geminiPieces(options: { plan: ReplyPlan; scenario: Scenario; deltas: readonly ContentDelta[] }) {
  const { plan, scenario, deltas } = options;
  const sent = { answer: 0, thoughts: 0 };
  const pieces = deltas.map((delta) => {
    const tokens = delta.text.match(/\S+/g)?.length ?? 0;
    if (isReasoning(delta)) sent.thoughts += tokens;
    else sent.answer += tokens;
    return response({ plan, scenario, parts: [partOf(delta)], sent: { ...sent } });
  });
  pieces.push(response({ plan, scenario, parts: [{ text: '' }], sent, finishReason: finishReasonOf(plan) }));
  return pieces;
}

/**
 * `streamGenerateContent?alt=sse`: unnamed `data:` events of whole responses, thoughts as parts with
 * `thought: true`, the running usage in each, the finish reason in the last; then the connection closes.
 */
export function geminiStreamFormat(options: {
  plan: ReplyPlan;
  scenario: Scenario;
  deltas: readonly ContentDelta[];
}): StreamFormat {
  const pieces = geminiPieces(options);
  return {
    opening: () => [],
    delta: (_delta, index) => [jsonFrame(pieces[index])],
    closing: () => [jsonFrame(pieces.at(-1))],
    failure: (message) => [jsonFrame({ error: { code: 500, message, status: 'INTERNAL' } })],
    keepAlive: () => null,
  };
}

/** The one response of `generateContent`: the thoughts and the answer as one part each, the finish reason, the usage. */
export function geminiWholeResponse(options: { plan: ReplyPlan; scenario: Scenario }): Record<string, unknown> {
  const { plan, scenario } = options;
  const parts: Record<string, unknown>[] = [];
  if (plan.reasoningTokens.length > 0) parts.push({ text: plan.reasoningTokens.join(''), thought: true });
  parts.push({ text: plan.contentTokens.join('') });
  const sent = { answer: plan.contentTokens.length, thoughts: plan.reasoningTokens.length };
  return response({ plan, scenario, parts, sent, finishReason: finishReasonOf(plan) });
}
