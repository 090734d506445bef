import { wireErrorSchema, wireTextSchema, wireUsageSchema } from '@hearth/schema';
import { z } from 'zod/mini';

// May move to packages/schema once another package needs it; only the decoder reads it today.
// zod/mini like packages/schema, so the web bundle carries one flavour of zod.
/** A whole, non-streamed `chat.completion` answer, as sent by a provider that ignored `stream: true`. */
export const chatCompletionResponseSchema = z.object({
  choices: z.nullish(
    z.array(
      z.object({
        message: z.nullish(wireTextSchema),
        finish_reason: z.nullish(z.string()),
      }),
    ),
  ),
  usage: z.nullish(wireUsageSchema),
  error: z.nullish(wireErrorSchema),
});
export type ChatCompletionResponse = z.infer<typeof chatCompletionResponseSchema>;
