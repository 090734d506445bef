import type { LocalePreference } from '@hearth/schema';

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** Picks the first supported language from the browser's list; English when none match. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The locale to show for a preference, following the browser when the preference is "system". */
export function resolveLocale(preference: LocalePreference, languages: readonly string[]): Locale {
  return preference === 'system' ? localeFromLanguages(languages) : preference;
}
