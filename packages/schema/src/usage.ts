import { z } from 'zod/mini';

const count = z.int().check(z.nonnegative());

/** Token usage as the provider reported it. */
export const usageSchema = z.looseObject({
  promptTokens: count,
  completionTokens: count,
  totalTokens: count,
  reasoningTokens: z.optional(count),
});
export type Usage = z.infer<typeof usageSchema>;
