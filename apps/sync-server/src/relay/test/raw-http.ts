import { connect } from 'node:net';

/** A response read off a raw socket. */
export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body bytes as sent (chunked framing included, if any). */
  body: string;
  /** Whether the server closed the connection (the response asked for `connection: close` or not). */
  closedByServer: boolean;
}

/**
 * Sends `request` (the exact bytes of a request, so tests can send what no HTTP client would) to a
 * loopback port and reads until the server closes or `idleMs` pass without data.
 */
export function rawHttp(options: { port: number; request: string | Buffer; idleMs?: number }): Promise<RawResponse> {
  const { port, request, idleMs = 1000 } = options;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const done = () => {
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: split === -1 ? '' : text.slice(split + 4),
        closedByServer,
      });
    };
    socket.setTimeout(idleMs, done);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      done();
    });
    socket.on('error', reject);
    socket.write(request);
  });
}
