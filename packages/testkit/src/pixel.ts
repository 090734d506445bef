import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders } from './cors.ts';
import { flattenHeaders } from './recorded-request.ts';
import type { RequestLog } from './request-log.ts';

const pixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Serves the tracker pixel and records the hit; `no-store` so every load reaches the server and counts. */
export function servePixel(options: { req: IncomingMessage; res: ServerResponse; log: RequestLog }): void {
  const { req, res, log } = options;
  log.addPixelHit({ url: req.url ?? '', headers: flattenHeaders(req.headers), receivedAt: Date.now() });
  res.writeHead(200, {
    ...corsHeaders({ cors: true }),
    'content-type': 'image/png',
    'cache-control': 'no-store',
    'content-length': pixelPng.length,
  });
  res.end(req.method === 'HEAD' ? undefined : pixelPng);
}
