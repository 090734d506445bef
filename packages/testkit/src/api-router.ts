import { anthropicRoutes } from './anthropic-api.ts';
import { apiError } from './api-error.ts';
import type { ApiRoute } from './api-route.ts';
import { azureRoutes } from './azure-deployments.ts';
import { handleChatCompletions } from './chat-completions.ts';
import { preflightHeaders } from './cors.ts';
import { type Exchange, sendJson, writeHead } from './exchange.ts';
import { apiRoots, type FakeApi } from './fake-api.ts';
import { geminiRoutes } from './gemini-api.ts';
import { sleep } from './http-helpers.ts';
import { sendScenarioFailure } from './scenario-failures.ts';

/** The `owned_by` of every listed model. */
export const modelOwner = 'hearth-testkit';

const openAiRoutes: readonly ApiRoute[] = [
  { method: 'POST', pattern: /^\/chat\/completions$/, handle: (exchange) => handleChatCompletions(exchange) },
  ...azureRoutes,
  {
    method: 'GET',
    pattern: /^\/models$/,
    handle: (exchange) =>
      sendJson(exchange, 200, {
        object: 'list',
        data: exchange.scenario.models.map((id) => ({
          id,
          object: 'model',
          created: 1_700_000_000,
          owned_by: modelOwner,
          ...(exchange.scenario.contextWindow === null ? {} : { context_length: exchange.scenario.contextWindow }),
        })),
      }),
  },
];

const routesOf: Record<FakeApi, readonly ApiRoute[]> = {
  openai: openAiRoutes,
  anthropic: anthropicRoutes,
  gemini: geminiRoutes,
};

/** Answers a request under an API's root (`rest` is the path after it) once its scenario is known. */
export async function handleApi(exchange: Exchange, rest: string): Promise<void> {
  const { req, res, scenario, signal, api } = exchange;
  const method = req.method ?? 'GET';
  // Preflight answers at once and never fails: browsers only see failures on the actual request.
  if (method === 'OPTIONS') {
    writeHead(exchange, 204, preflightHeaders({ cors: scenario.cors, req }));
    res.end();
    return;
  }
  if (!(await sleep(scenario.delayFirstByteMs, signal))) return;
  if (sendScenarioFailure(exchange)) return;
  const matches = routesOf[api].flatMap((route) => {
    const match = route.pattern.exec(rest);
    return match === null ? [] : [{ route, match }];
  });
  const path = `${apiRoots[api]}${rest}`;
  if (matches.length === 0) {
    const message = `Invalid URL (${method} ${path})`;
    sendJson(exchange, 404, apiError(api, { status: 404, message, code: 'unknown_url' }).body);
    return;
  }
  const found = matches.find(({ route }) => route.method === method);
  if (found === undefined) {
    const allowed = matches.map(({ route }) => route.method).join(', ');
    const message = `Method ${method} is not allowed on ${path}; use ${allowed}.`;
    sendJson(exchange, 405, apiError(api, { status: 405, message, code: 'method_not_allowed' }).body, {
      allow: `${allowed}, OPTIONS`,
    });
    return;
  }
  await found.route.handle(exchange, found.match);
}
