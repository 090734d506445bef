import {
  type ArchiveCounts,
  type ArchiveHeader,
  type ArchiveTrailer,
  archiveFormatName,
  archiveFormatVersion,
  type WireRecord,
} from '@hearth/schema';

/** Writes the lines of one archive (docs/archive-format.md), counting what it writes for the trailer. */
export interface ArchiveWriter {
  /** The first line. */
  header(): string;
  /** One record's line: `{ "table", "record" }`, exactly as stored. */
  record(change: WireRecord): string;
  /** The last line, with the exact number of record lines per table. */
  end(): string;
  /** Record lines written so far, per table. */
  readonly counts: Readonly<ArchiveCounts>;
}

export interface ArchiveWriterOptions {
  /** Epoch ms. */
  exportedAt: number;
  appName: string;
  appVersion: string;
  /** What the database held when the export started, for a reader's progress. */
  expectedCounts: ArchiveCounts;
}

/**
 * An archive writer. Records are written as stored, unknown fields and all: they were validated on their
 * way into the database, and every reader validates each line again on its way back in.
 */
export function createArchiveWriter(options: ArchiveWriterOptions): ArchiveWriter {
  const counts: ArchiveCounts = {};
  return {
    counts,
    header() {
      const header: ArchiveHeader = {
        format: archiveFormatName,
        version: archiveFormatVersion,
        exportedAt: options.exportedAt,
        app: { name: options.appName, version: options.appVersion },
        counts: options.expectedCounts,
      };
      return line(header);
    },
    record(change) {
      counts[change.table] = (counts[change.table] ?? 0) + 1;
      return line({ table: change.table, record: change.record });
    },
    end() {
      const trailer: ArchiveTrailer = { end: archiveFormatName, counts: { ...counts } };
      return line(trailer);
    },
  };
}

// JSON.stringify escapes line breaks and lone surrogates inside strings, so a record is one line of UTF-8.
function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
