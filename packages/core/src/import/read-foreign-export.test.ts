import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  bigChatgptExportCounts,
  chatgptBrokenConversations,
  chatgptExportJson,
  claudeBrokenConversations,
  claudeExportJson,
  nextchatBackupJson,
  nextchatBrokenSessions,
  openWebUiBrokenChats,
  openWebUiExportJson,
  truncatedCopy,
  writeBigChatgptExport,
} from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOf, readAll, readError } from './import-test-support.ts';
import { readForeignExport } from './read-foreign-export.ts';

/** The heap's live size: garbage collected first, so what is measured is what is still held. */
function liveHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('readForeignExport on a large export', () => {
  const options = { messages: 60_000, messagesPerConversation: 60 };
  let folder = '';
  let jsonPath = '';
  let zipPath = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hearth-import-'));
    jsonPath = join(folder, 'conversations.json');
    zipPath = join(folder, 'export.zip');
    await writeBigChatgptExport(jsonPath, options);
    await writeBigChatgptExport(zipPath, { ...options, zip: true });
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['conversations.json', () => jsonPath],
    ['the export ZIP', () => zipPath],
  ])('streams %s: chats arrive long before the file ends, and memory stays far below its size', async (_name, path) => {
    const file = await openAsBlob(path()); // backed by the file on disk, as a File the person picked
    const expected = bigChatgptExportCounts(options);
    let bytesAtFirstChat = -1;
    let lastBytes = 0;
    let total = 0;
    let chats = 0;
    let messages = 0;
    const baseline = liveHeap();
    let peak = 0;
    for await (const chat of readForeignExport(file, {
      onProgress: (bytesRead, totalBytes) => {
        lastBytes = bytesRead;
        total = totalBytes;
      },
    })) {
      if (bytesAtFirstChat < 0) bytesAtFirstChat = lastBytes;
      chats += 1;
      messages += chat.messages.length;
      if (chats % 100 === 0) peak = Math.max(peak, liveHeap() - baseline);
    }
    expect({ conversations: chats, messages }).toEqual(expected);
    expect(lastBytes).toBe(total);
    expect(bytesAtFirstChat).toBeGreaterThan(0);
    expect(bytesAtFirstChat).toBeLessThan(total / 4);
    // The JSON text alone, held whole, would take at least its size in bytes.
    const jsonBytes = (await stat(jsonPath)).size;
    expect(peak).toBeLessThan(jsonBytes / 4);
  });

  it('stops reading the file when the signal aborts', async () => {
    const file = await openAsBlob(jsonPath);
    const controller = new AbortController();
    let bytes = 0;
    let chats = 0;
    const read = async () => {
      for await (const _chat of readForeignExport(file, {
        signal: controller.signal,
        onProgress: (read) => (bytes = read),
      })) {
        chats += 1;
        if (chats === 3) controller.abort(new Error('stopped by the person'));
      }
    };
    await expect(read()).rejects.toThrow('stopped by the person');
    expect(chats).toBe(3);
    expect(bytes).toBeLessThan(file.size / 10);
  });
});

describe('readForeignExport', () => {
  it('reports progress in bytes of the file, ending at its size', async () => {
    const file = fileOf(chatgptExportJson());
    const seen: [number, number][] = [];
    for await (const _chat of readForeignExport(file, { onProgress: (read, total) => seen.push([read, total]) })) {
      // consume
    }
    expect(seen.at(-1)).toEqual([file.size, file.size]);
    expect(seen.every(([read], i) => i === 0 || read >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('refuses a file that is no export it knows as unrecognized', async () => {
    for (const content of [
      '{"format":"hearth-archive","version":1,"records":[]}',
      'not json at all',
      '[{"role":"user"}]',
      '',
    ]) {
      await expect(readAll(fileOf(content))).rejects.toMatchObject({ code: 'unrecognized' });
    }
  });
});

describe.each([
  ['ChatGPT', chatgptExportJson(), JSON.stringify(chatgptBrokenConversations())],
  ['Claude', claudeExportJson(), JSON.stringify(claudeBrokenConversations())],
  ['Open WebUI', openWebUiExportJson(), JSON.stringify(openWebUiBrokenChats())],
  ['NextChat', nextchatBackupJson(), nextchatBackupJson(nextchatBrokenSessions())],
])('a damaged %s file', (_name, whole, broken) => {
  it('is refused whole when cut short, at any point after its first keys', async () => {
    for (const fraction of [0.05, 0.3, 0.7, 0.999]) {
      const error = await readError(fileOf(truncatedCopy(whole, fraction)));
      expect(error.code, `cut at ${fraction}`).toBe('truncated');
      expect(error.detail.offset).toBe(truncatedCopy(whole, fraction).length);
    }
  });

  it('is refused whole when a conversation lacks a field, naming the conversation', async () => {
    const error = await readError(fileOf(broken));
    expect(error.code).toBe('malformed');
    expect(error.detail).toHaveProperty('conversation');
    expect(error.detail).toHaveProperty('field');
  });

  it('is refused as malformed when a byte in the middle breaks the JSON, naming the byte', async () => {
    const bytes = new TextEncoder().encode(whole);
    const at = bytes.indexOf(0x3a, Math.floor(bytes.length / 3)); // a ':' between a key and its value
    const damaged = bytes.slice();
    damaged[at] = 0x3b;
    const error = await readError(fileOf(damaged));
    expect(error.code).toBe('malformed');
    expect(error.detail.offset).toBe(at);
  });
});
