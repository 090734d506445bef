import { describe, expect, it } from 'vitest';
import { isTooFarInFuture } from './clock-drift.ts';
import { serializeHlc } from './hlc.ts';

describe('isTooFarInFuture', () => {
  const now = 1_700_000_000_000;
  const at = (wallMs: number) => serializeHlc({ wallMs, counter: 0, deviceId: 'd' });

  it('accepts readings in the past and slightly ahead', () => {
    expect(isTooFarInFuture({ value: at(now - 86_400_000), nowMs: now })).toBe(false);
    expect(isTooFarInFuture({ value: at(now + 60_000), nowMs: now })).toBe(false);
  });

  it('refuses readings far ahead of the receiver', () => {
    expect(isTooFarInFuture({ value: at(now + 3_600_000), nowMs: now })).toBe(true);
    expect(isTooFarInFuture({ value: at(now + 2_000), nowMs: now, maxDriftMs: 1_000 })).toBe(true);
  });
});
