import { completionCalls, expect, test } from '../fixtures/test.ts';

test('chats can be renamed, pinned and deleted after confirming, newest activity first', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('older chat');
  await app.waitForAnswerToEnd();
  await app.button('New chat').click();
  await app.send('newer chat');
  await app.waitForAnswerToEnd();

  const chats = app.chatList.getByRole('listitem');
  await expect(chats).toHaveText([/newer chat/, /older chat/]);

  await app.chatList.getByRole('button', { name: 'Rename: older chat' }).click();
  await app.chatList.getByRole('textbox', { name: 'Chat title' }).fill('Renamed');
  await app.chatList.getByRole('textbox', { name: 'Chat title' }).press('Enter');
  await expect(app.chatLink('Renamed')).toBeVisible();
  // Renaming is not activity: the order stays.
  await expect(chats).toHaveText([/newer chat/, /Renamed/]);

  await app.chatList.getByRole('button', { name: 'Pin: Renamed' }).click();
  await expect(chats).toHaveText([/Renamed/, /newer chat/]);

  await app.chatList.getByRole('button', { name: 'Delete: newer chat' }).click();
  const confirm = app.page.getByRole('dialog', { name: 'Delete chat?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(chats).toHaveCount(2);

  await app.chatList.getByRole('button', { name: 'Delete: newer chat' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(chats).toHaveText([/Renamed/]);

  await app.page.reload();
  await expect(app.chatList.getByRole('listitem')).toHaveText([/Renamed/]);
});

test('the chat list can be searched by title', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('apples and pears');
  await app.waitForAnswerToEnd();
  await app.button('New chat').click();
  await app.send('bananas');
  await app.waitForAnswerToEnd();
  await app.chatList.getByRole('searchbox', { name: 'Search chats' }).fill('APPLE');
  await expect(app.chatList.getByRole('list', { name: 'Chats', exact: true }).getByRole('listitem')).toHaveText([
    /apples and pears/,
  ]);
});

test('a chat has its own system prompt and model', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo A', baseUrl: upstream.baseUrl(), modelId: 'model-a' });
  await app.addModel({ name: 'Echo B', baseUrl: upstream.baseUrl(), modelId: 'model-b' });
  await app.send('first');
  await app.waitForAnswerToEnd();
  expect(completionCalls(upstream).at(-1)?.body).toMatchObject({ model: 'model-a' });

  await app.page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Echo B' });
  await app.button('Chat options').click();
  await app.page.getByRole('textbox', { name: 'System prompt' }).fill('You are terse.');
  await app.button('Save').click();
  await app.send('second');
  await app.waitForAnswerToEnd();
  const body = completionCalls(upstream).at(-1)?.body as {
    model: string;
    messages: { role: string; content: string }[];
  };
  expect(body.model).toBe('model-b');
  expect(body.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
});

test('a single message can be copied and deleted', async ({ app, upstream, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('copy me');
  await expect(app.lastAnswer).toContainText('Echo: copy me');
  await app.waitForAnswerToEnd();
  await app.lastAnswer.getByRole('button', { name: 'Copy' }).click();
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe('Echo: copy me');

  await app.lastAnswer.getByRole('button', { name: 'Delete' }).click();
  await expect(app.answers).toHaveCount(0);
  await expect(app.questions).toHaveText([/copy me/]);
});
