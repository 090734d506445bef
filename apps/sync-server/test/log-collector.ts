import type { LogDestination } from '../src/logging/logger-options.ts';

/** A log destination that keeps every line, for assertions on what the server logged. */
export class LogCollector implements LogDestination {
  readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  /** Every line parsed as JSON (each must be JSON: the server logs nothing else). */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  get text(): string {
    return this.lines.join('');
  }
}
