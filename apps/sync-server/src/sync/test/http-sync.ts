import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { makeTempDir } from '../../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../../test/test-server.ts';
import type { AppRouter } from '../app-router.ts';
import { hashSecret, newDeviceToken } from '../device-token.ts';
import type { SyncIdentity } from '../store/sync-store.ts';

/** A tRPC client of the sync API over real HTTP, as the web app would build it. */
export function syncClient(options: { url: string; token?: string; batch?: boolean }) {
  const headers = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const link = options.batch === false ? httpLink : httpBatchLink;
  return createTRPCClient<AppRouter>({ links: [link({ url: `${options.url}/trpc`, headers })] });
}

/** The real server on 127.0.0.1:0 with a temp DATA_DIR, and a way to add users straight into its store. */
export interface HttpSync {
  running: RunningTestServer;
  url: string;
  dataDir: string;
  newUser(
    deviceName?: string,
  ): Promise<{ token: string; identity: SyncIdentity; client: ReturnType<typeof syncClient> }>;
  close(): Promise<void>;
}

/** Starts the server in full mode; `env` adds settings (SYNC_SIGNUP, SYNC_CORS_ORIGINS...). */
export async function startHttpSync(
  options: { env?: Record<string, string>; now?: () => number } = {},
): Promise<HttpSync> {
  const temp = makeTempDir('sync-http');
  const config = testConfig({ cwd: temp.path, env: { STATIC_DIR: temp.path, LOG_LEVEL: 'warn', ...options.env } });
  const running = await startTestServer({ config, ...(options.now === undefined ? {} : { now: options.now }) });
  const sync = running.server.sync;
  if (sync === undefined) throw new Error('the sync API is not mounted');
  return {
    running,
    url: running.url,
    dataDir: config.dataDir,
    async newUser(deviceName = 'Test device') {
      const token = newDeviceToken();
      const identity = await sync.store.createUser({ deviceName, tokenHash: hashSecret(token), nowMs: sync.now() });
      return { token, identity, client: syncClient({ url: running.url, token }) };
    },
    async close() {
      await running.close();
      temp.remove();
    },
  };
}
