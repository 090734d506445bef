import { describe, expect, it } from 'vitest';
import { relayResponseHeaders } from './response-headers.ts';

describe('relayResponseHeaders', () => {
  const upstream = {
    'content-type': 'text/event-stream; charset=utf-8',
    'content-length': '120',
    'cache-control': 'no-cache',
    'x-request-id': 'req_1',
    'openai-processing-ms': '12',
    'anthropic-ratelimit-requests-remaining': '9',
    'x-ratelimit-remaining-tokens': '100',
    'retry-after': '3',
    'set-cookie': ['a=1', 'b=2'],
    'set-cookie2': 'c=3',
    'strict-transport-security': 'max-age=1',
    'alt-svc': 'h3=":443"',
    connection: 'keep-alive, x-request-id',
    'keep-alive': 'timeout=5',
    'transfer-encoding': 'chunked',
    'proxy-authenticate': 'Basic',
    trailer: 'x',
    upgrade: 'h2c',
    'access-control-allow-origin': '*',
    'x-powered-by': 'Express',
    server: 'nginx',
    'content-security-policy': "default-src *; script-src 'unsafe-inline'",
    'x-content-type-options': 'sniff-please',
    location: '/elsewhere',
  };

  it('passes the allow-list, drops everything else and adds the security headers', () => {
    expect(relayResponseHeaders(upstream, { keepLength: true })).toEqual({
      'content-type': 'text/event-stream; charset=utf-8',
      'content-length': '120',
      'cache-control': 'no-cache',
      'openai-processing-ms': '12',
      'anthropic-ratelimit-requests-remaining': '9',
      'x-ratelimit-remaining-tokens': '100',
      'retry-after': '3',
      // x-request-id is dropped because the upstream named it in Connection (a hop-by-hop header).
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cross-origin-resource-policy': 'same-origin',
    });
  });

  it('drops Content-Length when the relay may append its own error event', () => {
    expect(relayResponseHeaders(upstream, { keepLength: false })['content-length']).toBeUndefined();
  });

  it('marks an answer without Cache-Control as not storable', () => {
    expect(relayResponseHeaders({ 'content-type': 'application/json' }, { keepLength: true })['cache-control']).toBe(
      'no-store',
    );
  });
});
