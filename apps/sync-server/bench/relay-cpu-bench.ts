// Relay CPU per stream: the CPU time (user + system, as each process counts it itself) that the relay
// spends on one streamed answer, against a minimal pass-through proxy (relay-minimal-proxy-process.ts)
// forwarding to the same fake upstream in the same run, at 1 and at 50 concurrent streams. The relay runs
// as operators run it: the whole server in relay-only mode, request log lines included. Each process runs
// alone, as plain JavaScript, and both carry the same streams at the same time, so that whatever else the
// shared machine does disturbs both alike. Nothing is asserted.
// Run: npx tsx apps/sync-server/bench/relay-cpu-bench.ts [--profile]
// (--profile writes V8 CPU profiles of both into apps/sync-server/dist/bench/profiles/).
import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scenarioBaseUrl } from '@hearth/testkit';
import { type BenchChild, startBenchChild } from './bench-child.ts';

// A typical answer: a few hundred tokens, one SSE event each, as fast as the fake upstream sends them.
const scenario = { tokens: 300, rate: 0 };
const warmupStreams = 150;
const rounds = 15;
const sequentialPerRound = 40;
const concurrent = 50;
const concurrentBurstsPerRound = 1;
const budget = 1.1;

const profile = process.argv.includes('--profile');
const profileDir = fileURLToPath(new URL('../dist/bench/profiles/', import.meta.url));
if (profile) mkdirSync(profileDir, { recursive: true });

const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
const body = JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'Hello' }] });

/** Streams one chat completion through `port` (relay or proxy alike) and resolves with its byte count. */
function stream(port: number, upstreamBase: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-relay-upstream': upstreamBase,
    };
    const req = request(
      { host: '127.0.0.1', port, path: '/relay/v1/chat/completions', method: 'POST', agent, headers },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Path {
  child: BenchChild;
  port: number;
}

/** CPU ms (user and system) a proxy process used since its last `reset`, as it reports it. */
async function cpuMs(child: BenchChild): Promise<number> {
  const report = await child.ask('report');
  return Number(report.userMs) + Number(report.systemMs);
}

const loadBefore = loadavg()[0] ?? 0;
const upstream = await startBenchChild('./fake-upstream-process.ts');
const upstreamPort = String(upstream.ready.port);
const upstreamBase = scenarioBaseUrl({ origin: String(upstream.ready.origin), scenario });
let logLines = 0;
let logged: { expected: number } | undefined;
const children: BenchChild[] = [upstream];

try {
  const relayChild = await startBenchChild('./relay-server-process.ts', [upstreamPort], {
    bundled: true,
    nodeFlags: profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=relay.cpuprofile'] : [],
    onStdoutLine: (line) => {
      // Only the request lines: the server also logs that it listens and that it stops.
      if (line.includes('"msg":"request ')) logLines += 1;
    },
  });
  children.push(relayChild);
  const proxyChild = await startBenchChild('./relay-minimal-proxy-process.ts', [], {
    bundled: true,
    nodeFlags: profile
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=minimal-proxy.cpuprofile']
      : [],
  });
  children.push(proxyChild);
  const relay: Path = { child: relayChild, port: Number(relayChild.ready.port) };
  const proxy: Path = { child: proxyChild, port: Number(proxyChild.ready.port) };

  let streamBytes = 0;
  for (let i = 0; i < warmupStreams; i++) {
    streamBytes = await stream(relay.port, upstreamBase);
    await stream(proxy.port, upstreamBase);
  }

  // One stream through each at a time, then 50 through each at once.
  const kinds = {
    one: { label: '1 stream at a time', concurrent: 1, batches: sequentialPerRound },
    many: { label: `${concurrent} concurrent streams`, concurrent, batches: concurrentBurstsPerRound },
  } as const;
  type Kind = keyof typeof kinds;
  const cpu = { one: { relay: 0, proxy: 0 }, many: { relay: 0, proxy: 0 } };
  const roundRatios: Record<Kind, number[]> = { one: [], many: [] };
  const side = async (port: number, count: number) => {
    await Promise.all(Array.from({ length: count }, () => stream(port, upstreamBase)));
  };
  for (let round = 0; round < rounds; round++) {
    for (const kind of ['one', 'many'] as const) {
      await Promise.all([relay.child.ask('reset'), proxy.child.ask('reset')]);
      for (let batch = 0; batch < kinds[kind].batches; batch++) {
        await Promise.all([side(relay.port, kinds[kind].concurrent), side(proxy.port, kinds[kind].concurrent)]);
      }
      const [relayMs, proxyMs] = await Promise.all([cpuMs(relay.child), cpuMs(proxy.child)]);
      cpu[kind].relay += relayMs;
      cpu[kind].proxy += proxyMs;
      roundRatios[kind].push(relayMs / proxyMs);
    }
    process.stderr.write(`round ${round + 1} of ${rounds} done\n`);
  }

  const streamsOf = (kind: Kind) => rounds * kinds[kind].batches * kinds[kind].concurrent;
  const line = (kind: Kind) => {
    const streams = streamsOf(kind);
    const relayMs = cpu[kind].relay / streams;
    const proxyMs = cpu[kind].proxy / streams;
    const ratio = relayMs / proxyMs;
    const sorted = [...roundRatios[kind]].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    return (
      `${kinds[kind].label} (${streams} streams each): relay ${relayMs.toFixed(3)} ms CPU per stream, ` +
      `minimal proxy ${proxyMs.toFixed(3)} ms, ratio ${ratio.toFixed(2)}x ` +
      `(budget <= ${budget}x: ${ratio <= budget ? 'within budget' : 'OVER BUDGET'}); ` +
      `rounds: median ${median.toFixed(2)}x, ${sorted[0]?.toFixed(2)}x to ${sorted.at(-1)?.toFixed(2)}x`
    );
  };

  console.log(
    `relay CPU benchmark: fake upstream, ${scenario.tokens}-token stream (${(streamBytes / 1024).toFixed(0)} KiB) at ` +
      `full speed, ${rounds} rounds; ${availableParallelism()} CPUs, load average ${loadBefore.toFixed(1)} before, ` +
      `${(loadavg()[0] ?? 0).toFixed(1)} after`,
  );
  console.log(line('one'));
  console.log(line('many'));
  logged = { expected: warmupStreams + streamsOf('one') + streamsOf('many') };
} finally {
  agent.destroy();
  // The relay writes a request's line once its response has closed; stopping it lets the last ones out.
  for (const child of children.reverse()) await child.stop();
  if (logged !== undefined) {
    console.log(`relay request log: ${logLines} request lines for ${logged.expected} streams (one each expected)`);
  }
  if (profile) console.log(`relay CPU profile written to ${profileDir}`);
}
