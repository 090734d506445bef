import {
  type ArchiveCounts,
  type ArchiveHeader,
  type ArchiveTrailer,
  archiveFormatName,
  archiveFormatVersion,
  archiveHeaderSchema,
  archiveTrailerSchema,
  type SyncRecord,
  syncRecordSchema,
  type WireRecord,
  wireRecordSchema,
} from '@hearth/schema';
import type { z } from 'zod/mini';
import { ImportFileError } from '../import/import-file-error.ts';
import { type TextLine, textLines } from './text-lines.ts';

/** What an archive holds, in file order: its header, each record line, and its trailer last. */
export type ArchiveEntry =
  | { kind: 'header'; header: ArchiveHeader }
  /** A record this app version reads, validated by its table's schema (unknown fields kept). */
  | { kind: 'record'; line: number; change: SyncRecord }
  /**
   * A record this version cannot read (a newer app's table or value, docs/records.md): well formed as a
   * record, so the file is not broken, but not something this version may write into its tables.
   */
  | { kind: 'unreadable'; line: number; change: WireRecord; reason: string }
  | { kind: 'end'; trailer: ArchiveTrailer };

export interface ReadArchiveOptions {
  /** The longest line accepted, in characters. */
  maxLineLength?: number;
}

/** Records may hold long texts; a line longer than this is refused before it is parsed. */
export const defaultMaxArchiveLineLength = 32 * 1024 * 1024;

/**
 * Reads our own archive, validating every line as it goes. Throws ImportFileError: `unrecognized` when
 * the first line is not our header, `newer_version` for a format this app does not read yet, `truncated`
 * when the file ends before its trailer, `malformed` for a line that breaks the format (naming the line).
 */
export async function* readArchive(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadArchiveOptions = {},
): AsyncGenerator<ArchiveEntry> {
  const counts: ArchiveCounts = {};
  let headerSeen = false;
  let trailerLine: number | undefined;
  let lastLine = 0;
  for await (const line of textLines(bytes, { maxLineLength: options.maxLineLength ?? defaultMaxArchiveLineLength })) {
    lastLine = line.number;
    if (!headerSeen) {
      yield { kind: 'header', header: parseHeader(line) };
      headerSeen = true;
      continue;
    }
    if (line.text.trim() === '') continue;
    if (trailerLine !== undefined) {
      throw new ImportFileError('malformed', `Line ${line.number} follows the archive's last line.`, {
        line: line.number,
        reason: 'after_end',
      });
    }
    const value = parseJson(line);
    if (isObject(value) && 'end' in value) {
      yield { kind: 'end', trailer: parseTrailer(value, line.number, counts) };
      trailerLine = line.number;
      continue;
    }
    const entry = parseRecord(value, line.number);
    counts[entry.change.table] = (counts[entry.change.table] ?? 0) + 1;
    yield entry;
  }
  if (!headerSeen) throw new ImportFileError('unrecognized', 'The file is empty.', { reason: 'empty' });
  if (trailerLine === undefined) {
    throw new ImportFileError('truncated', `The archive ends after line ${lastLine}, before its last line.`, {
      line: lastLine,
    });
  }
}

function parseHeader(line: TextLine): ArchiveHeader {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    // Our writer starts every archive with this text: a file cut inside its first line is still ours.
    const start = `{"format":"${archiveFormatName}"`;
    if (!line.terminated && (line.text.startsWith(start) || start.startsWith(line.text))) {
      throw new ImportFileError('truncated', 'The archive ends inside its first line.', { line: 1 });
    }
    throw new ImportFileError('unrecognized', 'The file does not start with an archive header.', { line: 1 });
  }
  if (!isObject(value) || value.format !== archiveFormatName) {
    throw new ImportFileError('unrecognized', 'The file does not start with an archive header.', { line: 1 });
  }
  // Checked before the rest: a newer version's header may differ in ways this one cannot foresee.
  if (typeof value.version === 'number' && value.version > archiveFormatVersion) {
    throw new ImportFileError(
      'newer_version',
      `The archive is format version ${value.version}; this app reads up to version ${archiveFormatVersion}.`,
      { version: value.version, supported: archiveFormatVersion },
    );
  }
  const parsed = archiveHeaderSchema.safeParse(value);
  if (!parsed.success) throw malformed(1, 'header', parsed.error);
  return parsed.data;
}

function parseJson(line: TextLine): unknown {
  try {
    return JSON.parse(line.text);
  } catch {
    if (!line.terminated) {
      throw new ImportFileError('truncated', `The archive ends inside line ${line.number}.`, { line: line.number });
    }
    throw new ImportFileError('malformed', `Line ${line.number} is not valid JSON.`, {
      line: line.number,
      reason: 'not_json',
    });
  }
}

function parseTrailer(value: unknown, line: number, counts: ArchiveCounts): ArchiveTrailer {
  const parsed = archiveTrailerSchema.safeParse(value);
  if (!parsed.success) throw malformed(line, 'trailer', parsed.error);
  const tables = new Set([...Object.keys(parsed.data.counts), ...Object.keys(counts)]);
  for (const table of tables) {
    const expected = parsed.data.counts[table] ?? 0;
    const actual = counts[table] ?? 0;
    if (expected !== actual) {
      throw new ImportFileError(
        'malformed',
        `The archive's last line counts ${expected} ${table} records, but it holds ${actual}.`,
        { line, reason: 'count_mismatch', table, expected, actual },
      );
    }
  }
  return parsed.data;
}

function parseRecord(value: unknown, line: number): Extract<ArchiveEntry, { kind: 'record' | 'unreadable' }> {
  const readable = syncRecordSchema.safeParse(value);
  if (readable.success) return { kind: 'record', line, change: readable.data };
  const wire = wireRecordSchema.safeParse(value);
  if (wire.success) return { kind: 'unreadable', line, change: wire.data, reason: issueText(readable.error) };
  throw malformed(line, 'record', wire.error);
}

function malformed(line: number, part: string, error: z.core.$ZodError): ImportFileError {
  const issue = issueText(error);
  return new ImportFileError('malformed', `Line ${line} is not a valid ${part}: ${issue}`, {
    line,
    reason: `invalid_${part}`,
    issue,
  });
}

function issueText(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const path = first.path.map(String).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
