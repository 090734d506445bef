import { bearerToken, hashSecret } from '../sync/device-token.ts';
import type { SyncIdentity, SyncStore } from '../sync/store/sync-store.ts';
import { BlobError } from './blob-error.ts';

/** The device of an `Authorization: Bearer` header, as the sync API knows it; `unauthorized` otherwise. */
export async function authenticateBlobRequest(options: {
  store: SyncStore;
  authorization: string | undefined;
  nowMs: number;
}): Promise<SyncIdentity> {
  const token = bearerToken(options.authorization);
  const identity =
    token === undefined
      ? undefined
      : await options.store.authenticate({ tokenHash: hashSecret(token), nowMs: options.nowMs });
  if (identity !== undefined) return identity;
  throw new BlobError(
    'unauthorized',
    options.authorization === undefined
      ? 'Sign in: send this device’s token as `Authorization: Bearer <token>`.'
      : 'This device token is unknown or was revoked. Sign in again.',
  );
}
