import { waitForOfflineReady } from '../fixtures/chat-app.ts';
import { completionCalls, expect, test } from '../fixtures/test.ts';

test('after one visit the app loads and works offline, and a queued message goes out when the network returns', async ({
  app,
  upstream,
  context,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('written online');
  await expect(app.lastAnswer).toContainText('Echo: written online');
  await app.waitForAnswerToEnd();
  await waitForOfflineReady(app.page);

  await context.setOffline(true);
  await app.page.reload();
  await expect(app.composer).toBeVisible();
  await expect(app.page.getByText(/You’re offline/)).toBeVisible();

  // Reading and searching work offline.
  await app.chatList.getByRole('searchbox', { name: 'Search chats' }).fill('written');
  await app.chatLink('written online').click();
  await expect(app.lastAnswer).toContainText('Echo: written online');
  await app.chatList.getByRole('searchbox', { name: 'Search chats' }).fill('');

  // Writing works offline: the question is queued, shown as such, and survives a reload.
  await app.composer.fill('written offline');
  await app.composer.press('Enter');
  const queued = app.questions.filter({ hasText: 'written offline' });
  await expect(queued.getByText(/Queued/)).toBeVisible();
  await expect(app.composer).toHaveValue('');
  await app.page.reload();
  await app.chatLink('written online').click();
  await expect(queued.getByText(/Queued/)).toBeVisible();
  const callsWhileOffline = completionCalls(upstream).length;

  // Settings work offline too.
  const dialog = await app.openSettings();
  await dialog.getByLabel('Theme').selectOption('dark');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.closeSettings();
  expect(completionCalls(upstream)).toHaveLength(callsWhileOffline);

  await context.setOffline(false);
  await expect(app.page.getByText('Back online.')).toBeVisible();
  await expect(app.lastAnswer).toContainText('Echo: written offline');
  await expect(queued.getByText(/Queued/)).toBeHidden();
  expect(completionCalls(upstream).at(-1)?.body).toMatchObject({
    messages: [
      { role: 'user', content: 'written online' },
      { role: 'assistant', content: 'Echo: written online' },
      { role: 'user', content: 'written offline' },
    ],
  });
});

test('several questions queued offline are sent in order, each after the previous answer', async ({
  app,
  upstream,
  context,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await waitForOfflineReady(app.page);
  await context.setOffline(true);
  await app.send('first queued');
  await app.send('second queued');
  await expect(app.questions.getByText(/Queued/)).toHaveCount(2);

  await context.setOffline(false);
  await expect(app.answers).toHaveCount(2);
  await expect(app.answers.last()).toContainText('Echo: second queued');
  await expect(app.answers.first()).toContainText('Echo: first queued');
  const calls = completionCalls(upstream);
  expect(calls.map((call) => (call.body as { messages: unknown[] }).messages.length)).toEqual([1, 3]);
});

test('a queued message can be cancelled and its text comes back to the composer', async ({
  app,
  upstream,
  context,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await waitForOfflineReady(app.page);
  await context.setOffline(true);
  await app.send('never mind');
  await app.questions.filter({ hasText: 'never mind' }).getByRole('button', { name: 'Cancel sending' }).click();
  await expect(app.questions).toHaveCount(0);
  await expect(app.composer).toHaveValue('never mind');
  await context.setOffline(false);
  await expect(app.page.getByText('Back online.')).toBeVisible();
  expect(completionCalls(upstream)).toHaveLength(0);
});
