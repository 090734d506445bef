import { ImportFileError } from '@hearth/core';
import { describe, expect, it } from 'vitest';
import { fileBytes } from './file-bytes.ts';

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function read(blob: Blob): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of fileBytes(blob)) text += decoder.decode(chunk, { stream: true });
  return text;
}

async function failure(blob: Blob): Promise<ImportFileError> {
  try {
    await read(blob);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('read without an error');
}

const text = `${'a line of an archive\n'.repeat(2000)}the end\n`;

describe('fileBytes', () => {
  it('gives a plain file as it is and a gzip file decompressed, reporting progress', async () => {
    expect(await read(new Blob([text]))).toBe(text);
    const packed = await gzip(text);
    const progress: number[] = [];
    let out = '';
    const decoder = new TextDecoder();
    for await (const chunk of fileBytes(new Blob([packed]), { onProgress: (read) => progress.push(read) })) {
      out += decoder.decode(chunk, { stream: true });
    }
    expect(out).toBe(text);
    expect(progress.at(-1)).toBe(packed.length);
  });

  it('refuses a gzip file cut short or damaged as malformed compressed data', async () => {
    const packed = await gzip(text);
    const cut = await failure(new Blob([packed.slice(0, packed.length - 20)]));
    expect(cut).toMatchObject({ code: 'malformed', detail: { reason: 'gzip_damaged' } });
    const damaged = packed.slice();
    for (let index = 20; index < 60; index++) damaged[index] = 0xff;
    expect(await failure(new Blob([damaged]))).toMatchObject({ code: 'malformed', detail: { reason: 'gzip_damaged' } });
  });
});
