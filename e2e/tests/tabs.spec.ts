import { ChatApp } from '../fixtures/chat-app.ts';
import { completionCalls, expect, test } from '../fixtures/test.ts';

test('two tabs show the same data live, and an answer streams in one tab only', async ({ app, upstream, context }) => {
  const other = new ChatApp(await context.newPage());
  await other.open();

  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 60, rate: 30 }) });
  const dialog = await other.openSettings();
  await expect(dialog.getByText('Slow', { exact: true })).toBeVisible();
  await other.closeSettings();

  await app.send('from the first tab');
  await other.chatLink('from the first tab').click();
  // The other tab sees the answer grow from storage, but does not stream it and offers no Stop.
  await expect(other.lastAnswer).toContainText('token1');
  await expect(app.button('Stop')).toBeVisible();
  await expect(other.button('Stop')).toBeHidden();
  await expect(other.lastAnswer).toContainText('token60');
  await expect(app.lastAnswer).toContainText('token60');
  expect(completionCalls(upstream)).toHaveLength(1);

  await other.chatList.getByRole('button', { name: 'Rename: from the first tab' }).click();
  await other.chatList.getByRole('textbox', { name: 'Chat title' }).fill('renamed in tab two');
  await other.chatList.getByRole('textbox', { name: 'Chat title' }).press('Enter');
  await expect(app.chatLink('renamed in tab two')).toBeVisible();
});
