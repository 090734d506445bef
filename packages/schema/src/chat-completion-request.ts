import { z } from 'zod';

/** One message of an OpenAI-compatible chat-completion request. */
export const chatCompletionMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatCompletionMessage = z.infer<typeof chatCompletionMessageSchema>;

/** The body of an OpenAI-compatible streaming chat-completion request. */
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatCompletionMessageSchema).min(1),
  stream: z.literal(true),
  stream_options: z.object({ include_usage: z.boolean() }),
  temperature: z.number().optional(),
  max_tokens: z.number().int().optional(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
