import { describe, expect, it } from 'vitest';
import { importKeyRing, newKeyRing, rotateKeyRing, unwrapKeyRing, wrapKeyRing } from './key-ring.ts';
import { deriveRecoveryKey, isRecoveryPhrase, newRecoveryPhrase } from './recovery-phrase.ts';
import { openRecord, sealRecord } from './seal-record.ts';

// Cheap Argon2id for the tests that are not about its cost; one test below uses the real cost.
const testCost = { memoryKiB: 64, passes: 1 };
const salt = new Uint8Array(16).fill(7);
const identity = { table: 'messages', key: '01JMSG00000000000000000000', clock: '001733000000000-000000-deviceA' };

describe('key ring', () => {
  it('rotation seals new writes with a key the old ring lacks, and still opens the old records', async () => {
    const ring = newKeyRing();
    const before = await importKeyRing(ring);
    const oldRecord = await sealRecord(before.sealing, identity, { content: 'before the rotation' });

    const rotated = rotateKeyRing(ring);
    const after = await importKeyRing(rotated);
    expect(after.sealing.id).not.toBe(before.sealing.id);
    const newRecord = await sealRecord(after.sealing, identity, { content: 'after the rotation' });
    expect(await openRecord(after.keys, identity, oldRecord)).toEqual({ content: 'before the rotation' });
    // A device that only ever had the old ring (a revoked one) cannot read what is written now.
    await expect(openRecord(before.keys, identity, newRecord)).rejects.toThrow(/does not have the key/);
  });

  it('a recovery phrase unwraps the ring it wrapped; another phrase, purpose or account does not', async () => {
    const ring = newKeyRing();
    const phrase = newRecoveryPhrase('en');
    expect(phrase.split(' ')).toHaveLength(12);
    const binding = { purpose: 'recovery', accountId: 'user-1' };
    const wrapped = await wrapKeyRing(ring, await deriveRecoveryKey(phrase, salt, testCost), binding);
    // As a person types it back: other spacing and capitals.
    const typed = `  ${phrase.toUpperCase().split(' ').join('   ')} `;
    const back = await unwrapKeyRing(wrapped, await deriveRecoveryKey(typed, salt, testCost), binding);
    expect(back.keys.map((key) => [key.id, [...key.raw]])).toEqual(ring.keys.map((key) => [key.id, [...key.raw]]));

    const otherKey = await deriveRecoveryKey(newRecoveryPhrase('en'), salt, testCost);
    await expect(unwrapKeyRing(wrapped, otherKey, binding)).rejects.toThrow(/wrong recovery phrase/);
    const sameKey = await deriveRecoveryKey(phrase, salt, testCost);
    await expect(unwrapKeyRing(wrapped, sameKey, { ...binding, accountId: 'user-2' })).rejects.toThrow(/does not open/);
    await expect(unwrapKeyRing(wrapped, sameKey, { ...binding, purpose: 'pairing' })).rejects.toThrow(/does not open/);
  });

  it('a typo in a phrase is caught by its checksum, in English and Chinese', () => {
    // BIP-39's own vector: 128 zero bits are eleven times "abandon" then "about".
    expect(isRecoveryPhrase(`${'abandon '.repeat(11)}about`)).toBe(true);
    expect(isRecoveryPhrase('abandon '.repeat(12).trim())).toBe(false); // one wrong word: the checksum
    expect(isRecoveryPhrase('abandon '.repeat(11).trim())).toBe(false); // a word missing
    expect(isRecoveryPhrase(`${'abandon '.repeat(11)}aboot`)).toBe(false); // not a word of the list
    const chinese = newRecoveryPhrase('zh-CN').split(' ');
    expect(isRecoveryPhrase(chinese.join(' '))).toBe(true);
    expect(isRecoveryPhrase(chinese.slice(1).join(' '))).toBe(false);
  });

  it('the real cost: 64 MiB of Argon2id gives the same key for the same phrase and salt', {
    timeout: 300_000,
  }, async () => {
    const ring = newKeyRing();
    const phrase = newRecoveryPhrase('zh-CN');
    const binding = { purpose: 'recovery', accountId: 'user-1' };
    const wrapped = await wrapKeyRing(ring, await deriveRecoveryKey(phrase, salt), binding);
    // Typed without spaces, as Chinese is written.
    const back = await unwrapKeyRing(wrapped, await deriveRecoveryKey(phrase.replaceAll(' ', ''), salt), binding);
    expect(back.keys[0]?.id).toBe(ring.keys[0]?.id);
    // The cost is part of the key: the cheap derivation of the same phrase is another key.
    await expect(unwrapKeyRing(wrapped, await deriveRecoveryKey(phrase, salt, testCost), binding)).rejects.toThrow();
  });
});
