import { z } from 'zod/mini';
import { idSchema } from './id.ts';

/** The API key of a model configuration. Device-local: never synced. */
export const modelSecretSchema = z.object({
  modelConfigId: idSchema,
  apiKey: z.string().check(z.maxLength(10_000, 'API key is too long')),
});
export type ModelSecret = z.infer<typeof modelSecretSchema>;
