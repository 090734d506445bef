import { hlcSchema } from '@hearth/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, maxHlcCounter, parseHlc, serializeHlc } from './hlc.ts';

const readingArb = fc.record({
  wallMs: fc.integer({ min: 0, max: 2 ** 48 }),
  counter: fc.integer({ min: 0, max: maxHlcCounter }),
  deviceId: fc.stringMatching(/^[0-9a-z]{1,16}$/),
});

function compareReadings(a: { wallMs: number; counter: number; deviceId: string }, b: typeof a): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return 0;
}

describe('serialized clock values', () => {
  it('round-trip through parse', () => {
    fc.assert(
      fc.property(readingArb, (reading) => {
        const text = serializeHlc(reading);
        expect(hlcSchema.safeParse(text).success).toBe(true);
        expect(parseHlc(text)).toEqual({ success: true, value: reading });
      }),
    );
  });

  it('sort as strings exactly as the readings they encode', () => {
    fc.assert(
      fc.property(readingArb, readingArb, (a, b) => {
        expect(compareHlc(serializeHlc(a), serializeHlc(b))).toBe(Math.sign(compareReadings(a, b)));
      }),
    );
  });

  it('break ties between devices by device id, the same way everywhere', () => {
    const a = serializeHlc({ wallMs: 5, counter: 1, deviceId: 'aaa' });
    const b = serializeHlc({ wallMs: 5, counter: 1, deviceId: 'bbb' });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    expect(compareHlc(a, a)).toBe(0);
  });

  it.each(['', 'nonsense', '1-2-3', '000000000000005-00000z', '000000000000005-00000z-dev!ce'])(
    'refuses %j',
    (text) => {
      expect(parseHlc(text).success).toBe(false);
    },
  );
});
