import { createArchiveWriter } from '@hearth/core';
import { type ArchiveCounts, isDeviceLocalSetting } from '@hearth/schema';
import type { AppDatabase } from '../db/app-database.ts';
import { archiveRecords } from './archive-records.ts';
import { textChunks } from './text-chunks.ts';

export interface ExportArchiveOptions {
  db: AppDatabase;
  /** Where the archive's bytes go: a file the person picked, or the parts of a download. */
  destination: WritableStream<Uint8Array>;
  /** Compress the archive with gzip on the way out. */
  gzip: boolean;
  appVersion: string;
  now?: () => number;
  signal?: AbortSignal;
  /** Records written so far and the number expected, every few hundred records. */
  onProgress?(written: number, expected: number): void;
  pageSize?: number;
}

/**
 * Writes the whole history as one archive (docs/archive-format.md), streamed: records are read a page
 * at a time and leave as chunks of about a megabyte, so neither the database nor the file is ever held
 * in memory whole. Aborting discards the destination. Changes made while an export runs may or may not
 * be in it; the trailer counts exactly what is.
 */
export async function exportArchive(options: ExportArchiveOptions): Promise<ArchiveCounts> {
  const { db, signal } = options;
  const expectedCounts = await countRecords(db);
  const expected = Object.values(expectedCounts).reduce((sum, count) => sum + count, 0);
  const writer = createArchiveWriter({
    exportedAt: (options.now ?? Date.now)(),
    appName: 'Hearth',
    appVersion: options.appVersion,
    expectedCounts,
  });
  const target = options.gzip
    ? gzipInto(options.destination)
    : { writable: options.destination, done: Promise.resolve() };
  const out = textChunks(target.writable);
  try {
    await out.write(writer.header());
    let written = 0;
    for await (const change of archiveRecords(
      db,
      options.pageSize === undefined ? {} : { pageSize: options.pageSize },
    )) {
      signal?.throwIfAborted();
      await out.write(writer.record(change));
      written += 1;
      if (written % 500 === 0) options.onProgress?.(written, expected);
    }
    await out.write(writer.end());
    await out.close();
    // The compressed bytes are in the destination (a picked file is saved) only when the pipe ends.
    await target.done;
    options.onProgress?.(written, expected);
  } catch (error) {
    await out.abort(error).catch(() => undefined);
    throw error;
  }
  return writer.counts;
}

function gzipInto(destination: WritableStream<Uint8Array>): {
  writable: WritableStream<Uint8Array>;
  done: Promise<void>;
} {
  const gzip = new CompressionStream('gzip');
  const done = gzip.readable.pipeTo(destination);
  // On failure the writes reject too; the caller awaits `done` only on success.
  done.catch(() => undefined);
  return { writable: gzip.writable as WritableStream<Uint8Array>, done };
}

/** What the database holds now, per table, for the header (progress only: the trailer is exact). */
async function countRecords(db: AppDatabase): Promise<ArchiveCounts> {
  const [chats, messages, modelConfigs, settingKeys, held] = await Promise.all([
    db.chats.count(),
    db.messages.count(),
    db.modelConfigs.count(),
    db.settings.toCollection().primaryKeys(),
    db.held.toArray(),
  ]);
  const counts: ArchiveCounts = {
    chats,
    messages,
    modelConfigs,
    settings: settingKeys.filter((key) => !isDeviceLocalSetting(String(key))).length,
  };
  for (const row of held) counts[row.change.table] = (counts[row.change.table] ?? 0) + 1;
  return counts;
}
