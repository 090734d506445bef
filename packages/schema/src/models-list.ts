import { z } from 'zod/mini';

const modelIdSchema = z.string().check(z.minLength(1));

/**
 * The body of GET /models on an OpenAI-compatible API: `{data: [{id}]}`, or the bare array of models that
 * some (Together) send.
 */
export const modelsListSchema = z.union([
  z.object({ data: z.array(z.object({ id: modelIdSchema })) }),
  z.array(z.object({ id: modelIdSchema })),
]);
export type ModelsList = z.infer<typeof modelsListSchema>;

/** One page of Anthropic's GET /v1/models; the next page starts after `last_id` while `has_more`. */
export const anthropicModelsPageSchema = z.object({
  data: z.array(z.object({ id: modelIdSchema })),
  has_more: z.optional(z.boolean()),
  last_id: z.nullish(z.string()),
});
export type AnthropicModelsPage = z.infer<typeof anthropicModelsPageSchema>;

/** One page of Gemini's GET /v1beta/models (`name` is `models/<id>`); an empty list has no `models` at all. */
export const geminiModelsPageSchema = z.object({
  models: z.optional(
    z.array(z.object({ name: modelIdSchema, supportedGenerationMethods: z.optional(z.array(z.string())) })),
  ),
  nextPageToken: z.optional(z.string()),
});
export type GeminiModelsPage = z.infer<typeof geminiModelsPageSchema>;
