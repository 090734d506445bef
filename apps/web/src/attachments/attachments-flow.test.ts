import { attachmentMaxBytes } from '@hearth/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { forkFromMessage, regenerateAnswer, resendEdited, sendQuestion } from '../actions/conversation-actions.ts';
import { type AnswerHarness, answerEnded, answerHarness } from '../actions/test/answer-harness.ts';
import { setAppStorage } from '../app/app-storage.ts';
import { shownBranchPage } from '../db/branches-repository.ts';
import { useUiStore } from '../state/ui-store.ts';
import { attachFiles } from './attach-files.ts';
import { pendingAttachmentsOf, usePendingAttachments } from './pending-attachments.ts';

// A PNG's first bytes are enough here: the app reads the type from the file, the fake provider reads nothing.
const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const pngBase64 = btoa(String.fromCharCode(...pngBytes));

let h: AnswerHarness;
beforeEach(async () => {
  h = answerHarness();
  setAppStorage(h.storage);
  usePendingAttachments.setState({ byChat: {}, problems: {} });
  await h.addModel();
});

const openChatId = () => useUiStore.getState().selectedChatId ?? '';
const shown = async () =>
  (await shownBranchPage(h.storage.db, openChatId(), 100)).messages.map((entry) => entry.message);

async function answerWith(text: string) {
  const upstream = await h.provider.nextRequest();
  const answer = (await shown()).at(-1);
  upstream.send(text);
  upstream.finish();
  if (answer) await answerEnded(answer.id);
  return upstream.body;
}

describe('attaching files in the composer', () => {
  it('stores a file that fits at once and refuses one over the limit in words, storing nothing of it', async () => {
    const tooBig = new File([new Uint8Array(attachmentMaxBytes + 1)], 'huge.txt', { type: 'text/plain' });
    const notes = new File(['the notes'], 'notes.md', { type: '' });
    await attachFiles(h.storage.db, null, [tooBig, notes]);

    expect(usePendingAttachments.getState().problems['']).toEqual([
      { code: 'too_large', name: 'huge.txt', size: attachmentMaxBytes + 1 },
    ]);
    const pending = pendingAttachmentsOf(null);
    expect(pending.map(({ name, mediaType, size }) => ({ name, mediaType, size }))).toEqual([
      { name: 'notes.md', mediaType: 'text/plain', size: 9 },
    ]);
    expect(await h.storage.db.blobs.count()).toBe(1);
    expect((await h.storage.db.blobs.get(pending[0]?.hash ?? ''))?.size).toBe(9);
  });

  it('refuses a file of a kind no model is sent, naming it', async () => {
    await attachFiles(h.storage.db, 'chat', [new File(['PK'], 'bundle.zip', { type: 'application/zip' })]);
    expect(usePendingAttachments.getState().problems.chat).toEqual([{ code: 'unsupported', name: 'bundle.zip' }]);
    expect(await h.storage.db.blobs.count()).toBe(0);
  });
});

describe('a question with files', () => {
  it('sends the image, regenerate sends it again, an edit can leave it out, and a fork keeps it', async () => {
    await attachFiles(h.storage.db, null, [new File([pngBytes], 'photo.png', { type: 'image/png' })]);
    const [photo] = pendingAttachmentsOf(null);
    await sendQuestion(h.storage, { chatId: null, content: 'what is it?', attachments: pendingAttachmentsOf(null) });
    expect(pendingAttachmentsOf(null)).toEqual([]);
    const question = (await shown())[0];
    expect(question?.attachments).toEqual([photo]);

    const withImage = [
      { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64}` } },
      { type: 'text', text: 'what is it?' },
    ];
    expect((await answerWith('a PNG')).messages).toEqual([{ role: 'user', content: withImage }]);

    const answerId = (await shown()).at(-1)?.id ?? '';
    await regenerateAnswer(h.storage, answerId);
    expect((await answerWith('still a PNG')).messages).toEqual([{ role: 'user', content: withImage }]);

    await resendEdited(h.storage, { questionId: question?.id ?? '', content: 'and without it?', attachments: [] });
    expect((await answerWith('no image')).messages).toEqual([{ role: 'user', content: 'and without it?' }]);
    expect((await shown())[0]?.attachments).toBeUndefined();

    await forkFromMessage(h.storage, answerId);
    expect((await shown())[0]?.attachments).toEqual([photo]);
  });
});
