import { type ImportGroup, type ImportPreview, type ImportReport, writeImport } from '@hearth/core';
import { importWorkerMessageSchema } from '@hearth/schema';
import { dexieImportStore } from '../db/import-store.ts';
import type { Storage } from '../db/storage.ts';
import { type ExternalStore, externalStore } from '../pwa/external-store.ts';
import { importActivity, importRefreshMs } from './import-activity.ts';
import type {
  FromImportWorker,
  ImportHeaderInfo,
  ImportJobError,
  ImportPort,
  ToImportWorker,
} from './import-messages.ts';

/** Why a write pass stopped before the end of the file. */
export type ImportStop =
  | { kind: 'cancelled' }
  /** The database refused a write; `error` is what it threw (storage full, say). */
  | { kind: 'storage'; error: unknown }
  /** The file failed on its second reading (changed on disk since the preview). */
  | { kind: 'job'; error: ImportJobError };

/** Where an import is, as its screen shows it. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; bytesRead: number; totalBytes: number }
  | { phase: 'preview'; fileName: string; format: string; header: ImportHeaderInfo | null; preview: ImportPreview }
  | { phase: 'writing'; fileName: string; handled: number; total: number }
  /** Nothing was written: the file is broken, unknown or unreadable. */
  | { phase: 'failed'; fileName: string; error: ImportJobError }
  | { phase: 'finished'; fileName: string; report: ImportReport; stop: ImportStop | null };

/** A running import worker: its port and a way to stop it. */
export interface ImportWorkerHandle extends ImportPort<ToImportWorker, unknown> {
  terminate(): void;
}

export interface ImportSessionDeps {
  storage: () => Storage;
  startWorker(): ImportWorkerHandle;
}

/** An import the person drives: choose a file, see what it holds, import or cancel, see the report. */
export interface ImportSession {
  state: ExternalStore<ImportState>;
  choose(file: File): void;
  confirm(): void;
  cancel(): void;
  reset(): void;
}

/**
 * The page's side of an import. The worker parses and checks; the page writes each group through its
 * own storage (one transaction per group, the outbox recording it), then asks for the next. It lives
 * outside React, so closing Settings does not stop an import that is writing.
 */
export function createImportSession(deps: ImportSessionDeps): ImportSession {
  const state = externalStore<ImportState>({ phase: 'idle' });
  let worker: ImportWorkerHandle | undefined;
  let listener: ((message: FromImportWorker) => void) | undefined;
  let writing: AbortController | undefined;

  const stopWorker = () => {
    worker?.terminate();
    worker = undefined;
    listener = undefined;
  };

  const choose = (file: File) => {
    stopWorker();
    const fileName = file.name;
    state.set({ phase: 'reading', fileName, bytesRead: 0, totalBytes: file.size });
    const started = deps.startWorker();
    worker = started;
    started.onMessage((raw) => {
      if (worker !== started) return;
      const parsed = importWorkerMessageSchema.safeParse(raw);
      const message: FromImportWorker = parsed.success
        ? (parsed.data as FromImportWorker)
        : { type: 'failed', error: { kind: 'unexpected', message: 'The import worker sent an unexpected message.' } };
      listener?.(message);
    });
    listener = (message) => {
      const current = state.get();
      switch (message.type) {
        case 'reading':
          if (current.phase === 'reading') state.set({ ...current, bytesRead: message.bytesRead });
          break;
        case 'preview':
          state.set({
            phase: 'preview',
            fileName,
            format: message.format,
            header: message.header,
            preview: message.preview,
          });
          break;
        case 'failed':
          stopWorker();
          state.set({ phase: 'failed', fileName, error: message.error });
          break;
        case 'group-part':
        case 'group':
        case 'end':
          break;
      }
    };
    started.post({ type: 'preview', file, dbName: deps.storage().db.name });
  };

  const confirm = () => {
    const current = state.get();
    const port = worker;
    if (current.phase !== 'preview' || !port) return;
    const { found } = current.preview;
    const total = found.chats + found.messages + found.modelConfigs + found.settings + found.deletions;
    state.set({ phase: 'writing', fileName: current.fileName, handled: 0, total });
    writing = new AbortController();
    importActivity.set(0);
    const pace = setInterval(() => importActivity.set((importActivity.get() ?? 0) + 1), importRefreshMs);
    const done = () => {
      clearInterval(pace);
      importActivity.set(null);
    };
    // A few progress renders a second: one per committed chat would cost the page more than the writes.
    let lastProgress = 0;
    const groups = groupsFrom({ port, listen: (next) => (listener = next), signal: writing.signal });
    const storage = deps.storage();
    writeImport({
      groups,
      store: dexieImportStore(storage.db),
      clock: storage.clock,
      signal: writing.signal,
      onProgress: (report) => {
        const now = Date.now();
        if (now - lastProgress < 100) return;
        lastProgress = now;
        const handled = sum(report.written) + sum(report.skipped);
        state.set({ phase: 'writing', fileName: current.fileName, handled, total });
      },
    })
      .then((report) => {
        done();
        stopWorker();
        state.set({ phase: 'finished', fileName: current.fileName, report, stop: stopOf(report) });
      })
      .catch((error: unknown) => {
        done();
        stopWorker();
        state.set({
          phase: 'failed',
          fileName: current.fileName,
          error: { kind: 'unexpected', message: String(error) },
        });
      });
    port.post({ type: 'write' });
  };

  const cancel = () => {
    const current = state.get();
    if (current.phase === 'writing') {
      // Stops after the group being written: what is stored is whole chats.
      writing?.abort();
      worker?.post({ type: 'cancel' });
      return;
    }
    stopWorker();
    state.set({ phase: 'idle' });
  };

  const reset = () => {
    if (state.get().phase === 'writing') return;
    stopWorker();
    state.set({ phase: 'idle' });
  };

  return { state, choose, confirm, cancel, reset };
}

/** Thrown by the groups of a write pass when the worker failed on the second reading. */
class ImportJobFailure extends Error {
  constructor(readonly jobError: ImportJobError) {
    super('The import worker failed.');
    this.name = 'ImportJobFailure';
  }
}

/**
 * The groups the worker sends, as an async iterable; asking for the next one tells the worker it may send
 * another. Cancelling ends it at once, even while the worker is still reading.
 */
async function* groupsFrom(options: {
  port: ImportPort<ToImportWorker, unknown>;
  listen: (listener: (message: FromImportWorker) => void) => void;
  signal: AbortSignal;
}): AsyncGenerator<ImportGroup> {
  const queue: FromImportWorker[] = [];
  let wake: (() => void) | undefined;
  options.listen((message) => {
    queue.push(message);
    wake?.();
  });
  options.signal.addEventListener('abort', () => wake?.());
  let parts: ImportGroup['records'][] = [];
  for (;;) {
    while (queue.length === 0 && !options.signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
    const message = queue.shift();
    if (!message || message.type === 'end') return;
    if (message.type === 'failed') throw new ImportJobFailure(message.error);
    if (message.type === 'group-part') parts.push(message.records);
    if (message.type !== 'group') continue;
    const { group } = message;
    yield parts.length === 0 ? group : { ...group, records: [...parts.flat(), ...group.records] };
    parts = [];
    options.port.post({ type: 'written' });
  }
}

function stopOf(report: ImportReport): ImportStop | null {
  switch (report.outcome) {
    case 'done':
      return null;
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'failed':
      return report.error instanceof ImportJobFailure
        ? { kind: 'job', error: report.error.jobError }
        : { kind: 'storage', error: report.error };
  }
}

function sum(counts: ImportPreview['found']): number {
  return counts.chats + counts.messages + counts.modelConfigs + counts.settings + counts.deletions;
}
