import { chatgptExportJson, zipBytes } from '@hearth/testkit';
import { describe, expect, it } from 'vitest';
import { fileOf, readAll, readError } from '../import-test-support.ts';
import { crc32 } from './crc32.ts';
import { readZipDirectory } from './zip-directory.ts';
import { zipEntryChunks } from './zip-entry-chunks.ts';

const json = chatgptExportJson();

async function entryText(zip: Uint8Array, name: string): Promise<string> {
  const file = fileOf(zip);
  const entry = (await readZipDirectory(file)).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of zipEntryChunks(file, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

describe('ZIP reading', () => {
  it('lists the entries from the table of contents, with UTF-8 names', async () => {
    const zip = await zipBytes([
      { name: 'a.txt', data: 'a' },
      { name: 'dossier/état 世界.json', data: '{}' },
    ]);
    expect((await readZipDirectory(fileOf(zip))).map((entry) => entry.name)).toEqual([
      'a.txt',
      'dossier/état 世界.json',
    ]);
  });

  it('inflates a deflated entry and passes a stored one through', async () => {
    const deflated = await zipBytes([{ name: 'conversations.json', data: json }]);
    const stored = await zipBytes([{ name: 'conversations.json', data: json, compress: false }]);
    expect(deflated.length).toBeLessThan(stored.length);
    expect(await entryText(deflated, 'conversations.json')).toBe(json);
    expect(await entryText(stored, 'conversations.json')).toBe(json);
  });

  it('reads ZIP64 records, as an archive over 4 GiB has them', async () => {
    const zip = await zipBytes([{ name: 'conversations.json', data: json }], { zip64: true });
    expect(await entryText(zip, 'conversations.json')).toBe(json);
  });

  it('finds conversations.json in a folder when a person unpacked and zipped the export again', async () => {
    const zip = await zipBytes([{ name: 'export-2024/conversations.json', data: json }]);
    expect((await readAll(fileOf(zip))).length).toBe(3);
  });

  it('refuses an entry whose data was damaged, by its checksum', async () => {
    const zip = await zipBytes([{ name: 'conversations.json', data: json, compress: false }]);
    const at = new TextDecoder().decode(zip).indexOf('What is a tree?');
    const damaged = zip.slice();
    damaged[at] = 'w'.charCodeAt(0);
    const error = await readError(fileOf(damaged));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ entry: 'conversations.json', reason: 'its checksum does not match' });
  });

  it('refuses deflated data that cannot be inflated', async () => {
    const zip = await zipBytes([{ name: 'conversations.json', data: json }]);
    const damaged = zip.slice();
    for (let i = 60; i < 400; i++) damaged[i] = 0xff;
    const error = await readError(fileOf(damaged));
    expect(error.code).toBe('malformed');
    expect(error.detail.entry).toBe('conversations.json');
  });

  it('names the entry and the byte when the JSON inside the ZIP breaks', async () => {
    const zip = await zipBytes([{ name: 'conversations.json', data: '[{"mapping": {}, "title": x}]' }]);
    const error = await readError(fileOf(zip));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ entry: 'conversations.json', offset: 26 });
  });

  it('reports a ZIP cut anywhere before its end as truncated', async () => {
    const zip = await zipBytes([{ name: 'conversations.json', data: json }]);
    for (const fraction of [0.1, 0.5, 0.99]) {
      expect((await readError(fileOf(zip.subarray(0, Math.floor(zip.length * fraction))))).code).toBe('truncated');
    }
  });

  it('computes the CRC-32 that ZIP uses', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = new TextEncoder().encode('split anywhere');
    expect(crc32(bytes.subarray(5), crc32(bytes.subarray(0, 5)))).toBe(crc32(bytes));
  });
});
