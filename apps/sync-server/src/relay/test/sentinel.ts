import { createServer, type Socket } from 'node:net';

/** A loopback TCP server that only counts the connections it gets (and closes them at once). */
export interface Sentinel {
  readonly host: string;
  readonly port: number;
  readonly connections: number;
  close(): Promise<void>;
}

/** Starts a sentinel on a loopback address (127.0.0.1 or ::1) and a random port. */
export async function startSentinel(host = '127.0.0.1'): Promise<Sentinel> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sentinel has no port');
  return {
    host,
    port: address.port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
