import type { ConnectionPath, ModelConfig } from '@hearth/schema';
import type { Storage } from '../db/storage.ts';
import { keepStoragePersistent } from '../pwa/storage-persistence.ts';
import { fetchForModel } from './relay-settings.ts';

/** What the answering actions need from the browser besides storage. */
export interface BrowserServices {
  /** Web Locks: an answer's lock tells every tab it is alive; the send queue's lets one tab send. */
  locks: Pick<LockManager, 'request' | 'query'>;
  /** Whether the browser believes it is online. */
  isOnline: () => boolean;
  /** The fetch an answer goes out with: direct or through the relay, as the model's connection says. */
  fetchFor: (
    storage: Storage,
    input: { config: ModelConfig; onPath: (path: ConnectionPath) => void },
  ) => Promise<typeof fetch>;
  /** Called once an answer is stored: the moment to ask the browser to keep the site's data. */
  onAnswerStored: () => void;
}

let installed: BrowserServices | undefined;

/** The services in use: the browser's own unless a test installed doubles. */
export function browserServices(): BrowserServices {
  installed ??= {
    locks: navigator.locks,
    isOnline: () => navigator.onLine,
    fetchFor: fetchForModel,
    onAnswerStored: () => void keepStoragePersistent().catch(() => undefined),
  };
  return installed;
}

/**
 * Replaces the browser's services. For tests: Node has no Web Locks and no `navigator.onLine`, and a
 * test streams its answers from a fake provider.
 */
export function installBrowserServices(services: BrowserServices): void {
  installed = services;
}
