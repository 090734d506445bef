// The relay of relay-cpu-bench.ts as operators run it: the whole server in relay-only mode (request ids,
// security headers, metrics, request log lines on stdout), with the fake upstream's port (argv[2]) allowed
// as a private target and a rate limit far above the benchmark's load. CPU time over IPC.
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../src/config/parse-config.ts';
import { createServer } from '../src/server/create-server.ts';
import { reportCpuOnRequest } from './relay-cpu-report.ts';

const parsed = parseConfig({
  argv: [
    '--relay-only',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--relay-allow-private',
    `127.0.0.1:${process.argv[2]}`,
    '--relay-requests-per-minute',
    '1000000',
  ],
  env: {},
  cwd: process.cwd(),
});
if (!parsed.success) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
const server = await createServer({ config: parsed.value });
await server.listen();
reportCpuOnRequest();
process.send?.({ port: (server.app.server.address() as AddressInfo).port });
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
