import type { AppDatabase } from '../db/app-database.ts';

let scheduled = false;

/**
 * Runs the blob sweep (blob-sweep.ts) once the page is idle: at start-up and after messages or chats are
 * deleted. Its code loads only then; several requests before it runs make one sweep.
 */
export function scheduleBlobSweep(db: AppDatabase): void {
  if (scheduled) return;
  scheduled = true;
  const run = async () => {
    scheduled = false;
    const [{ sweepUnreferencedBlobs }, { allPendingHashes }] = await Promise.all([
      import('./blob-sweep.ts'),
      import('./pending-attachments.ts'),
    ]);
    await sweepUnreferencedBlobs(db, { keep: allPendingHashes(), nowMs: Date.now() });
  };
  // Best effort: a sweep that fails (storage busy, tab closing) frees nothing and is tried next time.
  const sweep = () => void run().catch(() => undefined);
  // Safari has no requestIdleCallback: a few seconds later is idle enough there.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(sweep, { timeout: 10_000 });
  else setTimeout(sweep, 5_000);
}
