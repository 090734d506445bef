import { z } from 'zod/mini';

/** A content block of a request: words, or an image in base64 with its media type. */
export const anthropicRequestBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('image'),
    source: z.object({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  }),
]);
export type AnthropicRequestBlock = z.infer<typeof anthropicRequestBlockSchema>;

/** The body of a streaming Anthropic Messages request, as the app sends it. */
export const anthropicMessagesRequestSchema = z.object({
  model: z.string().check(z.minLength(1)),
  /** Required by Anthropic: the most tokens the answer (thinking included) may take. */
  max_tokens: z.int().check(z.gte(1)),
  stream: z.literal(true),
  /** The system prompt is a top-level field: the API has no system role among the messages. */
  system: z.optional(z.string()),
  messages: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant']),
        content: z.union([z.string(), z.array(anthropicRequestBlockSchema)]),
      }),
    )
    .check(z.minLength(1)),
  temperature: z.optional(z.number()),
  thinking: z.optional(z.object({ type: z.literal('enabled'), budget_tokens: z.int() })),
});
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;
