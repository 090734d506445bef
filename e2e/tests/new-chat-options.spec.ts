import { completionCalls, expect, test } from '../fixtures/test.ts';

test('the model and its options chosen before the first message are used by the first request', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Model A', baseUrl: upstream.baseUrl(), modelId: 'model-a' });
  await app.addModel({ name: 'Model B', baseUrl: upstream.baseUrl(), modelId: 'model-b' });
  // The empty new-chat screen: no chat exists yet, and its model and options can be chosen.
  const picker = app.page.getByRole('combobox', { name: 'Model' });
  await expect(picker).toHaveValue('');
  await picker.selectOption({ label: 'Model B' });
  await app.button('Chat options').click();
  const options = app.page.getByRole('form', { name: 'Chat options' });
  await options.getByLabel('Temperature').fill('5');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Temperature must be 2 or less')).toBeVisible();
  await options.getByLabel('Temperature').fill('0.3');
  await options.getByLabel('Max tokens').fill('77');
  await options.getByLabel('System prompt').fill('Answer like a pirate.');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options).toBeHidden();

  await app.send('ahoy');
  await app.waitForAnswerToEnd();
  expect(completionCalls(upstream).at(-1)?.body).toMatchObject({
    model: 'model-b',
    temperature: 0.3,
    max_tokens: 77,
    messages: [
      { role: 'system', content: 'Answer like a pirate.' },
      { role: 'user', content: 'ahoy' },
    ],
  });
  // The chat keeps them, and the next new chat starts from the defaults again.
  await app.button('Chat options').click();
  await expect(app.page.getByRole('form', { name: 'Chat options' }).getByLabel('Max tokens')).toHaveValue('77');
  await app.button('Chat options').click();
  await expect(picker).toHaveValue(/.+/);
  await app.chatList.getByRole('button', { name: 'New chat' }).click();
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option:checked')).toHaveText('Default model (Model A)');
});

test('“Use as default” makes a model the one new chats use', async ({ app, upstream }) => {
  await app.addModel({ name: 'Model A', baseUrl: upstream.baseUrl(), modelId: 'model-a' });
  await app.addModel({ name: 'Model B', baseUrl: upstream.baseUrl(), modelId: 'model-b' });
  const picker = app.page.getByRole('combobox', { name: 'Model' });
  await picker.selectOption({ label: 'Model B' });
  await app.button('Use as default: Model B').click();
  await expect(app.page.getByRole('button', { name: /Use as default/ })).toBeHidden();
  await picker.selectOption('');
  await expect(picker.locator('option:checked')).toHaveText('Default model (Model B)');
  await app.send('which one?');
  await app.waitForAnswerToEnd();
  expect(completionCalls(upstream).at(-1)?.body).toMatchObject({ model: 'model-b' });
  // It is the synced setting the model list shows too.
  const dialog = await app.openSettings();
  await expect(dialog.getByRole('button', { name: 'Make default: Model A' })).toBeVisible();
});
