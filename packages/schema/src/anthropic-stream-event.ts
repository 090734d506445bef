import { z } from 'zod/mini';
import { wireErrorSchema } from './chat-completion-chunk.ts';

// Anthropic's Messages API: the events of a stream and a whole message. Every field we read is checked,
// every other one (ids, signatures, citations, tool input) is allowed and ignored.
const count = z.int().check(z.nonnegative());

/** Token counts as Anthropic reports them; input excludes what was read from or written to the prompt cache. */
export const anthropicUsageSchema = z.object({
  input_tokens: z.nullish(count),
  output_tokens: z.nullish(count),
  cache_creation_input_tokens: z.nullish(count),
  cache_read_input_tokens: z.nullish(count),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

/** A content block (text, thinking, tool use, ...), at its start or whole; only text and thinking carry words for us. */
export const anthropicContentBlockSchema = z.object({
  type: z.string(),
  text: z.optional(z.string()),
  thinking: z.optional(z.string()),
});

/** The `data:` of one event of a Messages stream, told apart by `type` (which equals the SSE event name). */
export const anthropicStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ usage: z.nullish(anthropicUsageSchema) }) }),
  z.object({ type: z.literal('content_block_start'), content_block: anthropicContentBlockSchema }),
  // text_delta carries `text`, thinking_delta `thinking`; signature, tool-input and citation deltas carry neither.
  z.object({
    type: z.literal('content_block_delta'),
    delta: z.object({ type: z.string(), text: z.optional(z.string()), thinking: z.optional(z.string()) }),
  }),
  z.object({ type: z.literal('content_block_stop') }),
  z.object({
    type: z.literal('message_delta'),
    delta: z.object({ stop_reason: z.nullish(z.string()) }),
    usage: z.nullish(anthropicUsageSchema),
  }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('error'), error: wireErrorSchema }),
]);
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

/** A whole message, as the API answers without `stream` (or a proxy that ignored it). */
export const anthropicMessageSchema = z.object({
  type: z.literal('message'),
  content: z.array(anthropicContentBlockSchema),
  stop_reason: z.nullish(z.string()),
  usage: z.nullish(anthropicUsageSchema),
});
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;
