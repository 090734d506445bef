import { join } from 'node:path';
import type { Attachment, SyncRecord } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../test/temp-dir.ts';
import { type HttpSync, startHttpSync } from '../sync/test/http-sync.ts';
import { clockAt, messageChange, mutationsOf, pushOf, testNowMs, tombstoneOf } from '../sync/test/records.ts';
import { blobHttp, hashOf } from './test/blob-http.ts';

const hourMs = 60 * 60 * 1000;
const graceMs = 2 * hourMs;
const bytes = new TextEncoder().encode('the bytes of a photo');
const hash = hashOf(bytes);
const attachment: Attachment = { hash, name: 'photo.jpg', mediaType: 'image/jpeg', size: bytes.length };

describe('freeing blobs no record names', () => {
  let nowMs = testNowMs;
  let sync: HttpSync;
  let device: Awaited<ReturnType<HttpSync['newUser']>>;
  let mutationId = 0;
  let counter = 0;

  const push = async (...changes: SyncRecord[]) => {
    await device.client.sync.push.mutate(pushOf(mutationsOf(changes, mutationId + 1)));
    mutationId += changes.length;
  };
  // Every write takes a newer clock, at the server's current time.
  const clock = () => clockAt({ wallMs: nowMs, counter: counter++ });
  const sweep = async () => {
    const blobs = sync.running.server.blobs;
    if (blobs === undefined) throw new Error('no blob store');
    return blobs.sweep();
  };
  const held = async () => (await blobHttp({ url: sync.url, token: device.token }).head(hash)).status === 200;
  const files = () => listFiles(join(sync.dataDir, 'blobs'));

  beforeEach(async () => {
    nowMs = testNowMs;
    mutationId = 0;
    sync = await startHttpSync({ env: { SYNC_BLOB_GRACE_HOURS: String(graceMs / hourMs) }, now: () => nowMs });
    device = await sync.newUser();
    expect((await blobHttp({ url: sync.url, token: device.token }).put(hash, bytes)).status).toBe(201);
  });
  afterEach(async () => sync.close());

  it('frees a blob that no record named for the grace period, file and all', async () => {
    nowMs += graceMs - 1;
    await sweep();
    expect(await held()).toBe(true);
    nowMs += 1;
    expect(await sweep()).toEqual({ freed: 1, waiting: 0 });
    expect(await held()).toBe(false);
    expect(files()).toEqual([]);
    const metrics = await (await fetch(`${sync.url}/metrics`)).text();
    expect(metrics).toContain('hearth_sync_blobs_freed_total 1');
  });

  it('keeps a blob uploaded before the record that names it, pushed later within the grace period', async () => {
    nowMs += graceMs / 2;
    expect(await sweep()).toEqual({ freed: 0, waiting: 1 });
    await push(messageChange({ updatedAt: clock(), attachments: [attachment] }));
    nowMs += graceMs * 10;
    expect(await sweep()).toEqual({ freed: 0, waiting: 0 });
    expect(await held()).toBe(true);
  });

  it('keeps a blob whose message is deleted and written again soon after, and frees it once deleted for good', async () => {
    const message = messageChange({ updatedAt: clock(), attachments: [attachment] });
    await push(message);
    await sweep();
    nowMs += hourMs;
    await push(tombstoneOf(message, clock()));
    await sweep(); // the grace starts here: nothing names it now
    nowMs += graceMs / 2;
    expect(await sweep()).toEqual({ freed: 0, waiting: 1 });
    await push(messageChange({ updatedAt: clock(), attachments: [attachment] }));
    nowMs += graceMs;
    await sweep();
    expect(await held()).toBe(true);

    // A message of another user naming the same hash keeps nothing of this user's.
    const other = await sync.newUser('Other');
    await other.client.sync.push.mutate(
      pushOf(
        mutationsOf([
          messageChange({ updatedAt: clockAt({ wallMs: nowMs, deviceId: 'other' }), attachments: [attachment] }),
        ]),
      ),
    );
    const { pull } = device.client.sync;
    const { records } = await pull.query({ protocolVersion: 2, cursor: 0 });
    for (const record of records) {
      if (record.record.deleted === false) await push(tombstoneOf(record as never, clock()));
    }
    await sweep();
    nowMs += graceMs;
    expect((await sweep()).freed).toBe(1);
    expect(await held()).toBe(false);
  });

  it('keeps a blob while an edit of its message still names it', async () => {
    const message = messageChange({ updatedAt: clock(), attachments: [attachment] });
    await push(message);
    nowMs += graceMs;
    await push({ ...message, record: { ...message.record, updatedAt: clock(), content: 'edited' } });
    nowMs += graceMs;
    await sweep();
    nowMs += graceMs;
    await sweep();
    expect(await held()).toBe(true);
  });
});
