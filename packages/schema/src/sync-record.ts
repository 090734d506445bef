import { z } from 'zod/mini';
import { chatSchema } from './chat.ts';
import { messageSchema } from './message.ts';
import { modelConfigSchema } from './model-config.ts';
import { deviceLocalSettingKeys, settingSchema } from './setting.ts';

/** The tables that sync. API keys (secrets) and device facts (meta) never do. */
export const syncTables = ['chats', 'messages', 'modelConfigs', 'settings'] as const;
export const syncTableSchema = z.enum(syncTables);
export type SyncTable = z.infer<typeof syncTableSchema>;

// Device-local settings (theme, language, relay token...) describe one device and never leave it.
const syncedSettingSchema = settingSchema.check(
  z.refine((setting) => !deviceLocalSettingKeys.includes(setting.key), 'This setting is device-local and never syncs'),
);

/**
 * One record as it travels between a device and the server: the whole record, validated by its
 * table's own schema, so an invalid record is refused at the boundary.
 */
export const syncRecordSchema = z.discriminatedUnion('table', [
  z.object({ table: z.literal('chats'), record: chatSchema }),
  z.object({ table: z.literal('messages'), record: messageSchema }),
  z.object({ table: z.literal('modelConfigs'), record: modelConfigSchema }),
  z.object({ table: z.literal('settings'), record: syncedSettingSchema }),
]);
export type SyncRecord = z.infer<typeof syncRecordSchema>;

/** The identity of a synced record within its table: `id`, or `key` for settings. */
export function syncRecordKey(change: SyncRecord): string {
  return change.table === 'settings' ? change.record.key : change.record.id;
}
