import { z } from 'zod/mini';

/** The `format` of our own archive's first line; anything else is not our archive. */
export const archiveFormatName = 'hearth-archive';

/**
 * The version of the archive format this app writes and the newest it reads (docs/archive-format.md).
 * Additions an older reader can ignore (a header field, a table) keep the version; a change it could
 * misread gets a new one, which older readers refuse as `newer_version` instead of guessing.
 */
export const archiveFormatVersion = 1;

const tableName = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'Expected a table name'));
const count = z.int().check(z.nonnegative());

/** Records per table, by table name (a table a newer app version added is counted under its own name). */
export const archiveCountsSchema = z.record(tableName, count);
export type ArchiveCounts = z.infer<typeof archiveCountsSchema>;

/**
 * The first line. `counts` are what the database held when the export started, for progress only: the
 * trailer's are exact. Loose, so a newer writer's extra header fields do not make the file unreadable.
 */
export const archiveHeaderSchema = z.looseObject({
  format: z.literal(archiveFormatName),
  version: z.int().check(z.gte(1)),
  /** Epoch ms. */
  exportedAt: z.int().check(z.nonnegative()),
  app: z.looseObject({ name: z.string(), version: z.string() }),
  counts: archiveCountsSchema,
});
export type ArchiveHeader = z.infer<typeof archiveHeaderSchema>;

/**
 * The last line: how many record lines came before it, per table. A file without it, or whose counts
 * differ from the lines it holds, was cut short or altered.
 */
export const archiveTrailerSchema = z.looseObject({
  end: z.literal(archiveFormatName),
  counts: archiveCountsSchema,
});
export type ArchiveTrailer = z.infer<typeof archiveTrailerSchema>;
