import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { type BigChatgptExportOptions, bigChatgptExportStream } from './big-chatgpt-export.ts';

/** Writes the generated export to a file as it is generated (Node only: benchmarks and tests). */
export async function writeBigChatgptExport(path: string, options: BigChatgptExportOptions): Promise<void> {
  const stream = bigChatgptExportStream(options) as unknown as NodeReadableStream<Uint8Array>;
  await pipeline(Readable.fromWeb(stream), createWriteStream(path));
}
