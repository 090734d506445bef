import type { ImportFileErrorCode, ImportGroup, ImportPreview } from '@hearth/core';

/** What the page asks of the import worker. */
export type ToImportWorker =
  /** Read and check the whole file, count what it holds and what this device already has. */
  | { type: 'preview'; file: Blob; dbName: string }
  /** Read the file again and send its groups, a few at a time. */
  | { type: 'write' }
  /** The page committed one group: the worker may send another. */
  | { type: 'written' }
  | { type: 'cancel' };

/** The archive's header, as the preview shows it. */
export interface ImportHeaderInfo {
  exportedAt: number;
  appName: string;
  appVersion: string;
}

/** Why the worker stopped: a broken file (nothing written), a file it could not read, or a bug. */
export type ImportJobError =
  | { kind: 'file'; code: ImportFileErrorCode; detail: Record<string, string | number> }
  | { kind: 'unreadable' }
  | { kind: 'unexpected'; message: string };

/** What the import worker tells the page. */
export type FromImportWorker =
  | { type: 'reading'; bytesRead: number; totalBytes: number }
  | { type: 'preview'; format: string; header: ImportHeaderInfo | null; preview: ImportPreview }
  /** The first records of a large group: the page keeps them until the group itself arrives. */
  | { type: 'group-part'; records: ImportGroup['records'] }
  | { type: 'group'; group: ImportGroup }
  | { type: 'end' }
  | { type: 'failed'; error: ImportJobError };

/** Both ends of the conversation between the page and the worker, whatever carries it. */
export interface ImportPort<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
