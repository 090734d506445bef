/** The true time every simulated device's skewed wall clock derives from. */
export interface SimulationClock {
  now(): number;
  advance(ms: number): void;
}

/** A clock that moves only when told, for deterministic runs against an in-memory server. */
export function virtualClock(startMs: number): SimulationClock {
  let now = startMs;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

/**
 * The host's clock, for runs against a real server, which refuses clocks far ahead of its own:
 * `wait` steps then pass no time.
 */
export const hostClock: SimulationClock = { now: () => Date.now(), advance: () => {} };
