import { hostileMarker } from '@hearth/testkit';
import { expect, test } from '../fixtures/test.ts';

test('a hostile answer executes nothing and its remote image loads only on click', async ({
  app,
  upstream,
  baseURL,
}) => {
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.addModel({ name: 'Hostile', baseUrl: upstream.baseUrl({ hostile: true }) });
  await app.send('say something nasty');
  await expect(app.lastAnswer).toContainText('The end.');
  await app.waitForAnswerToEnd();

  const answer = app.lastAnswer;
  // Raw HTML is shown as text or dropped, never turned into elements.
  await expect(answer.locator('script, iframe, svg[onload], [onerror], [onload], [onmouseover]')).toHaveCount(0);
  // The javascript: link is inert text: no anchor carries a javascript: URL.
  await expect(answer.locator('a[href^="javascript" i]')).toHaveCount(0);
  await answer.getByText('click', { exact: true }).click();
  await answer.hover();

  expect(
    await app.page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], hostileMarker),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(app.page).toHaveURL(`${baseURL}/`);

  // The tracker image has not been fetched; the person can choose to load it.
  await expect(answer.locator('img')).toHaveCount(0);
  expect(upstream.pixelHits).toHaveLength(0);
  await answer.getByRole('button', { name: /^Load image "tracker" from 127\.0\.0\.1/ }).click();
  await expect(answer.getByRole('img', { name: 'tracker' })).toBeVisible();
  await expect.poll(() => upstream.pixelHits.length).toBe(1);
  await expect(answer.getByRole('img', { name: 'tracker' })).toHaveAttribute('referrerpolicy', 'no-referrer');
});

test('answers render tables, highlighted code with a copy button, and math', async ({ app, upstream, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const text = [
    '| Name | Value |',
    '| ---- | ----- |',
    '| pi   | 3.14  |',
    '',
    '```ts',
    'const answer: number = 42;',
    '```',
    '',
    'Euler: $e^{i\\pi} + 1 = 0$',
  ].join('\n');
  await app.addModel({ name: 'Rich', baseUrl: upstream.baseUrl({ text }) });
  await app.send('show me');
  await app.waitForAnswerToEnd();

  const answer = app.lastAnswer;
  await expect(answer.getByRole('table')).toBeVisible();
  await expect(answer.getByRole('cell', { name: '3.14' })).toBeVisible();
  await expect(answer.locator('code .hljs-keyword').first()).toHaveText('const');
  await answer.getByRole('button', { name: 'Copy code' }).click();
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe('const answer: number = 42;');
  await expect(answer.locator('.katex').first()).toBeVisible();
  // The math is laid out (KaTeX's stylesheet matches its markup): the superscript is smaller.
  const sizes = await answer
    .locator('.katex .msupsub')
    .first()
    .evaluate((sup) => {
      const base = sup.closest('.katex')?.querySelector('.mord.mathnormal');
      const supText = sup.querySelector('.mord');
      return [base, supText].map((node) => (node ? Number.parseFloat(getComputedStyle(node).fontSize) : 0));
    });
  expect(sizes[1]).toBeLessThan(sizes[0] ?? 0);
});

test('reasoning is shown collapsed and usage is reported', async ({ app, upstream }) => {
  await app.addModel({
    name: 'Thinker',
    baseUrl: upstream.baseUrl({ reasoning: 'Let me think about this carefully.', text: 'Forty-two.' }),
  });
  await app.send('meaning of life?');
  await app.waitForAnswerToEnd();
  const answer = app.lastAnswer;
  await expect(answer).toContainText('Forty-two.');
  const reasoning = answer.locator('details');
  await expect(reasoning).not.toHaveAttribute('open', '');
  await expect(answer.getByText('Let me think about this carefully.')).toBeHidden();
  await answer.getByText('Reasoning', { exact: true }).click();
  await expect(answer.getByText('Let me think about this carefully.')).toBeVisible();
  await expect(answer).toContainText(/\d+ tokens in, \d+ out/);
});

test('OpenRouter-style reasoning field is read too', async ({ app, upstream }) => {
  await app.addModel({
    name: 'Thinker',
    baseUrl: upstream.baseUrl({ reasoning: 'hmm', reasoningField: 'reasoning', text: 'ok' }),
  });
  await app.send('think');
  await app.waitForAnswerToEnd();
  await app.lastAnswer.getByText('Reasoning', { exact: true }).click();
  await expect(app.lastAnswer.getByText('hmm', { exact: true })).toBeVisible();
});

test('an enormous line in the stream ends the answer with an error and the app stays usable', async ({
  app,
  upstream,
}) => {
  await app.addModel({
    name: 'Huge',
    baseUrl: upstream.baseUrl({ text: 'before the flood', hugeLine: 6_000_000, rate: 50 }),
  });
  await app.send('flood me');
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(app.lastAnswer).toContainText('exceeded');
  await app.composer.fill('still typing');
  await expect(app.composer).toHaveValue('still typing');
});
