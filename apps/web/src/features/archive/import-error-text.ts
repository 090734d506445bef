import type { ImportJobError } from '../../archive/import-messages.ts';
import type { ArchiveStrings } from './archive-strings.ts';

/** What is wrong with a file, in the person's language, from the error's code and detail (never its message). */
export function importErrorText(error: ImportJobError, s: ArchiveStrings): string {
  switch (error.kind) {
    case 'unreadable':
      return s.unreadableFile;
    case 'unexpected':
      return s.unexpected(error.message);
    case 'file':
      break;
  }
  const { detail } = error;
  const line = typeof detail.line === 'number' ? detail.line : undefined;
  switch (error.code) {
    case 'unrecognized':
      return s.fileErrors.unrecognized;
    case 'newer_version':
      return s.fileErrors.newerVersion(Number(detail.version), Number(detail.supported));
    case 'missing_entry':
      return s.fileErrors.missingEntry(String(detail.entry ?? detail.path ?? ''));
    case 'truncated':
      return s.fileErrors.truncated(line);
    case 'malformed':
      return malformedText(detail, line, s);
  }
}

function malformedText(detail: Record<string, string | number>, line: number | undefined, s: ArchiveStrings): string {
  const reason = String(detail.reason ?? '');
  if (reason === 'gzip_damaged') return s.fileErrors.gzipDamaged;
  if (reason === 'count_mismatch') {
    return s.fileErrors.countMismatch(String(detail.table), Number(detail.expected), Number(detail.actual));
  }
  if (detail.conversation !== undefined) {
    return s.fileErrors.conversation(String(detail.title ?? detail.conversation), String(detail.issue ?? ''));
  }
  if (line === undefined) return s.fileErrors.malformed;
  const known = s.lineReasons[reason as keyof ArchiveStrings['lineReasons']];
  // A field that breaks its schema is named as the schema names it (`record.role: Invalid option`).
  return s.fileErrors.malformedLine(line, known ?? String(detail.issue ?? reason));
}
