import { relayMethods } from './cors.ts';
import { createHostPolicy } from './host-policy.ts';
import { RateLimiter } from './rate-limiter.ts';
import { type RegisterRelay, relayPrefix } from './relay-contract.ts';
import { createPreflightHandler, createRelayHandler, type RelayContext } from './relay-handler.ts';
import { createTokenCheck } from './relay-token.ts';
import { createUpstreamTransport } from './upstream-request.ts';

/**
 * Registers the relay under `relayPrefix`: every method of `relayMethods` on `/relay/v1` and below, and
 * their CORS preflight. Throws (rejects) on an allow-list entry that is not a host or `host:port`.
 */
export const registerRelay: RegisterRelay = async (app, options, deps) => {
  const context: RelayContext = {
    gate: {
      tokenCheck: options.token === undefined ? undefined : createTokenCheck(options.token),
      limiter: new RateLimiter({ requestsPerMinute: options.requestsPerMinute }),
      policy: createHostPolicy(options),
      maxRequestBytes: options.maxRequestBytes,
    },
    corsOrigins: new Set(options.corsOrigins),
    maxResponseBytes: options.maxResponseBytes,
    timeouts: { ...options.timeouts },
    transport: createUpstreamTransport(deps.lookup),
    metrics: deps.metrics,
  };
  // An encapsulated context, so the raw-body parser below applies to the relay's routes only.
  await app.register(async (scope) => {
    scope.addHook('onClose', async () => context.transport.close());
    // The relay streams bodies itself: the parser hands over the unread stream, with no size limit of
    // Fastify's own (the relay's limit applies while it reads).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const handler = createRelayHandler(context);
    const preflight = createPreflightHandler(context);
    for (const url of [relayPrefix, `${relayPrefix}/*`]) {
      scope.route({ method: [...relayMethods], url, handler, exposeHeadRoute: false });
      scope.route({ method: 'OPTIONS', url, handler: preflight });
    }
  });
};
