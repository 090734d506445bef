import { z } from 'zod/mini';
import { contextWindowSchema, maxTokensSchema, temperatureSchema, thinkingBudgetSchema } from './generation-params.ts';
import { headerMapSchema } from './header-map.ts';
import { httpUrlSchema } from './http-url.ts';
import { recordBaseSchema } from './record-base.ts';

/**
 * Who a configuration talks to, and so how its requests are made. Each value is a record an app version
 * that does not know it holds unread (docs/records.md), so a kind is added only for a provider that an
 * older version could not talk to correctly: `anthropic` and `gemini` speak their own APIs, `azure` wants its
 * deployment URL, `api-version` and `api-key`. OpenAI-compatible providers added later (xAI, Together,
 * Fireworks) are `custom` with their base URL, which every version can use as it is.
 */
export const providerKinds = [
  'openai',
  'openrouter',
  'deepseek',
  'groq',
  'mistral',
  'ollama',
  'lmstudio',
  'custom',
  'anthropic',
  'gemini',
  'azure',
] as const;
export const providerKindSchema = z.enum(providerKinds);
export type ProviderKind = z.infer<typeof providerKindSchema>;

/** auto: try the browser first, fall back to the relay on a CORS or network failure. */
export const connectionModeSchema = z.enum(['auto', 'direct', 'relay']);
export type ConnectionMode = z.infer<typeof connectionModeSchema>;

/** The editable fields of a model configuration, as a form submits them. */
export const modelConfigFieldsSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(200, 'Name is too long')),
  provider: providerKindSchema,
  baseUrl: httpUrlSchema,
  modelId: z.string().check(z.trim(), z.minLength(1, 'Enter a model id'), z.maxLength(500, 'Model id is too long')),
  headers: headerMapSchema,
  temperature: z.optional(temperatureSchema),
  maxTokens: z.optional(maxTokensSchema),
  /** Tokens the model may think for, asked of providers with a thinking setting (Anthropic, Gemini); absent: none asked. */
  thinkingBudget: z.optional(thinkingBudgetSchema),
  /**
   * The model's context window in tokens, from the provider's model list or typed by the person; absent: a
   * known model's figure or an assumed one (core `contextWindowOf`). Older versions keep it untouched.
   */
  contextWindow: z.optional(contextWindowSchema),
  connection: connectionModeSchema,
});
export type ModelConfigFields = z.infer<typeof modelConfigFieldsSchema>;

/**
 * A stored model configuration. The API key is not here: it is a device-local secret
 * (see model-secret.ts) so that it never leaves the device with the synced record.
 */
export const modelConfigSchema = z.looseObject({ ...recordBaseSchema.shape, ...modelConfigFieldsSchema.shape });
export type ModelConfig = z.infer<typeof modelConfigSchema>;
