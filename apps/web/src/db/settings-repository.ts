import { type SettingKey, type SettingValue, settingSchema, settingValueSchemas } from '@hearth/schema';
import type { AppDatabase } from './app-database.ts';
import { isLive, nextVersion } from './record-versions.ts';
import type { Storage } from './storage.ts';

const defaults: { [K in SettingKey]: SettingValue<K> } = {
  defaultModelConfigId: null,
  generateTitles: true,
  theme: 'system',
  locale: 'system',
  relayUrl: '',
  relayToken: '',
  relayRoutes: [],
};

/** A setting's value, or its default when unset, deleted or not of the expected shape. */
export async function getSetting<K extends SettingKey>(db: AppDatabase, key: K): Promise<SettingValue<K>> {
  const stored = await db.settings.get(key);
  if (!isLive(stored)) return defaults[key];
  const parsed = settingValueSchemas[key].safeParse(stored.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaults[key];
}

/** Stores a setting after checking its shape. */
export async function setSetting<K extends SettingKey>(
  storage: Storage,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const checked = settingValueSchemas[key].parse(value);
  await storage.db.transaction('rw', storage.db.settings, async () => {
    const current = await storage.db.settings.get(key);
    const next = { key, value: checked, updatedAt: storage.clock.tick(), deleted: false as const };
    await storage.db.settings.put(nextVersion(settingSchema, isLive(current) ? current : undefined, next));
  });
}
