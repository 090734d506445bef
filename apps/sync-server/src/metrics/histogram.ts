import { familyHeader, formatValue, type Metric } from './prometheus-text.ts';

/** A distribution in cumulative buckets, as Prometheus histograms are. */
export class Histogram implements Metric {
  readonly #bounds: readonly number[];
  readonly #counts: number[];
  #sum = 0;
  #count = 0;

  constructor(private readonly meta: { name: string; help: string; buckets: readonly number[] }) {
    this.#bounds = [...meta.buckets].sort((a, b) => a - b);
    this.#counts = this.#bounds.map(() => 0);
  }

  /** Records one observation; negative and non-finite values are ignored as measurement errors. */
  observe(value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    this.#sum += value;
    this.#count += 1;
    const index = this.#bounds.findIndex((bound) => value <= bound);
    if (index !== -1) this.#counts[index] = (this.#counts[index] ?? 0) + 1;
  }

  render(): string[] {
    const { name } = this.meta;
    const lines = familyHeader({ name, help: this.meta.help, type: 'histogram' });
    let cumulative = 0;
    this.#bounds.forEach((bound, index) => {
      cumulative += this.#counts[index] ?? 0;
      lines.push(`${name}_bucket{le="${formatValue(bound)}"} ${cumulative}`);
    });
    lines.push(`${name}_bucket{le="+Inf"} ${this.#count}`, `${name}_sum ${formatValue(this.#sum)}`);
    lines.push(`${name}_count ${this.#count}`);
    return lines;
  }
}
