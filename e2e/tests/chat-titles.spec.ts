import { completionCalls, expect, test } from '../fixtures/test.ts';

type Sent = { messages: { role: string; content: string }[] };

// The title request is the one whose system prompt asks for a title.
const titleCalls = (upstream: Parameters<typeof completionCalls>[0]) =>
  completionCalls(upstream).filter((call) =>
    (call.body as Sent).messages[0]?.content.startsWith('You name conversations'),
  );

test('after the first answer the model titles the chat, and the title can be renamed', async ({ app, upstream }) => {
  app.generatedTitles = true;
  await app.addModel({ name: 'Titler', baseUrl: upstream.baseUrl({ text: 'Bread baking basics' }) });
  await app.send('How do I bake bread?');
  await app.waitForAnswerToEnd();
  await expect(app.chatLink('Bread baking basics')).toBeVisible();
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Bread baking basics');
  const [call] = titleCalls(upstream);
  const sent = (call?.body as Sent | undefined)?.messages ?? [];
  expect(sent[0]?.content).toContain('in the same language as the conversation');
  expect(sent.slice(1)).toEqual([
    { role: 'user', content: 'User: How do I bake bread?\n\nAssistant: Bread baking basics' },
  ]);
  // A second answer asks for no other title.
  await app.send('And rye?');
  await app.waitForAnswerToEnd();
  expect(titleCalls(upstream)).toHaveLength(1);
  await app.chatList.getByRole('button', { name: 'Rename: Bread baking basics' }).click();
  await app.chatList.getByRole('textbox', { name: 'Chat title' }).fill('My bread');
  await app.chatList.getByRole('textbox', { name: 'Chat title' }).press('Enter');
  await expect(app.chatLink('My bread')).toBeVisible();
});

test('with generated titles off, no title request is sent', async ({ app, upstream }) => {
  await app.addModel({ name: 'Plain', baseUrl: upstream.baseUrl({ text: 'Some answer' }) });
  const dialog = await app.openSettings();
  await expect(dialog.getByRole('checkbox', { name: 'Generate chat titles' })).not.toBeChecked();
  await app.closeSettings();
  await app.send('keep my words');
  await app.waitForAnswerToEnd();
  await expect(app.chatLink('keep my words')).toBeVisible();
  // A later request would follow the title one: one more question proves none was sent in between.
  await app.send('second');
  await app.waitForAnswerToEnd();
  expect(completionCalls(upstream)).toHaveLength(2);
  expect(titleCalls(upstream)).toHaveLength(0);
});

test('a title the person set before the first answer ends is never replaced', async ({ app, upstream }) => {
  app.generatedTitles = true;
  // A slow answer, so the chat can be renamed while it streams.
  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 60, rate: 20 }) });
  await app.send('name this yourself');
  await app.chatList.getByRole('button', { name: 'Rename: name this yourself' }).click();
  await app.chatList.getByRole('textbox', { name: 'Chat title' }).fill('Named by me');
  await app.chatList.getByRole('textbox', { name: 'Chat title' }).press('Enter');
  await app.waitForAnswerToEnd();
  await app.send('another');
  await app.waitForAnswerToEnd();
  expect(titleCalls(upstream)).toHaveLength(0);
  await expect(app.chatLink('Named by me')).toBeVisible();
});
