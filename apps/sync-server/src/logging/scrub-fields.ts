import { secretKeys } from './redact-paths.ts';
import { scrubText } from './scrub-text.ts';

const secret = new Set(secretKeys);
const censored = '[redacted]';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

function scrubObject(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    out[key] = item !== undefined && secret.has(key.toLowerCase()) ? censored : scrubFields(item, depth - 1);
  }
  return out;
}

/**
 * Scrubs the fields of a log line before pino serializes it: strings lose query strings and
 * credentials, and a secret header's value (`authorization`, `cookie`, ...) is censored wherever it
 * appears in plain objects and arrays `depth` levels down. Class instances are left to their
 * serializers (requests, replies and errors print fixed fields), except that one with its own
 * `headers` object at the top gets those headers censored too.
 */
export function scrubFields(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrubFields(item, depth - 1));
  if (isPlainObject(value)) return scrubObject(value, depth);
  return value;
}

/** The top of a log line: its fields scrubbed; instances under keys without a serializer keep no secret headers. */
export function scrubLine(line: Record<string, unknown>, serialized: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(line)) {
    const item = line[key];
    if (item !== undefined && secret.has(key.toLowerCase())) out[key] = censored;
    else if (serialized.has(key) || !hasOwnHeaders(item)) out[key] = scrubFields(item, 2);
    else out[key] = { ...item, headers: scrubFields(item.headers, 1) };
  }
  return out;
}

const hasOwnHeaders = (value: unknown): value is { headers: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  !isPlainObject(value) &&
  Object.hasOwn(value, 'headers') &&
  typeof (value as { headers: unknown }).headers === 'object';
