import {
  anthropicModelsPageSchema,
  geminiModelsPageSchema,
  type ModelConfigFields,
  modelsListSchema,
  type ProviderKind,
} from '@hearth/schema';
import type { ProviderRequest } from './build-chat-request.ts';
import { joinUrl } from './join-url.ts';
import { providerHeaders } from './provider-headers.ts';
import { protocolOf } from './provider-protocol.ts';

// The most either native API gives in one page; fewer round trips for the long lists.
const pageSize = '1000';

/**
 * Whether the provider can list what the config may name. Azure's data plane lists base models, not the
 * deployments that its requests are addressed to, so it has nothing useful to offer.
 */
export function hasModelList(provider: ProviderKind): boolean {
  return provider !== 'azure';
}

/** GET of one page of the provider's models; `cursor` is the `next` of the page before. */
export function buildModelsRequest(options: {
  config: Pick<ModelConfigFields, 'provider' | 'baseUrl' | 'headers'>;
  apiKey: string | undefined;
  cursor?: string | undefined;
}): ProviderRequest {
  const { config, cursor } = options;
  const headers = providerHeaders({ provider: config.provider, apiKey: options.apiKey, extra: config.headers });
  delete headers['Content-Type'];
  const url = new URL(joinUrl(config.baseUrl, 'models'));
  switch (protocolOf(config.provider)) {
    case 'anthropic':
      url.searchParams.set('limit', pageSize);
      if (cursor !== undefined) url.searchParams.set('after_id', cursor);
      break;
    case 'gemini':
      url.searchParams.set('pageSize', pageSize);
      if (cursor !== undefined) url.searchParams.set('pageToken', cursor);
      break;
    case 'openai':
      break;
  }
  return { url: url.toString(), init: { method: 'GET', headers } };
}

/**
 * The model ids of one page, the context window of those the provider gives one for (tokens, by id), and
 * the cursor of the next page when there is one.
 */
export type ModelsPageResult =
  | { success: true; value: { ids: string[]; next?: string; contextWindows?: Record<string, number> } }
  | { success: false; error: string };

/** A listed figure when it is a usable context window (a positive whole number), else nothing. */
function listedWindow(...values: unknown[]): number | undefined {
  return values.find((value): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0);
}

// The page's value, with the windows only when the provider gave any.
function pageValue(models: { id: string; window: number | undefined }[], next: string | undefined) {
  const value: { ids: string[]; next?: string; contextWindows?: Record<string, number> } = {
    ids: models.map((model) => model.id),
  };
  if (next !== undefined) value.next = next;
  const windows = models.flatMap((model) => (model.window === undefined ? [] : [[model.id, model.window] as const]));
  if (windows.length > 0) value.contextWindows = Object.fromEntries(windows);
  return { success: true as const, value };
}

const notAList = (format: string): ModelsPageResult => ({
  success: false,
  error: `The provider’s model list is not in the ${format} format.`,
});

/** Reads one page of a model list in the provider's format. */
export function parseModelsPage(provider: ProviderKind, body: unknown): ModelsPageResult {
  switch (protocolOf(provider)) {
    case 'anthropic': {
      const page = anthropicModelsPageSchema.safeParse(body);
      if (!page.success) return notAList('Anthropic');
      const models = page.data.data.map((model) => ({ id: model.id, window: listedWindow(model.max_input_tokens) }));
      return pageValue(models, page.data.has_more && page.data.last_id ? page.data.last_id : undefined);
    }
    case 'gemini': {
      const page = geminiModelsPageSchema.safeParse(body);
      if (!page.success) return notAList('Gemini');
      // Embedding and other models that cannot chat are listed too; only those that generate content can answer.
      const models = (page.data.models ?? [])
        .filter((model) => model.supportedGenerationMethods?.includes('generateContent') ?? true)
        .map((model) => ({ id: model.name.replace(/^models\//, ''), window: listedWindow(model.inputTokenLimit) }));
      return pageValue(models, page.data.nextPageToken || undefined);
    }
    case 'openai': {
      const list = modelsListSchema.safeParse(body);
      if (!list.success) return notAList('OpenAI');
      const listed = Array.isArray(list.data) ? list.data : list.data.data;
      const models = listed.map((model) => ({
        id: model.id,
        window: listedWindow(model.context_length, model.context_window, model.max_context_length),
      }));
      return pageValue(models, undefined);
    }
  }
}

/** Model ids as a list shows them: sorted, each once. */
export function sortedModelIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b));
}
