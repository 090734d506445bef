import type { FastifyReply } from 'fastify';

// Headers a tRPC client sends; Authorization is never covered by a `*`, so each is named.
const allowedHeaders = 'authorization, content-type, trpc-accept, x-trpc-source, last-event-id';

/**
 * CORS for `/trpc` and the blob store: only an origin the operator listed in SYNC_CORS_ORIGINS, compared exactly. The app
 * served by this server is same-origin and needs none. No credentials: devices send bearer tokens.
 */
export function applySyncCors(options: {
  reply: FastifyReply;
  origin: string | undefined;
  allowed: ReadonlySet<string>;
  preflight: boolean;
  /** The methods a preflight allows (default `GET, POST`, what tRPC uses; the blob store adds PUT and HEAD). */
  methods?: string;
}): void {
  const { reply, origin, allowed, preflight, methods = 'GET, POST' } = options;
  reply.header('vary', 'origin');
  if (origin === undefined || !allowed.has(origin)) return;
  reply.header('access-control-allow-origin', origin);
  if (!preflight) return;
  reply.header('access-control-allow-methods', methods);
  reply.header('access-control-allow-headers', allowedHeaders);
  reply.header('access-control-max-age', '600');
}
