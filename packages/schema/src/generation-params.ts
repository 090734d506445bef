import { z } from 'zod';

/** Sampling parameters; absent means "use the provider's default". */
export const temperatureSchema = z
  .number()
  .min(0, 'Temperature must be 0 or more')
  .max(2, 'Temperature must be 2 or less');
export const maxTokensSchema = z
  .number()
  .int('Max tokens must be a whole number')
  .min(1, 'Max tokens must be at least 1')
  .max(10_000_000, 'Max tokens is too large');

export const generationParamsSchema = z.object({
  temperature: temperatureSchema.optional(),
  maxTokens: maxTokensSchema.optional(),
});
export type GenerationParams = z.infer<typeof generationParamsSchema>;
