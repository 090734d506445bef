import { createHash, randomBytes } from 'node:crypto';

/** A new device token: 32 random bytes as base64url (43 characters), shown once and stored only hashed. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a secret, as hex. Unsalted on purpose: tokens carry 256 bits of randomness, so a hash
 * cannot be reversed by guessing, and an unsalted hash can be looked up by index on every request.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// A bearer token is base64url; anything else cannot be one of ours, and is refused before hashing.
const tokenPattern = /^[A-Za-z0-9_-]{20,200}$/;

/** The token of an `Authorization: Bearer <token>` header, if it has a well-formed one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  return token !== undefined && tokenPattern.test(token) ? token : undefined;
}

/** Whether `token` is shaped like a device token (checked before hashing anything a client sent). */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && tokenPattern.test(token);
}
