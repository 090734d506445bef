// Longer than a day is no advice a person can act on in a chat; such values are treated as absent.
const maxSeconds = 24 * 60 * 60;

/**
 * Whole seconds from a `Retry-After` value: delta-seconds (`20`) or an HTTP date, rounded up; undefined
 * when absent, malformed, or absurdly far away. `now` is for tests.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  // An HTTP date always ends in GMT; anything else that Date.parse might still read (`-5`) is not one.
  const seconds = /^\d+$/.test(text)
    ? Number(text)
    : / GMT$/i.test(text)
      ? Math.ceil((Date.parse(text) - now) / 1000)
      : Number.NaN;
  if (!Number.isFinite(seconds)) return undefined;
  const clamped = Math.max(0, seconds);
  return clamped > maxSeconds ? undefined : clamped;
}
