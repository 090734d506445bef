import { z } from 'zod/mini';
import { hlcSchema } from './hlc.ts';
import { idSchema } from './id.ts';
import { settingKeySchema } from './setting-key.ts';

export const themePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreferenceSchema>;

export const localePreferenceSchema = z.enum(['system', 'en', 'zh-CN']);
export type LocalePreference = z.infer<typeof localePreferenceSchema>;

/** Every setting the app knows, with the shape of its value. */
export const settingValueSchemas = {
  defaultModelConfigId: z.nullable(idSchema),
  /** Whether a new chat is titled by the model after its first answer (synced: the person's choice everywhere). */
  generateTitles: z.boolean(),
  theme: themePreferenceSchema,
  locale: localePreferenceSchema,
  /** The relay's server; empty means the server this app was loaded from. */
  relayUrl: z.string().check(z.maxLength(2_000)),
  /** The relay token, when the relay requires one. A secret: device-local. */
  relayToken: z.string().check(z.maxLength(1_000)),
  /** Provider base URLs that refused the browser and were reached through the relay instead. */
  relayRoutes: z.array(z.string()).check(z.maxLength(500)),
} as const;
export type SettingKey = keyof typeof settingValueSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingValueSchemas)[K]>;

/** Settings that describe this device rather than the person; they are never synced. */
export const deviceLocalSettingKeys: readonly SettingKey[] = [
  'theme',
  'locale',
  'relayUrl',
  'relayToken',
  'relayRoutes',
];

const deviceLocal: ReadonlySet<string> = new Set(deviceLocalSettingKeys);

/** The one rule for what never leaves the device among settings: every sync path asks this. */
export function isDeviceLocalSetting(key: string): boolean {
  return deviceLocal.has(key);
}

/**
 * A stored setting: one record per key, so each merges on its own. The key is the record's
 * identity (every device means the same "theme"), so it has no generated id. Keys this version does
 * not know are kept (a newer version's setting); `value` is checked by `settingValueSchemas` on read.
 */
export const settingSchema = z.looseObject({
  key: settingKeySchema,
  value: z.unknown(),
  updatedAt: hlcSchema,
  deleted: z.literal(false),
});
export type Setting = z.infer<typeof settingSchema>;
