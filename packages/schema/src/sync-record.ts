import { z } from 'zod/mini';
import { chatSchema } from './chat.ts';
import { findUnkeepableKey } from './kept-keys.ts';
import { messageSchema } from './message.ts';
import { modelConfigSchema } from './model-config.ts';
import { isDeviceLocalSetting, settingSchema } from './setting.ts';
import { settingTombstoneSchema, tombstoneSchema } from './tombstone.ts';

/** The tables that sync. API keys (secrets) and device facts (meta) never do. */
export const syncTables = ['chats', 'messages', 'modelConfigs', 'settings'] as const;
export const syncTableSchema = z.enum(syncTables);
export type SyncTable = z.infer<typeof syncTableSchema>;

// Device-local settings (theme, language, relay token...) describe one device and never leave it.
const notDeviceLocal = z.refine<{ key: string }>(
  (setting) => !isDeviceLocalSetting(setting.key),
  'This setting is device-local and never syncs',
);

/** A record as a version: live (every field, unknown ones kept) or a tombstone (identity and clock only). */
function versionOf<Live extends z.ZodMiniType, Dead extends z.ZodMiniType>(live: Live, dead: Dead) {
  const version = z.discriminatedUnion('deleted', [dead as never, live as never]) as unknown as z.ZodMiniType<
    z.output<Live> | z.output<Dead>,
    z.input<Live> | z.input<Dead>
  >;
  // Checked on the raw input, before the parse would silently drop such a field.
  return z.pipe(
    z.unknown().check(
      z.superRefine((value, ctx) => {
        const key = findUnkeepableKey(value);
        if (key !== undefined) ctx.addIssue({ code: 'custom', message: `A field may not be named ${key}` });
      }),
    ),
    version,
  );
}

export const chatVersionSchema = versionOf(chatSchema, tombstoneSchema);
export const messageVersionSchema = versionOf(messageSchema, tombstoneSchema);
export const modelConfigVersionSchema = versionOf(modelConfigSchema, tombstoneSchema);
export const settingVersionSchema = versionOf(
  settingSchema.check(notDeviceLocal),
  settingTombstoneSchema.check(notDeviceLocal),
);

/**
 * One record as it travels between a device and the server: a live record validated by its table's
 * own schema (an invalid record is refused at the boundary, fields this version does not know are
 * kept), or a tombstone that carries nothing but what identifies it.
 */
export const syncRecordSchema = z.discriminatedUnion('table', [
  z.object({ table: z.literal('chats'), record: chatVersionSchema }),
  z.object({ table: z.literal('messages'), record: messageVersionSchema }),
  z.object({ table: z.literal('modelConfigs'), record: modelConfigVersionSchema }),
  z.object({ table: z.literal('settings'), record: settingVersionSchema }),
]);
export type SyncRecord = z.infer<typeof syncRecordSchema>;

/** The identity of a synced record within its table: `id`, or `key` for settings. */
export function syncRecordKey(change: SyncRecord): string {
  return change.table === 'settings' ? change.record.key : change.record.id;
}
