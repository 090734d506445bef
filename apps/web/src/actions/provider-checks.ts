import {
  buildChatRequest,
  buildModelsRequest,
  failedResponseError,
  newModelConfig,
  newUserMessage,
  parseModelsPage,
  sortedModelIds,
  streamCompletion,
} from '@hearth/core';
import type { CompletionError, ModelConfigFields } from '@hearth/schema';
import { recordContext, type Storage } from '../db/storage.ts';
import { completionErrorText } from '../features/conversation/completion-error-text.ts';
import { conversationStrings } from '../features/conversation/conversation-strings.ts';
import { getActiveLocale } from '../i18n/active-locale.ts';
import { fetchForModel } from './relay-settings.ts';

export type CheckResult<T> = { success: true; value: T } | { success: false; error: string };

/** How long a check may wait for the provider before giving up. */
const checkTimeoutMs = 20_000;

// Anthropic and Gemini page their lists; a list that never ends is a broken provider, not a long list.
const maxModelPages = 20;

/** A provider's models: their ids, sorted, and the context window of those whose list gives one. */
export interface ListedModels {
  ids: string[];
  contextWindows: Record<string, number>;
}

/** Lists the provider's models (GET /models, page after page), or says in the provider's words why not. */
export async function fetchModelIds(
  storage: Storage,
  input: { fields: ModelConfigFields; apiKey: string },
): Promise<CheckResult<ListedModels>> {
  const routedFetch = await fetchForModel(storage, { config: input.fields });
  const signal = AbortSignal.timeout(checkTimeoutMs);
  const ids: string[] = [];
  const contextWindows: Record<string, number> = {};
  let cursor: string | undefined;
  try {
    for (let page = 0; page < maxModelPages; page++) {
      const request = buildModelsRequest({ config: input.fields, apiKey: input.apiKey, cursor });
      const response = await routedFetch(request.url, { ...request.init, signal });
      const text = await response.text();
      if (!response.ok) {
        const error = failedResponseError({
          status: response.status,
          statusText: response.statusText,
          bodyText: text,
          retryAfter: response.headers.get('retry-after'),
        });
        return { success: false, error: errorSentence(error) };
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { success: false, error: 'The provider’s model list is not JSON.' };
      }
      const parsed = parseModelsPage(input.fields.provider, body);
      if (!parsed.success) return parsed;
      ids.push(...parsed.value.ids);
      Object.assign(contextWindows, parsed.value.contextWindows);
      cursor = parsed.value.next;
      if (cursor === undefined) return { success: true, value: { ids: sortedModelIds(ids), contextWindows } };
    }
    return { success: false, error: `The provider’s model list went on for more than ${maxModelPages} pages.` };
  } catch (error) {
    return { success: false, error: networkErrorText(error) };
  }
}

/**
 * Asks the model for a one-word reply: proves the URL, key and model id work together, which a
 * model list alone cannot (many providers list models the key may not use).
 */
export async function testConnection(
  storage: Storage,
  input: { fields: ModelConfigFields; apiKey: string },
): Promise<CheckResult<string>> {
  const context = recordContext(storage);
  const config = newModelConfig(context, { ...input.fields, maxTokens: 16 });
  const request = buildChatRequest({
    config,
    apiKey: input.apiKey,
    chat: { systemPrompt: '', params: {} },
    messages: [newUserMessage(context, { chatId: config.id, content: 'Reply with the single word OK.', parent: null })],
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), checkTimeoutMs);
  const routedFetch = await fetchForModel(storage, { config: input.fields });
  let reply = '';
  try {
    const events = streamCompletion({
      url: request.url,
      init: request.init,
      protocol: request.protocol,
      signal: controller.signal,
      fetch: routedFetch,
    });
    for await (const event of events) {
      if (event.type === 'error') return { success: false, error: errorSentence(event.error) };
      if (event.type === 'text-delta') reply += event.text;
    }
    if (controller.signal.aborted) return { success: false, error: 'The provider did not answer within 20 seconds.' };
    return { success: true, value: reply.trim() };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A check's failure as the chat words it: a relay refusal as the relay's and a 4xx/5xx as the provider
 * refusing or failing, in the page's language. Other failures already say all there is in their message.
 */
function errorSentence(error: CompletionError): string {
  if (error.relayCode === undefined && error.code !== 'upstream_http') return error.message;
  const { title, detail } = completionErrorText(error, conversationStrings[getActiveLocale()]);
  return `${title}: ${detail}`;
}

function networkErrorText(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return 'The provider did not answer within 20 seconds.';
  return 'Could not reach the provider. Check the URL; the provider may also refuse requests from a browser (CORS).';
}
