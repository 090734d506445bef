import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHlc, serializeHlc } from './hlc.ts';
import { HybridClock } from './hybrid-clock.ts';

function manualClock(start: number) {
  let time = start;
  return {
    now: () => time,
    set: (value: number) => {
      time = value;
    },
  };
}

describe('HybridClock', () => {
  it('follows the wall clock when it moves forward', () => {
    const wall = manualClock(1000);
    const clock = new HybridClock({ deviceId: 'dev', now: wall.now });
    expect(clock.tick()).toBe(serializeHlc({ wallMs: 1000, counter: 0, deviceId: 'dev' }));
    wall.set(2000);
    expect(clock.tick()).toBe(serializeHlc({ wallMs: 2000, counter: 0, deviceId: 'dev' }));
  });

  it('counts up when the wall clock stands still or goes backwards', () => {
    const wall = manualClock(1000);
    const clock = new HybridClock({ deviceId: 'dev', now: wall.now });
    const first = clock.tick();
    const second = clock.tick();
    wall.set(10);
    const third = clock.tick();
    expect(first < second && second < third).toBe(true);
    expect(parseHlc(third)).toMatchObject({ success: true, value: { wallMs: 1000, counter: 2 } });
  });

  it('issues readings after anything received from a device whose clock is ahead', () => {
    const slow = new HybridClock({ deviceId: 'slow', now: () => 1_000 });
    const fast = new HybridClock({ deviceId: 'fast', now: () => 1_000 + 3_600_000 });
    const remote = fast.tick();
    slow.receive(remote);
    expect(slow.tick() > remote).toBe(true);
  });

  it('resumes after the last persisted reading instead of going backwards', () => {
    const before = new HybridClock({ deviceId: 'dev', now: () => 50_000 });
    before.tick();
    const last = before.tick();
    const after = new HybridClock({ deviceId: 'dev', now: () => 10, last });
    expect(after.tick() > last).toBe(true);
  });

  it('ignores readings that are not clock values', () => {
    const clock = new HybridClock({ deviceId: 'dev', now: () => 7 });
    clock.receive('garbage');
    expect(clock.tick()).toBe(serializeHlc({ wallMs: 7, counter: 0, deviceId: 'dev' }));
  });

  it('is strictly increasing over any mix of ticks, receives and wall-clock jumps', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), wall: fc.integer({ min: 0, max: 1e7 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        wall: fc.integer({ min: 0, max: 1e7 }),
        remoteWall: fc.integer({ min: 0, max: 1e7 }),
        remoteCounter: fc.integer({ min: 0, max: 100 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let wall = 0;
        const clock = new HybridClock({ deviceId: 'me', now: () => wall });
        let previous = '';
        for (const s of steps) {
          wall = s.wall;
          if (s.kind === 'receive') {
            const remote = serializeHlc({ wallMs: s.remoteWall, counter: s.remoteCounter, deviceId: 'them' });
            clock.receive(remote);
            const next = clock.tick();
            expect(next > remote).toBe(true);
            expect(next > previous).toBe(true);
            previous = next;
          } else {
            const next = clock.tick();
            expect(next > previous).toBe(true);
            previous = next;
          }
        }
      }),
    );
  });
});
