// Creates a sync user and its first device, and prints the device's token once:
//   pnpm --filter @hearth/sync-server exec tsx src/cli/create-user.ts --data-dir ./data --device-name "My laptop"
//   ... create-user.ts --database-url postgres://... (a server on PostgreSQL, DATABASE_URL)
// Safe while the server runs on the same DATA_DIR (SQLite WAL; the write waits for the lock) or database.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signUpRequestSchema } from '@hearth/schema';
import { StartupError } from '../startup-error.ts';
import { openStorage } from '../storage/open-storage.ts';
import { hashSecret, newDeviceToken } from '../sync/device-token.ts';
import { openPostgres, redactUrl } from '../sync/store/postgres-database.ts';
import { PostgresSyncStore } from '../sync/store/postgres-sync-store.ts';
import { SqliteSyncStore } from '../sync/store/sqlite-sync-store.ts';
import type { SyncStore } from '../sync/store/sync-store.ts';

const usage = `Usage: create-user.ts [--data-dir <dir> | --database-url <url>] [--device-name <name>]
  --data-dir      the server's DATA_DIR (default: $DATA_DIR, else ./data)
  --database-url  the server's DATABASE_URL when it runs on PostgreSQL (default: $DATABASE_URL)
  --device-name  the first device's name, as listed in the app (default: "First device")`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { 'data-dir'?: string; 'database-url'?: string; 'device-name'?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'device-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
if (values.help === true) {
  console.log(usage);
  process.exit(0);
}
const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
const request = signUpRequestSchema.safeParse({ deviceName: values['device-name'] ?? 'First device' });
if (!request.success) fail(`--device-name: ${request.error.issues[0]?.message ?? 'invalid'}\n${usage}`);

const databaseUrl = values['database-url'] ?? (values['data-dir'] === undefined ? process.env.DATABASE_URL : undefined);

/** The store the server uses, where it lives (for the message), and how to close it. */
async function openStore(): Promise<{ store: SyncStore; where: string; close(): Promise<void> }> {
  if (databaseUrl !== undefined && databaseUrl !== '') {
    const database = await openPostgres({ url: databaseUrl });
    return { store: new PostgresSyncStore({ database }), where: redactUrl(databaseUrl), close: () => database.close() };
  }
  const storage = openStorage({ dataDir });
  return { store: new SqliteSyncStore({ db: storage.db }), where: storage.file, close: async () => storage.close() };
}

let opened: Awaited<ReturnType<typeof openStore>>;
try {
  opened = await openStore();
} catch (error) {
  if (error instanceof StartupError) fail(`Cannot create a user: ${error.message}`);
  throw error;
}
try {
  const token = newDeviceToken();
  const identity = await opened.store.createUser({
    deviceName: request.data.deviceName,
    tokenHash: hashSecret(token),
    nowMs: Date.now(),
  });
  console.log(
    `Created user ${identity.userId} with device "${request.data.deviceName}" (${identity.deviceId}) in ${opened.where}.`,
  );
  console.log('Device token (shown once, stored only hashed; paste it into the app under Settings > Sync):');
  console.log(token);
} finally {
  await opened.close();
}
