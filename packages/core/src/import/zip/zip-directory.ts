import { ImportFileError } from '../import-file-error.ts';

/** One file inside a ZIP, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const localHeaderSignature = 0x04034b50;
const endSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const centralSignature = 0x02014b50;
const endRecordLength = 22;
const maxCommentLength = 0xffff;
/** A ChatGPT export with tens of thousands of images has a directory of a few MB. */
const maxDirectoryBytes = 64 * 1024 * 1024;

/** The file starts as a ZIP does (a local file header, or the end record of an empty archive). */
export async function looksLikeZip(file: Blob): Promise<boolean> {
  const head = new DataView(await file.slice(0, 4).arrayBuffer());
  if (head.byteLength < 4) return false;
  const signature = head.getUint32(0, true);
  return signature === localHeaderSignature || signature === endSignature;
}

/**
 * Reads the central directory at the end of the file, so no byte of the entries themselves (the
 * export's images, its HTML copy) is read. A ZIP without its end record was cut short: `truncated`.
 */
export async function readZipDirectory(file: Blob): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, file.size - endRecordLength - maxCommentLength);
  const tail = new DataView(await file.slice(tailStart).arrayBuffer());
  const endAt = findEndRecord(tail);
  if (endAt < 0) {
    throw new ImportFileError('truncated', 'The ZIP file ends before its table of contents: it was cut short.', {
      bytes: file.size,
    });
  }
  let count = tail.getUint16(endAt + 10, true);
  let size = tail.getUint32(endAt + 12, true);
  let offset = tail.getUint32(endAt + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    ({ count, size, offset } = await readZip64End(file, tail, endAt, tailStart));
  }
  if (size > maxDirectoryBytes) throw damaged('its table of contents is implausibly large', { size });
  if (offset + size > tailStart + endAt) throw damaged('its table of contents points outside the file', { offset });
  const directory = new DataView(await file.slice(offset, offset + size).arrayBuffer());
  return parseDirectory(directory, count);
}

function findEndRecord(tail: DataView): number {
  // Backwards, so a comment that happens to contain the signature does not win over the real record.
  for (let at = tail.byteLength - endRecordLength; at >= 0; at--) {
    if (tail.getUint32(at, true) !== endSignature) continue;
    if (at + endRecordLength + tail.getUint16(at + 20, true) === tail.byteLength) return at;
  }
  return -1;
}

async function readZip64End(
  file: Blob,
  tail: DataView,
  endAt: number,
  tailStart: number,
): Promise<{ count: number; size: number; offset: number }> {
  const locatorAt = endAt - 20;
  if (locatorAt < 0 || tail.getUint32(locatorAt, true) !== zip64LocatorSignature) {
    throw damaged('its ZIP64 locator is missing');
  }
  const recordAt = uint64(tail, locatorAt + 8);
  const record = new DataView(await file.slice(recordAt, recordAt + 56).arrayBuffer());
  if (record.byteLength < 56 || record.getUint32(0, true) !== zip64EndSignature || recordAt >= tailStart + endAt) {
    throw damaged('its ZIP64 end record is missing');
  }
  return { count: uint64(record, 32), size: uint64(record, 40), offset: uint64(record, 48) };
}

function parseDirectory(view: DataView, count: number): ZipEntry[] {
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== centralSignature) {
      throw damaged(`entry ${index + 1} of its table of contents is unreadable`, { entry: index });
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > view.byteLength) throw damaged(`entry ${index + 1} of its table of contents is cut short`);
    const entry: ZipEntry = {
      // ZIPs written without the UTF-8 flag use code page 437, which agrees with UTF-8 on ASCII names,
      // and the names this reader looks for are ASCII.
      name: names.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(entry, new DataView(view.buffer, view.byteOffset + at + 46 + nameLength, extraLength));
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Sizes and offsets past 4 GiB live in the ZIP64 extra field, in this order, each only if saturated. */
function applyZip64Extra(entry: ZipEntry, extra: DataView): void {
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const end = field + length;
      const take = (): number => {
        if (field + 8 > end) throw damaged(`the sizes of "${entry.name}" are unreadable`);
        const value = uint64(extra, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + length;
  }
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ in length. */
export async function entryDataStart(file: Blob, entry: ZipEntry): Promise<number> {
  const header = new DataView(await file.slice(entry.localHeaderOffset, entry.localHeaderOffset + 30).arrayBuffer());
  if (header.byteLength < 30 || header.getUint32(0, true) !== localHeaderSignature) {
    throw damaged(`the header of "${entry.name}" is missing`, { entry: entry.name });
  }
  const start = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (start + entry.compressedSize > file.size) {
    throw damaged(`"${entry.name}" runs past the end of the file`, { entry: entry.name });
  }
  return start;
}

function uint64(view: DataView, at: number): number {
  // Exact up to 2^53 bytes, far beyond any file a browser can read.
  return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

function damaged(what: string, detail: Record<string, string | number> = {}): ImportFileError {
  return new ImportFileError('malformed', `The ZIP file is damaged: ${what}.`, { ...detail, reason: what });
}
