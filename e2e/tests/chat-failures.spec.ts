import { completionCalls, expect, test } from '../fixtures/test.ts';

test('an upstream 401 shows the provider’s own message with Retry', async ({ app, upstream }) => {
  await app.addModel({
    name: 'Bad key',
    baseUrl: upstream.baseUrl({ status: 401, message: 'Incorrect API key provided: sk-te***' }),
  });
  await app.send('hello');
  await expect(app.lastAnswer).toContainText('Incorrect API key provided: sk-te***');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
  await expect(app.lastAnswer.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('an upstream that drops mid-answer leaves the partial text, marked failed, after a reload too', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Flaky', baseUrl: upstream.baseUrl({ tokens: 50, dropAfter: 5, rate: 20 }) });
  await app.send('start talking');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText('token1');
  await expect(app.lastAnswer).not.toContainText('token50');
  await expect(app.lastAnswer.getByRole('button', { name: 'Retry' })).toBeVisible();

  await app.page.reload();
  await app.chatLink('start talking').click();
  await expect(app.lastAnswer).toContainText('token1');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
});

test('Retry after a failure asks again in a new version of the answer', async ({ app, upstream }) => {
  await app.addModel({ name: 'Flaky', baseUrl: upstream.baseUrl({ status: 503 }) });
  await app.send('are you there');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();

  // The provider recovers: point the model at a healthy scenario, then retry.
  const dialog = await app.openSettings();
  await dialog.getByRole('button', { name: 'Edit: Flaky' }).click();
  await dialog.getByLabel('Base URL').fill(upstream.baseUrl());
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await app.closeSettings();

  await app.lastAnswer.getByRole('button', { name: 'Retry' }).click();
  await expect(app.lastAnswer).toContainText('Echo: are you there');
  await expect(app.answers).toHaveCount(1);
  // The failed attempt is kept, one switch away, as every earlier answer is.
  await expect(app.lastAnswer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
});

test('reloading mid-answer keeps the partial text as failed', async ({ app, upstream }) => {
  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 400, rate: 25 }) });
  await app.send('long answer please');
  // Wait long enough for the periodic save (a few times a second) to have stored some text.
  await expect(app.lastAnswer).toContainText('token15');
  await app.page.reload();
  await app.chatLink('long answer please').click();
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText('The page closed before this answer finished.');
  await expect(app.lastAnswer).toContainText('token1 token2');
  await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client', 5_000);
});

test('sending with no model set up keeps the draft and says what to do', async ({ app, upstream }) => {
  await app.composer.fill('my precious words');
  await app.composer.press('Enter');
  await expect(app.page.getByRole('alert')).toContainText('No model is set up yet');
  await expect(app.composer).toHaveValue('my precious words');
  expect(completionCalls(upstream)).toHaveLength(0);
});
