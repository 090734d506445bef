import { z } from 'zod/mini';
import { hlcSchema } from './hlc.ts';
import { idSchema } from './id.ts';
import { settingKeySchema } from './setting-key.ts';

/**
 * A deleted record: only what identifies the deletion (id and clock). A delete forgets: whatever else
 * arrives with a tombstone is dropped at parse, so deleted text is never stored or sent again.
 */
export const tombstoneSchema = z.object({
  id: idSchema,
  updatedAt: hlcSchema,
  deleted: z.literal(true),
});
export type Tombstone = z.infer<typeof tombstoneSchema>;

/** A deleted setting: settings are identified by their key. */
export const settingTombstoneSchema = z.object({
  key: settingKeySchema,
  updatedAt: hlcSchema,
  deleted: z.literal(true),
});
export type SettingTombstone = z.infer<typeof settingTombstoneSchema>;
