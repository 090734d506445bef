import { sealedContentSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { type AccountKey, importAccountKey, newRawAccountKey } from './account-key.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { OpenRecordError, openRecord, sealRecord } from './seal-record.ts';

const identity = { table: 'chats', key: '01JCHAT0000000000000000000', clock: '001733000000000-000000-deviceA' };
const content = { title: 'Canary: lighthouse marmalade', pinned: false, params: { temperature: 0.5, topP: 0.9 } };

async function keyRing(...keys: AccountKey[]): Promise<Map<string, AccountKey>> {
  return new Map(keys.map((key) => [key.id, key]));
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenRecordError) return error.failure;
    throw error;
  }
  return 'opened';
}

describe('sealed records', () => {
  it('open to exactly the content sealed, in the wire format, without the plaintext in sight', async () => {
    const key = await importAccountKey(newRawAccountKey());
    const sealed = await sealRecord(key, identity, content);
    expect(sealedContentSchema.safeParse(sealed).success).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('lighthouse');
    expect(await openRecord(await keyRing(key), identity, sealed)).toEqual(content);
    // A fresh nonce each time: sealing the same content twice gives different ciphertexts.
    expect((await sealRecord(key, identity, content)).data).not.toBe(sealed.data);
  });

  it('refuse a ciphertext moved to another record, table or clock', async () => {
    const key = await importAccountKey(newRawAccountKey());
    const keys = await keyRing(key);
    const sealed = await sealRecord(key, identity, content);
    expect(await failureOf(openRecord(keys, { ...identity, key: '01JCHAT0000000000000000001' }, sealed))).toBe(
      'tampered',
    );
    expect(await failureOf(openRecord(keys, { ...identity, table: 'messages' }, sealed))).toBe('tampered');
    expect(await failureOf(openRecord(keys, { ...identity, clock: '001733000000001-000000-deviceA' }, sealed))).toBe(
      'tampered',
    );
  });

  it('refuse a flipped bit, another nonce, a wrong key and a relabelled key', async () => {
    const key = await importAccountKey(newRawAccountKey());
    const other = await importAccountKey(newRawAccountKey());
    const sealed = await sealRecord(key, identity, content);
    const bytes = fromBase64Url(sealed.data);
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    const keys = await keyRing(key, other);
    expect(await failureOf(openRecord(keys, identity, { ...sealed, data: toBase64Url(bytes) }))).toBe('tampered');
    const iv = fromBase64Url(sealed.iv);
    iv[0] = (iv[0] ?? 0) ^ 1;
    expect(await failureOf(openRecord(keys, identity, { ...sealed, iv: toBase64Url(iv) }))).toBe('tampered');
    // The other key under this key's id: the wrong key.
    expect(await failureOf(openRecord(new Map([[key.id, { ...other, id: key.id }]]), identity, sealed))).toBe(
      'tampered',
    );
    // This ciphertext relabelled as sealed by the other key: the key id is bound too.
    expect(await failureOf(openRecord(keys, identity, { ...sealed, key: other.id }))).toBe('tampered');
    expect(await failureOf(openRecord(await keyRing(other), identity, sealed))).toBe('unknown_key');
  });

  it('pad lengths, so content of similar size seals to one size', async () => {
    const key = await importAccountKey(newRawAccountKey());
    const overhead = JSON.stringify({ ...content, title: '' }).length;
    // Content of 995, 1000 and 1020 bytes (plus the padding marker) all pad to 1024 bytes.
    const sizes = new Set<number>();
    for (const length of [995, 1000, 1020])
      sizes.add((await sealRecord(key, identity, { ...content, title: 'x'.repeat(length - overhead) })).data.length);
    expect(sizes.size).toBe(1);
  });

  it('the key itself cannot be read out of this device once imported', async () => {
    const key = await importAccountKey(newRawAccountKey());
    expect(key.key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key.key)).rejects.toThrow();
  });
});
