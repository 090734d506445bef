import {
  type BlobPutResponse,
  blobErrorBodySchema,
  blobLackingResponseSchema,
  blobPathPrefix,
  blobPutResponseSchema,
  blobsPerLackingQuery,
} from '@hearth/schema';
import type { SyncAccount } from '../sync-account.ts';
import { BlobTransferError } from './blob-transfer-error.ts';

/** The server's blob store as this device uses it (docs/sync-protocol.md §13). */
export interface BlobApi {
  /** Which of `hashes` the server lacks for this account (any number: asked in batches). */
  lacking(hashes: readonly string[]): Promise<string[]>;
  upload(hash: string, data: Blob): Promise<BlobPutResponse>;
  /** The bytes of the blob `hash`, unverified (the caller checks them against the hash). */
  download(hash: string): Promise<Blob>;
}

/** The blob API of the account's server over `fetch`; every failure is a BlobTransferError. */
export function createBlobApi(
  account: Pick<SyncAccount, 'serverUrl' | 'token'>,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): BlobApi {
  const base = `${account.serverUrl.replace(/\/+$/, '')}${blobPathPrefix}`;
  const authorization = `Bearer ${account.token}`;
  const call = async (path: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchFn(`${base}/${path}`, { ...init, headers: { authorization, ...init.headers } });
    } catch (error) {
      throw new BlobTransferError('network', 'The sync server cannot be reached.', {}, { cause: error });
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  };
  return {
    async lacking(hashes) {
      const lacking: string[] = [];
      for (let start = 0; start < hashes.length; start += blobsPerLackingQuery) {
        const response = await call('lacking', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ hashes: hashes.slice(start, start + blobsPerLackingQuery) }),
        }).catch((error: unknown) => {
          // This route is never "not found" on a server with a blob store: the server has none.
          if (error instanceof BlobTransferError && error.code === 'not_found') {
            throw new BlobTransferError(
              'no_blob_store',
              'This sync server does not store files.',
              {},
              { cause: error },
            );
          }
          throw error;
        });
        lacking.push(...(await parsed(response, blobLackingResponseSchema)).lacking);
      }
      return lacking;
    },
    async upload(hash, data) {
      const response = await call(hash, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: data,
      });
      return parsed(response, blobPutResponseSchema);
    },
    async download(hash) {
      const response = await call(hash, { method: 'GET' });
      try {
        return await response.blob();
      } catch (error) {
        throw new BlobTransferError('network', 'The download was cut off.', {}, { cause: error });
      }
    },
  };
}

async function parsed<T>(response: Response, schema: { safeParse(value: unknown): { success: boolean; data?: T } }) {
  const body: unknown = await response.json().catch(() => undefined);
  const result = schema.safeParse(body);
  if (!result.success || result.data === undefined) {
    throw new BlobTransferError('server_error', 'The sync server answered in a way this app does not understand.');
  }
  return result.data;
}

/** The error of a failed answer: our code when the body has one, otherwise told by the status. */
async function errorOf(response: Response): Promise<BlobTransferError> {
  const body: unknown = await response.json().catch(() => undefined);
  const known = blobErrorBodySchema.safeParse(body);
  if (known.success) {
    return new BlobTransferError(known.data.error.code, known.data.error.message, known.data.error.details ?? {});
  }
  // A 404 without our body: no blob store here (relay-only, or a server from before attachments).
  if (response.status === 404) return new BlobTransferError('no_blob_store', 'This sync server does not store files.');
  return new BlobTransferError('server_error', `The sync server failed to answer (HTTP ${response.status}).`);
}
