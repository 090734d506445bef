import type { SealedContent } from '@hearth/schema';
import type { AccountKey } from './account-key.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { pad, unpad } from './padme.ts';

/** What stays readable on the server and is bound to the ciphertext: where the record lives and its clock. */
export interface SealedRecordIdentity {
  table: string;
  /** The record's id (its `key` for settings). */
  key: string;
  /** The record's clock (`updatedAt`). */
  clock: string;
}

/** Why a sealed record could not be opened. Nothing is written for such a record. */
export type OpenFailure =
  /** Sealed under a key this device does not have (rotated in after it was last paired, or another account's). */
  | 'unknown_key'
  /** The ciphertext, its nonce or its identity was changed: tampered, moved to another record, or replayed with another clock. */
  | 'tampered';

export class OpenRecordError extends Error {
  readonly failure: OpenFailure;
  constructor(failure: OpenFailure, message: string) {
    super(message);
    this.name = 'OpenRecordError';
    this.failure = failure;
  }
}

/**
 * The associated data of a seal: the format, table, identity, clock and key id, as a JSON array (strings
 * escape unambiguously, so no two identities share one encoding). A server that moves a ciphertext to
 * another record or clock, or relabels its key, makes the tag check fail.
 */
function associatedData(identity: SealedRecordIdentity, keyId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    JSON.stringify(['hearth-sealed-record', 1, identity.table, identity.key, identity.clock, keyId]),
  );
}

/**
 * Seals a record's content (everything but its identity, clock and `deleted`) under `key`: JSON, PADME
 * padded so its length says little, AES-256-GCM with a random 96-bit nonce. A random nonce is safe for
 * 2^32 seals per key (NIST SP 800-38D); keys rotate long before (revoking a device makes a new one).
 */
export async function sealRecord(
  key: AccountKey,
  identity: SealedRecordIdentity,
  content: Readonly<Record<string, unknown>>,
): Promise<SealedContent> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const plaintext = pad(new TextEncoder().encode(JSON.stringify(content)));
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(identity, key.id), tagLength: 128 },
    key.key,
    plaintext,
  );
  return { v: 1, key: key.id, iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(ciphertext)) };
}

/**
 * Opens what `sealRecord` sealed for exactly this identity and clock, with the key it names; throws an
 * OpenRecordError when the key is unknown or anything was changed.
 */
export async function openRecord(
  keys: ReadonlyMap<string, AccountKey>,
  identity: SealedRecordIdentity,
  sealed: SealedContent,
): Promise<Record<string, unknown>> {
  const key = keys.get(sealed.key);
  if (key === undefined) {
    throw new OpenRecordError('unknown_key', `This device does not have the key ${sealed.key} that sealed the record`);
  }
  let plaintext: ArrayBuffer;
  try {
    plaintext = await globalThis.crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64Url(sealed.iv),
        additionalData: associatedData(identity, sealed.key),
        tagLength: 128,
      },
      key.key,
      fromBase64Url(sealed.data),
    );
  } catch {
    throw new OpenRecordError(
      'tampered',
      `The sealed ${identity.table} record ${identity.key} does not open: it was changed or moved`,
    );
  }
  // The tag proved these bytes are what a holder of the key sealed, so they parse; a failure here is ours.
  const content: unknown = JSON.parse(new TextDecoder().decode(unpad(new Uint8Array(plaintext))));
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new OpenRecordError('tampered', `The sealed ${identity.table} record ${identity.key} holds no record`);
  }
  return content as Record<string, unknown>;
}
