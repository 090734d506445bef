import type { FastifyRequest } from 'fastify';
import { withoutQuery } from '../logging/scrub-text.ts';

// Paths that belong to the server's APIs or to built files: a miss there is a real 404, never the app.
const nonPagePrefixes = ['/relay/', '/mcp-relay/', '/api/', '/trpc/', '/sync/', '/assets/', '/healthz', '/metrics'];

/**
 * Whether an unmatched request is a browser navigating to one of the app's client-side routes: a GET
 * that accepts HTML, outside the API prefixes, whose last segment has no file extension.
 */
export function isAppPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  const path = withoutQuery(request.url);
  if (nonPagePrefixes.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}
