import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { appRouter } from '../sync/app-router.ts';
import { bearerToken } from '../sync/device-token.ts';
import type { SyncContext, SyncServices } from '../sync/sync-context.ts';
import { applySyncCors } from '../sync/sync-cors.ts';
import { maxSyncBodyBytes } from '../sync/sync-options.ts';

/** Where the sync API is served. */
export const syncPrefix = '/trpc';

/**
 * The routes of `/trpc` in a scope of their own: every procedure by GET (queries, the SSE subscription)
 * and POST (mutations, batches), and the CORS preflight.
 */
export function syncRoutes(options: { services: SyncServices; corsOrigins: ReadonlySet<string> }): FastifyPluginAsync {
  const { services, corsOrigins } = options;
  return async (scope) => {
    // tRPC reads the body itself, with its own size cap, so a body over it is refused as `too_large`.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.route({
      method: ['GET', 'POST'],
      url: `${syncPrefix}/*`,
      handler: async (request, reply) => {
        applySyncCors({ reply, origin: request.headers.origin, allowed: corsOrigins, preflight: false });
        reply.header('cache-control', 'no-store');
        await fastifyRequestHandler({
          router: appRouter,
          req: request,
          res: reply,
          path: (request.params as { '*': string })['*'],
          maxBodySize: maxSyncBodyBytes,
          maxBatchSize: 10,
          createContext: ({ req, info }) => contextFor({ services, request: req, info }),
          onError: ({ error, path }) => {
            if (error.code === 'INTERNAL_SERVER_ERROR') request.log.error({ err: error, path }, 'sync call failed');
          },
        });
        return reply;
      },
    });
    scope.route({
      method: 'OPTIONS',
      url: `${syncPrefix}/*`,
      handler: async (request, reply) => {
        applySyncCors({ reply, origin: request.headers.origin, allowed: corsOrigins, preflight: true });
        return reply.code(204).send();
      },
    });
  };
}

function contextFor(options: {
  services: SyncServices;
  request: FastifyRequest;
  info: { connectionParams: Readonly<Record<string, string | undefined>> | null };
}): SyncContext {
  const { services, request, info } = options;
  // EventSource cannot send headers, so the live channel passes the token as a connection parameter.
  const token = bearerToken(request.headers.authorization) ?? info.connectionParams?.token;
  return {
    services,
    token,
    clientKey: request.ip,
    origin: services.options.publicUrl ?? `${request.protocol}://${request.host}`,
  };
}
