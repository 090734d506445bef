import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

// A connection whose response asked to close it (`connection: close`) stops writing once that response
// is out, yet Node still parses what the client sent after it.
const closing = (connection: Socket) => connection.destroyed || connection.writableEnded;

/**
 * Resolves true once `res` owns its connection and may answer on it; false if the connection is closing
 * or closed first. A request that a client pipelined behind another waits in Node's queue until the one
 * before has finished; if that one closed the connection (a 413 after a refused body, a timeout), the
 * queued response never gets it, and a request parsed after it finds the connection ending. Relaying
 * only in turn means that nothing pipelined behind a refused request reaches an upstream, and that
 * pipelined exchanges run one at a time, as their answers must go out anyway.
 */
export function connectionTurn(res: ServerResponse, connection: Socket): Promise<boolean> | boolean {
  if (closing(connection)) return false;
  if (res.socket !== null) return true;
  return new Promise((resolve) => {
    const settle = (owned: boolean) => {
      res.off('socket', onSocket);
      connection.off('close', onClose);
      resolve(owned);
    };
    const onSocket = () => settle(!closing(connection));
    const onClose = () => settle(false);
    res.once('socket', onSocket);
    connection.once('close', onClose);
  });
}
