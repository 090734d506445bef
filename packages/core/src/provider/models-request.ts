import { type ModelConfigFields, modelsListSchema } from '@hearth/schema';
import type { ProviderRequest } from './build-chat-request.ts';
import { joinUrl } from './join-url.ts';
import { providerHeaders } from './provider-headers.ts';

/** GET <base>/models, to list what a provider offers. */
export function buildModelsRequest(options: {
  config: Pick<ModelConfigFields, 'baseUrl' | 'headers'>;
  apiKey: string | undefined;
}): ProviderRequest {
  const headers = providerHeaders({ apiKey: options.apiKey, extra: options.config.headers });
  delete headers['Content-Type'];
  return { url: joinUrl(options.config.baseUrl, 'models'), init: { method: 'GET', headers } };
}

export type ModelIdsResult = { success: true; value: string[] } | { success: false; error: string };

/** The sorted, de-duplicated model ids of a /models answer, or why it is not one. */
export function parseModelIds(body: unknown): ModelIdsResult {
  const parsed = modelsListSchema.safeParse(body);
  if (!parsed.success) return { success: false, error: 'The provider’s model list is not in the OpenAI format.' };
  const ids = [...new Set(parsed.data.data.map((model) => model.id))].sort((a, b) => a.localeCompare(b));
  return { success: true, value: ids };
}
