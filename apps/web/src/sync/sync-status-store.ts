import type { SyncStatus } from '@hearth/core';
import { useSyncExternalStore } from 'react';
import { externalStore } from '../pwa/external-store.ts';
import type { BlobUploadProblem } from './blobs/blob-upload-problem.ts';

/**
 * Sync as the page shows it: off (not signed in), or the engine's status (possibly from the leading tab)
 * and, when some attached files could not go to the server, why.
 */
export type SyncView = { kind: 'off' } | { kind: 'on'; status: SyncStatus; uploads?: BlobUploadProblem };

const view = externalStore<SyncView>({ kind: 'off' });
const channelName = 'hearth-sync-status';
let channel: BroadcastChannel | undefined;
let leading = false;

// Only one tab runs sync; it tells the others how it is going, and answers a tab that just opened.
function ensureChannel(): BroadcastChannel {
  if (channel) return channel;
  channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<{ type: 'status'; view: SyncView } | { type: 'hello' }>) => {
    if (event.data.type === 'hello') {
      if (leading) channel?.postMessage({ type: 'status', view: view.get() });
    } else if (!leading) {
      view.set(event.data.view);
    }
  };
  return channel;
}

/** Called by the tab that runs sync with every status change. */
export function publishSyncView(next: SyncView, options: { leading: boolean }): void {
  leading = options.leading;
  view.set(next);
  if (leading) ensureChannel().postMessage({ type: 'status', view: next });
}

/** A tab that does not run sync asks the one that does for its status. */
export function followSyncView(): void {
  leading = false;
  ensureChannel().postMessage({ type: 'hello' });
}

/** The sync status, re-rendering when it changes. */
export function useSyncView(): SyncView {
  return useSyncExternalStore(view.subscribe, view.get, view.get);
}
