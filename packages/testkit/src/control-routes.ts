import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders, preflightHeaders } from './cors.ts';
import type { RecordedRequest } from './recorded-request.ts';
import type { RequestLog } from './request-log.ts';

/** The path prefix of the control API used by tests that run the server in another process. */
export const controlPathPrefix = '/_control/';

/** A recorded request as the control API lists it: bodies over 64 KB are left out. */
export type RequestSummary = Omit<RecordedRequest, 'body'> & { body: unknown; bodyOmitted: boolean };

const maxListedBodyBytes = 64 * 1024;

/** Shrinks a recorded request for the control API. */
export function summarizeRequest(request: RecordedRequest): RequestSummary {
  const bodyOmitted = request.bodyBytes > maxListedBodyBytes;
  return { ...request, body: bodyOmitted ? undefined : request.body, bodyOmitted };
}

// Control routes always allow any origin: a browser test page may call them directly.
function sendControlJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders({ cors: true }),
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Answers `/_control/*`: health, requests, pixel-hits and reset. */
export function handleControl(options: {
  req: IncomingMessage;
  res: ServerResponse;
  log: RequestLog;
  pathname: string;
}): void {
  const { req, res, log, pathname } = options;
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, preflightHeaders({ cors: true, req }));
    res.end();
    return;
  }
  const [status, body] = controlAnswer({ route: `${method} ${pathname.slice(controlPathPrefix.length)}`, log });
  sendControlJson(res, status, body);
}

function controlAnswer(options: { route: string; log: RequestLog }): [number, unknown] {
  const { route, log } = options;
  switch (route) {
    case 'GET health':
      return [200, { ok: true }];
    case 'GET requests':
      return [200, log.requests.map(summarizeRequest)];
    case 'GET pixel-hits':
      return [200, log.pixelHits];
    case 'POST reset':
      log.reset();
      return [200, { ok: true }];
    default:
      return [
        404,
        { error: { message: `Unknown control route: ${route}`, type: 'invalid_request_error', code: null } },
      ];
  }
}
