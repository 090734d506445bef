// Sync throughput over HTTP against the real server process (SQLite, WAL, synchronous=FULL): pushing
// 100,000 realistic ~1 KB messages in batches of 500, then pulling them in pages of 1,000. The reference,
// in the same run: the same rows written and read with better-sqlite3 directly (same pragmas, one
// transaction per batch), so the ratio shows what the protocol, validation and HTTP cost.
// Nothing is asserted. Run: npx tsx apps/sync-server/bench/sync-bench.ts
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeHlc, uuidV7 } from '@hearth/core';
import type { SyncMutation } from '@hearth/schema';
import { syncProtocolVersion } from '@hearth/schema';
import BetterSqlite3 from 'better-sqlite3';
import { openStorage } from '../src/storage/open-storage.ts';
import { hashSecret, newDeviceToken } from '../src/sync/device-token.ts';
import { SqliteSyncStore } from '../src/sync/store/sqlite-sync-store.ts';
import { spawnScript } from '../test/spawn-script.ts';
import { makeTempDir } from '../test/temp-dir.ts';

const total = 100_000;
const batchSize = 500;
const pageSize = 1_000;
const words = 'the quick brown fox jumps over a lazy dog while the model thinks about markdown tables and code'.split(
  ' ',
);

/** A realistic assistant message of about 1 KB as JSON. */
function message(index: number, nowMs: number): SyncMutation {
  let content = '';
  while (content.length < 760) content += `${words[(index + content.length) % words.length]} `;
  return {
    mutationId: index + 1,
    change: {
      table: 'messages',
      record: {
        id: uuidV7(nowMs),
        updatedAt: serializeHlc({ wallMs: nowMs, counter: index % 1000, deviceId: 'bench' }),
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

const temp = makeTempDir('sync-bench');
const dataDir = join(temp.path, 'data');
const token = newDeviceToken();
{
  const storage = openStorage({ dataDir });
  await new SqliteSyncStore({ db: storage.db }).createUser({
    deviceName: 'bench',
    tokenHash: hashSecret(token),
    nowMs: Date.now(),
  });
  storage.close();
}
const nowMs = Date.now();
const mutations = Array.from({ length: total }, (_, index) => message(index, nowMs));
const bodies: string[] = [];
for (let start = 0; start < total; start += batchSize) {
  bodies.push(
    JSON.stringify({ protocolVersion: syncProtocolVersion, mutations: mutations.slice(start, start + batchSize) }),
  );
}
const averageBytes = Math.round(mutations.reduce((sum, m) => sum + JSON.stringify(m).length, 0) / total);

const server = spawnScript({
  script: fileURLToPath(new URL('../src/main.ts', import.meta.url)),
  cwd: temp.path,
  // Info, as in production: one log line per request is part of the cost.
  env: { PORT: '0', DATA_DIR: dataDir, STATIC_DIR: temp.path, LOG_LEVEL: 'info' },
});
await server.waitForOutput('Hearth is listening at');
const url = /"url":"([^"]+)"/.exec(server.stdout())?.[1] ?? '';

const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
let elapsed = performance.now();
for (const body of bodies) {
  const response = await fetch(`${url}/trpc/sync.push`, { method: 'POST', headers, body });
  if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}
const pushMs = performance.now() - elapsed;

elapsed = performance.now();
let cursor = 0;
let pulled = 0;
for (;;) {
  const input = encodeURIComponent(JSON.stringify({ protocolVersion: syncProtocolVersion, cursor, limit: pageSize }));
  const response = await fetch(`${url}/trpc/sync.pull?input=${input}`, { headers });
  const page = (await response.json()) as {
    result: { data: { records: unknown[]; cursor: number; hasMore: boolean } };
  };
  pulled += page.result.data.records.length;
  cursor = page.result.data.cursor;
  if (!page.result.data.hasMore) break;
}
const pullMs = performance.now() - elapsed;
server.child.kill('SIGTERM');
await server.exited;
if (pulled !== total) throw new Error(`pulled ${pulled} of ${total}`);

// The reference: the same rows straight into SQLite and back, no protocol, no HTTP.
const db = new BetterSqlite3(join(temp.path, 'reference.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE records (id INTEGER PRIMARY KEY, user_id TEXT, table_name TEXT, record_key TEXT, updated_at TEXT,
  deleted INTEGER, body TEXT, seq INTEGER, changed_at INTEGER, UNIQUE (user_id, table_name, record_key)) STRICT;
  CREATE UNIQUE INDEX records_by_seq ON records (user_id, seq);`);
const insert = db.prepare('INSERT INTO records VALUES (NULL, ?, ?, ?, ?, 0, ?, ?, ?)');
const insertBatch = db.transaction((batch: SyncMutation[], first: number) => {
  batch.forEach((mutation, index) => {
    const record = mutation.change.record as { id: string; updatedAt: string };
    insert.run(
      'u',
      mutation.change.table,
      record.id,
      record.updatedAt,
      JSON.stringify(record),
      first + index + 1,
      nowMs,
    );
  });
});
elapsed = performance.now();
for (let start = 0; start < total; start += batchSize)
  insertBatch.immediate(mutations.slice(start, start + batchSize), start);
const rawWriteMs = performance.now() - elapsed;
const page = db.prepare('SELECT table_name, body, seq FROM records WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?');
elapsed = performance.now();
let rawRead = 0;
for (let seq = 0; ; ) {
  const rows = page.all('u', seq, pageSize) as { body: string; seq: number }[];
  if (rows.length === 0) break;
  for (const row of rows) JSON.parse(row.body);
  rawRead += rows.length;
  seq = rows.at(-1)?.seq ?? seq;
}
const rawReadMs = performance.now() - elapsed;
db.close();
temp.remove();

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
const pushRate = rate(total, pushMs);
const pullRate = rate(pulled, pullMs);
const rawWriteRate = rate(total, rawWriteMs);
const rawReadRate = rate(rawRead, rawReadMs);
console.log(`records: ${total} messages of ~${averageBytes} bytes as JSON`);
console.log(`push over HTTP (batches of ${batchSize}): ${pushRate} records/s (${Math.round(pushMs)} ms)`);
console.log(
  `reference, better-sqlite3 inserts (transactions of ${batchSize}): ${rawWriteRate} records/s (${Math.round(rawWriteMs)} ms)`,
);
console.log(`push / reference: ${(pushRate / rawWriteRate).toFixed(2)}`);
console.log(`pull over HTTP (pages of ${pageSize}): ${pullRate} records/s (${Math.round(pullMs)} ms)`);
console.log(
  `reference, better-sqlite3 page reads with JSON.parse: ${rawReadRate} records/s (${Math.round(rawReadMs)} ms)`,
);
console.log(`pull / reference: ${(pullRate / rawReadRate).toFixed(2)}`);
