import { relayMethods } from './cors.ts';
import { createHostPolicy } from './host-policy.ts';
import { RateLimiter } from './rate-limiter.ts';
import { type RegisterRelay, relayPrefix } from './relay-contract.ts';
import { createPreflightHandler, createRelayHandler, type RelayContext, unreachable } from './relay-handler.ts';
import { mcpRelayProfile } from './relay-profile.ts';
import { createTokenCheck } from './relay-token.ts';
import { TargetMemo } from './target-memo.ts';
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
      targets: new TargetMemo(),
      maxRequestBytes: options.maxRequestBytes,
    },
    corsOrigins: new Set(options.corsOrigins),
    maxResponseBytes: options.maxResponseBytes,
    timeouts: { ...options.timeouts },
    transport: createUpstreamTransport(deps.lookup),
    metrics: deps.metrics,
  };
  // An encapsulated context, so the body parser below applies to the relay's routes only.
  await app.register(async (scope) => {
    scope.addHook('onClose', async () => context.transport.close());
    // A preflight's body (browsers send none) is left unread whatever its type, as it always was.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const relay = createRelayHandler(context);
    const preflight = createPreflightHandler(context);
    for (const url of [relayPrefix, `${relayPrefix}/*`]) {
      // The relay answers from the route's onRequest hook, which Fastify runs after the server's own
      // (request id and log line): it reads and limits the body itself, so Fastify's body parsing,
      // validation and handler steps would be work for nothing on every request. The handler is never
      // reached, since the hook has taken the reply over.
      scope.route({ method: [...relayMethods], url, onRequest: relay, handler: unreachable, exposeHeadRoute: false });
      scope.route({ method: 'OPTIONS', url, handler: preflight });
    }
    // The MCP relay: the same gate, transport and limits, MCP's headers, one URL (docs/relay.md).
    const mcpRelay = createRelayHandler(context, mcpRelayProfile);
    const mcpUrl = mcpRelayProfile.prefix;
    scope.route({
      method: [...relayMethods],
      url: mcpUrl,
      onRequest: mcpRelay,
      handler: unreachable,
      exposeHeadRoute: false,
    });
    scope.route({ method: 'OPTIONS', url: mcpUrl, handler: createPreflightHandler(context, mcpRelayProfile) });
  });
};
