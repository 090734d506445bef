import { useSyncExternalStore } from 'react';
import type { Locale } from './locale.ts';

// The locale in force for this page. It is UI state derived from the stored preference and the
// browser, kept outside React so plain modules (notifications, titles) can read it too.
let current: Locale = 'en';
const listeners = new Set<() => void>();

/** Sets the page's locale and re-renders every component that reads strings. */
export function setActiveLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

/** The page's locale, outside React. */
export function getActiveLocale(): Locale {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The page's locale, re-rendering when it changes. */
export function useActiveLocale(): Locale {
  return useSyncExternalStore(subscribe, getActiveLocale, getActiveLocale);
}
