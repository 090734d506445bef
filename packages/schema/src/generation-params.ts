import { z } from 'zod/mini';

/** Sampling parameters; absent means "use the provider's default". */
export const temperatureSchema = z
  .number('Temperature must be a number')
  .check(z.gte(0, 'Temperature must be 0 or more'), z.lte(2, 'Temperature must be 2 or less'));
export const maxTokensSchema = z
  .int('Max tokens must be a whole number')
  .check(z.gte(1, 'Max tokens must be at least 1'), z.lte(10_000_000, 'Max tokens is too large'));
/** A thinking budget in tokens; each provider has its own floor (Anthropic 1,024) and says so in its words. */
export const thinkingBudgetSchema = z
  .int('Thinking budget must be a whole number')
  .check(z.gte(1, 'Thinking budget must be at least 1'), z.lte(1_000_000, 'Thinking budget is too large'));
/** How many tokens a model reads at once (prompt and answer together); the request is cut to fit it. */
export const contextWindowSchema = z
  .int('Context window must be a whole number')
  .check(z.gte(128, 'Context window must be at least 128 tokens'), z.lte(100_000_000, 'Context window is too large'));

// Loose: a newer app version's parameter (topP, say) survives an older version's edit.
export const generationParamsSchema = z.looseObject({
  temperature: z.optional(temperatureSchema),
  maxTokens: z.optional(maxTokensSchema),
  /** The chat's own thinking budget over the model's, for providers with one; older versions keep it. */
  thinkingBudget: z.optional(thinkingBudgetSchema),
});
export type GenerationParams = z.infer<typeof generationParamsSchema>;
