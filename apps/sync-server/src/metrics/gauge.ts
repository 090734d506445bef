import { familyHeader, formatValue, type Metric } from './prometheus-text.ts';

/** A value that goes up and down, e.g. streams open right now. */
export class Gauge implements Metric {
  #value = 0;

  constructor(private readonly meta: { name: string; help: string }) {}

  inc(): void {
    this.#value += 1;
  }

  dec(): void {
    // Clamped: an unbalanced end from a relay bug must not show a negative number of streams.
    this.#value = Math.max(0, this.#value - 1);
  }

  get value(): number {
    return this.#value;
  }

  render(): string[] {
    return [...familyHeader({ ...this.meta, type: 'gauge' }), `${this.meta.name} ${formatValue(this.#value)}`];
  }
}
