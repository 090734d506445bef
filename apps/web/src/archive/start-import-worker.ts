import type { ImportWorkerHandle } from './import-session.ts';

/**
 * Starts the import worker: a module worker Vite bundles on its own, which the service worker precaches
 * with the rest of the app, so importing works offline.
 */
export function startImportWorker(): ImportWorkerHandle {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return {
    post: (message) => worker.postMessage(message),
    onMessage(listener) {
      worker.addEventListener('message', (event) => listener(event.data));
      // A worker that cannot start (its script missing) or whose message cannot be read fails the import.
      const failed = { type: 'failed', error: { kind: 'unexpected', message: 'The import worker stopped.' } };
      worker.addEventListener('error', () => listener(failed));
      worker.addEventListener('messageerror', () => listener(failed));
    },
    terminate: () => worker.terminate(),
  };
}
