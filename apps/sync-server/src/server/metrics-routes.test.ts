import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';

describe('/metrics', () => {
  const temp = makeTempDir('metrics');
  let running: RunningTestServer;
  let text: string;
  let contentType: string | null;

  beforeAll(async () => {
    running = await startTestServer({ config: testConfig({ env: { RELAY_ONLY: '1', STATIC_DIR: temp.path } }) });
    // Each body is read to its end, so each request is counted before the next one starts.
    for (const path of [
      '/healthz',
      '/healthz?probe=SECRET-QUERY',
      '/no/such/thing?key=SECRET-QUERY',
      '/relay/v1/chat/completions?key=SECRET-QUERY',
    ]) {
      await (await fetch(`${running.url}${path}`)).text();
    }
    running.server.metrics.relay.streamStarted();
    running.server.metrics.relay.bytesRelayed(2048);
    running.server.metrics.relay.upstreamFirstByte(0.042);
    const response = await fetch(`${running.url}/metrics`);
    contentType = response.headers.get('content-type');
    text = await response.text();
  });
  afterAll(async () => {
    await running.close();
    temp.remove();
  });

  it('is Prometheus text', () => {
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# TYPE hearth_http_requests_total counter\n');
    expect(text).toContain('# TYPE hearth_relay_active_streams gauge\n');
    expect(text).toContain('# TYPE hearth_relay_bytes_total counter\n');
    expect(text).toContain('# TYPE hearth_relay_upstream_first_byte_seconds histogram\n');
  });

  it('counts requests by route pattern and status code, never by raw URL', () => {
    expect(text).toContain('hearth_http_requests_total{method="GET",route="/healthz",status_code="200"} 2\n');
    expect(text).toContain('hearth_http_requests_total{method="GET",route="(unmatched)",status_code="404"} 1\n');
    expect(text).toMatch(/hearth_http_requests_total\{method="GET",route="\/relay\/v1\/\*",status_code="\d+"\} 1\n/);
    expect(text).not.toContain('SECRET-QUERY');
    expect(text).not.toContain('/no/such/thing');
  });

  it('shows what the relay reported: streams, bytes and first-byte histogram', () => {
    expect(text).toContain('\nhearth_relay_active_streams 1\n');
    expect(text).toContain('\nhearth_relay_bytes_total 2048\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_bucket{le="0.025"} 0\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_bucket{le="0.05"} 1\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_bucket{le="+Inf"} 1\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_sum 0.042\n');
    expect(text).toContain('\nhearth_relay_upstream_first_byte_seconds_count 1\n');
  });
});
