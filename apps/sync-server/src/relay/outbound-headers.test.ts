import { describe, expect, it } from 'vitest';
import { outboundHeaders } from './outbound-headers.ts';

describe('outboundHeaders', () => {
  it('keeps only allow-listed headers, sends identity encoding and the body length', () => {
    const result = outboundHeaders(
      {
        authorization: 'Bearer sk-1',
        'content-type': 'application/json',
        'x-api-key': 'ak',
        'anthropic-version': '2023-06-01',
        'x-goog-api-key': 'gk',
        cookie: 'session=1',
        host: 'relay.example',
        forwarded: 'for=1.2.3.4',
        'x-forwarded-for': '1.2.3.4',
        'x-real-ip': '1.2.3.4',
        'x-relay-token': 'relay-secret',
        'x-relay-upstream': 'https://api.openai.com/v1',
        'proxy-authorization': 'Basic x',
        connection: 'keep-alive',
        te: 'trailers',
        'accept-encoding': 'gzip, br',
        'x-stainless-os': 'Linux',
        'x-anything': '1',
      },
      42,
    );
    expect(result).toEqual({
      success: true,
      value: {
        authorization: 'Bearer sk-1',
        'content-type': 'application/json',
        'x-api-key': 'ak',
        'anthropic-version': '2023-06-01',
        'x-goog-api-key': 'gk',
        'accept-encoding': 'identity',
        'content-length': 42,
      },
    });
  });

  it.each(['a\r\nx-injected: 1', 'a\nb', 'a\rb', 'a\0b', 'a\x7fb'])(
    'refuses a value with control characters: %j',
    (value) => {
      const result = outboundHeaders({ 'x-api-key': value }, undefined);
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error.code).toBe('invalid_header');
        expect(result.error.message).toContain('x-api-key');
        expect(result.error.message).not.toContain(value);
      }
    },
  );

  it('sends no Content-Length without a body', () => {
    const result = outboundHeaders({}, undefined);
    expect(result).toEqual({ success: true, value: { 'accept-encoding': 'identity' } });
  });
});
