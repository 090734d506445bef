import type { FakeApi, FakeUpstream } from '@hearth/testkit';
import type { Page } from '@playwright/test';
import { solidPng, textPdf } from '../fixtures/attachment-files.ts';
import { type ChatApp, waitForOfflineReady } from '../fixtures/chat-app.ts';
import { expect, test } from '../fixtures/test.ts';

// Files attached in the composer, stored as blobs in IndexedDB and sent to the fake upstream, which
// checks each API's image format and answers with the type and decoded size of every image it saw.

const photo = {
  name: 'photo.png',
  mimeType: 'image/png',
  buffer: solidPng({ width: 40, height: 30, rgb: [200, 40, 40] }),
};
const seenPhoto = `[image/png, ${photo.buffer.length} bytes]`;

interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function attach(app: ChatApp, files: FilePayload[]): Promise<void> {
  const chooser = app.page.waitForEvent('filechooser');
  await app.button('Attach files').click();
  await (await chooser).setFiles(files);
}

const pendingFiles = (app: ChatApp) => app.page.getByRole('list', { name: 'Files to send' });

/** How many blobs the app's IndexedDB holds, read with the browser's own API. */
function storedBlobCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hearth');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('blobs').objectStore('blobs').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

const lastPost = (upstream: FakeUpstream) =>
  upstream.requests.filter((request) => request.method === 'POST').at(-1)?.body as Record<string, unknown>;

const visionProviders: {
  label: string;
  provider?: string;
  api: FakeApi;
  modelId: string;
  imagePart: Record<string, unknown>;
}[] = [
  {
    label: 'OpenAI-compatible',
    api: 'openai',
    modelId: 'vision-model',
    imagePart: {
      messages: [{ role: 'user', content: [{ type: 'image_url' }, { type: 'text', text: 'what is this?' }] }],
    },
  },
  {
    label: 'Anthropic',
    provider: 'Anthropic',
    api: 'anthropic',
    modelId: 'claude-test',
    imagePart: {
      messages: [
        {
          role: 'user',
          content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }, { type: 'text' }],
        },
      ],
    },
  },
  {
    label: 'Gemini',
    provider: 'Google Gemini',
    api: 'gemini',
    modelId: 'gemini-test',
    imagePart: {
      contents: [{ role: 'user', parts: [{ inline_data: { mime_type: 'image/png' } }, { text: 'what is this?' }] }],
    },
  },
];

for (const vision of visionProviders) {
  test(`an image goes to a ${vision.label} vision model in its format, and regenerate sends it again`, async ({
    app,
    upstream,
  }) => {
    await app.addModel({
      ...(vision.provider ? { provider: vision.provider } : {}),
      name: vision.label,
      baseUrl: upstream.baseUrl({}, vision.api),
      modelId: vision.modelId,
      apiKey: 'test-key',
    });
    await attach(app, [photo]);
    await expect(pendingFiles(app).getByText('photo.png')).toBeVisible();
    await app.send('what is this?');
    await expect(pendingFiles(app)).toBeHidden();
    // The fake decoded the image whole: its echo names the type and every byte.
    await expect(app.lastAnswer).toContainText(`Echo: what is this? ${seenPhoto}`);
    expect(lastPost(upstream)).toMatchObject(vision.imagePart);
    await app.waitForAnswerToEnd();

    await app.lastAnswer.getByRole('button', { name: 'Regenerate' }).click();
    await expect(app.lastAnswer.getByText('2 / 2')).toBeVisible();
    await app.waitForAnswerToEnd();
    await expect(app.lastAnswer).toContainText(`Echo: what is this? ${seenPhoto}`);
  });
}

test('a text file and a PDF go as context, the PDF’s text extracted in the browser', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await attach(app, [
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\nThe kettle is blue.') },
    { name: 'paper.pdf', mimeType: 'application/pdf', buffer: textPdf('Hearth fixture words in a PDF') },
  ]);
  await expect(pendingFiles(app).getByRole('listitem')).toHaveCount(2);
  await app.send('read them');
  await app.waitForAnswerToEnd();
  // Sent as context in the question's text: each file named, in a fence, the PDF's text said to be extracted.
  expect(lastPost(upstream)).toMatchObject({
    messages: [
      {
        role: 'user',
        content: [
          'File “notes.md”:\n```\n# Notes\nThe kettle is blue.\n```',
          'File “paper.pdf” (text extracted from the PDF; its layout and images are not included):\n```\nHearth fixture words in a PDF\n```',
          'read them',
        ].join('\n\n'),
      },
    ],
  });
  await expect(app.lastAnswer).toContainText('The kettle is blue.');
  await expect(app.lastAnswer).toContainText('Hearth fixture words in a PDF');
  // The question shows its files as chips that download them.
  await expect(app.questions.last().getByRole('link', { name: 'Download paper.pdf' })).toBeVisible();
});

test('a file over the limit is refused in words, nothing of it stored, and the draft and other files stay', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.composer.fill('my unsent draft');
  await attach(app, [
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) },
    { name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.from('fits') },
  ]);
  await expect(app.page.getByRole('alert')).toContainText(
    '“huge.txt” was not attached: it is larger than 20 MB (it is 21 MB), the most one file can be.',
  );
  await expect(pendingFiles(app).getByRole('listitem')).toHaveCount(1);
  await expect(pendingFiles(app).getByText('small.txt')).toBeVisible();
  await expect(app.composer).toHaveValue('my unsent draft');
  expect(await storedBlobCount(app.page)).toBe(1);

  // Switching chats keeps the composer's files (their blobs are stored, the composer names them).
  await app.send('first chat');
  await app.button('New chat').click();
  await attach(app, [{ name: 'later.txt', mimeType: 'text/plain', buffer: Buffer.from('for the next chat') }]);
  await app.chatLink('first chat').click();
  await expect(pendingFiles(app)).toBeHidden();
  await app.button('New chat').click();
  await expect(pendingFiles(app).getByText('later.txt')).toBeVisible();
  await pendingFiles(app).getByRole('button', { name: 'Remove later.txt' }).click();
  await expect(pendingFiles(app)).toBeHidden();
});

test('an image attached and sent offline is queued, and goes out with the image when the network returns', async ({
  app,
  upstream,
  context,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('online first');
  await app.waitForAnswerToEnd();
  await waitForOfflineReady(app.page);

  await context.setOffline(true);
  await attach(app, [photo]);
  await expect(pendingFiles(app).getByText('photo.png')).toBeVisible();
  await app.composer.fill('sent offline');
  await app.composer.press('Enter');
  const queued = app.questions.filter({ hasText: 'sent offline' });
  await expect(queued.getByText(/Queued/)).toBeVisible();
  await expect(queued.getByRole('button', { name: 'Open photo.png' })).toBeVisible();

  await context.setOffline(false);
  await expect(app.lastAnswer).toContainText(`Echo: sent offline ${seenPhoto}`);
});

test('a thumbnail opens the image full size, Escape closes it, and a reload keeps it', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await attach(app, [photo]);
  await app.send('look');
  await app.waitForAnswerToEnd();

  const thumbnail = app.questions.last().getByRole('button', { name: 'Open photo.png' });
  await thumbnail.click();
  const viewer = app.page.getByRole('dialog', { name: 'photo.png' });
  await expect(viewer).toBeVisible();
  const full = viewer.getByRole('img', { name: 'photo.png' });
  await expect.poll(() => full.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(40);
  await app.page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await app.page.reload();
  await app.chatLink('look').click();
  const image = app.questions.last().getByRole('img', { name: 'photo.png' });
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(40);
});

test('files dropped on the chat show a drop target and attach; a pasted screenshot attaches too', async ({ app }) => {
  const dataTransfer = await app.page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['dropped words'], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  });
  const chat = app.page.getByRole('main');
  await chat.dispatchEvent('dragenter', { dataTransfer });
  await expect(app.page.getByRole('status').filter({ hasText: 'Drop files to attach them' })).toBeVisible();
  await chat.dispatchEvent('drop', { dataTransfer });
  await expect(app.page.getByRole('status').filter({ hasText: 'Drop files to attach them' })).toBeHidden();
  await expect(pendingFiles(app).getByText('dropped.txt')).toBeVisible();

  // A screenshot pasted into the message box: a clipboard with an image file and no text.
  await app.composer.evaluate((box, base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, photo.buffer.toString('base64'));
  await expect(pendingFiles(app).getByText('screenshot.png')).toBeVisible();
  await expect(pendingFiles(app).getByRole('img', { name: 'screenshot.png' })).toBeVisible();
});
