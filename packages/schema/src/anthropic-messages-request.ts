import { z } from 'zod/mini';

/** The body of a streaming Anthropic Messages request, as the app sends it. */
export const anthropicMessagesRequestSchema = z.object({
  model: z.string().check(z.minLength(1)),
  /** Required by Anthropic: the most tokens the answer (thinking included) may take. */
  max_tokens: z.int().check(z.gte(1)),
  stream: z.literal(true),
  /** The system prompt is a top-level field: the API has no system role among the messages. */
  system: z.optional(z.string()),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).check(z.minLength(1)),
  temperature: z.optional(z.number()),
  thinking: z.optional(z.object({ type: z.literal('enabled'), budget_tokens: z.int() })),
});
export type AnthropicMessagesRequest = z.infer<typeof anthropicMessagesRequestSchema>;
