import { hashSecret } from './device-token.ts';
import { randomText } from './random-text.ts';

/** Digits and capitals without 0/O, 1/I/L: easy to read aloud and type on a phone. */
export const pairingAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const pairingCodeLength = 8;

/** A new one-time pairing code: 8 characters of `pairingAlphabet` (~40 bits; it lives ten minutes). */
export function newPairingCode(): string {
  return randomText({ alphabet: pairingAlphabet, length: pairingCodeLength });
}

/** The code as people may type it (lower case, spaces, dashes) in its canonical form. */
export function normalizePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * The stored form of a pairing code. Plain SHA-256 is enough: a code is single-use and expires in
 * minutes, so whoever could read the database and guess codes would already hold everything they unlock.
 */
export function hashPairingCode(input: string): string {
  return hashSecret(`pairing:${normalizePairingCode(input)}`);
}

/** The link a new device opens (or scans as a QR code) to redeem `code`. */
export function pairingUrl(options: { origin: string; code: string }): string {
  return `${options.origin.replace(/\/$/, '')}/#pair=${options.code}`;
}
