import { z } from 'zod';
import { idSchema } from './id.ts';

/** The API key of a model configuration. Device-local: never synced. */
export const modelSecretSchema = z.object({
  modelConfigId: idSchema,
  apiKey: z.string().max(10_000, 'API key is too long'),
});
export type ModelSecret = z.infer<typeof modelSecretSchema>;
