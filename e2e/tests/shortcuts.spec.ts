import { expect, test } from '../fixtures/test.ts';

test('shortcuts open a new chat, search, switch chats, regenerate and stop', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('first chat');
  await app.waitForAnswerToEnd();
  const { keyboard } = app.page;

  // New chat, from the composer: the empty chat opens with the composer focused.
  await app.composer.focus();
  await keyboard.press('Control+Shift+O');
  await expect(app.page.getByRole('heading', { name: 'New chat' })).toBeVisible();
  await expect(app.composer).toBeFocused();
  await app.send('second chat');
  await app.waitForAnswerToEnd();

  // Focus search, from the composer too.
  await app.composer.focus();
  await keyboard.press('Control+K');
  const search = app.chatList.getByRole('searchbox', { name: 'Search chats and messages' });
  await expect(search).toBeFocused();

  // Previous and next chat in the list's order (newest first), outside text fields.
  await search.blur();
  await keyboard.press('Alt+ArrowDown');
  await expect(app.page.getByRole('heading', { name: 'first chat' })).toBeVisible();
  await keyboard.press('Alt+ArrowUp');
  await expect(app.page.getByRole('heading', { name: 'second chat' })).toBeVisible();

  // Regenerate the last answer: a second version beside the first.
  await keyboard.press('Control+Shift+Enter');
  await expect(app.lastAnswer.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await app.waitForAnswerToEnd();

  // Stop with Escape from the composer.
  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 500, rate: 20 }) });
  await app.page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'Slow' });
  await app.send('a long story');
  await expect(app.lastAnswer).toContainText('token3');
  await app.composer.focus();
  await keyboard.press('Escape');
  await expect(app.lastAnswer.getByText('Stopped', { exact: true })).toBeVisible();
});

test('the list of shortcuts opens from its button, with ? and with Ctrl+/, in English and Chinese', async ({ app }) => {
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await app.button('Keyboard shortcuts').click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('rowheader', { name: 'New chat' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Search chats and messages.*Ctrl.*K/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await app.page.locator('body').press('Shift+?');
  await expect(dialog).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await app.composer.focus();
  await app.page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await app.page.keyboard.press('Escape');

  const settings = await app.openSettings();
  await settings.getByLabel('Language').selectOption('zh-CN');
  await app.page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '关闭设置' }).click();
  await app.page.getByRole('button', { name: '键盘快捷键', exact: true }).click();
  const chinese = app.page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(chinese.getByRole('rowheader', { name: '新对话' })).toBeVisible();
});

test('no shortcut takes a key from someone typing or composing with an input method', async ({ app }) => {
  const dialog = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const search = app.chatList.getByRole('searchbox', { name: 'Search chats and messages' });

  // Plain keys type into the composer and the search box.
  await app.composer.focus();
  await app.page.keyboard.type('a/b?c');
  await expect(app.composer).toHaveValue('a/b?c');
  await search.focus();
  await app.page.keyboard.type('x/y?');
  await expect(search).toHaveValue('x/y?');
  await expect(dialog).toBeHidden();

  // While an input method composes, even a combination does nothing; once it ends, it works again.
  await app.composer.focus();
  const composing = await app.composer.evaluate((composer) => {
    composer.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    const keydown = new KeyboardEvent('keydown', {
      key: 'k',
      code: 'KeyK',
      ctrlKey: true,
      isComposing: true,
      bubbles: true,
      cancelable: true,
    });
    composer.dispatchEvent(keydown);
    composer.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '你' }));
    return { prevented: keydown.defaultPrevented, focused: document.activeElement === composer };
  });
  expect(composing).toEqual({ prevented: false, focused: true });
  await expect(app.composer).toBeFocused();
  await app.page.keyboard.press('Control+K');
  await expect(search).toBeFocused();
});
