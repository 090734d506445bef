import { completionCalls, expect, test } from '../fixtures/test.ts';

test('auto mode falls back to the relay when the provider refuses the browser, and remembers it', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'No CORS', baseUrl: upstream.baseUrl({ cors: false }), apiKey: 'sk-relayed' });
  await app.send('hello through the relay');
  await expect(app.lastAnswer).toContainText('Echo: hello through the relay');
  await app.waitForAnswerToEnd();
  await expect(app.lastAnswer).toContainText('via relay');
  expect(completionCalls(upstream).at(-1)?.headers.authorization).toBe('Bearer sk-relayed');

  // The browser tried directly once (its CORS preflight was refused); the next question goes straight to the relay.
  const preflights = () => upstream.requests.filter((request) => request.method === 'OPTIONS').length;
  const before = preflights();
  expect(before).toBeGreaterThan(0);
  await app.send('and again');
  await expect(app.lastAnswer).toContainText('Echo: and again');
  await app.waitForAnswerToEnd();
  expect(preflights()).toBe(before);
  await expect(app.lastAnswer).toContainText('via relay');
});

test('Stop through the relay aborts the upstream request', async ({ app, upstream }) => {
  await app.addModel({ name: 'Slow, no CORS', baseUrl: upstream.baseUrl({ cors: false, tokens: 500, rate: 20 }) });
  await app.send('long story via the relay');
  await expect(app.lastAnswer).toContainText('token3');
  await app.button('Stop').click();
  await expect(app.lastAnswer.getByText('Stopped', { exact: true })).toBeVisible();
  const aborted = await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client', 5_000);
  expect(aborted.chunksSent).toBeLessThan(500);
});

test('a model set to direct does not use the relay and says why it failed', async ({ app, upstream }) => {
  const dialog = await app.fillNewModel({ name: 'Direct only', baseUrl: upstream.baseUrl({ cors: false }) });
  await dialog.getByLabel('Connection').selectOption('direct');
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await app.closeSettings();
  await app.send('direct please');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText('CORS');
  expect(completionCalls(upstream)).toHaveLength(0);
});

test('a model set to always use the relay goes through it even when CORS is allowed', async ({ app, upstream }) => {
  const dialog = await app.fillNewModel({ name: 'Relay always', baseUrl: upstream.baseUrl() });
  await dialog.getByLabel('Connection').selectOption('relay');
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await app.closeSettings();
  await app.send('relay please');
  await expect(app.lastAnswer).toContainText('Echo: relay please');
  await app.waitForAnswerToEnd();
  await expect(app.lastAnswer).toContainText('via relay');
  expect(upstream.requests.filter((request) => request.method === 'OPTIONS')).toHaveLength(0);
});

test('the relay refuses a private target that the operator did not allow, in words', async ({ app }) => {
  await app.addModel({ name: 'Internal', baseUrl: 'http://127.0.0.1:9/v1' });
  const dialog = await app.openSettings();
  await dialog.getByRole('button', { name: 'Edit: Internal' }).click();
  await dialog.getByLabel('Connection').selectOption('relay');
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await app.closeSettings();
  await app.send('reach inside');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText(/private|loopback|not allowed/i);
});
