import { type RelayEndpoint, routeThroughRelay } from '@hearth/core';
import type { ConnectionMode, ConnectionPath } from '@hearth/schema';

export interface RoutedFetchOptions {
  mode: ConnectionMode;
  /** The provider base URL the request was built from. */
  baseUrl: string;
  relay: RelayEndpoint;
  /** In auto mode: this base URL already needed the relay once, so go there first. */
  preferRelay: boolean;
  /** Called when auto mode fell back to the relay, so the choice can be remembered for the base URL. */
  onFallback: () => Promise<void>;
  /** Called with the path each attempt takes, so the answer can say how it arrived. */
  onPath: (path: ConnectionPath) => void;
  fetch?: typeof fetch;
}

/**
 * A fetch that goes to the provider directly or through the relay as the model's connection mode
 * says. In auto mode a direct request that fails before any response (a CORS refusal looks exactly
 * like a network failure to the page) is retried through the relay; a direct request that got an
 * answer, even an error status, is never sent twice.
 */
export function createRoutedFetch(options: RoutedFetchOptions): typeof fetch {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const viaRelay = (url: string, init: RequestInit | undefined) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const method = init?.method === 'GET' ? 'GET' : 'POST';
    const routed = routeThroughRelay(
      { url, init: { method, headers } },
      { baseUrl: options.baseUrl, relay: options.relay },
    );
    options.onPath('relay');
    return send(routed.url, { ...init, headers: routed.init.headers });
  };

  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (options.mode === 'relay' || (options.mode === 'auto' && options.preferRelay)) return viaRelay(url, init);
    options.onPath('direct');
    try {
      return await send(input, init);
    } catch (error) {
      if (options.mode === 'direct' || init?.signal?.aborted) throw error;
      await options.onFallback();
      return viaRelay(url, init);
    }
  };
}
