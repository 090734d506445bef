import { createHash } from 'node:crypto';
import { blobPathPrefix } from '@hearth/schema';

/** The SHA-256 of `bytes` in lowercase hex: a blob's name. */
export function hashOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Calls of the blob store's HTTP API as one device, as a client written from the protocol document would. */
export function blobHttp(options: { url: string; token?: string | undefined }) {
  const headers: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const at = (path: string) => `${options.url}${blobPathPrefix}/${path}`;
  return {
    put: (hash: string, body: Uint8Array | string | ReadableStream<Uint8Array>) =>
      fetch(at(hash), {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit),
    get: (hash: string) => fetch(at(hash), { headers }),
    head: (hash: string) => fetch(at(hash), { method: 'HEAD', headers }),
    lacking: (hashes: unknown) =>
      fetch(at('lacking'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ hashes }),
      }),
  };
}

/** The `error` of a blob store error body. */
export async function blobErrorOf(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  return ((await response.json()) as { error: { code: string; message: string; details?: unknown } }).error;
}
