import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from './api-error.ts';
import { handleApi } from './api-router.ts';
import { controlPathPrefix, handleControl } from './control-routes.ts';
import { createExchange, sendJson } from './exchange.ts';
import { apiRoots } from './fake-api.ts';
import { pixelPath } from './hostile-reply.ts';
import { bodyValue, readBody } from './http-helpers.ts';
import { servePixel } from './pixel.ts';
import { flattenHeaders } from './recorded-request.ts';
import type { RequestLog } from './request-log.ts';
import { resolveScenario, type Scenario } from './scenario.ts';
import { redirectTargetCanary, redirectTargetPath } from './scenario-failures.ts';
import { matchApiPath, parseScenario } from './scenario-path.ts';

/** What every request of one server shares. */
export interface ServerContext {
  readonly log: RequestLog;
  readonly defaults: Partial<Scenario>;
  readonly origin: () => string;
  readonly isClosing: () => boolean;
}

/** Routes one request: control API and pixel unrecorded, everything else recorded then answered. */
export async function handleRequest(context: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { log } = context;
  const target = req.url ?? '/';
  // The raw path, not a URL-normalised one: the scenario segment must reach the parser as sent.
  const pathname = target.split('?')[0] ?? '/';
  if (pathname.startsWith(controlPathPrefix)) return handleControl({ req, res, log, pathname });
  if (pathname === pixelPath) return servePixel({ req, res, log });

  const method = req.method ?? 'GET';
  const api = matchApiPath(pathname);
  const parsed = api?.segment == null ? { success: true as const, value: {} } : parseScenario(api.segment);
  const scenario = resolveScenario(context.defaults, parsed.success ? parsed.value : {});
  const body = await readBody(req);
  const record = log.add({
    method,
    path: api === null ? pathname : `${apiRoots[api.api]}${api.rest}`,
    url: target,
    headers: flattenHeaders(req.headers),
    body: bodyValue(body.text),
    bodyBytes: body.bytes,
    scenario: api !== null && parsed.success ? scenario : null,
    receivedAt: Date.now(),
    status: null,
    chunksSent: 0,
    outcome: body.aborted ? 'aborted-by-client' : 'in-progress',
    settledAt: body.aborted ? Date.now() : null,
  });
  if (body.aborted) {
    res.destroy();
    return;
  }
  const exchange = createExchange({
    req,
    res,
    record,
    log,
    scenario,
    api: api?.api ?? 'openai',
    origin: context.origin(),
    isServerClosing: context.isClosing,
  });
  if (api === null) {
    if (pathname === redirectTargetPath) return sendJson(exchange, 200, { canary: redirectTargetCanary });
    const message = `Invalid URL (${method} ${pathname})`;
    return sendJson(exchange, 404, apiError('openai', { status: 404, message, code: 'unknown_url' }).body);
  }
  // A preflight still passes, so a browser test reads the 400 below instead of a bare CORS failure.
  if (!parsed.success && method !== 'OPTIONS') {
    const error = apiError(api.api, { status: 400, message: parsed.error, code: 'invalid_scenario' });
    return sendJson(exchange, 400, error.body);
  }
  await handleApi(exchange, api.rest);
}
