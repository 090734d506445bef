import { handleChatCompletions } from './chat-completions.ts';
import { preflightHeaders } from './cors.ts';
import { type Exchange, sendJson, writeHead } from './exchange.ts';
import { sleep } from './http-helpers.ts';
import { openAiErrorBody } from './openai-error.ts';
import { sendScenarioFailure } from './scenario-failures.ts';

/** The `owned_by` of every listed model. */
export const modelOwner = 'hearth-testkit';

const routes: Record<string, { method: string; handle: (exchange: Exchange) => void | Promise<void> }> = {
  '/chat/completions': { method: 'POST', handle: handleChatCompletions },
  '/models': {
    method: 'GET',
    handle: (exchange) =>
      sendJson(exchange, 200, {
        object: 'list',
        data: exchange.scenario.models.map((id) => ({
          id,
          object: 'model',
          created: 1_700_000_000,
          owned_by: modelOwner,
        })),
      }),
  },
};

/** Answers a request under `/v1` (`rest` is the path after it) once its scenario is known. */
export async function handleApi(exchange: Exchange, rest: string): Promise<void> {
  const { req, res, scenario, signal } = exchange;
  const method = req.method ?? 'GET';
  // Preflight answers at once and never fails: browsers only see failures on the actual request.
  if (method === 'OPTIONS') {
    writeHead(exchange, 204, preflightHeaders({ cors: scenario.cors, req }));
    res.end();
    return;
  }
  if (!(await sleep(scenario.delayFirstByteMs, signal))) return;
  if (sendScenarioFailure(exchange)) return;
  const route = Object.hasOwn(routes, rest) ? routes[rest] : undefined;
  if (route === undefined) {
    const message = `Invalid URL (${method} /v1${rest})`;
    sendJson(exchange, 404, openAiErrorBody({ status: 404, message, code: 'unknown_url' }));
    return;
  }
  if (route.method !== method) {
    const message = `Method ${method} is not allowed on /v1${rest}; use ${route.method}.`;
    sendJson(exchange, 405, openAiErrorBody({ status: 405, message, code: 'method_not_allowed' }), {
      allow: `${route.method}, OPTIONS`,
    });
    return;
  }
  await route.handle(exchange);
}
