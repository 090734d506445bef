import { z } from 'zod/mini';

/**
 * One part of a message's content: words, or an image as a `data:` URL (base64), as OpenAI's vision
 * models (and the compatible providers, Azure included) take them.
 */
export const chatCompletionContentPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string() }) }),
]);
export type ChatCompletionContentPart = z.infer<typeof chatCompletionContentPartSchema>;

/** One message of an OpenAI-compatible chat-completion request: plain text, or parts when it carries images. */
export const chatCompletionMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.union([z.string(), z.array(chatCompletionContentPartSchema)]),
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
