/** How long to wait between failed sync rounds. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** About a second after the first failure, never more than five minutes. */
export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * The wait before retry number `attempt` (0 for the first): exponential with full jitter, uniform in
 * [0, min(max, base * 2^attempt)), so devices that failed together do not retry together.
 */
export function backoffDelay(options: BackoffOptions & { attempt: number; random: () => number }): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(options.attempt, 40));
  return Math.floor(options.random() * ceiling);
}
