import { z } from 'zod/mini';

// Providers differ in which optional fields they send and send extra ones; every field we do not
// read is allowed, every field we do read is checked.
const optionalText = z.nullish(z.string());
const count = z.int().check(z.nonnegative());

/** Token usage as OpenAI-compatible providers report it (snake_case). */
export const wireUsageSchema = z.object({
  prompt_tokens: z._default(count, 0),
  completion_tokens: z._default(count, 0),
  total_tokens: z.optional(count),
  completion_tokens_details: z.nullish(z.object({ reasoning_tokens: z.nullish(count) })),
});
export type WireUsage = z.infer<typeof wireUsageSchema>;

/** An error object as providers put it in a body or inside a stream. */
export const wireErrorSchema = z.object({
  message: z.string(),
  type: z.nullish(z.string()),
  code: z.nullish(z.union([z.string(), z.number()])),
});

/** The text fields of a stream delta or a whole answer's message. */
export const wireTextSchema = z.object({
  content: optionalText,
  reasoning_content: optionalText, // DeepSeek and others
  reasoning: optionalText, // OpenRouter, Ollama and others
});

/** One `data:` payload of an OpenAI-compatible chat-completion stream. */
export const chatCompletionChunkSchema = z.object({
  choices: z.nullish(
    z.array(
      z.object({
        delta: z.nullish(wireTextSchema),
        finish_reason: z.nullish(z.string()),
      }),
    ),
  ),
  usage: z.nullish(wireUsageSchema),
  error: z.nullish(wireErrorSchema),
});
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;
