import { anthropicErrorBody } from './anthropic-error.ts';
import { anthropicMessage, anthropicStreamFormat } from './anthropic-format.ts';
import { parseAnthropicRequest } from './anthropic-request.ts';
import { type ApiRoute, intParam, queryOf } from './api-route.ts';
import type { CompletionIdentity } from './completion-chunks.ts';
import { type Exchange, sendJson } from './exchange.ts';
import { planReply } from './reply-plan.ts';
import { streamCompletion } from './stream-completion.ts';

const fail = (exchange: Exchange, status: number, message: string) =>
  sendJson(exchange, status, anthropicErrorBody({ status, message, requestId: exchange.record.id }));

/**
 * What Anthropic checks before anything else, in its words: the key, the version, and (for a browser's CORS
 * request, one with an Origin) the header that acknowledges a key in a web page. False when it refused.
 */
function admitted(exchange: Exchange): boolean {
  const { headers } = exchange.record;
  if (!headers['x-api-key']) {
    fail(exchange, 401, 'x-api-key header is required');
    return false;
  }
  if (!headers['anthropic-version']) {
    fail(exchange, 400, 'anthropic-version: header is required');
    return false;
  }
  if (headers.origin !== undefined && headers['anthropic-dangerous-direct-browser-access'] !== 'true') {
    fail(exchange, 401, "CORS requests must set 'anthropic-dangerous-direct-browser-access' header");
    return false;
  }
  return true;
}

async function handleMessages(exchange: Exchange): Promise<void> {
  if (!admitted(exchange)) return;
  const { record, scenario, origin } = exchange;
  const parsed = parseAnthropicRequest(record.body);
  if (!parsed.success) return fail(exchange, 400, parsed.error);
  const request = parsed.value;
  const plan = planReply({ scenario, request, origin, requestId: record.id });
  const identity: CompletionIdentity = {
    id: `msg_fake${String(record.id).padStart(6, '0')}`,
    created: Math.floor(record.receivedAt / 1000),
    model: request.model,
  };
  if (request.stream && !scenario.jsonMode) {
    await streamCompletion({ exchange, plan, format: anthropicStreamFormat({ identity, plan, scenario }) });
    return;
  }
  sendJson(exchange, 200, anthropicMessage({ identity, plan }));
}

/** `GET /v1/models`: pages of `limit` (default 20) models after `after_id`, newest first as Anthropic lists them. */
function handleModels(exchange: Exchange): void {
  if (!admitted(exchange)) return;
  const { models, modelsPageSize } = exchange.scenario;
  const query = queryOf(exchange);
  const limit = Math.min(intParam(query, { name: 'limit', min: 1, max: 1000, fallback: 20 }), modelsPageSize);
  const after = query.get('after_id');
  const start = after === null ? 0 : models.indexOf(after) + 1;
  const page = models.slice(start, start + limit);
  sendJson(exchange, 200, {
    data: page.map((id) => ({
      type: 'model',
      id,
      display_name: id,
      created_at: '2025-01-01T00:00:00Z',
      max_input_tokens: exchange.scenario.contextWindow ?? 200_000,
      max_tokens: 64_000,
    })),
    has_more: start + page.length < models.length,
    first_id: page[0] ?? null,
    last_id: page.at(-1) ?? null,
  });
}

/** The endpoints of the fake Anthropic API, under `/anthropic/v1`. */
export const anthropicRoutes: readonly ApiRoute[] = [
  { method: 'POST', pattern: /^\/messages$/, handle: handleMessages },
  { method: 'GET', pattern: /^\/models$/, handle: handleModels },
];
