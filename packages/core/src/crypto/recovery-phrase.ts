import { argon2idAsync } from '@noble/hashes/argon2.js';
import { generateMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as simplifiedChinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import type { CryptoKey } from './account-key.ts';

// BIP-39 word lists (@scure/bip39, audited): 12 words carry 128 random bits plus a 4-bit checksum, so a
// mistyped or swapped word is caught before a slow key derivation is tried.
const wordlists = { en: english, 'zh-CN': simplifiedChinese } as const;
export type RecoveryPhraseLanguage = keyof typeof wordlists;

/**
 * Argon2id's cost (RFC 9106 §4, its second recommended option with one lane, as the browser computes it
 * on one thread): 64 MiB, 3 passes. Some seconds on a phone, once per device joining by phrase.
 */
export interface RecoveryKeyCost {
  memoryKiB: number;
  passes: number;
}
export const defaultRecoveryKeyCost: RecoveryKeyCost = { memoryKiB: 64 * 1024, passes: 3 };

/** A new recovery phrase of 12 words in `language`, from 128 random bits. */
export function newRecoveryPhrase(language: RecoveryPhraseLanguage): string {
  return generateMnemonic(wordlists[language], 128);
}

/** Spaces and case as people type them: one space between words, lower case, no spaces around. */
function normalise(phrase: string): string {
  return phrase.normalize('NFKD').trim().toLowerCase().split(/\s+/u).join(' ');
}

/**
 * The phrase's 128 bits, whichever language it is in; undefined when it is not a valid phrase (a word
 * not in the list, a missing word, or a checksum that does not match: a typo).
 */
function phraseEntropy(phrase: string): Uint8Array | undefined {
  const normalised = normalise(phrase);
  for (const list of Object.values(wordlists)) {
    // The Chinese list is written without spaces between characters too.
    const candidate = list === simplifiedChinese && !normalised.includes(' ') ? [...normalised].join(' ') : normalised;
    if (validateMnemonic(candidate, list)) return mnemonicToEntropy(candidate, list);
  }
  return undefined;
}

/** Whether `phrase` is a whole, correctly typed recovery phrase. */
export function isRecoveryPhrase(phrase: string): boolean {
  return phraseEntropy(phrase) !== undefined;
}

/**
 * The key a recovery phrase stands for: Argon2id over the phrase's bits, salted with the account's own
 * salt (kept on the server beside the wrapped key ring), imported as a non-extractable AES-GCM key that
 * only wraps and unwraps the key ring. Throws when the phrase is not valid.
 */
export async function deriveRecoveryKey(
  phrase: string,
  salt: Uint8Array,
  cost: RecoveryKeyCost = defaultRecoveryKeyCost,
): Promise<CryptoKey> {
  const entropy = phraseEntropy(phrase);
  if (entropy === undefined) throw new Error('This is not a recovery phrase: check each word and their order');
  if (salt.length < 16) throw new Error('The recovery salt must be at least 16 bytes');
  const bits = await argon2idAsync(entropy, salt, { m: cost.memoryKiB, t: cost.passes, p: 1, dkLen: 32 });
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(bits), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
}
