import type { FastifyReply } from 'fastify';

// Headers a tRPC client sends; Authorization is never covered by a `*`, so each is named.
const allowedHeaders = 'authorization, content-type, trpc-accept, x-trpc-source, last-event-id';

/**
 * CORS for `/trpc`: only an origin the operator listed in SYNC_CORS_ORIGINS, compared exactly. The app
 * served by this server is same-origin and needs none. No credentials: devices send bearer tokens.
 */
export function applySyncCors(options: {
  reply: FastifyReply;
  origin: string | undefined;
  allowed: ReadonlySet<string>;
  preflight: boolean;
}): void {
  const { reply, origin, allowed, preflight } = options;
  reply.header('vary', 'origin');
  if (origin === undefined || !allowed.has(origin)) return;
  reply.header('access-control-allow-origin', origin);
  if (!preflight) return;
  reply.header('access-control-allow-methods', 'GET, POST');
  reply.header('access-control-allow-headers', allowedHeaders);
  reply.header('access-control-max-age', '600');
}
