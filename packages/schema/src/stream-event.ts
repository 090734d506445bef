import { z } from 'zod/mini';
import { completionErrorSchema } from './completion-error.ts';
import { usageSchema } from './usage.ts';

/**
 * Why the provider stopped generating, in OpenAI's words (`stop`, `length`, `content_filter`, `tool_calls`):
 * Anthropic's and Gemini's reasons are mapped to these where one fits, others pass as the provider said them.
 */
export const finishReasonSchema = z.string();

/** The typed events the streaming decoder turns a provider's response into. */
export const streamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text-delta'), text: z.string() }),
  z.object({ type: z.literal('reasoning-delta'), text: z.string() }),
  z.object({ type: z.literal('usage'), usage: usageSchema }),
  z.object({ type: z.literal('finish'), reason: z.nullable(finishReasonSchema) }),
  z.object({ type: z.literal('error'), error: completionErrorSchema }),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
