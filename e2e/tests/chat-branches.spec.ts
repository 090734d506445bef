import { completionCalls, expect, test } from '../fixtures/test.ts';

function messagesOf(body: unknown): unknown {
  return (body as { messages?: unknown }).messages;
}

test('Regenerate keeps the old answer, the switcher moves between them, and the model hears the branch shown', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Model A', baseUrl: upstream.baseUrl({ text: 'Answer from A' }), modelId: 'model-a' });
  await app.addModel({ name: 'Model B', baseUrl: upstream.baseUrl({ text: 'Answer from B' }), modelId: 'model-b' });
  await app.send('one');
  await expect(app.lastAnswer).toContainText('Answer from A');
  await app.waitForAnswerToEnd();

  // Regenerate with the other model: a second version, shown, and the first one kept.
  await app.page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Model B' });
  await app.lastAnswer.getByRole('button', { name: 'Regenerate' }).click();
  await expect(app.lastAnswer).toContainText('Answer from B');
  await app.waitForAnswerToEnd();
  await expect(app.answers).toHaveCount(1);
  const versions = app.lastAnswer.getByRole('group', { name: /^Version \d of 2$/ });
  await expect(versions).toHaveAccessibleName('Version 2 of 2');
  await expect(versions).toContainText('2 / 2');

  await versions.getByRole('button', { name: 'Previous version' }).click();
  await expect(app.lastAnswer).toContainText('Answer from A');
  await expect(versions).toHaveAccessibleName('Version 1 of 2');

  // By keyboard: the arrows move while the switcher has focus, and the focus stays in it.
  await versions.getByRole('button', { name: 'Next version' }).focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(app.lastAnswer).toContainText('Answer from B');
  await expect(versions.getByRole('button', { name: 'Next version' })).toBeFocused();
  await app.page.keyboard.press('ArrowLeft');
  await expect(app.lastAnswer).toContainText('Answer from A');
  await expect(versions).toHaveAccessibleName('Version 1 of 2');

  // The next question goes with the branch on screen only.
  await app.send('next');
  await expect(app.lastAnswer).toContainText('Answer from B');
  await app.waitForAnswerToEnd();
  expect(messagesOf(completionCalls(upstream).at(-1)?.body)).toEqual([
    { role: 'user', content: 'one' },
    { role: 'assistant', content: 'Answer from A' },
    { role: 'user', content: 'next' },
  ]);

  // Back to the second version, whose branch is older than the one just extended: a reload shows it
  // still (the newest message alone would show the other one).
  await app.answers.first().getByRole('button', { name: 'Next version' }).click();
  await expect(app.answers).toHaveText([/Answer from B/]);
  await app.page.reload();
  await app.chatLink('one').click();
  await expect(app.questions).toHaveText([/one/]);
  await expect(app.answers).toHaveText([/Answer from B/]);
  await expect(app.lastAnswer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await app.lastAnswer.getByRole('button', { name: 'Previous version' }).click();
  await expect(app.questions).toHaveText([/one/, /next/]);
});

test('editing a question starts a new branch; the old one stays reachable, and a delete takes its branch', async ({
  app,
  upstream,
}) => {
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
  expect(messagesOf(completionCalls(upstream).at(-1)?.body)).toEqual([{ role: 'user', content: 'first, edited' }]);

  const versions = app.questions.first().getByRole('group', { name: 'Version 2 of 2' });
  await versions.getByRole('button', { name: 'Previous version' }).click();
  await expect(app.questions).toHaveText([/first/, /second/]);
  await expect(app.questions.first()).not.toContainText('edited');
  await expect(app.answers).toHaveText([/Echo: first/, /Echo: second/]);

  // Deleting the first question takes its whole branch, after asking; the edited one remains.
  await app.questions.first().getByRole('button', { name: 'Delete' }).click();
  const confirm = app.page.getByRole('dialog', { name: 'Delete this message?' });
  await expect(confirm).toContainText('3 messages below it');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(app.questions).toHaveText([/first, edited/]);
  await expect(app.answers).toHaveText([/Echo: first, edited/]);
  await expect(app.page.getByRole('group', { name: /^Version/ })).toHaveCount(0);
});

test('"New chat from here" opens a new chat with the branch down to that message', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('alpha');
  await expect(app.lastAnswer).toContainText('Echo: alpha');
  await app.waitForAnswerToEnd();
  await app.send('beta');
  await expect(app.lastAnswer).toContainText('Echo: beta');
  await app.waitForAnswerToEnd();

  await app.answers.first().getByRole('button', { name: 'New chat from here' }).click();
  await expect(app.questions).toHaveText([/alpha/]);
  await expect(app.answers).toHaveText([/Echo: alpha/]);
  await expect(app.chatList.getByRole('listitem')).toHaveCount(2);

  await app.send('gamma');
  await expect(app.lastAnswer).toContainText('Echo: gamma');
  await app.waitForAnswerToEnd();
  expect(messagesOf(completionCalls(upstream).at(-1)?.body)).toEqual([
    { role: 'user', content: 'alpha' },
    { role: 'assistant', content: 'Echo: alpha' },
    { role: 'user', content: 'gamma' },
  ]);

  // The chat it came from is as it was.
  await app.chatList.getByRole('listitem').nth(1).getByRole('button', { name: 'alpha', exact: true }).click();
  await expect(app.questions).toHaveText([/alpha/, /beta/]);
  await expect(app.answers).toHaveText([/Echo: alpha/, /Echo: beta/]);
});
