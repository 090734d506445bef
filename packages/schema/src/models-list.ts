import { z } from 'zod/mini';

const modelIdSchema = z.string().check(z.minLength(1));

// A figure a provider may send about a model, read only when it is a positive whole number (core
// `listedContextWindow`): a list with an odd value in it is still a list.
const figure = z.optional(z.unknown());

/**
 * What OpenAI-compatible lists say of a model beyond its id, where they say it: OpenRouter and Together
 * `context_length`, Groq `context_window`, Mistral `max_context_length`. OpenAI's own list says nothing.
 */
const openAiListedModelSchema = z.object({
  id: modelIdSchema,
  context_length: figure,
  context_window: figure,
  max_context_length: figure,
});

/**
 * The body of GET /models on an OpenAI-compatible API: `{data: [{id}]}`, or the bare array of models that
 * some (Together) send.
 */
export const modelsListSchema = z.union([
  z.object({ data: z.array(openAiListedModelSchema) }),
  z.array(openAiListedModelSchema),
]);
export type ModelsList = z.infer<typeof modelsListSchema>;

/**
 * One page of Anthropic's GET /v1/models; the next page starts after `last_id` while `has_more`.
 * `max_input_tokens` is the model's context window.
 */
export const anthropicModelsPageSchema = z.object({
  data: z.array(z.object({ id: modelIdSchema, max_input_tokens: figure })),
  has_more: z.optional(z.boolean()),
  last_id: z.nullish(z.string()),
});
export type AnthropicModelsPage = z.infer<typeof anthropicModelsPageSchema>;

/**
 * One page of Gemini's GET /v1beta/models (`name` is `models/<id>`); an empty list has no `models` at all.
 * `inputTokenLimit` is what the model reads (its answer, `outputTokenLimit`, comes on top).
 */
export const geminiModelsPageSchema = z.object({
  models: z.optional(
    z.array(
      z.object({
        name: modelIdSchema,
        supportedGenerationMethods: z.optional(z.array(z.string())),
        inputTokenLimit: figure,
      }),
    ),
  ),
  nextPageToken: z.optional(z.string()),
});
export type GeminiModelsPage = z.infer<typeof geminiModelsPageSchema>;
