import { z } from 'zod/mini';
import { hlcSchema } from './hlc.ts';
import { idSchema } from './id.ts';

/** Fields every synced record carries: a time-ordered id, a clock and a tombstone flag. */
export const recordBaseSchema = z.object({
  id: idSchema,
  updatedAt: hlcSchema,
  deleted: z.boolean(),
});
export type RecordBase = z.infer<typeof recordBaseSchema>;
