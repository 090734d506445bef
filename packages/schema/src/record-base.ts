import { z } from 'zod/mini';
import { hlcSchema } from './hlc.ts';
import { idSchema } from './id.ts';

/**
 * Fields every live synced record carries: a time-ordered id, a clock and `deleted: false`. Record
 * schemas are loose objects (docs/records.md): fields this version does not know are kept as they are,
 * so an older app editing a newer app's record never erases what it cannot see.
 */
export const recordBaseSchema = z.looseObject({
  id: idSchema,
  updatedAt: hlcSchema,
  deleted: z.literal(false),
});
export type RecordBase = z.infer<typeof recordBaseSchema>;
