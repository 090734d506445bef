/** The outcome of asking the limiter for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const allowed: RateDecision = Object.freeze({ allowed: true });

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key: `requestsPerMinute` requests at once, refilled evenly over a minute. Memory
 * stays bounded: a bucket that has refilled is the same as no bucket and is dropped, and past `maxKeys`
 * the least recently used key goes. `requestsPerMinute <= 0` allows everything.
 */
export class RateLimiter {
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  // Map order is least recently used first: every take moves its key to the end.
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: { requestsPerMinute: number; maxKeys?: number; now?: () => number }) {
    this.capacity = options.requestsPerMinute;
    this.perMs = options.requestsPerMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes one request for `key`, or says how long until one would pass. */
  take(key: string): RateDecision {
    if (!(this.capacity > 0)) return allowed;
    const now = this.now();
    this.evictIdle(now);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) bucket = { tokens: this.capacity, updatedAt: now };
    else this.buckets.delete(key);
    // Every request pays for this: the bucket is updated in place and moved to the end (most recent).
    const tokens = this.refilled(bucket, now);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (tokens < 1) {
      bucket.tokens = tokens;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    bucket.tokens = tokens - 1;
    if (this.buckets.size > this.maxKeys) this.evictOldest();
    return allowed;
  }

  /** How many keys are held (for tests of the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.perMs);
  }

  // The oldest buckets are the most idle; a couple per call keeps the sweep's cost constant.
  private evictIdle(now: number): void {
    let swept = 0;
    for (const [key, bucket] of this.buckets) {
      if (swept === 2 || this.refilled(bucket, now) < this.capacity) return;
      this.buckets.delete(key);
      swept += 1;
    }
  }

  private evictOldest(): void {
    const first = this.buckets.keys().next();
    if (first.done !== true) this.buckets.delete(first.value);
  }
}
