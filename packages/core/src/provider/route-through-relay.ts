import { relayPathPrefix, relayTokenHeader, relayUpstreamHeader } from '@hearth/schema';
import type { ProviderRequest } from './build-chat-request.ts';

export interface RelayEndpoint {
  /** The server the relay runs on, e.g. `https://chat.example.com` (its `/relay/v1` is appended). */
  url: string;
  token?: string;
}

/**
 * Rewrites a provider request to go through the relay: `<base>/<path>?<query>` becomes
 * `<relay>/relay/v1/<path>?<query>` with the base named in a header, so the relay can reach a
 * provider that refuses browser (CORS) requests. The request body and provider headers are unchanged.
 */
export function routeThroughRelay<Request extends ProviderRequest>(
  request: Request,
  options: { baseUrl: string; relay: RelayEndpoint },
): Request {
  const base = new URL(options.baseUrl.trim());
  const basePath = base.pathname.replace(/\/+$/, '');
  const target = new URL(request.url);
  const rest = target.pathname.startsWith(basePath) ? target.pathname.slice(basePath.length) : target.pathname;
  const relayBase = options.relay.url.trim().replace(/\/+$/, '');
  const headers: Record<string, string> = {
    ...request.init.headers,
    [relayUpstreamHeader]: `${base.origin}${basePath}`,
  };
  if (options.relay.token) headers[relayTokenHeader] = options.relay.token;
  return {
    ...request,
    url: `${relayBase}${relayPathPrefix}${rest}${target.search}`,
    init: { ...request.init, headers },
  };
}
