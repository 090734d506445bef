import { type ExternalStore, externalStore } from '../pwa/external-store.ts';

/** How often, while an import writes, views that re-read a whole table re-read it. */
export const importRefreshMs = 2_000;

/**
 * While an import writes, a number that moves on every couple of seconds; null otherwise. An import
 * commits a chat at a time, thousands of commits in a row: a view that re-reads a whole table on every
 * change (the chat list) would re-read it thousands of times. Such a view reads at this pace instead.
 */
export const importActivity: ExternalStore<number | null> = externalStore<number | null>(null);
