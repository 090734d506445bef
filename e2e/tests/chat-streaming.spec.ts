import { completionCalls, expect, test } from '../fixtures/test.ts';

function messagesOf(body: unknown): unknown {
  return (body as { messages?: unknown }).messages;
}

test('adds a model, streams an answer as it arrives, and keeps the history across a reload', async ({
  app,
  upstream,
}) => {
  await app.addModel({
    name: 'Fake',
    // Slow enough that the middle of the answer is still on screen however busy the machine is.
    baseUrl: upstream.baseUrl({ tokens: 40, rate: 5 }),
    apiKey: 'sk-test-key',
  });
  await app.send('Hello there');

  // Mid-stream: some tokens shown, the last one not yet, and Stop offered.
  await expect(app.lastAnswer).toContainText('token3');
  await expect(app.button('Stop')).toBeVisible();
  await expect(app.lastAnswer).not.toContainText('token40');

  await app.waitForAnswerToEnd();
  await expect(app.lastAnswer).toContainText('token40');
  await expect(app.lastAnswer).toContainText('tokens in');
  await expect(app.chatLink('Hello there')).toBeVisible();

  const request = completionCalls(upstream).at(-1);
  expect(request?.headers.authorization).toBe('Bearer sk-test-key');
  expect(messagesOf(request?.body)).toEqual([{ role: 'user', content: 'Hello there' }]);

  await app.page.reload();
  await app.chatLink('Hello there').click();
  await expect(app.questions).toHaveText([/Hello there/]);
  await expect(app.lastAnswer).toContainText('token1 token2');
  await expect(app.lastAnswer).toContainText('token40');
});

test('Stop keeps the partial answer as stopped and aborts the upstream request', async ({ app, upstream }) => {
  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 500, rate: 20 }) });
  await app.send('Tell me a long story');
  await expect(app.lastAnswer).toContainText('token3');
  await app.button('Stop').click();

  await expect(app.lastAnswer.getByText('Stopped', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText('token1');
  await expect(app.lastAnswer).not.toContainText('token500');
  const aborted = await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client', 5_000);
  expect(aborted.chunksSent).toBeLessThan(500);

  await app.page.reload();
  await app.chatLink('Tell me a long story').click();
  await expect(app.lastAnswer.getByText('Stopped', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText('token1');
});

test('deleting a chat while its answer streams stops the answer and aborts the upstream request', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 500, rate: 20 }) });
  await app.send('soon to be deleted');
  await expect(app.lastAnswer).toContainText('token3');
  await app.chatList.getByRole('button', { name: 'Delete: soon to be deleted' }).click();
  await app.page.getByRole('dialog', { name: 'Delete chat?' }).getByRole('button', { name: 'Delete' }).click();

  await expect(app.chatList.getByRole('listitem')).toHaveCount(0);
  const aborted = await upstream.waitForRequest((request) => request.outcome === 'aborted-by-client', 5_000);
  expect(aborted.chunksSent).toBeLessThan(500);
  // Nothing is left streaming: no Stop, and the person can start a new chat at once.
  await expect(app.button('Stop')).toBeHidden();
  await app.send('a fresh start');
  await expect(app.lastAnswer).toContainText('token1');
});

test('Regenerate shows a new version of the answer and does not send the old one', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('one');
  await expect(app.lastAnswer).toContainText('Echo: one');
  await app.waitForAnswerToEnd();

  await app.lastAnswer.getByRole('button', { name: 'Regenerate' }).click();
  await expect.poll(() => completionCalls(upstream).length).toBe(2);
  await app.waitForAnswerToEnd();
  await expect(app.answers).toHaveCount(1);
  await expect(app.lastAnswer).toContainText('Echo: one');
  await expect(app.lastAnswer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  expect(messagesOf(completionCalls(upstream)[1]?.body)).toEqual([{ role: 'user', content: 'one' }]);
});

test('editing a question sends it as a new version, with only what came before it', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('first');
  await expect(app.lastAnswer).toContainText('Echo: first');
  await app.waitForAnswerToEnd();
  await app.send('second');
  await expect(app.lastAnswer).toContainText('Echo: second');
  await app.waitForAnswerToEnd();

  await app.questions.first().getByRole('button', { name: 'Edit' }).click();
  await app.questions.first().getByRole('textbox', { name: 'Edit' }).fill('first, edited');
  await app.questions.first().getByRole('button', { name: 'Save and send' }).click();

  await expect(app.lastAnswer).toContainText('Echo: first, edited');
  await app.waitForAnswerToEnd();
  await expect(app.questions).toHaveText([/first, edited/]);
  await expect(app.answers).toHaveCount(1);
  expect(messagesOf(completionCalls(upstream).at(-1)?.body)).toEqual([{ role: 'user', content: 'first, edited' }]);
});

test('the second question carries the history the person saw', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('alpha');
  await expect(app.lastAnswer).toContainText('Echo: alpha');
  await app.waitForAnswerToEnd();
  await app.send('beta');
  await expect(app.lastAnswer).toContainText('Echo: beta');
  expect(messagesOf(completionCalls(upstream).at(-1)?.body)).toEqual([
    { role: 'user', content: 'alpha' },
    { role: 'assistant', content: 'Echo: alpha' },
    { role: 'user', content: 'beta' },
  ]);
});

test('Shift+Enter adds a line instead of sending', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.composer.fill('line one');
  await app.composer.press('Shift+Enter');
  await app.composer.pressSequentially('line two');
  await expect(app.composer).toHaveValue('line one\nline two');
  expect(completionCalls(upstream)).toHaveLength(0);
  await app.composer.press('Enter');
  await expect(app.lastAnswer).toContainText('Echo: line one');
  expect(messagesOf(completionCalls(upstream).at(-1)?.body)).toEqual([{ role: 'user', content: 'line one\nline two' }]);
});
