import type { SyncStatus } from '@hearth/core';
import { useStrings } from '../../i18n/use-strings.ts';
import type { BlobUploadProblem } from '../../sync/blobs/blob-upload-problem.ts';
import { useSyncView } from '../../sync/sync-status-store.ts';
import { blobSyncStrings } from './blob-sync-strings.ts';
import { syncStrings } from './sync-strings.ts';

type SyncStrings = (typeof syncStrings)['en'];
type BlobSyncStrings = (typeof blobSyncStrings)['en'];

/** The sync status in words, for the sidebar and the settings. */
export function describeSyncStatus(status: SyncStatus, s: SyncStrings): string {
  switch (status.state) {
    case 'idle':
      return s.synced;
    case 'syncing':
      return s.syncing;
    case 'offline':
      return s.offline;
    case 'error': {
      const problem = s.problems[status.code] ?? status.message;
      const next = status.retryInMs === null ? s.stopped : s.retrying(Math.ceil(status.retryInMs / 1000));
      return `${problem} ${next}`;
    }
  }
}

/** Why attached files are not on the sync server, in words. */
export function describeUploadProblem(problem: BlobUploadProblem, s: BlobSyncStrings): string {
  switch (problem.code) {
    case 'quota_exceeded':
      return s.quotaExceeded(problem.usedBytes, problem.limitBytes);
    case 'too_large':
      return s.tooLarge;
    case 'no_blob_store':
      return s.noBlobStore;
  }
}

/**
 * Always-visible sync status: synced, syncing, offline, or the problem in words; below it, when some
 * attached files could not go to the server, why (the chats sync all the same).
 */
export function SyncStatusLine() {
  const s = useStrings(syncStrings);
  const b = useStrings(blobSyncStrings);
  const view = useSyncView();
  const text = view.kind === 'off' ? s.off : describeSyncStatus(view.status, s);
  const problem = view.kind === 'on' && view.status.state === 'error';
  const uploads = view.kind === 'on' ? view.uploads : undefined;
  return (
    <>
      <p className={`sync-status${problem ? ' problem' : ''}`} role="status" aria-label={s.sync}>
        {text}
      </p>
      {uploads !== undefined && (
        <p className="sync-status problem" role="status" aria-label={b.attachments}>
          {describeUploadProblem(uploads, b)}
        </p>
      )}
    </>
  );
}
