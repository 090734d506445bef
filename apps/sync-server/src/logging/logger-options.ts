import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config/setting-values.ts';
import { serializeError, serializeReply, serializeRequest } from './log-serializers.ts';
import { redactPaths } from './redact-paths.ts';
import { scrubText } from './scrub-text.ts';

type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

/** Where JSON log lines go, one per `write`; tests pass a collector. */
export interface LogDestination {
  write(line: string): void;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * Scrubs strings in plain objects and arrays a few levels down. Runs before the serializers, so class
 * instances (requests, replies, errors) are left for them.
 */
function scrubFields(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth === 0) return value;
  if (Array.isArray(value)) return value.map((item) => scrubFields(item, depth - 1));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubFields(item, depth - 1)]));
}

/** Fastify `logger` options: JSON lines, fixed serializers, redaction and scrubbing of every message. */
export function loggerOptions(options: { level: LogLevel; destination?: LogDestination | undefined }): LoggerOptions {
  return {
    level: options.level,
    ...(options.destination === undefined ? {} : { stream: options.destination }),
    serializers: { req: serializeRequest, res: serializeReply, err: serializeError },
    redact: { paths: [...redactPaths], censor: '[redacted]' },
    formatters: {
      log: (object: Record<string, unknown>) => scrubFields(object, 3) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as typeof args;
        method.apply(this, scrubbed);
      },
    },
  };
}
