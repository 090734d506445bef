// Creates a sync user and its first device, and prints the device's token once:
//   pnpm --filter @hearth/sync-server exec tsx src/cli/create-user.ts --data-dir ./data --device-name "My laptop"
// Safe while the server runs on the same DATA_DIR (SQLite WAL; the write waits for the lock).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signUpRequestSchema } from '@hearth/schema';
import { StartupError } from '../startup-error.ts';
import { openStorage } from '../storage/open-storage.ts';
import { hashSecret, newDeviceToken } from '../sync/device-token.ts';
import { SqliteSyncStore } from '../sync/store/sqlite-sync-store.ts';

const usage = `Usage: create-user.ts [--data-dir <dir>] [--device-name <name>]
  --data-dir     the server's DATA_DIR (default: $DATA_DIR, else ./data)
  --device-name  the first device's name, as listed in the app (default: "First device")`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { 'data-dir'?: string; 'device-name'?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
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

let storage: ReturnType<typeof openStorage>;
try {
  storage = openStorage({ dataDir });
} catch (error) {
  if (error instanceof StartupError) fail(`Cannot create a user: ${error.message}`);
  throw error;
}
try {
  const token = newDeviceToken();
  const store = new SqliteSyncStore({ db: storage.db });
  const identity = await store.createUser({
    deviceName: request.data.deviceName,
    tokenHash: hashSecret(token),
    nowMs: Date.now(),
  });
  console.log(
    `Created user ${identity.userId} with device "${request.data.deviceName}" (${identity.deviceId}) in ${storage.file}.`,
  );
  console.log('Device token (shown once, stored only hashed; paste it into the app under Settings > Sync):');
  console.log(token);
} finally {
  storage.close();
}
