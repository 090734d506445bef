import { type ApiRoute, intParam, queryOf } from './api-route.ts';
import { contentDeltas } from './completion-chunks.ts';
import { type Exchange, sendJson } from './exchange.ts';
import { geminiErrorBody } from './gemini-error.ts';
import { geminiPieces, geminiStreamFormat, geminiWholeResponse } from './gemini-format.ts';
import { parseGeminiRequest } from './gemini-request.ts';
import { planReply } from './reply-plan.ts';
import { streamCompletion } from './stream-completion.ts';

const fail = (exchange: Exchange, status: number, message?: string) =>
  sendJson(exchange, status, geminiErrorBody({ status, message: message ?? null }));

// Listed after the chat models, as Gemini lists embedding models among the others: a client must leave it out.
const embeddingModel = { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] };

/** Gemini takes its key in `x-goog-api-key` or `?key=`; without either it refuses, in its words. */
function admitted(exchange: Exchange): boolean {
  if (exchange.record.headers['x-goog-api-key'] || queryOf(exchange).has('key')) return true;
  fail(exchange, 403);
  return false;
}

/**
 * `POST /v1beta/models/<id>:streamGenerateContent` (SSE with `?alt=sse`, else one JSON array of the pieces)
 * and `:generateContent` (one response).
 */
async function handleGenerate(exchange: Exchange, match: RegExpExecArray): Promise<void> {
  if (!admitted(exchange)) return;
  const { record, scenario, origin } = exchange;
  const streaming = match[2] === 'streamGenerateContent';
  const parsed = parseGeminiRequest(record.body, { model: match[1] ?? '', stream: streaming });
  if (!parsed.success) return fail(exchange, 400, parsed.error);
  const plan = planReply({ scenario, request: parsed.value, origin, requestId: record.id });
  const deltas = contentDeltas({ plan, chunkTokens: scenario.chunkTokens, reasoningField: scenario.reasoningField });
  if (streaming && queryOf(exchange).get('alt') === 'sse' && !scenario.jsonMode) {
    await streamCompletion({ exchange, plan, format: geminiStreamFormat({ plan, scenario, deltas }) });
    return;
  }
  sendJson(
    exchange,
    200,
    streaming ? geminiPieces({ plan, scenario, deltas }) : geminiWholeResponse({ plan, scenario }),
  );
}

/** `GET /v1beta/models`: pages of `pageSize` (default 50) models, the next one named by `nextPageToken`. */
function handleModels(exchange: Exchange): void {
  if (!admitted(exchange)) return;
  const { models, modelsPageSize } = exchange.scenario;
  const all = [
    ...models.map((id) => ({
      name: `models/${id}`,
      supportedGenerationMethods: ['generateContent', 'countTokens'],
      inputTokenLimit: exchange.scenario.contextWindow ?? 1_048_576,
      outputTokenLimit: 65_536,
    })),
    embeddingModel,
  ];
  const query = queryOf(exchange);
  const size = Math.min(intParam(query, { name: 'pageSize', min: 1, max: 1000, fallback: 50 }), modelsPageSize);
  const token = query.get('pageToken');
  const start = token?.startsWith('page-') ? Number(token.slice('page-'.length)) || 0 : 0;
  const page = all.slice(start, start + size).map((model) => ({ ...model, displayName: model.name.slice(7) }));
  const end = start + page.length;
  sendJson(exchange, 200, { models: page, ...(end < all.length ? { nextPageToken: `page-${end}` } : {}) });
}

/** The endpoints of the fake Gemini API, under `/gemini/v1beta`. */
export const geminiRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    pattern: /^\/(?:models|tunedModels)\/([^/:]+):(streamGenerateContent|generateContent)$/,
    handle: handleGenerate,
  },
  { method: 'GET', pattern: /^\/models$/, handle: handleModels },
];
