import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { admitRequest, type Gate, requestTooLarge } from './admit-request.ts';
import { connectionTurn } from './connection-turn.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { outboundHeaders } from './outbound-headers.ts';
import { readRequestBody } from './read-request-body.ts';
import type { RelayMetrics, RelayTimeouts } from './relay-contract.ts';
import { RelayError } from './relay-error.ts';
import { relayExchange } from './relay-exchange.ts';
import { llmRelayProfile, type RelayProfile } from './relay-profile.ts';
import { securityHeaders } from './response-headers.ts';
import { sendRelayError } from './send-error.ts';
import type { UpstreamTransport } from './upstream-request.ts';

/** Everything the relay's routes share, built once at registration. */
export interface RelayContext {
  gate: Gate;
  corsOrigins: ReadonlySet<string>;
  maxResponseBytes: number;
  timeouts: RelayTimeouts;
  transport: UpstreamTransport;
  metrics: RelayMetrics;
}

const extraHeaderSets = new WeakMap<RelayProfile, ReadonlySet<string>>();
const extraResponseHeaders = (profile: RelayProfile): ReadonlySet<string> => {
  let set = extraHeaderSets.get(profile);
  if (set === undefined) {
    set = new Set(profile.extraResponseHeaders);
    extraHeaderSets.set(profile, set);
  }
  return set;
};

const originOf = (request: FastifyRequest) =>
  typeof request.headers.origin === 'string' ? request.headers.origin : undefined;

// Fastify's rule for which requests have a body to read: never a GET; otherwise any that names its
// content type, or has a length other than 0, or comes chunked.
const hasBody = (request: FastifyRequest) => {
  if (request.method === 'GET') return false;
  const { headers } = request;
  return (
    headers['content-type'] !== undefined ||
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
};

async function relay(
  context: RelayContext,
  profile: RelayProfile,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  // The relay writes its own responses and streams; Fastify's serializers and handler timeout stay out.
  reply.hijack();
  const res = reply.raw;
  const turn = connectionTurn(res, request.raw.socket);
  // Nothing (no upstream call, no answer) on a connection that is closing: Node closes it once the
  // answer before this one is out, and destroying anything here could cut that answer short.
  if (!(typeof turn === 'boolean' ? turn : await turn)) return;
  const cors: OutgoingHttpHeaders = corsHeaders({ origin: originOf(request), allowed: context.corsOrigins });
  const refuse = (error: RelayError, close = false) => sendRelayError({ res, error, headers: cors, close });

  const admitted = admitRequest({
    gate: context.gate,
    headers: request.headers,
    url: request.raw.url,
    clientIp: request.ip,
    profile,
  });
  if (!admitted.success) return refuse(admitted.error, admitted.error.code === 'request_too_large');
  const headers = outboundHeaders(request.headers, undefined, profile.forwardedHeaders);
  if (!headers.success) return refuse(headers.error);

  let body: Buffer | undefined;
  if (hasBody(request)) {
    const read = await readRequestBody({ stream: request.raw, maxBytes: context.gate.maxRequestBytes });
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') return refuse(requestTooLarge(context.gate.maxRequestBytes), true);
    body = read.body;
    headers.value['content-length'] = body.length;
  }

  await relayExchange({
    res,
    target: admitted.value.target,
    exempt: admitted.value.exempt,
    method: request.method,
    path: admitted.value.path,
    headers: headers.value,
    body,
    responseHeaders: cors,
    extraResponseHeaders: extraResponseHeaders(profile),
    maxResponseBytes: context.maxResponseBytes,
    timeouts: context.timeouts,
    transport: context.transport,
    metrics: context.metrics,
  });
}

/** The route handler behind the relay's onRequest hook, which always takes the reply over first. */
export function unreachable(_request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  sendRelayError({ res: reply.raw, error: new RelayError('internal_error', 'The relay did not handle the request.') });
}

/** The onRequest hook of `<prefix>/*` that answers it: admit, read the body, relay. Never throws, never logs. */
export function createRelayHandler(
  context: RelayContext,
  profile: RelayProfile = llmRelayProfile,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    try {
      await relay(context, profile, request, reply);
    } catch {
      // Only a bug gets here. Its message could quote a header value, so neither it nor a log line says more.
      const error = new RelayError('internal_error', 'The relay failed to handle the request.');
      if (!reply.raw.headersSent) sendRelayError({ res: reply.raw, error, close: true });
      else reply.raw.destroy();
    }
  };
}

/** The preflight handler: CORS headers only for configured origins; never forwarded, never needs a token. */
export function createPreflightHandler(
  context: RelayContext,
  profile: RelayProfile = llmRelayProfile,
): (request: FastifyRequest, reply: FastifyReply) => void {
  return (request, reply) => {
    const headers = preflightHeaders({
      origin: originOf(request),
      allowed: context.corsOrigins,
      forwardedHeaders: profile.forwardedHeaders,
    });
    reply
      .code(204)
      .headers({ ...headers, ...securityHeaders })
      .send();
  };
}
