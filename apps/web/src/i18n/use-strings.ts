import { useActiveLocale } from './active-locale.ts';
import type { Locale } from './locale.ts';

/**
 * A feature's strings in every locale. Each feature keeps its own dictionary beside its code, and
 * the type makes a missing translation a compile error.
 */
export type Strings<T> = Record<Locale, T>;

/** The strings of one feature in the page's locale. */
export function useStrings<T>(strings: Strings<T>): T {
  return strings[useActiveLocale()];
}
