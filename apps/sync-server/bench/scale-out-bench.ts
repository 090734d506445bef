// Scale-out: the sync server on PostgreSQL with 1, 2 and 4 processes, against one process on SQLite, in
// the same run. Per setup: push throughput (8 devices of 8 users pushing ~1 KB messages in batches of
// 500 at once, each batch to the next process, as a round-robin load balancer would send them), pull
// throughput (the same devices pulling everything back in pages of 1,000), and propagation (an edit
// pushed to one process until the poke reaches another device listening on another process; on one
// process, the same process). PostgreSQL runs with fsync on, as SQLite runs with synchronous=FULL.
// Nothing is asserted. Run: npx tsx apps/sync-server/bench/scale-out-bench.ts
import { join } from 'node:path';
import { serializeHlc, uuidV7 } from '@hearth/core';
import type { SyncMutation } from '@hearth/schema';
import { syncProtocolVersion } from '@hearth/schema';
import { openStorage } from '../src/storage/open-storage.ts';
import { hashSecret, newDeviceToken } from '../src/sync/device-token.ts';
import { openPostgres } from '../src/sync/store/postgres-database.ts';
import { PostgresSyncStore } from '../src/sync/store/postgres-sync-store.ts';
import { SqliteSyncStore } from '../src/sync/store/sqlite-sync-store.ts';
import type { SyncStore } from '../src/sync/store/sync-store.ts';
import { openSse } from '../src/sync/test/sse-reader.ts';
import { startPostgresCluster } from '../test/postgres-cluster.ts';
import { startServerFleet } from '../test/server-fleet.ts';
import { makeTempDir } from '../test/temp-dir.ts';

const devices = 8;
const perDevice = Number(process.env.SCALE_OUT_RECORDS_PER_DEVICE ?? 5_000);
const batchSize = 500;
const pageSize = 1_000;
const propagationSamples = Number(process.env.SCALE_OUT_PROPAGATION_SAMPLES ?? 200);
const nowMs = Date.now();

/** A realistic assistant message of about 1 KB as JSON, with the device's own clock. */
function message(index: number, clockId: string): SyncMutation {
  const content = 'the quick brown fox jumps over a lazy dog while the model thinks '.repeat(12);
  return {
    mutationId: index + 1,
    change: {
      table: 'messages',
      record: {
        id: uuidV7(nowMs),
        updatedAt: serializeHlc({ wallMs: nowMs, counter: index % 1000, deviceId: clockId }),
        deleted: false,
        chatId: '01890a5d-ac96-774b-bcce-b302099a8057',
        role: 'assistant',
        content,
        reasoning: '',
        status: 'done',
        error: null,
        model: 'gpt-4o-mini',
        usage: { promptTokens: 812, completionTokens: 190, totalTokens: 1002 },
        createdAt: nowMs,
        feedback: null,
        connection: 'direct',
      },
    },
  };
}

interface BenchUser {
  token: string;
  /** A second device of the same user, for propagation. */
  listenerToken: string;
}

/** One user per pushing device, each with a second device that listens. */
async function createUsers(store: SyncStore): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let index = 0; index < devices; index += 1) {
    const token = newDeviceToken();
    const listenerToken = newDeviceToken();
    const identity = await store.createUser({ deviceName: 'bench', tokenHash: hashSecret(token), nowMs });
    const codeHash = hashSecret(`pair-${index}-${token}`);
    await store.createPairingCode({ identity, codeHash, expiresAt: nowMs + 600_000 });
    await store.redeemPairingCode({ codeHash, deviceName: 'listener', tokenHash: hashSecret(listenerToken), nowMs });
    users.push({ token, listenerToken });
  }
  return users;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Pushes, pulls and measures propagation against the running processes at `urls`. */
async function measure(urls: string[], users: BenchUser[]) {
  let turn = 0;
  const nextUrl = () => urls[turn++ % urls.length] ?? '';
  const headersOf = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const bodies = users.map((_, device) => {
    const mutations = Array.from({ length: perDevice }, (_, index) => message(index, `bench${device}`));
    const batches: string[] = [];
    for (let start = 0; start < perDevice; start += batchSize) {
      batches.push(
        JSON.stringify({ protocolVersion: syncProtocolVersion, mutations: mutations.slice(start, start + batchSize) }),
      );
    }
    return batches;
  });

  let started = performance.now();
  await Promise.all(
    users.map(async (user, device) => {
      for (const body of bodies[device] ?? []) {
        const response = await fetch(`${nextUrl()}/trpc/sync.push`, {
          method: 'POST',
          headers: headersOf(user.token),
          body,
        });
        if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  const pushMs = performance.now() - started;

  started = performance.now();
  const pulled = await Promise.all(
    users.map(async (user) => {
      let cursor = 0;
      let count = 0;
      for (;;) {
        const input = encodeURIComponent(
          JSON.stringify({ protocolVersion: syncProtocolVersion, cursor, limit: pageSize }),
        );
        const response = await fetch(`${nextUrl()}/trpc/sync.pull?input=${input}`, { headers: headersOf(user.token) });
        const page = (await response.json()) as {
          result: { data: { records: unknown[]; cursor: number; hasMore: boolean } };
        };
        count += page.result.data.records.length;
        cursor = page.result.data.cursor;
        if (!page.result.data.hasMore) return count;
      }
    }),
  );
  const pullMs = performance.now() - started;
  const total = devices * perDevice;
  if (pulled.reduce((sum, count) => sum + count, 0) !== total)
    throw new Error(`pulled ${pulled.join('+')} of ${total}`);

  // Propagation: the first user's second device listens on the last process; the edit goes to the first.
  const user = users[0];
  if (user === undefined) throw new Error('no user');
  const controller = new AbortController();
  const { events } = await openSse({
    url: `${urls.at(-1)}/trpc/sync.live`,
    headers: { authorization: `Bearer ${user.listenerToken}` },
    signal: controller.signal,
  });
  const nextCursor = async () => {
    for (;;) {
      const { value, done } = await events.next();
      if (done === true) throw new Error('the live channel ended');
      if (value.event === 'message') return (JSON.parse(value.data) as { cursor: number }).cursor;
    }
  };
  let cursor = await nextCursor();
  const samples: number[] = [];
  for (let index = 0; index < propagationSamples; index += 1) {
    const body = JSON.stringify({
      protocolVersion: syncProtocolVersion,
      mutations: [message(perDevice + index, 'bench0')],
    });
    const sent = performance.now();
    const response = await fetch(`${urls[0]}/trpc/sync.push`, { method: 'POST', headers: headersOf(user.token), body });
    await response.arrayBuffer();
    const expected = cursor + 1;
    while (cursor < expected) cursor = await nextCursor();
    samples.push(performance.now() - sent);
  }
  controller.abort();
  samples.sort((a, b) => a - b);
  return {
    push: Math.round((total / pushMs) * 1000),
    pull: Math.round((total / pullMs) * 1000),
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
  };
}

const results: { setup: string; push: number; pull: number; p50: number; p99: number }[] = [];

{
  const temp = makeTempDir('scale-out-sqlite');
  const dataDir = join(temp.path, 'data');
  const storage = openStorage({ dataDir });
  const users = await createUsers(new SqliteSyncStore({ db: storage.db }));
  storage.close();
  const fleet = await startServerFleet({ dataDir, count: 1 });
  try {
    results.push({ setup: 'SQLite, 1 process', ...(await measure([fleet.members[0]?.url ?? ''], users)) });
  } finally {
    await fleet.stop();
    temp.remove();
  }
}

const cluster = await startPostgresCluster({ durable: true });
try {
  for (const count of [1, 2, 4]) {
    const url = await cluster.createDatabase(`scale_out_${count}`);
    const database = await openPostgres({ url });
    const users = await createUsers(new PostgresSyncStore({ database }));
    await database.close();
    const fleet = await startServerFleet({ databaseUrl: url, count });
    try {
      const urls = fleet.members.map((member) => member.url);
      results.push({
        setup: `PostgreSQL, ${count} process${count === 1 ? '' : 'es'}`,
        ...(await measure(urls, users)),
      });
    } finally {
      await fleet.stop();
    }
  }
} finally {
  await cluster.stop();
}

const reference = results[0];
console.log(
  `${devices} devices of ${devices} users, ${perDevice} messages of ~1 KB each; ${propagationSamples} propagation samples`,
);
console.log('setup                    push rec/s  (vs SQLite)  pull rec/s  (vs SQLite)  propagation p50 / p99');
for (const row of results) {
  const vs = (value: number, of: number | undefined) => (of ? (value / of).toFixed(2) : '-');
  console.log(
    `${row.setup.padEnd(24)} ${String(row.push).padStart(10)}  ${vs(row.push, reference?.push).padStart(11)}  ` +
      `${String(row.pull).padStart(10)}  ${vs(row.pull, reference?.pull).padStart(11)}  ` +
      `${row.p50.toFixed(1)} ms / ${row.p99.toFixed(1)} ms`,
  );
}
