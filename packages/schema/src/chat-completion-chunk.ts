import { z } from 'zod';

// Providers differ in which optional fields they send and send extra ones; every field we do not
// read is allowed, every field we do read is checked.
const optionalText = z.string().nullish();

/** Token usage as OpenAI-compatible providers report it (snake_case). */
export const wireUsageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative().default(0),
  completion_tokens: z.number().int().nonnegative().default(0),
  total_tokens: z.number().int().nonnegative().optional(),
  completion_tokens_details: z.object({ reasoning_tokens: z.number().int().nonnegative().nullish() }).nullish(),
});
export type WireUsage = z.infer<typeof wireUsageSchema>;

/** An error object as providers put it in a body or inside a stream. */
export const wireErrorSchema = z.object({
  message: z.string(),
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
});

/** One `data:` payload of an OpenAI-compatible chat-completion stream. */
export const chatCompletionChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: optionalText,
            reasoning_content: optionalText, // DeepSeek and others
            reasoning: optionalText, // OpenRouter, Ollama and others
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: wireUsageSchema.nullish(),
  error: wireErrorSchema.nullish(),
});
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;
