import { familyHeader, formatLabels, formatValue, type Labels, type Metric } from './prometheus-text.ts';

/** A monotonically increasing count, one series per label set. */
export class Counter implements Metric {
  readonly #series = new Map<string, number>();

  /** `labelled: false` prints a 0 series before the first increment, so the family is never empty. */
  constructor(private readonly meta: { name: string; help: string; labelled: boolean }) {}

  /** Adds `amount` (default 1) to the series of `labels`. */
  inc(labels: Labels = {}, amount = 1): void {
    if (!(amount >= 0)) return; // counters never go down; a negative or NaN amount is a caller bug
    const key = formatLabels(labels);
    this.#series.set(key, (this.#series.get(key) ?? 0) + amount);
  }

  render(): string[] {
    const lines = familyHeader({ ...this.meta, type: 'counter' });
    if (this.#series.size === 0 && !this.meta.labelled) lines.push(`${this.meta.name} 0`);
    for (const [key, value] of this.#series) lines.push(`${this.meta.name}${key} ${formatValue(value)}`);
    return lines;
  }
}
