// QUALITY 27 at the wire: a record written by a newer app version (fields this version does not know,
// nested too) is kept whole by the server, and a field no parse could keep is refused, never dropped.
import { syncProtocolVersion } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpSync, startHttpSync } from './test/http-sync.ts';
import { chatChange, clockAt, messageChange, mutationsOf, pushOf, testNowMs } from './test/records.ts';
import { errorOf } from './test/sync-error-of.ts';

let sync: HttpSync;
beforeAll(async () => {
  sync = await startHttpSync();
});
afterAll(() => sync.close());

describe('records that evolve', () => {
  it('keep every field a newer version wrote, at the top and nested, through push and pull', async () => {
    const device = await sync.newUser();
    const newer = {
      table: 'chats' as const,
      record: {
        ...chatChange().record,
        params: { temperature: 0.5, topP: 0.9 },
        folder: { id: 'f1', path: ['work', 'q3'], colour: null },
      },
    };
    const message = messageChange({ usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3, cachedTokens: 7 } });
    const answer = await device.client.sync.push.mutate(pushOf(mutationsOf([newer, message])));
    expect(answer.superseded).toEqual([]);
    const page = await device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 });
    expect(page.records).toEqual([newer, message]);
  });

  it('answer a stale version with the newer one whole, unknown fields included', async () => {
    const device = await sync.newUser();
    const newer = { table: 'chats' as const, record: { ...chatChange().record, folder: { id: 'f2' } } };
    await device.client.sync.push.mutate(pushOf(mutationsOf([newer])));
    const stale = chatChange({ ...newer.record, title: 'old', updatedAt: clockAt({ wallMs: testNowMs - 1 }) });
    const answer = await device.client.sync.push.mutate(pushOf(mutationsOf([stale], 2)));
    expect(answer.superseded).toEqual([newer]);
  });

  it('refuse a field named __proto__ rather than answer success without it', async () => {
    const device = await sync.newUser();
    const chat = chatChange();
    const body = `{"protocolVersion":${syncProtocolVersion},"mutations":[{"mutationId":1,"change":{"table":"chats","record":${JSON.stringify(
      chat.record,
    ).replace('"title"', '"extra":{"__proto__":{"polluted":true}},"title"')}}}]}`;
    const response = await fetch(`${sync.url}/trpc/sync.push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: { message: string; data: { syncCode: string } } };
    expect(error.error.data.syncCode).toBe('bad_request');
    expect(error.error.message).toContain('__proto__');
    const page = await device.client.sync.pull.query({ protocolVersion: syncProtocolVersion, cursor: 0 });
    expect(page.records).toEqual([]);
  });

  it('refuse a value this version does not know, naming the field (never storing it half-understood)', async () => {
    const device = await sync.newUser();
    const tool = { table: 'messages', record: { ...messageChange().record, role: 'tool' } };
    const error = await errorOf(device.client.sync.push.mutate(pushOf(mutationsOf([tool as never]))));
    expect(error.syncCode).toBe('bad_request');
    expect(error.message).toContain('role');
  });
});
