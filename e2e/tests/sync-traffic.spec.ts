import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

interface PushedRecord {
  table: string;
  record: { id?: string; role?: string; status?: string };
}

/** The sync procedure a request to the server calls (`sync.push`, `sync.pull`...), if it is one. */
function syncCall(request: Request): string | undefined {
  const { pathname } = new URL(request.url());
  return pathname.startsWith('/trpc/') ? pathname.slice('/trpc/'.length) : undefined;
}

/** The records a push request carries (a batched request keys its inputs by index). */
function pushedRecords(request: Request): PushedRecord[] {
  const body = request.postDataJSON() as Record<string, unknown> | null;
  const inputs = body && 'mutations' in body ? [body] : Object.values(body ?? {});
  return inputs.flatMap((input) =>
    ((input as { mutations?: { change: PushedRecord }[] }).mutations ?? []).map((mutation) => mutation.change),
  );
}

test('a streaming answer costs no sync traffic: it is pushed once, when it ends', async ({ app, upstream }) => {
  const sync = (await app.openSettings()).getByRole('region', { name: 'Sync' });
  await sync.getByRole('button', { name: 'Create an account' }).click();
  await expect(sync.getByText(/This device syncs with/)).toBeVisible();
  await app.closeSettings();
  // 60 tokens at 20 a second: three seconds of streaming, the answer saved about three times a second.
  await app.addModel({ name: 'Paced', baseUrl: upstream.baseUrl({ tokens: 60, rate: 20 }) });
  await expect(app.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');

  const calls: string[] = [];
  const pushed: PushedRecord[] = [];
  app.page.on('request', (request) => {
    const call = syncCall(request);
    if (call === undefined) return;
    calls.push(call);
    if (call.includes('sync.push')) pushed.push(...pushedRecords(request));
  });
  await app.send('count to sixty');
  await expect(app.lastAnswer).toContainText('token30');
  await app.waitForAnswerToEnd();
  await expect(app.page.getByRole('status', { name: 'Sync' })).toHaveText('Synced');
  const answerPushes = () =>
    pushed.filter((change) => change.table === 'messages' && change.record.role === 'assistant');
  await expect.poll(() => answerPushes().length).toBeGreaterThan(0);

  // Every save while streaming stayed on the device: the answer went up once, finished.
  expect(answerPushes().map((change) => change.record.status)).toEqual(['done']);
  // Local changes cause pushes only; this device's own pushes are never pulled back (its cursor moves past them).
  expect(calls.filter((call) => call.includes('sync.pull'))).toEqual([]);
  expect(pushed.filter((change) => change.table === 'messages' && change.record.role === 'user')).toHaveLength(1);
});
