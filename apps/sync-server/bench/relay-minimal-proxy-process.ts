// The reference of relay-cpu-bench.ts: a minimal pass-through proxy with the relay's interface (the
// upstream base URL in `x-relay-upstream`, the path after `/relay/v1`), doing only what any forwarder
// must: one pooled upstream request per request, bodies piped both ways, the upstream stopped when the
// client leaves. No checks, no limits, no logging. Prints nothing; CPU time over IPC (relay-cpu-report.ts).
import { Agent, createServer, type OutgoingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reportCpuOnRequest } from './relay-cpu-report.ts';

const agent = new Agent({ keepAlive: true, timeout: 4000 });
const server = createServer((req, res) => {
  const base = new URL(String(req.headers['x-relay-upstream']));
  const headers: OutgoingHttpHeaders = { ...req.headers, host: base.host };
  delete headers['x-relay-upstream'];
  const upstream = request(
    {
      hostname: base.hostname,
      port: base.port,
      method: req.method,
      path: `${base.pathname}${(req.url ?? '').slice('/relay/v1'.length)}`,
      headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => {
  reportCpuOnRequest();
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.once('SIGTERM', () => {
  agent.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
