import { completionCalls, expect, test } from '../fixtures/test.ts';

// Every question and answer here is 60 characters: 20 tokens by the app's estimate, 28 with a turn's overhead.
const line = (text: string) => text.padEnd(60, '.');

test('a small context window sends only the newest messages with the system prompt, and the chat shows where they start', async ({
  app,
  upstream,
}) => {
  // 256 tokens, 64 kept for the answer, 28 for the system prompt: 164 of room, five messages.
  await app.addModel({ name: 'Small', baseUrl: upstream.baseUrl({ text: line('An answer') }), contextWindow: '256' });
  await app.send(line('first question'));
  await app.waitForAnswerToEnd();
  await app.button('Chat options').click();
  await app.page.getByLabel('System prompt').fill(line('Be brief'));
  await app.button('Save').click();
  for (const question of ['second question', 'third question']) {
    await app.send(line(question));
    await app.waitForAnswerToEnd();
  }
  const divider = app.page.getByRole('separator', { name: 'Earlier messages are not sent to the model' });
  await expect(divider).toHaveCount(1);

  await app.send(line('fourth question'));
  await app.waitForAnswerToEnd();
  const sent = completionCalls(upstream).at(-1)?.body as { messages: { role: string; content: string }[] };
  // The first question and its answer no longer fit; the answer to the second goes with its question.
  expect(sent.messages).toEqual([
    { role: 'system', content: line('Be brief') },
    { role: 'user', content: line('second question') },
    { role: 'assistant', content: line('An answer') },
    { role: 'user', content: line('third question') },
    { role: 'assistant', content: line('An answer') },
    { role: 'user', content: line('fourth question') },
  ]);
  // With the last answer in the chat too, the next question goes from the third one: the divider sits above it.
  // (The list is virtualized: the oldest messages may not be in the page, so the divider is found with its
  // neighbours: it rides in the slot of the oldest message sent, below the answer before it.)
  const list = app.page.getByRole('region', { name: 'Messages' });
  await expect(list.getByRole('separator', { name: 'Earlier messages are not sent to the model' })).toHaveCount(1);
  await expect(list.getByRole('article').filter({ hasText: 'fourth question' })).toBeVisible();
  const texts = await list.getByRole('article').or(divider).allTextContents();
  const at = texts.indexOf(''); // the separator: its words are its accessible name
  expect(texts[at + 1]).toMatch(/third question/);
  expect(texts[at - 1]).toMatch(/An answer/);
});

test('a question too long for the model is not sent: the person is told, and keeps the text', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Tiny', baseUrl: upstream.baseUrl(), contextWindow: '128' });
  const long = '很长的问题'.repeat(40);
  await app.composer.fill(long);
  await app.composer.press('Enter');
  await expect(app.page.getByRole('alert')).toContainText('too long for the model’s context window');
  await expect(app.composer).toHaveValue(long);
  expect(completionCalls(upstream)).toHaveLength(0);
});

test('the context window is filled in from the provider’s model list, and stays editable', async ({
  app,
  upstream,
}) => {
  const dialog = await app.fillNewModel({
    name: 'Listed',
    baseUrl: upstream.baseUrl({ models: ['fake-model', 'other'], contextWindow: 4_000 }),
  });
  await dialog.getByRole('button', { name: 'Fetch model list' }).click();
  const field = dialog.getByLabel('Context window (tokens)');
  await expect(field).toHaveValue('4000');
  await field.fill('3000');
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await dialog.getByRole('button', { name: 'Edit: Listed' }).click();
  await expect(dialog.getByLabel('Context window (tokens)')).toHaveValue('3000');
});
