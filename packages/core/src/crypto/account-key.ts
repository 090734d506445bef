import { toBase64Url } from './base64url.ts';

/** WebCrypto's key type, named from the API itself (this package is built without the DOM's types). */
export type CryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

/**
 * One account key: AES-256-GCM, identified by a random id that sealed records name. The CryptoKey is
 * made non-extractable wherever it is only used to seal and open records (docs/encryption.md).
 */
export interface AccountKey {
  id: string;
  key: CryptoKey;
}

/** The raw form of an account key, for the moments it must travel (a pairing link, the wrapped key ring). */
export interface RawAccountKey {
  id: string;
  /** 32 random bytes. */
  raw: Uint8Array<ArrayBuffer>;
}

/** A fresh random account key, raw (to be wrapped for the other devices) and not yet imported. */
export function newRawAccountKey(): RawAccountKey {
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const id = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(12)));
  return { id, raw };
}

/** Imports a raw account key as a non-extractable AES-GCM key for sealing and opening records. */
export async function importAccountKey(raw: RawAccountKey): Promise<AccountKey> {
  if (raw.raw.length !== 32) throw new Error('An account key is 32 bytes');
  const key = await globalThis.crypto.subtle.importKey('raw', raw.raw, { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  return { id: raw.id, key };
}
