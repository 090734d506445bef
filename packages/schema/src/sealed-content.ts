import { z } from 'zod/mini';

const base64url = (what: string) => z.string().check(z.regex(/^[A-Za-z0-9_-]*$/, `${what} is not base64url`));

/** Which account key sealed a record: short, URL-safe, chosen at random when the key is made. */
export const accountKeyIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,32}$/, 'Not an account key id'));

/**
 * The encrypted content of a record of an end-to-end encrypted account (docs/encryption.md): everything
 * but the record's table, identity, clock and `deleted`, as padded JSON sealed with AES-256-GCM under the
 * account key `key`, with the table, identity, clock and key id bound as associated data.
 */
export const sealedContentSchema = z.object({
  /** The sealing format; a newer one gets a new number. */
  v: z.literal(1),
  key: accountKeyIdSchema,
  /** The 96-bit nonce, random per seal. */
  iv: base64url('The nonce').check(z.length(16, 'The nonce must be 12 bytes')),
  /** Ciphertext followed by the 128-bit tag. */
  data: base64url('The ciphertext').check(z.minLength(22, 'The ciphertext is too short')),
});
export type SealedContent = z.infer<typeof sealedContentSchema>;
