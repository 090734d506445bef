import type { FastifyInstance } from 'fastify';
import { prometheusContentType } from '../metrics/prometheus-text.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';

/** Route label of requests no route matched (404s and the app's client-side routes). */
export const unmatchedRoute = '(unmatched)';

/** Counts every answered request by route pattern (never the raw URL) and serves `GET /metrics`. */
export function registerMetrics(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequests.inc({
      method: request.method,
      route: request.is404 ? unmatchedRoute : (request.routeOptions.url ?? unmatchedRoute),
      status_code: String(reply.statusCode),
    });
  });
  app.get('/metrics', async (_request, reply) =>
    reply.header('content-type', prometheusContentType).header('cache-control', 'no-store').send(metrics.render()),
  );
}
