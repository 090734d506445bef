// QUALITY 29: a deleted message or chat leaves only its tombstone's identity and clock on the server:
// its text is gone from the database file and from the WAL.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncProtocolVersion } from '@hearth/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/temp-dir.ts';
import { migrations } from '../storage/migrations.ts';
import { openStorage } from '../storage/open-storage.ts';
import { type InProcessSync, startInProcessSync } from './test/in-process-sync.ts';
import { chatChange, clockAt, messageChange, mutationsOf, pushOf, testNowMs, tombstoneOf } from './test/records.ts';

/** Whether `word` appears in the database file or its WAL, as bytes (UTF-8). */
function onDisk(file: string, word: string): { file: boolean; wal: boolean } {
  const needle = Buffer.from(word, 'utf8');
  const wal = `${file}-wal`;
  return {
    file: readFileSync(file).includes(needle),
    wal: existsSync(wal) && readFileSync(wal).includes(needle),
  };
}

let sync: InProcessSync | undefined;
afterEach(() => sync?.close());

describe('deletes that forget', () => {
  it('leave no trace of a deleted message’s text in the database file or the WAL', async () => {
    sync = startInProcessSync();
    const device = await sync.newUser();
    const canary = `zanzibar-${crypto.randomUUID()}`;
    // Long enough to spill into overflow pages, which a delete frees (their bytes stay unless zeroed).
    const long = `${'lorem ipsum '.repeat(2_000)} ${canary}`;
    const message = messageChange({ content: `the secret is ${canary}`, reasoning: long });
    await device.call.sync.push(pushOf(mutationsOf([message])));
    // The check can see the word while it is there: in the WAL first, then in the file after a checkpoint.
    expect(onDisk(sync.storage.file, canary).wal).toBe(true);
    sync.storage.db.pragma('wal_checkpoint(PASSIVE)');
    expect(onDisk(sync.storage.file, canary).file).toBe(true);

    await device.call.sync.push(pushOf(mutationsOf([tombstoneOf(message, clockAt({ counter: 1 }))], 2)));
    expect(onDisk(sync.storage.file, canary)).toEqual({ file: false, wal: false });
    const page = await device.call.sync.pull({ protocolVersion: syncProtocolVersion, cursor: 0 });
    expect(page.records).toEqual([tombstoneOf(message, clockAt({ counter: 1 }))]);
  });

  it('drop whatever content a tombstone is sent with (an older client sends the whole record)', async () => {
    sync = startInProcessSync();
    const device = await sync.newUser();
    const canary = `okapi-${crypto.randomUUID()}`;
    const chat = chatChange({ title: canary });
    const wholeTombstone = { ...chat, record: { ...chat.record, deleted: true, updatedAt: clockAt({ counter: 1 }) } };
    await device.call.sync.push(pushOf(mutationsOf([wholeTombstone as never])));
    const body = sync.storage.db.prepare('SELECT body FROM sync_records').pluck().get();
    expect(JSON.parse(body as string)).toEqual({
      id: chat.record.id,
      updatedAt: clockAt({ counter: 1 }),
      deleted: true,
    });
    expect(onDisk(sync.storage.file, canary)).toEqual({ file: false, wal: false });
  });

  it('forget the content stored with tombstones before this version, when the database is migrated', async () => {
    const temp = makeTempDir('forget-migration');
    try {
      const dataDir = join(temp.path, 'data');
      const canary = `quokka-${crypto.randomUUID()}`;
      // A database of the previous version, holding a tombstone that still carries its text.
      const old = openStorage({ dataDir, migrations: migrations.slice(0, 2) });
      const userId = 'olduser';
      old.db.prepare('INSERT INTO sync_users (id, created_at) VALUES (?, ?)').run(userId, testNowMs);
      const message = messageChange({ content: canary });
      old.db
        .prepare(
          `INSERT INTO sync_records (user_id, table_name, record_key, updated_at, deleted, body, seq, changed_at)
           VALUES (?, 'messages', ?, ?, 1, ?, 1, ?)`,
        )
        .run(
          userId,
          message.record.id,
          message.record.updatedAt,
          JSON.stringify({ ...message.record, deleted: true }),
          testNowMs,
        );
      old.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(onDisk(old.file, canary).file).toBe(true);
      old.close();

      const migrated = openStorage({ dataDir });
      const body = migrated.db.prepare('SELECT body FROM sync_records').pluck().get() as string;
      expect(JSON.parse(body)).toEqual({ id: message.record.id, updatedAt: message.record.updatedAt, deleted: true });
      expect(onDisk(migrated.file, canary)).toEqual({ file: false, wal: false });
      migrated.close();
    } finally {
      temp.remove();
    }
  });
});
