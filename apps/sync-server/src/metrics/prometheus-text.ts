// Prometheus text exposition format 0.0.4, by hand: three metric kinds do not justify a dependency.

/** The Content-Type a Prometheus scraper expects. */
export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Readonly<Record<string, string>>;

const escapeLabelValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** `{route="/healthz",status_code="200"}`, or nothing without labels. */
export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** A sample value: `+Inf`, `-Inf` and `NaN` spelled as Prometheus does. */
export function formatValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/** The `# HELP` and `# TYPE` lines that open a metric family. */
export function familyHeader(meta: { name: string; help: string; type: 'counter' | 'gauge' | 'histogram' }): string[] {
  return [
    `# HELP ${meta.name} ${meta.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
    `# TYPE ${meta.name} ${meta.type}`,
  ];
}

/** A metric that can print itself. */
export interface Metric {
  render(): string[];
}
