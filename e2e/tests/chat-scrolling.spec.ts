import type { Locator, Page } from '@playwright/test';
import { seedChats } from '../fixtures/seed-chat.ts';
import { expect, test } from '../fixtures/test.ts';

function messageList(page: Page): Locator {
  return page.getByRole('region', { name: 'Messages' });
}

/** Whether the list shows its very end (what "following" keeps true). */
function atEnd(list: Locator): Promise<boolean> {
  return list.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight < 48);
}

/** The text ("Long 287") of the first seeded message whose top is inside the list. */
function firstMessageInView(list: Locator, prefix: string): Promise<string | undefined> {
  return list.evaluate((element, start) => {
    const top = element.getBoundingClientRect().top;
    const texts = [...element.querySelectorAll('p, .message-text')].filter(
      (node) => node.textContent?.startsWith(`${start} `) && /\d$/.test(node.textContent),
    );
    return texts.find((node) => node.getBoundingClientRect().top >= top)?.textContent ?? undefined;
  }, prefix);
}

async function scrollUp(page: Page, list: Locator, pixels = 2500): Promise<void> {
  await list.hover();
  await page.mouse.wheel(0, -pixels);
}

test('a chat opens at its newest message, keeps its place while the app runs, and Jump to latest returns', async ({
  app,
}) => {
  const { page } = app;
  await seedChats(page, [
    { title: 'Long chat', messages: 300, prefix: 'Long', newest: true },
    { title: 'Other chat', messages: 300, prefix: 'Other' },
  ]);
  const list = messageList(page);
  await app.chatLink('Long chat').click();
  await expect(page.getByText('Long 300', { exact: true })).toBeInViewport();
  await expect(app.button('Jump to latest')).toBeHidden();

  await scrollUp(page, list);
  await expect(app.button('Jump to latest')).toBeVisible();
  await expect(page.getByText('Long 300', { exact: true })).not.toBeInViewport();
  const readingAt = await firstMessageInView(list, 'Long');
  expect(readingAt).toMatch(/^Long \d+$/);

  // Another chat opens at its own newest message, not at the place the first was left at.
  await app.chatLink('Other chat').click();
  await expect(page.getByText('Other 300', { exact: true })).toBeInViewport();
  await expect(app.button('Jump to latest')).toBeHidden();

  // Back: the place the person left.
  await app.chatLink('Long chat').click();
  await expect(page.getByText(readingAt ?? '', { exact: true })).toBeInViewport();
  await expect(page.getByText('Long 300', { exact: true })).not.toBeInViewport();
  await app.button('Jump to latest').click();
  await expect(page.getByText('Long 300', { exact: true })).toBeInViewport();
  await expect(app.button('Jump to latest')).toBeHidden();
});

test('scrolling up reads older messages without a button, keeping the messages on screen in place', async ({ app }) => {
  const { page } = app;
  await seedChats(page, [{ title: 'Long chat', messages: 300, prefix: 'Long', newest: true }]);
  const list = messageList(page);
  await app.chatLink('Long chat').click();
  await expect(page.getByText('Long 300', { exact: true })).toBeInViewport();
  // The newest 50 are read first (251 to 300); older ones are not in the page yet.
  await expect(page.getByText('Long 200', { exact: true })).toHaveCount(0);

  // To the top of what is loaded: the next page is read above it, and the message there stays in view.
  await list.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(page.getByText('Long 250', { exact: true })).toBeAttached();
  await expect(page.getByText('Long 251', { exact: true })).toBeInViewport();

  // And on to the very first message.
  await expect(async () => {
    await scrollUp(page, list, 20_000);
    await expect(page.getByText('Long 1', { exact: true })).toBeInViewport({ timeout: 1_000 });
  }).toPass();
  await expect(page.getByRole('button', { name: /earlier/i })).toHaveCount(0);
});

test('sending while scrolled up shows the message just sent', async ({ app, upstream }) => {
  const { page } = app;
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await seedChats(page, [{ title: 'Long chat', messages: 120, prefix: 'Long', newest: true }]);
  const list = messageList(page);
  await app.chatLink('Long chat').click();
  await expect(page.getByText('Long 120', { exact: true })).toBeInViewport();
  await scrollUp(page, list);
  await expect(app.button('Jump to latest')).toBeVisible();

  await app.composer.fill('a question from far up');
  await app.composer.press('Enter');
  await expect(page.getByText('a question from far up', { exact: true })).toBeInViewport();
  await expect(app.lastAnswer).toContainText('Echo: a question from far up');
  await expect.poll(() => atEnd(list)).toBe(true);
  await expect(app.button('Jump to latest')).toBeHidden();
});

test('the list follows a streaming answer while the person types, and stops following when they scroll up', async ({
  app,
  upstream,
}) => {
  const { page } = app;
  await app.addModel({ name: 'Slow', baseUrl: upstream.baseUrl({ tokens: 4000, rate: 40 }) });
  await app.send('Tell me a long story');
  const list = messageList(page);
  // Taller than the list by now, so following means scrolling.
  await expect(app.lastAnswer).toContainText('token250');
  await expect.poll(() => atEnd(list)).toBe(true);

  // The composer grows line by line while the answer streams: the list keeps showing its end.
  await app.composer.click();
  for (let line = 1; line <= 6; line++) {
    await app.composer.pressSequentially(`line ${line} of a reply`);
    await app.composer.press('Shift+Enter');
  }
  await expect(app.composer).toHaveValue(/line 6 of a reply/);
  const lastShown = await app.lastAnswer.evaluate((node) => Number(/token(\d+)\D*$/.exec(node.textContent ?? '')?.[1]));
  await expect(app.lastAnswer).toContainText(`token${lastShown + 60}`);
  await expect.poll(() => atEnd(list)).toBe(true);

  // Scrolled up during the answer: the list stays where the person is, and offers the way back.
  await scrollUp(page, list, 600);
  await expect(app.button('Jump to latest')).toBeVisible();
  const after = await app.lastAnswer.evaluate((node) => Number(/token(\d+)\D*$/.exec(node.textContent ?? '')?.[1]));
  await expect(app.lastAnswer).toContainText(`token${after + 40}`);
  expect(await atEnd(list)).toBe(false);

  await app.button('Jump to latest').click();
  await expect(app.button('Jump to latest')).toBeHidden();
  await expect.poll(() => atEnd(list)).toBe(true);
  const again = await app.lastAnswer.evaluate((node) => Number(/token(\d+)\D*$/.exec(node.textContent ?? '')?.[1]));
  await expect(app.lastAnswer).toContainText(`token${again + 40}`);
  await expect.poll(() => atEnd(list)).toBe(true);
  await app.button('Stop').click();
});
