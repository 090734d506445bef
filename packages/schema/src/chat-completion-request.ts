import { z } from 'zod/mini';

/** One message of an OpenAI-compatible chat-completion request. */
export const chatCompletionMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatCompletionMessage = z.infer<typeof chatCompletionMessageSchema>;

/** The body of an OpenAI-compatible streaming chat-completion request. */
export const chatCompletionRequestSchema = z.object({
  model: z.string().check(z.minLength(1)),
  messages: z.array(chatCompletionMessageSchema).check(z.minLength(1)),
  stream: z.literal(true),
  stream_options: z.object({ include_usage: z.boolean() }),
  temperature: z.optional(z.number()),
  max_tokens: z.optional(z.int()),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
