// Relay overhead: the same fake upstream streamed directly and through the relay, at 1 and at 200
// concurrent streams, in the same run (the machines are shared and noisy, so compare the ratios). Client,
// fake upstream and relay each run in a process of their own; both paths use one keep-alive agent.
// Nothing is asserted. Run: npx tsx apps/sync-server/bench/relay-bench.ts
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { scenarioBaseUrl } from '@hearth/testkit';
import { startBenchChild } from './bench-child.ts';

const fast = { tokens: 2000, rate: 0 };
// While 199 answers stream at 100 tokens/s, probes time the first byte of one more stream.
const background = { tokens: 400, rate: 100 };
const probe = { tokens: 20, rate: 0 };
const sequentialPairs = 150;
const probes = 40;
const concurrent = 200;
const concurrentRounds = 5;

interface StreamResult {
  ttfbMs: number;
  totalMs: number;
  bytes: number;
}
type Scenario = { tokens: number; rate: number };
type Path = (scenario: Scenario, onFirstByte?: () => void) => Promise<StreamResult>;

// Idle sockets close before the servers' keep-alive timeouts (5 s for Node's default), so that no request
// meets a connection the server is closing.
const agent = new Agent({ keepAlive: true, maxSockets: 1024, timeout: 4000 });
const body = JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'Hello' }] });

/** Streams one chat completion, timing its first body byte and its end. */
function stream(options: {
  url: string;
  headers?: Record<string, string>;
  onFirstByte?: () => void;
}): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = 0;
    let bytes = 0;
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...options.headers,
    };
    const req = request(options.url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) {
          ttfbMs = performance.now() - started;
          options.onFirstByte?.();
        }
        bytes += chunk.length;
        if (res.statusCode !== 200) text += chunk.toString();
      });
      res.on('end', () => {
        if (res.statusCode === 200) resolve({ ttfbMs, totalMs: performance.now() - started, bytes });
        else reject(new Error(`HTTP ${res.statusCode} from ${options.url}: ${text}`));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `count` streams at once on one path; its throughput is all bytes over the wall time. */
async function burst(path: Path, scenario: Scenario, count: number) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: count }, () => path(scenario)));
  const wallMs = performance.now() - started;
  return { results, mbps: results.reduce((sum, r) => sum + r.bytes, 0) / 1e6 / (wallMs / 1000) };
}

/**
 * Holds 199 paced streams open through the relay and, once all of them answer, times probe streams on
 * both paths in turns: the same load for both, and the relay carrying 200 streams for its probes.
 */
async function underLoad(paths: {
  direct: Path;
  relayed: Path;
}): Promise<{ direct: StreamResult[]; relayed: StreamResult[] }> {
  let answering = 0;
  let allAnswering = () => {};
  const loaded = new Promise<void>((resolve) => {
    allAnswering = resolve;
  });
  const held = Array.from({ length: concurrent - 1 }, () =>
    paths.relayed(background, () => {
      answering += 1;
      if (answering === concurrent - 1) allAnswering();
    }),
  );
  await loaded;
  const results = { direct: [] as StreamResult[], relayed: [] as StreamResult[] };
  for (let i = 0; i < probes; i++) {
    results.direct.push(await paths.direct(probe));
    results.relayed.push(await paths.relayed(probe));
  }
  await Promise.all(held);
  return results;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ttfb = (results: StreamResult[], p: number) =>
  percentile(
    results.map((r) => r.ttfbMs),
    p,
  );
const ms = (value: number) => `${value.toFixed(2)} ms`;
const mb = (bytes: unknown) => `${(Number(bytes) / 1024 / 1024).toFixed(1)} MB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');
const memory = (sample: Record<string, unknown>) =>
  `RSS ${mb(sample.rss)}, heap ${mb(sample.heapUsed)}, buffers ${mb(sample.external)}` +
  (sample.cpuShare === undefined ? '' : `; it used ${pct(Number(sample.cpuShare))} of one CPU`);
const ttfbLine = (label: string, d: StreamResult[], r: StreamResult[]) => {
  const added = ttfb(r, 50) - ttfb(d, 50);
  return (
    `${label}: TTFB p50 direct ${ms(ttfb(d, 50))}, relayed ${ms(ttfb(r, 50))}, added ${ms(added)} ` +
    `(budget <= 2 ms p50: ${verdict(added <= 2)}); p99 direct ${ms(ttfb(d, 99))}, relayed ${ms(ttfb(r, 99))}`
  );
};

const loadBefore = loadavg()[0] ?? 0;
const upstream = await startBenchChild('./fake-upstream-process.ts');
const upstreamOrigin = String(upstream.ready.origin);
// The relay runs as plain JavaScript, as `npm start` runs the server.
const relay = await startBenchChild('./relay-process.ts', [String(upstream.ready.port)], { bundled: true });
const relayUrl = `http://127.0.0.1:${String(relay.ready.port)}/relay/v1/chat/completions`;
const baseUrl = (scenario: Scenario) => scenarioBaseUrl({ origin: upstreamOrigin, scenario });
const direct: Path = (scenario, onFirstByte) =>
  stream({ url: `${baseUrl(scenario)}/chat/completions`, ...(onFirstByte ? { onFirstByte } : {}) });
const relayed: Path = (scenario, onFirstByte) =>
  stream({
    url: relayUrl,
    headers: { 'x-relay-upstream': baseUrl(scenario) },
    ...(onFirstByte ? { onFirstByte } : {}),
  });

try {
  const atStart = await relay.ask('reset');
  // Warm up both paths: JIT, and pooled connections on every hop.
  for (let i = 0; i < 30; i++) {
    await direct(fast);
    await relayed(fast);
  }

  // 1 stream at a time, the paths taking turns so that drift hits both alike. Throughput counts from the
  // first byte on: the time before it is the TTFB line's business.
  const streamingMs = (result: StreamResult) => result.totalMs - result.ttfbMs;
  const one = {
    direct: [] as StreamResult[],
    relayed: [] as StreamResult[],
    ratios: [] as number[],
    endToEnd: [] as number[],
  };
  for (let i = 0; i < sequentialPairs; i++) {
    const d = await direct(fast);
    const r = await relayed(fast);
    one.direct.push(d);
    one.relayed.push(r);
    one.ratios.push(streamingMs(d) / streamingMs(r));
    one.endToEnd.push(d.totalMs / r.totalMs);
  }

  // 200 streams open: paced ones with probes, then full-speed bursts with the paths taking turns.
  await relay.ask('reset');
  const loaded = await underLoad({ direct, relayed });
  const pacedPeak = await relay.ask('report');
  const burstRatios: number[] = [];
  const many = { directMBps: [] as number[], relayedMBps: [] as number[] };
  await relay.ask('reset');
  for (let round = 0; round < concurrentRounds; round++) {
    const d = (await burst(direct, fast, concurrent)).mbps;
    const r = (await burst(relayed, fast, concurrent)).mbps;
    many.directMBps.push(d);
    many.relayedMBps.push(r);
    burstRatios.push(r / d);
  }
  const fastPeak = await relay.ask('report');

  const rate = (results: StreamResult[]) =>
    percentile(
      results.map((r) => r.bytes / 1e6 / (streamingMs(r) / 1000)),
      50,
    );
  const ratio1 = percentile(one.ratios, 50);
  const directMBps = percentile(many.directMBps, 50);
  const relayedMBps = percentile(many.relayedMBps, 50);
  const ratio200 = percentile(burstRatios, 50);
  const peakRss = Math.max(Number(pacedPeak.rss), Number(fastPeak.rss));
  const streamKiB = (one.direct[0]?.bytes ?? 0) / 1024;

  console.log(
    `relay benchmark: fake upstream, ${fast.tokens}-token stream (${streamKiB.toFixed(0)} KiB) at full speed; ` +
      `${availableParallelism()} CPUs, load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
  );
  console.log(ttfbLine(`1 stream (${sequentialPairs} pairs)`, one.direct, one.relayed));
  console.log(
    `1 stream: throughput p50 direct ${rate(one.direct).toFixed(1)} MB/s, relayed ${rate(one.relayed).toFixed(1)} MB/s, ` +
      `ratio (median of pairs) ${pct(ratio1)} (budget >= 90%: ${verdict(ratio1 >= 0.9)}); ` +
      `end to end, first byte included: ${pct(percentile(one.endToEnd, 50))}`,
  );
  console.log(
    ttfbLine(
      `${concurrent} streams open (${concurrent - 1} relayed at ${background.rate} tokens/s, ${probes} probe pairs)`,
      loaded.direct,
      loaded.relayed,
    ),
  );
  console.log(
    `${concurrent} full-speed streams at once (${concurrentRounds} rounds, CPU-bound): throughput direct ` +
      `${directMBps.toFixed(1)} MB/s, relayed ${relayedMBps.toFixed(1)} MB/s (medians), ratio (median of rounds) ${pct(ratio200)} ` +
      `(budget >= 90%: ${verdict(ratio200 >= 0.9)})`,
  );
  console.log(`relay process at start: ${memory(atStart)}`);
  console.log(`relay process peak with ${concurrent} paced streams: ${memory(pacedPeak)}`);
  console.log(`relay process peak with ${concurrent} full-speed streams: ${memory(fastPeak)}`);
  console.log(
    `relay process memory at ${concurrent} streams: peak RSS ${mb(peakRss)} (budget <= 150 MB: ${verdict(peakRss <= 150 * 1024 * 1024)})`,
  );
} finally {
  agent.destroy();
  await relay.stop();
  await upstream.stop();
}
