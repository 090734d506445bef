import { describe, expect, it } from 'vitest';
import { Counter } from './counter.ts';
import { Gauge } from './gauge.ts';
import { Histogram } from './histogram.ts';
import { ServerMetrics } from './server-metrics.ts';

describe('Histogram', () => {
  it('prints cumulative buckets, +Inf, sum and count', () => {
    const histogram = new Histogram({ name: 'ttfb_seconds', help: 'Time.', buckets: [1, 0.1, 0.5] });
    for (const value of [0.05, 0.1, 0.3, 2, -1, Number.NaN]) histogram.observe(value);
    expect(histogram.render()).toEqual([
      '# HELP ttfb_seconds Time.',
      '# TYPE ttfb_seconds histogram',
      'ttfb_seconds_bucket{le="0.1"} 2',
      'ttfb_seconds_bucket{le="0.5"} 3',
      'ttfb_seconds_bucket{le="1"} 3',
      'ttfb_seconds_bucket{le="+Inf"} 4',
      'ttfb_seconds_sum 2.45',
      'ttfb_seconds_count 4',
    ]);
  });
});

describe('Counter', () => {
  it('keeps one series per label set and escapes label values', () => {
    const counter = new Counter({ name: 'requests_total', help: 'Requests.', labelled: true });
    expect(counter.render()).toHaveLength(2); // no series before the first increment
    counter.inc({ route: '/a"b\\c\nd' });
    counter.inc({ route: '/a"b\\c\nd' }, 2);
    counter.inc({ route: '/x' }, -5); // ignored: counters never decrease
    expect(counter.render().slice(2)).toEqual(['requests_total{route="/a\\"b\\\\c\\nd"} 3']);
  });

  it('shows an unlabelled counter at 0 from the start', () => {
    expect(new Counter({ name: 'bytes_total', help: 'Bytes.', labelled: false }).render()[2]).toBe('bytes_total 0');
  });
});

describe('Gauge', () => {
  it('goes up and down but never below zero', () => {
    const gauge = new Gauge({ name: 'streams', help: 'Streams.' });
    gauge.inc();
    gauge.inc();
    gauge.dec();
    expect(gauge.value).toBe(1);
    gauge.dec();
    gauge.dec();
    expect(gauge.render()[2]).toBe('streams 0');
  });
});

describe('ServerMetrics.relay', () => {
  it('feeds the relay gauge, byte counter and first-byte histogram', () => {
    const metrics = new ServerMetrics();
    metrics.relay.streamStarted();
    metrics.relay.streamStarted();
    metrics.relay.streamEnded();
    metrics.relay.bytesRelayed(100);
    metrics.relay.bytesRelayed(23);
    metrics.relay.upstreamFirstByte(0.2);
    const text = metrics.render();
    expect(text).toContain('\nhearth_relay_active_streams 1\n');
    expect(text).toContain('\nhearth_relay_bytes_total 123\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_bucket{le="0.1"} 0\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_bucket{le="0.25"} 1\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_count 1\n');
    expect(text.endsWith('\n')).toBe(true);
  });
});
