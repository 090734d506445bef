import { describe, expect, it } from 'vitest';
import { bodyKindOf, mediaTypeOf } from './content-type.ts';

describe('content type', () => {
  it.each([
    ['text/event-stream; charset=utf-8', 'sse'],
    ['Text/Event-Stream', 'sse'],
    [null, 'sse'],
    ['application/json; charset=utf-8', 'json'],
    ['application/problem+json', 'json'],
    ['text/html; charset=utf-8', 'other'],
    ['application/x-ndjson', 'other'],
    ['text/plain', 'other'],
  ] as const)('reads %s as %s', (header, kind) => {
    expect(bodyKindOf(mediaTypeOf(header))).toBe(kind);
  });
});
