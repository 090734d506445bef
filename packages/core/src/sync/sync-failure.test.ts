import { describe, expect, it } from 'vitest';
import {
  SyncStorageError,
  SyncTransportError,
  syncClientErrorCodes,
  toStorageError,
  toTransportError,
} from './sync-client-error.ts';
import { failureCode } from './sync-engine.ts';
import { syncFailurePolicies } from './sync-failure.ts';

describe('sync failures', () => {
  it('have a readable English sentence for every code', () => {
    const codes = [...syncClientErrorCodes, 'storage'] as const;
    for (const code of codes) expect(syncFailurePolicies[code].message).toMatch(/^[A-Z].{20,}\.$/);
    // One sentence per code: the person can tell a sign-in problem from a broken clock.
    expect(new Set(codes.map((code) => syncFailurePolicies[code].message)).size).toBe(codes.length);
  });

  it('retry what time can fix and stop on what it cannot', () => {
    const retried = Object.entries(syncFailurePolicies)
      .filter(([, policy]) => policy.retry)
      .map(([code]) => code)
      .sort();
    expect(retried).toEqual(['busy', 'network', 'rate_limited', 'resync_required', 'server_error', 'storage']);
  });

  it('normalise what transports and stores throw', () => {
    const refused = new SyncTransportError('unauthorized');
    expect(toTransportError(refused)).toBe(refused);
    expect(toTransportError(new TypeError('Failed to fetch'))).toMatchObject({ code: 'network' });
    expect(toStorageError(new Error('QuotaExceededError'))).toBeInstanceOf(SyncStorageError);
    expect(toStorageError(refused)).toBe(refused);
  });

  it('map what a round threw to a failure code', () => {
    expect(failureCode(new SyncTransportError('clock_ahead'))).toBe('clock_ahead');
    expect(failureCode(new SyncStorageError('full'))).toBe('storage');
    expect(failureCode(new Error('bug'))).toBe('storage');
  });
});
