import { registerSW } from 'virtual:pwa-register';
import { useSyncExternalStore } from 'react';
import { externalStore } from './external-store.ts';

/** idle: nothing new; waiting: a new version is installed and waits for the person; active: another tab activated it. */
export type UpdateStatus = 'idle' | 'waiting' | 'active';

const status = externalStore<UpdateStatus>('idle');
let activate: (() => Promise<void>) | undefined;
let acceptedHere = false;
let isBusy: () => boolean = () => false;

/** How often an open app looks for a new version. */
const checkIntervalMs = 30 * 60_000;

/**
 * Registers the service worker. A new version never takes over by itself: it waits until the person
 * accepts it, and the page reloads only in the tab where they did, and only when no answer is streaming
 * there. Other tabs keep running the old version (every chunk they need is already loaded) and are told.
 */
export function startAppUpdates(options: { isBusy: () => boolean }): void {
  if (!('serviceWorker' in navigator)) return;
  isBusy = options.isBusy;
  activate = registerSW({
    onNeedRefresh: () => status.set('waiting'),
    onNeedReload: () => {
      if (acceptedHere && !isBusy()) window.location.reload();
      else status.set('active');
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      const check = () => void registration.update().catch(() => undefined);
      setInterval(check, checkIntervalMs);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}

/** Switches to the waiting version now: false (and nothing happens) while an answer is streaming here. */
export function acceptUpdate(): boolean {
  if (isBusy()) return false;
  if (status.get() === 'active') {
    window.location.reload();
    return true;
  }
  acceptedHere = true;
  void activate?.();
  return true;
}

/** The update status, re-rendering when it changes. */
export function useUpdateStatus(): UpdateStatus {
  return useSyncExternalStore(status.subscribe, status.get, status.get);
}
