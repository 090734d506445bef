import { expect, test } from '../fixtures/test.ts';

test('search finds English and Chinese message text, marks the match and opens the chat at the message', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('How do I sort a list in Python?');
  await app.waitForAnswerToEnd();
  await app.button('New chat').click();
  await app.send('北京大学在哪里？');
  await app.waitForAnswerToEnd();
  await app.button('New chat').click();
  await app.send('Something else entirely');
  await app.waitForAnswerToEnd();

  const search = app.chatList.getByRole('searchbox', { name: 'Search chats and messages' });
  const results = app.chatList.getByRole('list', { name: 'In messages' });

  // English: the word is found inside the text (not the title's start), case folded, and marked.
  await search.fill('PYTHON');
  const english = results.getByRole('button', { name: /How do I sort a list in Python/ });
  await expect(english.first()).toBeVisible();
  await expect(english.first().locator('mark')).toHaveText(['Python']);
  await english.first().click();
  await expect(app.questions.filter({ hasText: 'How do I sort a list in Python?' })).toBeVisible();
  await expect(app.page.getByRole('heading', { name: 'How do I sort a list in Python?' })).toBeVisible();

  // Chinese: a part of a sentence the segmenter may split any way.
  await search.fill('大学在');
  const chinese = results.getByRole('button', { name: /北京大学在哪里/ });
  await expect(chinese.first()).toBeVisible();
  await expect(chinese.first().locator('mark')).toHaveText(['大学在']);
  await chinese.first().click();
  await expect(app.questions.filter({ hasText: '北京大学在哪里？' })).toBeVisible();

  // Nothing found says so; the other chat's text is not among the results.
  await search.fill('nonexistentword');
  await expect(app.chatList.getByText('No messages match.')).toBeVisible();
});
