import { z } from 'zod/mini';

/** A client-generated, time-ordered record id (UUIDv7, lowercase). */
export const idSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Expected a UUIDv7 id'));
export type Id = z.infer<typeof idSchema>;
