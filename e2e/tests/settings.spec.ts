import { completionCalls, expect, test } from '../fixtures/test.ts';

test('invalid model fields get errors beside them and nothing is saved', async ({ app }) => {
  const dialog = await app.fillNewModel({ name: 'Broken', baseUrl: 'localhost:11434', modelId: ' ' });
  await dialog.getByLabel('Extra headers').fill('X-Title Hearth');
  await dialog.getByRole('button', { name: 'Save model' }).click();

  await expect(dialog.getByLabel('Base URL')).toHaveAccessibleDescription(/Enter a full URL starting with http/);
  await expect(dialog.getByLabel('Model ID')).toHaveAccessibleDescription('Enter a model id');
  await expect(dialog.getByLabel('Extra headers')).toHaveAccessibleDescription(/Line 1: write it as "Name: value"/);
  await expect(dialog.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('No models yet.')).toBeVisible();
});

test('Test connection and Fetch model list talk to the provider', async ({ app, upstream }) => {
  const dialog = await app.fillNewModel({ name: 'Fake', baseUrl: upstream.baseUrl({ models: ['alpha-1', 'beta-2'] }) });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('form', { name: 'New model' }).getByRole('status')).toContainText('Connection works');

  await dialog.getByRole('button', { name: 'Fetch model list' }).click();
  await expect(dialog.getByRole('form', { name: 'New model' }).getByRole('status')).toContainText('Found 2 models');
  await expect(dialog.locator('datalist option')).toHaveCount(2);
});

test('Test connection reports the provider’s error in its own words', async ({ app, upstream }) => {
  const dialog = await app.fillNewModel({
    name: 'Fake',
    baseUrl: upstream.baseUrl({ status: 404, message: 'The model `nope` does not exist' }),
  });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('form', { name: 'New model' }).getByRole('status')).toContainText(
    'The model `nope` does not exist',
  );
});

test('models can be edited, made default and deleted; the API key stays out of the model record', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'First', baseUrl: upstream.baseUrl(), apiKey: 'sk-first' });
  await app.addModel({ name: 'Second', baseUrl: upstream.baseUrl(), apiKey: 'sk-second' });
  const dialog = await app.openSettings();
  await expect(
    dialog.getByRole('listitem').filter({ hasText: 'First' }).getByText('Default', { exact: true }),
  ).toBeVisible();

  await dialog.getByRole('button', { name: 'Make default: Second' }).click();
  await expect(
    dialog.getByRole('listitem').filter({ hasText: 'Second' }).getByText('Default', { exact: true }),
  ).toBeVisible();

  await dialog.getByRole('button', { name: 'Edit: Second' }).click();
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveValue('sk-second');
  await dialog.getByLabel('Name', { exact: true }).fill('Second renamed');
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await expect(dialog.getByText('Second renamed')).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete: First' }).click();
  await app.page.getByRole('dialog', { name: 'Delete model?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByText('First', { exact: true })).toBeHidden();

  const records = await app.page.evaluate(async () => {
    const open = indexedDB.open('hearth');
    const db = await new Promise<IDBDatabase>((resolve) => {
      open.onsuccess = () => resolve(open.result);
    });
    const all = db.transaction('modelConfigs').objectStore('modelConfigs').getAll();
    return new Promise<unknown[]>((resolve) => {
      all.onsuccess = () => resolve(all.result);
    });
  });
  expect(JSON.stringify(records)).not.toContain('sk-second');
  await app.closeSettings();
  await app.send('which model?');
  await expect(app.lastAnswer).toContainText('Echo: which model?');
  expect(completionCalls(upstream).at(-1)?.headers.authorization).toBe('Bearer sk-second');
});

test('the language and theme can be switched and are remembered', async ({ app }) => {
  const dialog = await app.openSettings();
  await dialog.getByLabel('Language').selectOption('zh-CN');
  await expect(app.page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await app.page.getByRole('dialog', { name: '设置' }).getByLabel('主题').selectOption('dark');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await app.page.reload();
  await expect(app.page.getByRole('textbox', { name: '消息' })).toBeVisible();
  await expect(app.page.getByRole('button', { name: '新对话' })).toBeVisible();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('follows the browser language by default', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('textbox', { name: '消息' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '对话' })).toBeVisible();
  });
});

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system colour scheme by default', async ({ page }) => {
    await page.goto('/');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(24, 24, 26)');
  });
});
