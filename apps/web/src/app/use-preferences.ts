import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getSetting } from '../db/settings-repository.ts';
import { setActiveLocale } from '../i18n/active-locale.ts';
import { resolveLocale } from '../i18n/locale.ts';
import { appStorage } from './app-storage.ts';

/** Applies the stored theme and language to the page, following the system where they say "system". */
export function usePreferences(): void {
  const { db } = appStorage();
  const theme = useLiveQuery(() => getSetting(db, 'theme'), []);
  const locale = useLiveQuery(() => getSetting(db, 'locale'), []);
  const [languages, setLanguages] = useState(() => navigator.languages);

  useEffect(() => {
    const onChange = () => setLanguages(navigator.languages);
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, []);

  useEffect(() => {
    if (locale) setActiveLocale(resolveLocale(locale, languages));
  }, [locale, languages]);

  useEffect(() => {
    // No attribute means "follow the system": the stylesheet then uses prefers-color-scheme.
    if (!theme || theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
