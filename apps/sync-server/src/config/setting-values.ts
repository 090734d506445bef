import { z } from 'zod';
import { isValidHost, unbracket } from './listen-host.ts';

// Zod schemas for one setting's text (from an environment variable or a flag) each; messages are
// completed by the setting's name, so they read `PORT (--port): must be ...`.

const shown = (input: unknown) => JSON.stringify(String(input));

/** A whole number within bounds, e.g. a port or a byte limit. */
export function integerText(bounds: { min: number; max: number }) {
  const { min, max } = bounds;
  return z
    .string()
    .trim()
    .refine((text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max, {
      error: (issue) => `must be a whole number from ${min} to ${max} (got ${shown(issue.input)})`,
    })
    .transform(Number);
}

const truthy = new Set(['1', 'true', 'yes', 'on']);
const falsy = new Set(['0', 'false', 'no', 'off']);

/** `1/true/yes/on` or `0/false/no/off`, any case. */
export const booleanText = z
  .string()
  .trim()
  .toLowerCase()
  .refine((text) => truthy.has(text) || falsy.has(text), {
    error: (issue) => `must be 1, true, yes, on, 0, false, no or off (got ${shown(issue.input)})`,
  })
  .transform((text) => truthy.has(text));

/** An IP literal or host name to listen on. */
export const hostText = z
  .string()
  .trim()
  .refine(isValidHost, { error: (issue) => `must be an IP address or host name (got ${shown(issue.input)})` });

/** A secret compared in full, so only its length and alphabet are checked; never echoed in errors. */
export function tokenText(minLength: number) {
  return z
    .string()
    .trim()
    .refine((text) => text.length >= minLength, {
      error: (issue) =>
        `must be at least ${minLength} characters (it has ${String(issue.input).trim().length}); generate one with: openssl rand -base64 32`,
    })
    .refine((text) => /^[\x21-\x7e]+$/.test(text), {
      error: 'must be printable ASCII without spaces, as it travels in an HTTP header',
    });
}

/** A comma-separated list whose entries each pass `entry`. */
export function listText<T>(entry: z.ZodType<T, string>) {
  return z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(entry));
}

/** An exact host name or IP literal, as the relay's allow-list compares them. */
export const hostEntry = z
  .string()
  .toLowerCase()
  .refine(isValidHost, {
    error: (issue) => `${shown(issue.input)} is not a bare host name or IP address (no scheme, port or path)`,
  })
  .transform(unbracket);

const hostPortPattern = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/;

/** `host:port` (IPv6 in brackets), e.g. `127.0.0.1:11434`. */
export const hostPortEntry = z
  .string()
  .toLowerCase()
  .refine(
    (text) => {
      const match = hostPortPattern.exec(text);
      const port = Number(match?.[2]);
      return match !== null && isValidHost(match[1] ?? '') && port >= 1 && port <= 65535;
    },
    { error: (issue) => `${shown(issue.input)} is not host:port, e.g. 127.0.0.1:11434 or [::1]:11434` },
  );

/** An exact web origin such as `https://chat.example.com`; the relay compares origins literally. */
export const originEntry = z
  .string()
  .refine(
    (text) => {
      if (!URL.canParse(text)) return false;
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text.replace(/\/$/, '');
    },
    { error: (issue) => `${shown(issue.input)} is not an origin like https://chat.example.com (no path)` },
  )
  .transform((text) => new URL(text).origin);

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const logLevelText = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(logLevels, { error: (issue) => `must be one of ${logLevels.join(', ')} (got ${shown(issue.input)})` }));

/** A file system path; resolved against the working directory later. */
export const pathText = z.string().trim().min(1, { error: 'must not be empty' });

/**
 * A PostgreSQL connection URL. Never echoed in errors: it usually holds a password.
 */
export const postgresUrlText = z
  .string()
  .trim()
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be a postgres:// or postgresql:// URL with a host, e.g. postgres://hearth:secret@db:5432/hearth' },
  );
