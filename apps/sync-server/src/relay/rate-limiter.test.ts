import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows a minute of requests at once, then says when the next one passes', () => {
    const time = clock();
    const limiter = new RateLimiter({ requestsPerMinute: 3, now: time.now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ]);
    // One request refills every 20 s.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(15_500);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    time.advance(4_500);
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('refills an idle bucket to its size and no further: a burst after a long pause is still limited', () => {
    const time = clock();
    const limiter = new RateLimiter({ requestsPerMinute: 3, now: time.now });
    // Other clients came first, so the idle sweep (which forgets a full bucket) does not reach this one.
    for (let i = 0; i < 10; i++) limiter.take(`earlier-${i}`);
    expect(limiter.take('a').allowed).toBe(true);
    time.advance(60 * 60_000); // an hour idle would be 180 requests' worth without the cap
    const burst = Array.from({ length: 4 }, () => limiter.take('a'));
    expect(burst).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 20 },
    ]);
  });

  it('refills a forgotten bucket to its size only', () => {
    const time = clock();
    const limiter = new RateLimiter({ requestsPerMinute: 3, now: time.now });
    limiter.take('a');
    time.advance(60 * 60_000);
    const burst = Array.from({ length: 4 }, () => limiter.take('a').allowed);
    expect(burst).toEqual([true, true, true, false]);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ requestsPerMinute: 1, now: clock().now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    const time = clock();
    const limiter = new RateLimiter({ requestsPerMinute: 600, now: time.now });
    for (let i = 0; i < 600; i++) limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('holds at most maxKeys buckets, dropping the least recently used', () => {
    const time = clock();
    const limiter = new RateLimiter({ requestsPerMinute: 1, maxKeys: 100, now: time.now });
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(100);
    // The most recent key is still limited; the oldest was forgotten.
    expect(limiter.take('client-999').allowed).toBe(false);
  });

  it('forgets idle clients whose bucket has refilled', () => {
    const time = clock();
    const limiter = new RateLimiter({ requestsPerMinute: 60, now: time.now });
    for (let i = 0; i < 50; i++) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(50);
    time.advance(60_000);
    for (let i = 0; i < 30; i++) limiter.take('active');
    expect(limiter.size).toBeLessThan(50);
  });

  it('allows everything when the limit is 0', () => {
    const limiter = new RateLimiter({ requestsPerMinute: 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });
});
