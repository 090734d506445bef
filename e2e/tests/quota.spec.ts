import { type BrowserProfile, expect, test } from '../fixtures/browser-profile.ts';
import { completionCalls } from '../fixtures/test.ts';

// "Storage quota exceeded: a clear message; nothing already stored is lost; the draft is kept."
//
// The browser's own quota does the refusing: each test stores chats in one browser session, then
// starts the browser again on the same profile with the origin's quota shrunk (through the DevTools
// protocol) before the app is loaded, and lets IndexedDB refuse the app's writes with a real
// QuotaExceededError. Why a new session: see fixtures/storage-quota.ts. Quitting the browser drops
// the override, and each test also restores the quota itself and shows that writing works again.

/** Matches an element whose text contains `text` (a message's text sits among its name and actions). */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

// Each test starts the browser twice and streams a few long answers: more than the default 30 s on a
// busy machine.
test.describe.configure({ timeout: 60_000 });

const storageFullMessage = 'The browser’s storage is full, so the message was not saved. Your text is still here.';

/** Stores chats in a first browser session, as a person would have done on an earlier day. */
async function storeChatsInEarlierSession(
  profile: BrowserProfile,
  setup: { model: { name: string; baseUrl: string }; questions: { text: string; answer: string }[] },
): Promise<void> {
  const earlier = await profile.start();
  const { app } = earlier;
  await app.open();
  await app.addModel(setup.model);
  for (const [index, question] of setup.questions.entries()) {
    if (index > 0) await app.button('New chat').click();
    await app.send(question.text);
    await expect(app.lastAnswer).toContainText(question.answer);
    await app.waitForAnswerToEnd();
  }
  await earlier.close();
}

test('with the storage full, sending says so, keeps the draft, and every stored chat is still there', async ({
  profile,
  upstream,
}) => {
  upstream.reset();
  await storeChatsInEarlierSession(profile, {
    model: { name: 'Echo', baseUrl: upstream.baseUrl() },
    questions: [
      { text: 'the first chat', answer: 'Echo: the first chat' },
      { text: 'the second chat', answer: 'Echo: the second chat' },
    ],
  });
  const callsBefore = completionCalls(upstream).length;

  // Today the browser has no room left for the app: not a single byte.
  const today = await profile.start();
  await today.quota.limitTo(1);
  const { app } = today;
  await app.open();

  // A new chat: the question is refused, the person is told why, their text stays, and no empty chat
  // is left behind in the list.
  const problem = app.page.getByRole('alert').filter({ hasText: 'storage is full' });
  await app.composer.fill('a new chat that cannot be stored');
  await app.composer.press('Enter');
  await expect(problem).toHaveText(storageFullMessage);
  await expect(app.composer).toHaveValue('a new chat that cannot be stored');
  await expect(app.chatList.getByRole('listitem')).toHaveText([/the second chat/, /the first chat/]);

  // A reload, with the storage still full: the app opens, with no message left over.
  await app.page.reload();
  await expect(app.composer).toBeVisible();
  await expect(problem).toBeHidden();

  // In a stored chat: the same. It still shows what it had, and gains nothing.
  await app.chatLink('the first chat').click();
  await expect(app.lastAnswer).toContainText('Echo: the first chat');
  await app.composer.fill('a follow-up I do not want to type again');
  await app.composer.press('Enter');
  await expect(problem).toHaveText(storageFullMessage);
  await expect(app.composer).toHaveValue('a follow-up I do not want to type again');
  await expect(app.questions).toHaveText([containing('the first chat')]);
  await expect(app.answers).toHaveCount(1);

  // Nothing that was not stored went to the provider.
  expect(completionCalls(upstream)).toHaveLength(callsBefore);

  // Nothing stored is lost: after a reload, with the storage still full, both chats open in full.
  await app.page.reload();
  await expect(app.chatList.getByRole('listitem')).toHaveText([/the second chat/, /the first chat/]);
  for (const title of ['the first chat', 'the second chat']) {
    await app.chatLink(title).click();
    await expect(app.questions).toHaveText([containing(title)]);
    await expect(app.answers).toHaveCount(1);
    await expect(app.lastAnswer).toContainText(`Echo: ${title}`);
  }

  // Room again (the quota the disk allows): the same question now goes through and is kept.
  await today.quota.restore();
  await app.chatLink('the first chat').click();
  await app.send('a follow-up I do not want to type again');
  await expect(app.lastAnswer).toContainText('Echo: a follow-up I do not want to type again');
  await app.waitForAnswerToEnd();
  await expect(app.composer).toHaveValue('');
  await app.page.reload();
  await app.chatLink('the first chat').click();
  await expect(app.questions).toHaveText([
    containing('the first chat'),
    containing('a follow-up I do not want to type again'),
  ]);
  await today.close();
});

test('an answer the storage has no room for stays on screen, marked not saved', async ({ profile, upstream }) => {
  // About 190 kB of answer text; the storage will have room for the question, not for this.
  const tokens = 20_000;
  upstream.reset();
  await storeChatsInEarlierSession(profile, {
    model: { name: 'Long-winded', baseUrl: upstream.baseUrl({ tokens, chunkTokens: 500 }) },
    questions: [{ text: 'a short chat', answer: `token${tokens}` }],
  });

  const today = await profile.start();
  // Full until the app has started, so that no write of its own can pass before the real limit is set
  // (a refused write leaves no room cached, see fixtures/storage-quota.ts).
  await today.quota.limitTo(1);
  const { app } = today;
  await app.open();
  // Then 64 kB more than what is stored: enough for a question even when the database's own files grow
  // on the first write (16 kB was not, now and then), far too little for the answer.
  const { usage } = await today.quota.usageAndQuota();
  await today.quota.limitTo(usage + 64 * 1024);

  await app.button('New chat').click();
  await app.send('tell me everything');
  // Every word arrives and stays on screen, and the person is told it is not stored.
  await expect(app.lastAnswer).toContainText(`token1 token2 token3`);
  await expect(app.lastAnswer).toContainText(`token${tokens}`);
  await expect(app.lastAnswer.getByText('Not saved:', { exact: true })).toBeVisible();
  await expect(app.lastAnswer).toContainText(
    'The browser’s storage is full, so this answer could not be saved. Copy it, or free some space.',
  );
  await expect(app.lastAnswer.getByRole('button', { name: 'Copy' })).toBeVisible();
  // The chat is not stuck: the answer is over, so Stop is gone and the person can write again.
  await expect(app.button('Stop')).toBeHidden();
  await expect(app.button('Send')).toBeVisible();

  // Still full: a reload opens the app and every stored chat, even though nothing can be written.
  await app.page.reload();
  await expect(app.chatList.getByRole('listitem')).toHaveText([/tell me everything/, /a short chat/]);

  // Room again: what was stored before is all there, and asking again stores the whole answer.
  await today.quota.restore();
  await app.page.reload();
  await expect(app.chatList.getByRole('listitem')).toHaveText([/tell me everything/, /a short chat/]);
  await app.chatLink('a short chat').click();
  await expect(app.questions).toHaveText([containing('a short chat')]);
  await expect(app.lastAnswer).toContainText(`token${tokens}`);
  await app.chatLink('tell me everything').click();
  await expect(app.questions).toHaveText([containing('tell me everything')]);
  await app.lastAnswer.getByRole('button', { name: 'Retry' }).click();
  await expect(app.lastAnswer).toContainText(`token${tokens}`);
  await app.waitForAnswerToEnd();
  await app.page.reload();
  await app.chatLink('tell me everything').click();
  await expect(app.lastAnswer).toContainText(`token${tokens}`);
  await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeHidden();
  await today.close();
});
