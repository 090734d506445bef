import type { FastifyInstance } from 'fastify';
import { errorCode, StartupError } from '../startup-error.ts';

/** Listens on `host:port` and returns the base URL; a busy or forbidden port is a `StartupError`. */
export async function listenOn(app: FastifyInstance, options: { host: string; port: number }) {
  const { host, port } = options;
  try {
    await app.listen({ host, port });
  } catch (error) {
    const code = errorCode(error);
    const reason =
      code === 'EADDRINUSE'
        ? 'another process is using it: stop it, or choose another PORT (--port)'
        : code === 'EACCES'
          ? 'this user may not listen there: choose a PORT above 1023 (--port)'
          : code === 'EADDRNOTAVAIL'
            ? 'this machine has no such address: choose another HOST (--host)'
            : `${code ?? (error instanceof Error ? error.message : String(error))}`;
    throw new StartupError('listen_failed', `Cannot listen on ${host} port ${port}: ${reason}.`);
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${actualPort}` };
}
