/** Text written in pieces, sent on as UTF-8 chunks of about `chunkChars` characters. */
export interface TextChunks {
  write(text: string): Promise<void>;
  /** Sends what is buffered and closes the stream. */
  close(): Promise<void>;
  /** Drops what is buffered and aborts the stream (a file being saved is discarded). */
  abort(reason: unknown): Promise<void>;
}

/**
 * Buffers many small texts (one record a line) into chunks of about a megabyte before encoding them:
 * one encode and one write per chunk instead of per line, and never one giant string. Each write
 * waits for the stream to take the chunk, so a slow disk slows the export instead of filling memory.
 */
export function textChunks(destination: WritableStream<Uint8Array>, chunkChars = 1 << 20): TextChunks {
  const writer = destination.getWriter();
  const encoder = new TextEncoder();
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    await writer.ready;
    await writer.write(encoder.encode(text));
  };
  return {
    async write(text) {
      parts.push(text);
      size += text.length;
      if (size >= chunkChars) await flush();
    },
    async close() {
      await flush();
      await writer.close();
    },
    async abort(reason) {
      parts = [];
      size = 0;
      await writer.abort(reason);
    },
  };
}
