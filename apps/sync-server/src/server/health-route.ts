import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** The body of `GET /healthz`. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  /** `disabled` in relay-only mode, which has no database by design. */
  database: z.enum(['ok', 'unavailable', 'disabled']),
});
export type Health = z.infer<typeof healthSchema>;

/** A database the health check asks: the SQLite file, or PostgreSQL (a query to it). */
export interface CheckedDatabase {
  isReachable(): boolean | Promise<boolean>;
}

/**
 * `GET /healthz`: 200 when the server can do its job, 503 when its database does not answer. With
 * several processes on PostgreSQL each answers for itself and its connection to the database, so a
 * load balancer takes a process out when it cannot reach the database.
 */
export function registerHealthRoute(
  app: FastifyInstance,
  options: { database: CheckedDatabase | undefined; version: string },
) {
  const { database: checked, version } = options;
  app.get('/healthz', async (_request, reply) => {
    const database: Health['database'] =
      checked === undefined ? 'disabled' : (await checked.isReachable()) ? 'ok' : 'unavailable';
    const health: Health = { status: database === 'unavailable' ? 'unavailable' : 'ok', version, database };
    return reply
      .code(health.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(health);
  });
}
