import { z } from 'zod/mini';
import { maxTokensSchema, temperatureSchema } from './generation-params.ts';
import { headerMapSchema } from './header-map.ts';
import { httpUrlSchema } from './http-url.ts';
import { recordBaseSchema } from './record-base.ts';

export const providerKinds = [
  'openai',
  'openrouter',
  'deepseek',
  'groq',
  'mistral',
  'ollama',
  'lmstudio',
  'custom',
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
  connection: connectionModeSchema,
});
export type ModelConfigFields = z.infer<typeof modelConfigFieldsSchema>;

/**
 * A stored model configuration. The API key is not here: it is a device-local secret
 * (see model-secret.ts) so that it never leaves the device with the synced record.
 */
export const modelConfigSchema = z.looseObject({ ...recordBaseSchema.shape, ...modelConfigFieldsSchema.shape });
export type ModelConfig = z.infer<typeof modelConfigSchema>;
