import type { Usage, WireUsage } from '@hearth/schema';

/** Converts the provider's snake_case token usage into ours. */
export function usageFromWire(wire: WireUsage): Usage {
  const usage: Usage = {
    promptTokens: wire.prompt_tokens,
    completionTokens: wire.completion_tokens,
    // Some providers omit the total; it is the sum by definition.
    totalTokens: wire.total_tokens ?? wire.prompt_tokens + wire.completion_tokens,
  };
  const reasoningTokens = wire.completion_tokens_details?.reasoning_tokens;
  if (reasoningTokens != null) usage.reasoningTokens = reasoningTokens;
  return usage;
}
