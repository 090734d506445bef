import type { Scenario } from './scenario.ts';

/**
 * How a recorded exchange ended. `in-progress` and `stalled` are the only states that still change:
 * a stalled stream ends as `aborted-by-client` or `closed-by-server`.
 */
export type RequestOutcome =
  | 'in-progress'
  | 'completed'
  | 'aborted-by-client'
  | 'dropped'
  | 'ended-without-done'
  | 'stalled'
  | 'closed-by-server';

/** One request the fake upstream received (except control routes and pixel hits, which are kept apart). */
export interface RecordedRequest {
  /** 1, 2, 3... in arrival order; starts again at 1 after `reset()`. */
  id: number;
  method: string;
  /** The path without the scenario prefix and query, e.g. `/v1/chat/completions`. */
  path: string;
  /** The request target exactly as received, scenario prefix and query included. */
  url: string;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it is not JSON, `undefined` when empty. */
  body: unknown;
  bodyBytes: number;
  /** The resolved scenario, `null` when the path was not an API path or its scenario did not parse. */
  scenario: Scenario | null;
  receivedAt: number;
  /** The HTTP status sent, `null` until the status line goes out. */
  status: number | null;
  /** Content events written so far (reasoning or answer deltas). */
  chunksSent: number;
  outcome: RequestOutcome;
  /** When the outcome stopped changing (for `aborted-by-client`: when the disconnect was noticed). */
  settledAt: number | null;
}

/** One load of `/pixel.png`, the tracker image that hostile answers embed. */
export interface PixelHit {
  url: string;
  headers: Record<string, string>;
  receivedAt: number;
}

/** Flattens Node's header object so recorded headers are plain strings. */
export function flattenHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
