import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Storage } from '../storage/storage.ts';

/** The body of `GET /healthz`. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  /** `disabled` in relay-only mode, which has no database by design. */
  database: z.enum(['ok', 'unavailable', 'disabled']),
});
export type Health = z.infer<typeof healthSchema>;

/** `GET /healthz`: 200 when the server can do its job, 503 when its database does not answer. */
export function registerHealthRoute(app: FastifyInstance, options: { storage: Storage | undefined; version: string }) {
  const { storage, version } = options;
  app.get('/healthz', async (_request, reply) => {
    const database: Health['database'] =
      storage === undefined ? 'disabled' : storage.isReachable() ? 'ok' : 'unavailable';
    const health: Health = { status: database === 'unavailable' ? 'unavailable' : 'ok', version, database };
    return reply
      .code(health.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(health);
  });
}
