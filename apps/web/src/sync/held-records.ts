import type { AppDatabase } from '../db/app-database.ts';

/** How many records from a newer app version this device keeps without being able to show them. */
export function countHeldRecords(db: AppDatabase): Promise<number> {
  return db.held.count();
}
