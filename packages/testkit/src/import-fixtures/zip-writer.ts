/** One file to put in a fixture ZIP. */
export interface ZipInput {
  name: string;
  data: Uint8Array | string | ReadableStream<Uint8Array>;
  /** Deflate (the default, as the clients' exports are) or store. */
  compress?: boolean;
}

export interface ZipWriterOptions {
  /** Write ZIP64 records even for small files, as an archive over 4 GiB has them. */
  zip64?: boolean;
}

interface Written {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const encoder = new TextEncoder();

// The fixtures have their own CRC-32 rather than the reader's, so a bug there cannot hide in both.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let bit = 0; bit < 8; bit++) c = (c >>> 1) ^ (c & 1 ? 0xedb88320 : 0);
  return c >>> 0;
});

function updateCrc(crc: number, bytes: Uint8Array): number {
  let c = crc ^ 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Little-endian fields, each [width in bytes, value]. */
function record(fields: readonly [number, number][]): Uint8Array {
  const size = fields.reduce((total, [width]) => total + width, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [width, value] of fields) {
    if (width === 2) view.setUint16(at, value, true);
    else if (width === 4) view.setUint32(at, value >>> 0, true);
    else {
      view.setUint32(at, value % 2 ** 32, true);
      view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
    }
    at += width;
  }
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

function asStream(data: ZipInput['data']): ReadableStream<Uint8Array> {
  if (data instanceof ReadableStream) return data;
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * A ZIP written as it streams, as a server that zips an export on the fly writes it: each entry's sizes
 * and CRC follow its data in a data descriptor, and the central directory comes last. Written from the
 * PKWARE APPNOTE's description of the format.
 */
async function* zipParts(entries: Iterable<ZipInput> | AsyncIterable<ZipInput>, options: ZipWriterOptions) {
  const zip64 = options.zip64 === true;
  const written: Written[] = [];
  let offset = 0;
  const emit = (bytes: Uint8Array): Uint8Array => {
    offset += bytes.length;
    return bytes;
  };
  for await (const input of entries) {
    const name = encoder.encode(input.name);
    const method = input.compress === false ? 0 : 8;
    const entry: Written = { name, method, crc: 0, compressedSize: 0, size: 0, offset };
    // Flags: bit 3, sizes in a data descriptor; bit 11, the name is UTF-8.
    yield emit(
      concat([
        record([
          [4, 0x04034b50],
          [2, zip64 ? 45 : 20],
          [2, 0x0808],
          [2, method],
          [2, 0],
          [2, 0x21],
          [4, 0],
          [4, 0],
          [4, 0],
          [2, name.length],
          [2, 0],
        ]),
        name,
      ]),
    );
    let source = asStream(input.data).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          entry.crc = updateCrc(entry.crc, chunk);
          entry.size += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    if (method === 8) source = source.pipeThrough(deflater());
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      entry.compressedSize += value.length;
      yield emit(value);
    }
    const sizeWidth = zip64 ? 8 : 4;
    yield emit(
      record([
        [4, 0x08074b50],
        [4, entry.crc],
        [sizeWidth, entry.compressedSize],
        [sizeWidth, entry.size],
      ]),
    );
    written.push(entry);
  }
  const directoryStart = offset;
  for (const entry of written) {
    const extra = zip64
      ? record([
          [2, 0x0001],
          [2, 24],
          [8, entry.size],
          [8, entry.compressedSize],
          [8, entry.offset],
        ])
      : new Uint8Array(0);
    const big = 0xffffffff;
    yield emit(
      concat([
        record([
          [4, 0x02014b50],
          [2, 0x031e],
          [2, zip64 ? 45 : 20],
          [2, 0x0808],
          [2, entry.method],
          [2, 0],
          [2, 0x21],
          [4, entry.crc],
          [4, zip64 ? big : entry.compressedSize],
          [4, zip64 ? big : entry.size],
          [2, entry.name.length],
          [2, extra.length],
          [2, 0],
          [2, 0],
          [2, 0],
          [4, 0],
          [4, zip64 ? big : entry.offset],
        ]),
        entry.name,
        extra,
      ]),
    );
  }
  const directorySize = offset - directoryStart;
  if (zip64) {
    const endStart = offset;
    yield emit(
      record([
        [4, 0x06064b50],
        [8, 44],
        [2, 45],
        [2, 45],
        [4, 0],
        [4, 0],
        [8, written.length],
        [8, written.length],
        [8, directorySize],
        [8, directoryStart],
      ]),
    );
    yield emit(
      record([
        [4, 0x07064b50],
        [4, 0],
        [8, endStart],
        [4, 1],
      ]),
    );
  }
  const count = zip64 ? 0xffff : written.length;
  yield emit(
    record([
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, count],
      [2, count],
      [4, zip64 ? 0xffffffff : directorySize],
      [4, zip64 ? 0xffffffff : directoryStart],
      [2, 0],
    ]),
  );
}

/** A ZIP of the entries, streamed: entries given as streams are never held whole. */
export function zipStream(
  entries: Iterable<ZipInput> | AsyncIterable<ZipInput>,
  options: ZipWriterOptions = {},
): ReadableStream<Uint8Array> {
  const parts = zipParts(entries, options);
  return new ReadableStream({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

/** A whole ZIP in memory, for small fixtures. */
export async function zipBytes(entries: readonly ZipInput[], options: ZipWriterOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await new Response(zipStream(entries, options)).arrayBuffer());
}

/** The platform's raw deflate, typed as a plain byte transform (DOM and Node typings disagree on its input). */
function deflater(): TransformStream<Uint8Array, Uint8Array> {
  return new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
}
