// The relay alone in a process for relay-bench.ts, so that the memory it reports is the server's own.
// argv[2] is the fake upstream's port, allowed as a private target. On the message `reset` it starts a new
// measurement; on `report` it answers with the peak RSS, heap and buffers since then and its CPU use.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { registerRelay } from '../src/relay/register-relay.ts';
import type { RelayMetrics } from '../src/relay/relay-contract.ts';
import { defaultRelayOptions } from '../src/relay/relay-defaults.ts';

// Counters as cheap as the server's Prometheus ones, so the hot path pays for its metrics calls as in production.
const counts = { started: 0, ended: 0, bytes: 0, firstByte: 0 };
const metrics: RelayMetrics = {
  streamStarted: () => {
    counts.started += 1;
  },
  streamEnded: () => {
    counts.ended += 1;
  },
  bytesRelayed: (bytes) => {
    counts.bytes += bytes;
  },
  upstreamFirstByte: (seconds) => {
    counts.firstByte += seconds;
  },
};

const app = Fastify({ logger: false });
await registerRelay(
  app,
  { ...defaultRelayOptions, allowPrivate: [`127.0.0.1:${process.argv[2]}`], requestsPerMinute: 0 },
  { metrics },
);
await app.listen({ host: '127.0.0.1', port: 0 });

let peak = { rss: 0, heapUsed: 0, external: 0 };
const sample = () => {
  const { rss, heapUsed, external } = process.memoryUsage();
  peak = {
    rss: Math.max(peak.rss, rss),
    heapUsed: Math.max(peak.heapUsed, heapUsed),
    external: Math.max(peak.external, external),
  };
};
const sampler = setInterval(sample, 50);
let cpuSince = process.cpuUsage();
let timeSince = performance.now();
process.on('message', (message) => {
  if (message === 'reset') {
    peak = { rss: 0, heapUsed: 0, external: 0 };
    sample();
    cpuSince = process.cpuUsage();
    timeSince = performance.now();
    process.send?.({ ...peak });
  } else if (message === 'report') {
    sample();
    const cpu = process.cpuUsage(cpuSince);
    // Share of one CPU the relay used since the last reset.
    const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - timeSince);
    process.send?.({ ...peak, ...counts, cpuShare });
  }
});
process.once('SIGTERM', () => {
  clearInterval(sampler);
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
process.send?.({ port: (app.server.address() as AddressInfo).port });
