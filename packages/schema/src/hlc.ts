import { z } from 'zod/mini';

/**
 * A serialized hybrid logical clock value: `<wall millis, 15 digits>-<counter, 6 base-36 digits>-<device id>`.
 * Fixed-width fields make plain string comparison equal clock order, so the same value sorts the
 * same way in IndexedDB, SQL and JavaScript, and the device id breaks ties deterministically.
 */
export const hlcSchema = z
  .string()
  .check(z.regex(/^\d{15}-[0-9a-z]{6}-[0-9A-Za-z_]{1,32}$/, 'Expected a hybrid logical clock value'));
export type HlcString = z.infer<typeof hlcSchema>;

/** A device id: short, URL-safe, and usable as the clock's tiebreak. */
export const deviceIdSchema = z.string().check(z.regex(/^[0-9A-Za-z_]{1,32}$/, 'Expected a device id'));
export type DeviceId = z.infer<typeof deviceIdSchema>;
