import { randomBytes } from 'node:crypto';

/** `length` characters drawn uniformly from `alphabet` with a CSPRNG (rejection sampling, no modulo bias). */
export function randomText(options: { alphabet: string; length: number }): string {
  const { alphabet, length } = options;
  if (alphabet.length < 2 || alphabet.length > 256) throw new RangeError('alphabet must have 2 to 256 characters');
  const limit = 256 - (256 % alphabet.length);
  let text = '';
  while (text.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      text += alphabet[byte % alphabet.length];
      if (text.length === length) break;
    }
  }
  return text;
}

const idAlphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A new user or device id: 20 base-36 characters (~103 bits). They fit the clock's device-id format, so
 * a client may use its server device id inside its hybrid logical clock.
 */
export function newOpaqueId(): string {
  return randomText({ alphabet: idAlphabet, length: 20 });
}
