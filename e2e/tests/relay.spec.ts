import { fileURLToPath } from 'node:url';
import { ChatApp } from '../fixtures/chat-app.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
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

const relayToken = 'e2e-relay-token-0123456789abcdef';
const webAppDir = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

test('a relay that needs a token says so in the person’s terms, and the answer comes once it is set', async ({
  browser,
  upstream,
}) => {
  upstream.reset();
  // A server of its own, as operators run a relay: relay-only, requiring a token, serving the app too.
  const relay = await ServerProcess.start({
    staticDir: webAppDir,
    args: ['--relay-token', relayToken, '--relay-allow-private', `127.0.0.1:${upstream.port}`],
  });
  const context = await browser.newContext({ baseURL: relay.url });
  try {
    const app = new ChatApp(await context.newPage());
    await app.open();
    const dialog = await app.fillNewModel({ name: 'Through a guarded relay', baseUrl: upstream.baseUrl() });
    await dialog.getByLabel('Connection').selectOption('relay');
    await dialog.getByRole('button', { name: 'Save model' }).click();
    await app.closeSettings();

    await app.send('is the relay open');
    await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
    await expect(app.lastAnswer).toContainText('The relay refused the request: its token is missing or wrong');
    await expect(app.lastAnswer).toContainText('Set the relay token in Settings, under Relay.');
    await expect(app.lastAnswer).not.toContainText('The provider refused');
    // The relay refused before reaching the provider.
    expect(completionCalls(upstream)).toHaveLength(0);

    // Doing what the message says works.
    const settings = await app.openSettings();
    await settings.getByLabel('Relay token').fill(relayToken);
    await settings.getByRole('button', { name: 'Save relay settings' }).click();
    await expect(settings.getByText('Relay settings saved.')).toBeVisible();
    await app.closeSettings();
    await app.lastAnswer.getByRole('button', { name: 'Retry' }).click();
    await expect(app.lastAnswer).toContainText('Echo: is the relay open');
    await app.waitForAnswerToEnd();
    await expect(app.lastAnswer).toContainText('via relay');
  } finally {
    await context.close();
    await relay.stop();
  }
});
