import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HybridClock, uuidV7 } from '@hearth/core';
import { type Attachment, type Message, messageSchema } from '@hearth/schema';
import { createServer, type HearthServer, parseConfig } from '@hearth/sync-server';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AppDatabase } from '../../../db/app-database.ts';
import { createSyncClient } from '../../sync-client.ts';

/** The real Hearth server on 127.0.0.1:0 with a temporary DATA_DIR; `env` adds settings. */
export async function startBlobSyncServer(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-web-blobs-'));
  const parsed = parseConfig({
    argv: [],
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SYNC_SIGNUP: '1',
      ...env,
    },
    cwd: dataDir,
  });
  if (!parsed.success) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  const server: HearthServer = await createServer({ config: parsed.value });
  const { url } = await server.listen();
  return {
    url,
    server,
    /** A new account with one device, as the app signs up: its server URL and token. */
    async signUp(deviceName = 'Laptop') {
      const credentials = await createSyncClient({ serverUrl: url }).account.signUp.mutate({ deviceName });
      return { serverUrl: url, token: credentials.token, deviceId: credentials.deviceId };
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A device's database in an in-memory IndexedDB of its own. */
export function deviceDatabase(name: string): AppDatabase {
  return new AppDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A user message naming `attachments`, written by `clock`'s device. */
export function messageWith(clock: HybridClock, attachments: Attachment[]): Message {
  const now = Date.now();
  return messageSchema.parse({
    id: uuidV7(now),
    updatedAt: clock.tick(),
    deleted: false,
    chatId: uuidV7(now),
    role: 'user',
    content: 'see the file',
    reasoning: '',
    status: 'done',
    error: null,
    model: null,
    usage: null,
    createdAt: now,
    feedback: null,
    connection: null,
    attachments,
  });
}
