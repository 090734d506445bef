import { type McpStdioList, mcpStdioPathPrefix, relayTokenHeader } from '@hearth/schema';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiter } from '../relay/rate-limiter.ts';
import type { RelayOptions } from '../relay/relay-contract.ts';
import { RelayError } from '../relay/relay-error.ts';
import { createTokenCheck } from '../relay/relay-token.ts';
import { securityHeaders } from '../relay/response-headers.ts';
import { sendRelayError } from '../relay/send-error.ts';
import type { StdioServerDefinition } from './stdio-servers-config.ts';
import { StdioSession } from './stdio-session.ts';

/** Open sessions (processes) per stdio server; one more is refused rather than spawned. */
const maxSessionsPerServer = 8;
/** A session no request touched for this long is ended, its process with it (a tab that went away). */
const idleSessionMs = 10 * 60 * 1000;

/**
 * The operator's stdio MCP servers over Streamable HTTP: `GET <prefix>` lists them (names and descriptions,
 * never commands), `<prefix>/<name>` bridges a session to a process of its own. Behind the relay's token and
 * rate limit, like the MCP relay.
 */
export async function registerMcpStdio(
  app: FastifyInstance,
  options: { servers: readonly StdioServerDefinition[]; relay: RelayOptions },
): Promise<void> {
  const byName = new Map(options.servers.map((server) => [server.name, server]));
  const sessions = new Map<string, StdioSession>();
  const open = new Map<string, Set<StdioSession>>();
  const tokenCheck = options.relay.token === undefined ? undefined : createTokenCheck(options.relay.token);
  const limiter = new RateLimiter({ requestsPerMinute: options.relay.requestsPerMinute });

  /** The relay's checks: token, then rate limit; answers and returns false when one refuses. */
  function admitted(request: FastifyRequest, reply: FastifyReply): boolean {
    let error: RelayError | undefined;
    if (tokenCheck !== undefined && !tokenCheck(request.headers[relayTokenHeader])) {
      error = new RelayError('invalid_relay_token', `This relay requires its token in the ${relayTokenHeader} header.`);
    } else {
      const decision = limiter.take(tokenCheck === undefined ? `ip:${request.ip}` : 'token');
      if (!decision.allowed) {
        const { retryAfterSeconds } = decision;
        error = new RelayError('rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`, {
          retryAfterSeconds,
        });
      }
    }
    if (error === undefined) return true;
    reply.hijack();
    sendRelayError({ res: reply.raw, error });
    return false;
  }

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const session of sessions.values()) if (now - session.lastUsed > idleSessionMs) void session.close();
  }, 60_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    await Promise.allSettled([...open.values()].flatMap((set) => [...set].map((session) => session.close())));
  });

  app.get(mcpStdioPathPrefix, async (request, reply) => {
    if (!admitted(request, reply)) return;
    const list: McpStdioList = {
      servers: options.servers.map(({ name, description }) =>
        description === undefined ? { name } : { name, description },
      ),
    };
    return reply.headers({ ...securityHeaders, 'cache-control': 'no-store' }).send(list);
  });

  app.route<{ Params: { name: string } }>({
    method: ['GET', 'POST', 'DELETE'],
    url: `${mcpStdioPathPrefix}/:name`,
    bodyLimit: options.relay.maxRequestBytes,
    exposeHeadRoute: false,
    handler: async (request, reply) => {
      if (!admitted(request, reply)) return;
      const definition = byName.get(request.params.name);
      reply.hijack();
      const res = reply.raw;
      for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value as string);
      if (definition === undefined) {
        const error = new RelayError('invalid_path', 'This server has no stdio MCP server of that name.');
        return sendRelayError({ res, error });
      }
      const sessionId = request.headers['mcp-session-id'];
      if (typeof sessionId === 'string') {
        const session = sessions.get(sessionId);
        if (session !== undefined) return session.handle(request.raw, res, request.body);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }));
        return;
      }
      const mine = open.get(definition.name) ?? new Set<StdioSession>();
      open.set(definition.name, mine);
      if (mine.size >= maxSessionsPerServer) {
        const error = new RelayError(
          'rate_limited',
          `The stdio server ${definition.name} has too many sessions open.`,
          {
            retryAfterSeconds: 60,
          },
        );
        return sendRelayError({ res, error });
      }
      const session = await StdioSession.open({
        definition,
        onInitialized: (started, id) => sessions.set(id, started),
        onClosed: (ended) => {
          mine.delete(ended);
          if (ended.sessionId !== undefined) sessions.delete(ended.sessionId);
        },
      });
      mine.add(session);
      await session.handle(request.raw, res, request.body);
      // A first request that was not an initialize (refused by the transport) leaves no session behind.
      if (session.sessionId === undefined) await session.close();
    },
  });
}
