import { z } from 'zod/mini';
import { hlcSchema } from './hlc.ts';

/**
 * A record as a client reads it from the server, checked only for what merging needs (table, identity,
 * clock, `deleted`): a newer app version may have written a table, a field or a value this version
 * does not know. Such a record is still merged by its clock and kept whole, though not shown
 * (docs/records.md), so an old client never breaks on, nor erases, a newer one's data.
 */
export const wireRecordSchema = z
  .object({
    table: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'Expected a table name')),
    record: z.looseObject({
      id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      key: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      updatedAt: hlcSchema,
      deleted: z.boolean(),
    }),
  })
  .check(
    z.refine(
      (change) => (change.table === 'settings' ? change.record.key : change.record.id) !== undefined,
      'A record needs its identity: `key` for settings, `id` for every other table',
    ),
  );
export type WireRecord = z.infer<typeof wireRecordSchema>;

/** The identity of a wire record within its table: `key` for settings, `id` for every other table. */
export function wireRecordKey(change: WireRecord): string {
  return (change.table === 'settings' ? change.record.key : change.record.id) ?? '';
}
