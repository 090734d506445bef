import type { ChatRequest } from './chat-request.ts';
import { type CompletionIdentity, deltaChunk, finishChunk, usageChunk } from './completion-chunks.ts';
import type { ReplyPlan } from './reply-plan.ts';
import type { Scenario } from './scenario.ts';
import { jsonFrame, type StreamFormat } from './stream-format.ts';

/** OpenAI's chat-completion chunks: deltas, a finish chunk, the usage chunk when asked for, `[DONE]`. */
export function openAiStreamFormat(options: {
  identity: CompletionIdentity;
  plan: ReplyPlan;
  request: ChatRequest;
  scenario: Scenario;
}): StreamFormat {
  const { identity, plan, request, scenario } = options;
  return {
    // An empty answer still opens with the role chunk, as OpenAI's streams do.
    opening: (deltaCount) => (deltaCount === 0 ? [jsonFrame(deltaChunk({ identity, delta: null, first: true }))] : []),
    delta: (delta, index) => [jsonFrame(deltaChunk({ identity, delta, first: index === 0 }))],
    closing: () => [
      jsonFrame(finishChunk(identity, plan.finishReason)),
      ...(scenario.usage && request.includeUsage ? [jsonFrame(usageChunk(identity, plan.usage))] : []),
      { data: '[DONE]' },
    ],
    failure: (message) => [jsonFrame({ error: { message, type: 'server_error', param: null, code: null } })],
    keepAlive: () => null,
  };
}
