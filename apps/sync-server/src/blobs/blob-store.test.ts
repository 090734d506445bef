import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentMaxBytes } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir } from '../../test/temp-dir.ts';
import { startTestServer, testConfig } from '../../test/test-server.ts';
import { type HttpSync, startHttpSync } from '../sync/test/http-sync.ts';
import { blobErrorOf, blobHttp, hashOf } from './test/blob-http.ts';

const bytes = new TextEncoder().encode('a picture of a cat, as bytes');
const hash = hashOf(bytes);

/** Every file the blob store keeps (temporary uploads included) under DATA_DIR. */
function blobFiles(sync: HttpSync): string[] {
  return listFiles(join(sync.dataDir, 'blobs'));
}

describe('the blob store over HTTP', () => {
  let sync: HttpSync;
  beforeEach(async () => {
    sync = await startHttpSync({ env: { SYNC_BLOB_QUOTA_BYTES: '1000' } });
  });
  afterEach(async () => sync.close());

  it('stores an upload under its hash and serves it back, to its own user only as bytes', async () => {
    const { token } = await sync.newUser();
    const http = blobHttp({ url: sync.url, token });
    const put = await http.put(hash, bytes);
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ hash, size: bytes.length, created: true });
    expect(put.headers.get('x-request-id')).toBeTruthy();

    const head = await http.head(hash);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));

    const get = await http.get(hash);
    expect(get.status).toBe(200);
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);
    // Whatever was uploaded, it never renders as a page of this origin.
    expect(get.headers.get('content-type')).toBe('application/octet-stream');
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    expect(get.headers.get('content-security-policy')).toContain('sandbox');
    expect(blobFiles(sync)).toHaveLength(1);
  });

  it('refuses bytes that do not hash to the name they were sent as, keeping nothing', async () => {
    const { token } = await sync.newUser();
    const http = blobHttp({ url: sync.url, token });
    const wrong = hashOf('other bytes');
    const put = await http.put(wrong, bytes);
    expect(put.status).toBe(400);
    const error = await blobErrorOf(put);
    expect(error.code).toBe('hash_mismatch');
    expect(error.details).toEqual({ expected: wrong, actual: hash });
    expect((await http.head(wrong)).status).toBe(404);
    expect(blobFiles(sync)).toEqual([]);
  });

  it('refuses a file over the attachment limit, declared or streamed, keeping nothing', async () => {
    const { token } = await sync.newUser();
    const http = blobHttp({ url: sync.url, token });
    const big = new Uint8Array(attachmentMaxBytes + 1);
    const declared = await http.put(hashOf(big), big);
    expect(declared.status).toBe(413);
    expect((await blobErrorOf(declared)).code).toBe('too_large');

    // Without a length up front, it is cut as soon as it passes the limit.
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > attachmentMaxBytes + 2 * chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await http.put(hashOf('whatever'), stream).catch(() => undefined);
    // The server may close the connection before the client finishes sending; either way nothing is kept.
    if (streamed !== undefined) {
      expect(streamed.status).toBe(413);
      expect((await blobErrorOf(streamed)).code).toBe('too_large');
    }
    expect(blobFiles(sync)).toEqual([]);
  });

  it('answers a second upload of the same blob as success without rewriting it', async () => {
    const { token } = await sync.newUser();
    const http = blobHttp({ url: sync.url, token });
    expect((await http.put(hash, bytes)).status).toBe(201);
    const [file] = blobFiles(sync);
    const before = statSync(file ?? '');
    const again = await http.put(hash, bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ hash, size: bytes.length, created: false });
    const after = statSync(file ?? '');
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    const metrics = await (await fetch(`${sync.url}/metrics`)).text();
    expect(metrics).toContain('hearth_sync_blob_uploads_total 1');
  });

  it('refuses uploads past the per-user quota, saying what is used and what the limit is', async () => {
    const { token } = await sync.newUser();
    const http = blobHttp({ url: sync.url, token });
    const first = new Uint8Array(600).fill(1);
    const second = new Uint8Array(600).fill(2);
    expect((await http.put(hashOf(first), first)).status).toBe(201);
    const refused = await http.put(hashOf(second), second);
    expect(refused.status).toBe(507);
    const error = await blobErrorOf(refused);
    expect(error.code).toBe('quota_exceeded');
    expect(error.details).toEqual({ usedBytes: 600, limitBytes: 1000, neededBytes: 600 });
    expect(error.message).toMatch(/quota/);
    expect((await http.head(hashOf(second))).status).toBe(404);
    // Another user has a quota of their own.
    const other = await sync.newUser('Other');
    expect((await blobHttp({ url: sync.url, token: other.token }).put(hashOf(second), second)).status).toBe(201);
  });

  it("keeps each user's blobs to that user: another user's hash is not found even with the same bytes there", async () => {
    const alice = blobHttp({ url: sync.url, token: (await sync.newUser('Alice')).token });
    const bob = blobHttp({ url: sync.url, token: (await sync.newUser('Bob')).token });
    expect((await alice.put(hash, bytes)).status).toBe(201);
    expect((await bob.head(hash)).status).toBe(404);
    const get = await bob.get(hash);
    expect(get.status).toBe(404);
    expect((await blobErrorOf(get)).code).toBe('not_found');
    expect(await (await bob.lacking([hash])).json()).toEqual({ lacking: [hash] });
    // Bob uploading the same bytes stores Bob's own copy; deleting neither affects the other.
    expect((await bob.put(hash, bytes)).status).toBe(201);
    expect(blobFiles(sync)).toHaveLength(2);
  });

  it('says which of a list of hashes it lacks, in the order asked', async () => {
    const http = blobHttp({ url: sync.url, token: (await sync.newUser()).token });
    await http.put(hash, bytes);
    const others = [hashOf('one'), hashOf('two')];
    const answer = await http.lacking([others[0], hash, others[1]]);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ lacking: others });
    const invalid = await http.lacking(['not-a-hash']);
    expect(invalid.status).toBe(400);
    expect((await blobErrorOf(invalid)).code).toBe('bad_request');
  });

  it('answers nothing without a valid device token', async () => {
    const { token } = await sync.newUser();
    await blobHttp({ url: sync.url, token }).put(hash, bytes);
    for (const http of [blobHttp({ url: sync.url }), blobHttp({ url: sync.url, token: 'x'.repeat(43) })]) {
      for (const response of [await http.get(hash), await http.put(hash, bytes), await http.lacking([hash])]) {
        expect(response.status).toBe(401);
        expect((await blobErrorOf(response)).code).toBe('unauthorized');
      }
    }
  });
});

describe('the blob store in relay-only mode', () => {
  it('does not exist, and writes nothing', async () => {
    const temp = makeTempDir('blobs-relay-only');
    const dataDir = join(temp.path, 'data');
    const config = testConfig({
      cwd: temp.path,
      env: { RELAY_ONLY: '1', DATA_DIR: dataDir, STATIC_DIR: join(temp.path, 'no-web-app'), LOG_LEVEL: 'warn' },
    });
    const running = await startTestServer({ config });
    try {
      const http = blobHttp({ url: running.url, token: 'x'.repeat(43) });
      for (const response of [await http.put(hash, bytes), await http.get(hash), await http.lacking([hash])]) {
        expect(response.status).toBe(404);
        expect((await blobErrorOf(response)).code).toBe('not_found');
      }
      expect(running.server.blobs).toBeUndefined();
    } finally {
      await running.close();
    }
    expect(existsSync(dataDir)).toBe(false);
    temp.remove();
  });
});
