import { relayTokenHeader, relayUpstreamHeader } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { ProviderRequest } from './build-chat-request.ts';
import { routeThroughRelay } from './route-through-relay.ts';

const request = (url: string): ProviderRequest => ({
  url,
  init: { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' }, body: '{}' },
});

describe('routeThroughRelay', () => {
  it('sends <base>/<path> to <relay>/relay/v1/<path> and names the base in a header', () => {
    const routed = routeThroughRelay(request('https://api.example.com/v1/chat/completions'), {
      baseUrl: 'https://api.example.com/v1/',
      relay: { url: 'https://relay.example.org/', token: 'secret-token' },
    });
    expect(routed.url).toBe('https://relay.example.org/relay/v1/chat/completions');
    expect(routed.init.headers).toEqual({
      Authorization: 'Bearer k',
      'Content-Type': 'application/json',
      [relayUpstreamHeader]: 'https://api.example.com/v1',
      [relayTokenHeader]: 'secret-token',
    });
    expect(routed.init.body).toBe('{}');
  });

  it('keeps the query string on the relayed path and sends no token header without a token', () => {
    const routed = routeThroughRelay(request('https://gw.example.com/openai/models?api-version=2'), {
      baseUrl: 'https://gw.example.com/openai?api-version=2',
      relay: { url: 'http://127.0.0.1:8787' },
    });
    expect(routed.url).toBe('http://127.0.0.1:8787/relay/v1/models?api-version=2');
    expect(routed.init.headers[relayUpstreamHeader]).toBe('https://gw.example.com/openai');
    expect(relayTokenHeader in routed.init.headers).toBe(false);
  });
});
