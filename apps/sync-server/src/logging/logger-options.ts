import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config/setting-values.ts';
import { BufferedLogWriter } from './buffered-log-writer.ts';
import { serializeError, serializeReply, serializeRequest } from './log-serializers.ts';
import { redactPaths } from './redact-paths.ts';
import { scrubLine } from './scrub-fields.ts';
import { scrubText } from './scrub-text.ts';

type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

/** Where JSON log lines go, one per `write`; tests pass a collector. */
export interface LogDestination {
  write(line: string): void;
}

// Keys whose values pino's serializers print as fixed fields: the formatter leaves them to those.
const serialized: ReadonlySet<string> = new Set(['req', 'res', 'err']);

/** Fastify `logger` options: JSON lines, fixed serializers, redaction and scrubbing of every message. */
export function loggerOptions(options: { level: LogLevel; destination?: LogDestination | undefined }): LoggerOptions {
  return {
    level: options.level,
    // stdout unless told otherwise, with lines gathered into few writes (buffered-log-writer.ts).
    stream: options.destination ?? new BufferedLogWriter(process.stdout),
    serializers: { req: serializeRequest, res: serializeReply, err: serializeError },
    redact: { paths: [...redactPaths], censor: '[redacted]' },
    formatters: {
      log: (object: Record<string, unknown>) => scrubLine(object, serialized),
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as typeof args;
        method.apply(this, scrubbed);
      },
    },
  };
}
