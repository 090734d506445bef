import { z } from 'zod/mini';
import { wireErrorSchema } from './chat-completion-chunk.ts';

/** The shapes providers use for a JSON error body: `{error: {message}}`, `{error: "..."}` or `{message}`. */
export const providerErrorBodySchema = z.union([
  z.object({ error: wireErrorSchema }),
  z.object({ error: z.string() }),
  z.object({ message: z.string() }),
  z.object({ detail: z.string() }),
]);
export type ProviderErrorBody = z.infer<typeof providerErrorBodySchema>;
