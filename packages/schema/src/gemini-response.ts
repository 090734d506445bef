import { z } from 'zod/mini';
import { wireErrorSchema } from './chat-completion-chunk.ts';

// Gemini's GenerateContentResponse: one per SSE event of `streamGenerateContent?alt=sse`, an array of them
// from `streamGenerateContent` without it, one from `generateContent`. Fields we do not read are allowed.
const count = z.int().check(z.nonnegative());

/** Token counts; `candidatesTokenCount` leaves out the thinking, which `thoughtsTokenCount` counts. */
export const geminiUsageSchema = z.object({
  promptTokenCount: z.nullish(count),
  candidatesTokenCount: z.nullish(count),
  thoughtsTokenCount: z.nullish(count),
  totalTokenCount: z.nullish(count),
});
export type GeminiUsage = z.infer<typeof geminiUsageSchema>;

/** A part of the model's content: words of the answer, or of its thoughts when `thought` is true. */
export const geminiPartSchema = z.object({ text: z.nullish(z.string()), thought: z.nullish(z.boolean()) });

/** One response (or streamed piece of one). */
export const geminiResponseSchema = z.object({
  candidates: z.nullish(
    z.array(
      z.object({
        content: z.nullish(z.object({ parts: z.nullish(z.array(geminiPartSchema)) })),
        finishReason: z.nullish(z.string()),
      }),
    ),
  ),
  usageMetadata: z.nullish(geminiUsageSchema),
  /** Set when the prompt itself was blocked; there are no candidates then. */
  promptFeedback: z.nullish(z.object({ blockReason: z.nullish(z.string()) })),
  /** `{code, message, status}`, which Gemini also sends inside a stream that fails. */
  error: z.nullish(wireErrorSchema),
});
export type GeminiResponse = z.infer<typeof geminiResponseSchema>;
