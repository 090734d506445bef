import {
  type AccountKey,
  type CryptoKey,
  importAccountKey,
  newRawAccountKey,
  type RawAccountKey,
} from './account-key.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';

/**
 * Every account key an account has had, newest last: new writes are sealed with the newest, records
 * sealed before a rotation still open with the key that sealed them. Revoking a device adds a key the
 * revoked device never receives.
 */
export interface KeyRing {
  keys: RawAccountKey[];
}

/** The key ring of a newly encrypted account: one fresh key. */
export function newKeyRing(): KeyRing {
  return { keys: [newRawAccountKey()] };
}

/** The ring with one more key, which seals every write from now on. */
export function rotateKeyRing(ring: KeyRing): KeyRing {
  return { keys: [...ring.keys, newRawAccountKey()] };
}

/** The ring's keys imported for use: every key by id, and the one that seals new writes. */
export async function importKeyRing(ring: KeyRing): Promise<{ keys: Map<string, AccountKey>; sealing: AccountKey }> {
  const imported = await Promise.all(ring.keys.map(importAccountKey));
  const sealing = imported.at(-1);
  if (sealing === undefined) throw new Error('The key ring is empty');
  return { keys: new Map(imported.map((key) => [key.id, key])), sealing };
}

/** A wrapped key ring: the ring sealed under a wrapping key (the recovery key, or a pairing secret). */
export interface WrappedKeyRing {
  v: 1;
  iv: string;
  data: string;
}

function ringAssociatedData(purpose: string, accountId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['hearth-key-ring', 1, purpose, accountId]));
}

/**
 * Seals the ring under `wrappingKey` (AES-256-GCM), bound to its purpose ('recovery', 'pairing') and
 * the account, so a wrapped ring cannot be passed off as another account's or used for another purpose.
 */
export async function wrapKeyRing(
  ring: KeyRing,
  wrappingKey: CryptoKey,
  binding: { purpose: string; accountId: string },
): Promise<WrappedKeyRing> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const json = JSON.stringify({ keys: ring.keys.map((key) => ({ id: key.id, raw: toBase64Url(key.raw) })) });
  const data = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: ringAssociatedData(binding.purpose, binding.accountId) },
    wrappingKey,
    new TextEncoder().encode(json),
  );
  return { v: 1, iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(data)) };
}

/** Opens a wrapped ring; throws "wrong key" when the key, purpose or account does not match. */
export async function unwrapKeyRing(
  wrapped: WrappedKeyRing,
  wrappingKey: CryptoKey,
  binding: { purpose: string; accountId: string },
): Promise<KeyRing> {
  let json: ArrayBuffer;
  try {
    json = await globalThis.crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64Url(wrapped.iv),
        additionalData: ringAssociatedData(binding.purpose, binding.accountId),
      },
      wrappingKey,
      fromBase64Url(wrapped.data),
    );
  } catch {
    throw new Error('The key ring does not open with this key: a wrong recovery phrase or pairing link');
  }
  const parsed = JSON.parse(new TextDecoder().decode(json)) as { keys: { id: string; raw: string }[] };
  return { keys: parsed.keys.map((key) => ({ id: key.id, raw: fromBase64Url(key.raw) })) };
}
