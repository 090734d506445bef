import { describe, expect, it } from 'vitest';
import { admitRequest, type Gate } from './admit-request.ts';
import { createHostPolicy } from './host-policy.ts';
import { RateLimiter } from './rate-limiter.ts';
import { TargetMemo } from './target-memo.ts';

const gate = (): Gate => ({
  tokenCheck: undefined,
  limiter: new RateLimiter({ requestsPerMinute: 0 }),
  policy: createHostPolicy({ allowedHosts: [], allowPrivate: ['127.0.0.1:11434'] }),
  targets: new TargetMemo(),
  maxRequestBytes: 1024,
});

const admit = (g: Gate, upstream: string) =>
  admitRequest({ gate: g, headers: { 'x-relay-upstream': upstream }, url: '/relay/v1/models', clientIp: '1' });

describe('the memo of allowed targets', () => {
  it('answers a remembered header exactly as the checks did', () => {
    const g = gate();
    const first = admit(g, 'https://api.example.com/v1');
    const again = admit(g, 'https://api.example.com/v1');
    expect(again).toEqual(first);
    expect(again).toMatchObject({ success: true, value: { path: '/v1/models', exempt: false } });
    expect(admit(g, 'http://127.0.0.1:11434/v1')).toMatchObject({ success: true, value: { exempt: true } });
    expect(g.targets.size).toBe(2);
  });

  it('never remembers a refusal: a refused target is refused every time', () => {
    const g = gate();
    for (let i = 0; i < 3; i++) {
      expect(admit(g, 'http://169.254.169.254/latest')).toMatchObject({
        success: false,
        error: { code: 'forbidden_address' },
      });
      expect(admit(g, 'http://127.0.0.1:11435/v1')).toMatchObject({
        success: false,
        error: { code: 'forbidden_address' },
      });
    }
    expect(g.targets.size).toBe(0);
  });

  it('holds a bounded number of values', () => {
    const g = gate();
    for (let i = 0; i < 1000; i++) admit(g, `https://api${i}.example.com/v1`);
    expect(g.targets.size).toBe(256);
  });
});
