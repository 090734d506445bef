import type { SyncStatus } from '@hearth/core';
import { useStrings } from '../../i18n/use-strings.ts';
import { useSyncView } from '../../sync/sync-status-store.ts';
import { syncStrings } from './sync-strings.ts';

type SyncStrings = (typeof syncStrings)['en'];

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

/** Always-visible sync status: synced, syncing, offline, or the problem in words. */
export function SyncStatusLine() {
  const s = useStrings(syncStrings);
  const view = useSyncView();
  const text = view.kind === 'off' ? s.off : describeSyncStatus(view.status, s);
  const problem = view.kind === 'on' && view.status.state === 'error';
  return (
    <p className={`sync-status${problem ? ' problem' : ''}`} role="status" aria-label={s.sync}>
      {text}
    </p>
  );
}
