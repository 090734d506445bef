// QUALITY 23: the server killed mid-push and the push retried; the response lost after commit and
// retried: no duplicate, no loss; `PRAGMA integrity_check` is ok after restart.
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SyncMutation } from '@hearth/schema';
import { syncProtocolVersion, wireRecordKey } from '@hearth/schema';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SpawnedScript, spawnScript } from '../../test/spawn-script.ts';
import { makeTempDir } from '../../test/temp-dir.ts';
import { openStorage } from '../storage/open-storage.ts';
import { hashSecret, newDeviceToken } from './device-token.ts';
import { hashPairingCode } from './pairing-code.ts';
import { SqliteSyncStore } from './store/sqlite-sync-store.ts';
import { syncClient } from './test/http-sync.ts';
import { clockAt, messageChange, pushOf } from './test/records.ts';

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));

let temp: ReturnType<typeof makeTempDir>;
/** The server running now, if any. */
let server: SpawnedScript | undefined;
/** Every server process a test started, so that none outlives it, whatever failed. */
const started: SpawnedScript[] = [];
const running = () => started.filter((script) => script.child.exitCode === null && script.child.signalCode === null);
beforeEach(() => {
  temp = makeTempDir('crash');
});
afterEach(async () => {
  // After a failure, servers may still run: kill them and wait until they are gone.
  for (const script of running()) script.child.kill('SIGKILL');
  await Promise.all(started.splice(0).map((script) => script.exited));
  server = undefined;
  temp.remove();
});

const dataDir = () => join(temp.path, 'data');

/** Creates a user with `count` devices in the data dir (before the server starts), returning their tokens. */
async function createDevices(count: number): Promise<{ userId: string; tokens: string[] }> {
  const storage = openStorage({ dataDir: dataDir() });
  try {
    const store = new SqliteSyncStore({ db: storage.db });
    const tokens = [newDeviceToken()];
    const first = await store.createUser({
      deviceName: 'device 0',
      tokenHash: hashSecret(tokens[0] ?? ''),
      nowMs: Date.now(),
    });
    for (let index = 1; index < count; index += 1) {
      const token = newDeviceToken();
      const code = `CODE${index}`;
      await store.createPairingCode({
        identity: first,
        codeHash: hashPairingCode(code),
        expiresAt: Date.now() + 60_000,
      });
      await store.redeemPairingCode({
        codeHash: hashPairingCode(code),
        deviceName: `device ${index}`,
        tokenHash: hashSecret(token),
        nowMs: Date.now(),
      });
      tokens.push(token);
    }
    return { userId: first.userId, tokens };
  } finally {
    storage.close();
  }
}

/** Starts the real server process on the data dir and resolves with its URL. */
async function startServer(): Promise<string> {
  server = spawnScript({
    script: mainScript,
    cwd: temp.path,
    env: { PORT: '0', DATA_DIR: dataDir(), STATIC_DIR: temp.path, LOG_LEVEL: 'info' },
  });
  started.push(server);
  await server.waitForOutput('Hearth is listening at');
  const line = server
    .stdout()
    .split('\n')
    .find((text) => text.includes('Hearth is listening at'));
  return String((JSON.parse(line ?? '{}') as { url?: string }).url);
}

async function killServer(): Promise<void> {
  server?.child.kill('SIGKILL');
  expect((await server?.exited)?.signal).toBe('SIGKILL');
}

/** A deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface DeviceState {
  token: string;
  nextId: number;
  /** Every mutation this device sent, acknowledged or not. */
  sent: SyncMutation[];
  /** The batch sent without an answer when the server died: retried with the same ids. */
  unanswered: SyncMutation[] | undefined;
}

describe('a server killed mid-push', () => {
  it('loses no acknowledged write and applies every retried batch exactly once', async () => {
    const seed = Date.now() % 100_000;
    const next = random(seed);
    const { userId, tokens } = await createDevices(3);
    const devices: DeviceState[] = tokens.map((token) => ({ token, nextId: 1, sent: [], unanswered: undefined }));
    const rounds = 5;

    let url = '';
    for (let round = 0; round <= rounds; round += 1) {
      url = await startServer();
      for (const device of devices) {
        if (device.unanswered === undefined) continue;
        const client = syncClient({ url, token: device.token, batch: false });
        const answer = await client.sync.push.mutate(pushOf(device.unanswered));
        expect(answer.lastMutationId, `seed ${seed}`).toBe(device.unanswered.at(-1)?.mutationId);
        device.unanswered = undefined;
      }
      if (round === rounds) break;
      // Hammer: each device pushes batches back to back until the server dies under it.
      const hammering = devices.map(async (device) => {
        const client = syncClient({ url, token: device.token, batch: false });
        for (;;) {
          const batch = Array.from({ length: 20 }, () => ({
            mutationId: device.nextId++,
            change: messageChange({
              content: `${'x'.repeat(900)} ${device.token.slice(0, 4)}`,
              // Each device writes clocks of its own (a clock id is bound to one device).
              updatedAt: clockAt({ deviceId: device.token.slice(0, 8).replace(/[^0-9A-Za-z]/g, 'x') }),
            }),
          }));
          device.sent.push(...batch);
          try {
            const answer = await client.sync.push.mutate(pushOf(batch));
            expect(answer.lastMutationId).toBe(batch.at(-1)?.mutationId);
          } catch {
            device.unanswered = batch;
            return;
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.floor(next() * 300)));
      await killServer();
      await Promise.all(hammering);
    }

    // The server of the last round, which took the retried batches, answers the final pull.
    const reader = syncClient({ url, token: devices[0]?.token ?? '', batch: false });
    const pulled = new Map<string, unknown>();
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await reader.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor, limit: 1000 });
      for (const change of page.records) {
        const id = wireRecordKey(change);
        expect(pulled.has(id), `record ${id} pulled twice`).toBe(false);
        pulled.set(id, change.record);
      }
      cursor = page.cursor;
      pages += 1;
      if (!page.hasMore) break;
    }
    await killServer();
    expect(running(), 'servers still running').toEqual([]);

    const sent = devices.flatMap((device) => device.sent);
    expect(sent.length, `seed ${seed}`).toBeGreaterThan(devices.length * 20);
    expect(pulled.size, `seed ${seed}`).toBe(sent.length);
    for (const mutation of sent) {
      const change = mutation.change;
      expect(pulled.get(change.table === 'settings' ? change.record.key : change.record.id)).toEqual(change.record);
    }
    expect(pages).toBe(Math.ceil(sent.length / 1000) + (sent.length % 1000 === 0 ? 1 : 0));

    const db = new BetterSqlite3(join(dataDir(), 'hearth.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Each mutation wrote once: one sequence number each, none skipped, none repeated.
      const marks = db
        .prepare(
          'SELECT seq, (SELECT COUNT(*) FROM sync_records) AS rows, (SELECT MAX(seq) FROM sync_records) AS top FROM sync_users WHERE id = ?',
        )
        .get(userId);
      expect(marks).toEqual({ seq: sent.length, rows: sent.length, top: sent.length });
      const lastIds = db.prepare('SELECT last_mutation_id FROM sync_devices ORDER BY created_at, rowid').pluck().all();
      expect(lastIds.sort()).toEqual(devices.map((device) => device.nextId - 1).sort());
    } finally {
      db.close();
    }
  }, 600_000);
});

describe('an answer lost after the commit', () => {
  it('is retried with the same ids and changes nothing', async () => {
    const { userId, tokens } = await createDevices(1);
    const token = tokens[0] ?? '';
    const url = await startServer();
    const batch = pushOf([1, 2, 3].map((mutationId) => ({ mutationId, change: messageChange() })));
    const body = JSON.stringify(batch);
    // Send the push and hang up before the answer: the server commits with nobody to tell.
    await new Promise<void>((resolve) => {
      const sent = request(`${url}/trpc/sync.push`, {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      sent.on('error', () => {});
      sent.end(body, () => {
        sent.destroy();
        resolve();
      });
    });
    const db = new BetterSqlite3(join(dataDir(), 'hearth.sqlite'), { readonly: true });
    try {
      const seq = () => db.prepare('SELECT seq FROM sync_users WHERE id = ?').pluck().get(userId);
      // vi.waitFor gives up after 1 s by default; a busy machine may take longer to commit.
      await vi.waitFor(() => expect(seq()).toBe(3), { timeout: 60_000 });
      const answer = await syncClient({ url, token }).sync.push.mutate(batch);
      // Nothing new was written: the span is empty and the device pulls its own changes back.
      expect(answer).toEqual({ lastMutationId: 3, superseded: [], sequence: { before: 3, after: 3 } });
      expect(seq()).toBe(3);
      expect(db.prepare('SELECT COUNT(*) FROM sync_records').pluck().get()).toBe(3);
    } finally {
      db.close();
    }
    await killServer();
    expect(running(), 'servers still running').toEqual([]);
  }, 120_000);
});
