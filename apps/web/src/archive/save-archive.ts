import type { AppDatabase } from '../db/app-database.ts';
import { openArchiveTarget } from './archive-target.ts';
import { exportArchive } from './export-archive.ts';

export interface SaveArchiveOptions {
  db: AppDatabase;
  gzip: boolean;
  appVersion: string;
  signal: AbortSignal;
  /** Called once the file is chosen and writing begins. */
  onStart?(): void;
  onProgress?(written: number, expected: number): void;
}

/**
 * Exports the whole history to a file: asks where (a save picker where the browser has one, else a
 * download at the end), then streams the archive there. Null when the person closed the picker.
 * Call it straight from the click: the picker needs the gesture.
 */
export async function saveArchive(options: SaveArchiveOptions): Promise<{ records: number; fileName: string } | null> {
  const target = await openArchiveTarget({ gzip: options.gzip, date: new Date() });
  if (!target) return null;
  options.onStart?.();
  const counts = await exportArchive({
    db: options.db,
    destination: target.writable,
    gzip: options.gzip,
    appVersion: options.appVersion,
    signal: options.signal,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  target.finish();
  return { records: Object.values(counts).reduce((sum, count) => sum + count, 0), fileName: target.fileName };
}
