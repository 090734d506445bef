import type { LogDestination } from './logger-options.ts';

/** Where the gathered lines go: stdout in the server (its writes to pipes and files are synchronous on Linux). */
export interface LogSink {
  write(text: string): unknown;
}

/** How long an info line may wait for company before it is written. */
export const logFlushMs = 200;
/** Written at once when this much has gathered. */
const maxPendingChars = 64 * 1024;

// pino's lines start with their numeric level: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
const levelPrefix = '{"level":';
const isUrgent = (line: string) => !line.startsWith(levelPrefix) || line.charCodeAt(levelPrefix.length) >= 52; // '4'

// One exit handler for every writer of the process (tests and embedders may create many servers).
const writers = new Set<BufferedLogWriter>();
const flushAll = () => {
  for (const writer of writers) writer.flush();
};

/**
 * The server's log destination: lines gather and go out together, at most `logFlushMs` after the first
 * of them or once 64 KiB have gathered, so that a busy relay pays one write for many request lines
 * instead of a write (a system call, a tenth of its CPU) for each. A warning or error goes out at once,
 * after whatever waited before it, and everything still waiting is written when the process exits.
 */
export class BufferedLogWriter implements LogDestination {
  private readonly sink: LogSink;
  private pending: string[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly flushNow = () => this.flush();

  constructor(sink: LogSink) {
    this.sink = sink;
    if (writers.size === 0) process.once('exit', flushAll);
    writers.add(this);
  }

  /** Takes one JSON line (pino calls this once per line). */
  write(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (isUrgent(line) || this.pendingChars >= maxPendingChars) {
      this.flush();
      return;
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(this.flushNow, logFlushMs);
      // Waiting lines never keep the process alive; the exit handler writes them.
      this.timer.unref();
    }
  }

  /** Writes whatever is waiting, in order, in one write. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.sink.write(text);
  }
}
