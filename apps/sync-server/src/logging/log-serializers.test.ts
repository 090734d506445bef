import { describe, expect, it } from 'vitest';
import { serializeError, serializeRequest } from './log-serializers.ts';
import { scrubErrorMessage, scrubText, withoutQuery } from './scrub-text.ts';

describe('scrubbing', () => {
  it('drops query strings of paths and URLs in free text', () => {
    expect(withoutQuery('/relay/v1/models?key=abc#x')).toBe('/relay/v1/models');
    expect(scrubText('GET /v1beta/models?key=SECRET failed')).toBe('GET /v1beta/models?[redacted] failed');
    expect(scrubText('fetch https://api.example.com/v1/x?api_key=SECRET&a=b failed')).toBe(
      'fetch https://api.example.com/v1/x?[redacted] failed',
    );
    expect(scrubText('did you forget? yes')).toBe('did you forget? yes');
  });

  it('drops credentials after Bearer and Basic', () => {
    expect(scrubText('Authorization: Bearer sk-SECRET, retry')).toBe('Authorization: Bearer [redacted], retry');
    expect(scrubText('basic dXNlcjpwYXNz')).toBe('basic [redacted]');
  });

  it('drops the input V8 quotes in JSON errors', () => {
    let message = '';
    try {
      JSON.parse('SECRET PROMPT, not JSON');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SECRET'); // V8 does quote the body...
    expect(scrubErrorMessage(message)).not.toContain('SECRET'); // ...so the scrubbing matters
  });
});

describe('serializers', () => {
  it('logs a request as method, path without query and route pattern only', () => {
    const request = {
      method: 'POST',
      url: '/trpc/sync.push?key=SECRET',
      routeOptions: { url: '/trpc/*' },
      headers: { authorization: 'Bearer SECRET' },
      body: 'SECRET',
    };
    expect(serializeRequest(request)).toEqual({ method: 'POST', path: '/trpc/sync.push', route: '/trpc/*' });
  });

  it('logs a relay request by its route only: the path after the prefix is the upstream path', () => {
    const request = {
      method: 'POST',
      url: '/relay/v1/models/SECRET:generate?key=SECRET',
      routeOptions: { url: '/relay/v1/*' },
    };
    expect(serializeRequest(request)).toEqual({ method: 'POST', route: '/relay/v1/*' });
    expect(serializeRequest({ method: 'HEAD', url: '/relay/v1/SECRET' })).toEqual({
      method: 'HEAD',
      route: '/relay/v1',
    });
  });

  it('keeps only fixed error fields, dropping extras such as a URL error input', () => {
    let urlError: unknown;
    try {
      new URL('::not a url?key=SECRET');
    } catch (error) {
      urlError = error;
    }
    expect((urlError as { input?: string }).input).toContain('SECRET');
    const serialized = serializeError(urlError as Error);
    expect(serialized).toMatchObject({ type: 'TypeError', code: 'ERR_INVALID_URL' });
    expect(Object.keys(serialized).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(JSON.stringify(serialized)).not.toContain('SECRET');
  });

  it('rebuilds the stack from frames so that a secret message cannot leak through it', () => {
    const error = new Error('upstream https://x.example/v1?key=SECRET failed');
    const serialized = serializeError(error);
    expect(serialized.stack.split('\n')[0]).toBe('Error: upstream https://x.example/v1?[redacted] failed');
    expect(serialized.stack).toContain('    at ');
    expect(serialized.stack).not.toContain('SECRET');
  });
});
