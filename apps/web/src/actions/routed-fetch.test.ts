import { describe, expect, it } from 'vitest';
import { createRoutedFetch, type RoutedFetchOptions } from './routed-fetch.ts';

interface Call {
  url: string;
  headers: Record<string, string>;
}

function harness(options: Partial<RoutedFetchOptions> & { directFails?: boolean }) {
  const calls: Call[] = [];
  const paths: string[] = [];
  let fallbacks = 0;
  const routed = createRoutedFetch({
    mode: 'auto',
    baseUrl: 'https://api.example.com/v1',
    relay: { url: 'http://127.0.0.1:8787', token: 'relay-token-123' },
    preferRelay: false,
    onFallback: async () => {
      fallbacks += 1;
    },
    onPath: (path) => paths.push(path),
    fetch: async (input, init) => {
      const url = String(input);
      calls.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
      if (options.directFails && url.startsWith('https://api.example.com')) throw new TypeError('Failed to fetch');
      return new Response('ok');
    },
    ...options,
  });
  const send = () =>
    routed('https://api.example.com/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: 'Bearer k' },
      body: '{}',
    });
  return { calls, paths, send, fallbacks: () => fallbacks };
}

describe('createRoutedFetch', () => {
  it('auto: goes direct when the provider answers', async () => {
    const h = harness({});
    await h.send();
    expect(h.calls.map((c) => c.url)).toEqual(['https://api.example.com/v1/chat/completions']);
    expect(h.paths).toEqual(['direct']);
    expect(h.fallbacks()).toBe(0);
  });

  it('auto: falls back to the relay when the direct request fails before any response, and says so', async () => {
    const h = harness({ directFails: true });
    const response = await h.send();
    expect(await response.text()).toBe('ok');
    expect(h.calls.map((c) => c.url)).toEqual([
      'https://api.example.com/v1/chat/completions',
      'http://127.0.0.1:8787/relay/v1/chat/completions',
    ]);
    expect(h.calls[1]?.headers).toMatchObject({
      authorization: 'Bearer k',
      'x-relay-upstream': 'https://api.example.com/v1',
      'x-relay-token': 'relay-token-123',
    });
    expect(h.paths).toEqual(['direct', 'relay']);
    expect(h.fallbacks()).toBe(1);
  });

  it('auto: goes straight to the relay for a base URL that needed it before', async () => {
    const h = harness({ preferRelay: true });
    await h.send();
    expect(h.calls.map((c) => c.url)).toEqual(['http://127.0.0.1:8787/relay/v1/chat/completions']);
  });

  it('direct: never uses the relay, even when the request fails', async () => {
    const h = harness({ mode: 'direct', directFails: true });
    await expect(h.send()).rejects.toThrow('Failed to fetch');
    expect(h.calls).toHaveLength(1);
  });

  it('relay: always uses the relay', async () => {
    const h = harness({ mode: 'relay' });
    await h.send();
    expect(h.paths).toEqual(['relay']);
    expect(h.calls[0]?.url).toBe('http://127.0.0.1:8787/relay/v1/chat/completions');
  });

  it('does not retry through the relay once the person stopped the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const calls: string[] = [];
    const routed = createRoutedFetch({
      mode: 'auto',
      baseUrl: 'https://api.example.com/v1',
      relay: { url: 'http://127.0.0.1:8787' },
      preferRelay: false,
      onFallback: async () => undefined,
      onPath: () => undefined,
      fetch: async (input) => {
        calls.push(String(input));
        throw new DOMException('aborted', 'AbortError');
      },
    });
    await expect(routed('https://api.example.com/v1/models', { signal: controller.signal })).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });
});
