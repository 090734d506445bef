import {
  chatgptExportJson,
  chatgptExportZip,
  claudeExportJson,
  claudeExportZip,
  nextchatBackupJson,
  openWebUiExportJson,
  zipBytes,
} from '@hearth/testkit';
import { describe, expect, it } from 'vitest';
import { detectForeignExport } from './detect-foreign-export.ts';
import { fileOf, readError } from './import-test-support.ts';

describe('detectForeignExport', () => {
  it('tells each client by content, ChatGPT and Claude apart though both are conversations.json', async () => {
    expect(await detectForeignExport(fileOf(chatgptExportJson()))).toBe('chatgpt');
    expect(await detectForeignExport(fileOf(await chatgptExportZip()))).toBe('chatgpt');
    expect(await detectForeignExport(fileOf(claudeExportJson()))).toBe('claude');
    expect(await detectForeignExport(fileOf(await claudeExportZip()))).toBe('claude');
    expect(await detectForeignExport(fileOf(openWebUiExportJson()))).toBe('open-webui');
    expect(await detectForeignExport(fileOf(nextchatBackupJson()))).toBe('nextchat');
  });

  it('tells a ZIP whose conversations.json is empty by the other files in it', async () => {
    expect(await detectForeignExport(fileOf(await chatgptExportZip('[]')))).toBe('chatgpt');
    expect(await detectForeignExport(fileOf(await claudeExportZip('[]')))).toBe('claude');
  });

  it('still knows a file that breaks after its first keys (the read then says what is wrong)', async () => {
    const text = chatgptExportJson();
    expect(await detectForeignExport(fileOf(text.slice(0, 2_000)))).toBe('chatgpt');
  });

  it('returns null for our own archive and anything else', async () => {
    const others = [
      '{"format":"hearth-archive","version":1,"chats":[],"messages":[]}',
      '[{"id":"x","messages":[{"role":"user","content":"hi"}]}]',
      '[]',
      '{}',
      '',
      'plain text, not JSON',
      '[{"mapping_like": true}]',
    ];
    for (const content of others) expect(await detectForeignExport(fileOf(content)), content).toBeNull();
    const ourArchive = await zipBytes([
      { name: 'manifest.json', data: '{"format":"hearth-archive","version":1}' },
      { name: 'records.jsonl', data: '{"table":"chats"}\n' },
    ]);
    expect(await detectForeignExport(fileOf(ourArchive))).toBeNull();
    expect(await detectForeignExport(fileOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])))).toBeNull();
  });

  it('says a ZIP without conversations.json is missing its entry, when read', async () => {
    const zip = await zipBytes([{ name: 'chat.html', data: '<html></html>' }]);
    const error = await readError(fileOf(zip));
    expect(error.code).toBe('missing_entry');
    expect(error.detail.entry).toBe('conversations.json');
  });

  it('rejects a cut-short ZIP as truncated rather than calling it foreign', async () => {
    const zip = await chatgptExportZip();
    await expect(detectForeignExport(fileOf(zip.subarray(0, zip.length - 30)))).rejects.toMatchObject({
      code: 'truncated',
    });
  });
});
