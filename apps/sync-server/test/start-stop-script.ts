// Starts the server from its environment, answers one request, closes it and then does nothing more:
// the process exits by itself only if close() left no handle (socket, timer, database) open.
import { get } from 'node:http';
import { parseConfig } from '../src/config/parse-config.ts';
import { createServer } from '../src/server/create-server.ts';

const parsed = parseConfig();
if (!parsed.success) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
const server = await createServer({ config: parsed.value, logDestination: { write: () => {} } });
const { url } = await server.listen();
const status = await new Promise<number | undefined>((resolve, reject) => {
  get(`${url}/healthz`, { agent: false }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  }).on('error', reject);
});
await server.close();
console.log(`healthz ${status}; closed`);
