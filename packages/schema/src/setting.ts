import { z } from 'zod/mini';
import { hlcSchema } from './hlc.ts';
import { idSchema } from './id.ts';

export const themePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreferenceSchema>;

export const localePreferenceSchema = z.enum(['system', 'en', 'zh-CN']);
export type LocalePreference = z.infer<typeof localePreferenceSchema>;

/** Every setting the app knows, with the shape of its value. */
export const settingValueSchemas = {
  defaultModelConfigId: z.nullable(idSchema),
  theme: themePreferenceSchema,
  locale: localePreferenceSchema,
} as const;
export type SettingKey = keyof typeof settingValueSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingValueSchemas)[K]>;

/** Settings that describe this device rather than the person; they are never synced. */
export const deviceLocalSettingKeys: readonly SettingKey[] = ['theme', 'locale'];

export const settingKeySchema = z.enum(['defaultModelConfigId', 'theme', 'locale']);

/**
 * A stored setting: one record per key, so each merges on its own. The key is the record's
 * identity (every device means the same "theme"), so it has no generated id.
 */
export const settingSchema = z.object({
  key: settingKeySchema,
  value: z.unknown(),
  updatedAt: hlcSchema,
  deleted: z.boolean(),
});
export type Setting = z.infer<typeof settingSchema>;
