import { recoverAbandonedAnswersOnOpen } from '../actions/answer-recovery.ts';
import { AppDatabase } from '../db/app-database.ts';
import { loadClock } from '../db/device-clock.ts';
import { getSetting } from '../db/settings-repository.ts';
import type { Storage } from '../db/storage.ts';
import { setActiveLocale } from '../i18n/active-locale.ts';
import { resolveLocale } from '../i18n/locale.ts';
import { setAppStorage } from './app-storage.ts';

/**
 * Opens the database, resumes this device's clock, and marks answers whose tab died mid-stream as
 * failed (their text kept) before the first render, so the page never shows a stream that is not coming.
 */
export async function boot(): Promise<Storage> {
  const db = new AppDatabase();
  await db.open();
  const storage = { db, clock: await loadClock(db) };
  setAppStorage(storage);
  try {
    await recoverAbandonedAnswersOnOpen(storage);
  } catch {
    // Best effort: with storage full the marks cannot be written, but every stored chat must still open.
  }
  setActiveLocale(resolveLocale(await getSetting(db, 'locale'), navigator.languages));
  return storage;
}
