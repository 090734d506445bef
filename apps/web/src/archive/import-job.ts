import { ImportFileError, type ImportPresence, previewImport } from '@hearth/core';
import { FileReadError } from './file-bytes.ts';
import type { ForeignFormats } from './foreign-formats.ts';
import type {
  FromImportWorker,
  ImportHeaderInfo,
  ImportJobError,
  ImportPort,
  ToImportWorker,
} from './import-messages.ts';
import { type ImportSource, openImportSource } from './import-source.ts';

export interface ImportJobDeps {
  foreign: ForeignFormats;
  /** Opens the database read-only for the preview's question: which records are already here. */
  openPresence(dbName: string): { presence: ImportPresence; close(): void };
}

/** Groups sent ahead of the page's commits: enough to keep both sides busy, few enough to bound memory. */
const groupsInFlight = 4;

/** Records per message to the page. */
const groupPartSize = 500;

/**
 * The import worker's side: on `preview`, reads and checks the whole file and counts what it holds and
 * what is already here; on `write`, reads it again and sends its groups, never more than a few ahead of
 * the page's commits. All the parsing and validating happens here, off the page's main thread.
 */
export function serveImportJob(port: ImportPort<FromImportWorker, ToImportWorker>, deps: ImportJobDeps): void {
  let file: Blob | undefined;
  let source: ImportSource | undefined;
  const controller = new AbortController();
  let credits = groupsInFlight;
  let wake: (() => void) | undefined;

  const fail = (error: unknown) => {
    if (controller.signal.aborted) return;
    port.post({ type: 'failed', error: jobError(error) });
  };

  const preview = async (picked: Blob, dbName: string) => {
    file = picked;
    source = (await openImportSource(picked, deps.foreign)) ?? undefined;
    if (!source) throw new ImportFileError('unrecognized', 'No reader knows this file.', {});
    let header: ImportHeaderInfo | null = null;
    let lastReport = 0;
    const { presence, close } = deps.openPresence(dbName);
    try {
      const groups = source.groups({
        signal: controller.signal,
        onHeader: (found) => {
          header = { exportedAt: found.exportedAt, appName: found.app.name, appVersion: found.app.version };
        },
        onProgress: (bytesRead, totalBytes) => {
          // A few reports a second are plenty for a progress bar, and each costs the page a render.
          const now = Date.now();
          if (now - lastReport < 100 && bytesRead < totalBytes) return;
          lastReport = now;
          port.post({ type: 'reading', bytesRead, totalBytes });
        },
      });
      const found = await previewImport(groups, presence);
      port.post({ type: 'preview', format: source.format, header, preview: found });
    } finally {
      close();
    }
  };

  const write = async () => {
    if (!source || !file) throw new Error('Nothing was previewed.');
    for await (const group of source.groups({ signal: controller.signal })) {
      while (credits === 0 && !controller.signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
      if (controller.signal.aborted) return;
      credits -= 1;
      // A large group (a chat of thousands of messages) goes in parts: each arrives as a message of its own,
      // so the page never spends one long task taking in a single huge one.
      let from = 0;
      for (; group.records.length - from > groupPartSize; from += groupPartSize) {
        port.post({ type: 'group-part', records: group.records.slice(from, from + groupPartSize) });
      }
      port.post({ type: 'group', group: from === 0 ? group : { ...group, records: group.records.slice(from) } });
    }
    port.post({ type: 'end' });
  };

  port.onMessage((message) => {
    switch (message.type) {
      case 'preview':
        preview(message.file, message.dbName).catch(fail);
        break;
      case 'write':
        write().catch(fail);
        break;
      case 'written':
        credits += 1;
        wake?.();
        break;
      case 'cancel':
        controller.abort();
        wake?.();
        break;
    }
  });
}

function jobError(error: unknown): ImportJobError {
  if (error instanceof ImportFileError) {
    return { kind: 'file', code: error.code, detail: { ...error.detail } };
  }
  if (error instanceof FileReadError) return { kind: 'unreadable' };
  return { kind: 'unexpected', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
