import type { RelayEndpoint } from '@hearth/core';
import type { ModelConfigFields } from '@hearth/schema';
import { getSetting, setSetting } from '../db/settings-repository.ts';
import type { Storage } from '../db/storage.ts';
import { createRoutedFetch } from './routed-fetch.ts';

/** The relay this device uses: the configured server, or the one the app was loaded from. */
export async function relayEndpoint(storage: Storage): Promise<RelayEndpoint> {
  const url = (await getSetting(storage.db, 'relayUrl')).trim() || globalThis.location.origin;
  const token = await getSetting(storage.db, 'relayToken');
  return token ? { url, token } : { url };
}

/** A base URL as remembered: origin and path, without a trailing slash or query. */
export function routeKey(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Remembers that a base URL needed the relay, so auto mode goes there first next time. */
export async function rememberRelayRoute(storage: Storage, baseUrl: string): Promise<void> {
  const key = routeKey(baseUrl);
  const routes = await getSetting(storage.db, 'relayRoutes');
  if (!routes.includes(key)) await setSetting(storage, 'relayRoutes', [...routes, key].slice(-500));
}

/** A fetch for one model configuration, routed as its connection mode says, reporting the path taken. */
export async function fetchForModel(
  storage: Storage,
  input: { config: Pick<ModelConfigFields, 'baseUrl' | 'connection'>; onPath?: (path: 'direct' | 'relay') => void },
): Promise<typeof fetch> {
  const routes = await getSetting(storage.db, 'relayRoutes');
  return createRoutedFetch({
    mode: input.config.connection,
    baseUrl: input.config.baseUrl,
    relay: await relayEndpoint(storage),
    preferRelay: routes.includes(routeKey(input.config.baseUrl)),
    onFallback: () => rememberRelayRoute(storage, input.config.baseUrl),
    onPath: input.onPath ?? (() => undefined),
  });
}
