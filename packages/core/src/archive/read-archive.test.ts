import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../import/import-file-error.ts';
import { messageChange } from '../sync/test/sync-fixtures.ts';
import { readArchive } from './read-archive.ts';
import { chunked, collect } from './test/record-arbitraries.ts';

const header = {
  format: 'hearth-archive',
  version: 1,
  exportedAt: 1,
  app: { name: 'Hearth', version: '0.1.0' },
  counts: {},
};
const message = messageChange({ id: '01890a5e-0f00-7a2b-8c3d-4e5f60718293' });

function file(...lines: unknown[]): AsyncGenerator<Uint8Array> {
  const text = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
  return chunked(new TextEncoder().encode(text), []);
}

async function failure(bytes: AsyncIterable<Uint8Array>, options = {}): Promise<ImportFileError> {
  try {
    await collect(readArchive(bytes, options));
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('The archive was read without an error.');
}

describe('readArchive', () => {
  it('reads a header, records and the trailer, tolerating CRLF and blank lines', async () => {
    const text = `${JSON.stringify(header)}\r\n${JSON.stringify(message)}\r\n\r\n{"end":"hearth-archive","counts":{"messages":1}}\r\n`;
    const entries = await collect(readArchive(chunked(new TextEncoder().encode(text), [3, 50, 51, 200])));
    expect(entries.map((entry) => entry.kind)).toEqual(['header', 'record', 'end']);
    expect(entries[1]).toMatchObject({ line: 2, change: message });
  });

  it('refuses a newer format version, naming it, before reading further', async () => {
    const error = await failure(file({ ...header, version: 2, counts: 'changed' }, 'not even json'));
    expect(error.code).toBe('newer_version');
    expect(error.detail).toEqual({ version: 2, supported: 1 });
  });

  it('does not claim files that are not ours', async () => {
    expect((await failure(file('[{"mapping":{}}]'))).code).toBe('unrecognized');
    expect((await failure(file({ format: 'other', version: 1 }, ''))).code).toBe('unrecognized');
    expect((await failure(file(''))).code).toBe('unrecognized');
  });

  it('names the line that is not JSON', async () => {
    const error = await failure(
      file(header, message, '{"table":"messages", oops}', { end: 'hearth-archive', counts: {} }),
    );
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ line: 3, reason: 'not_json' });
  });

  it('names the line and the field of a record without what every record needs', async () => {
    const broken = { table: 'messages', record: { ...message.record, updatedAt: 'yesterday' } };
    const error = await failure(file(header, message, broken, { end: 'hearth-archive', counts: { messages: 2 } }));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ line: 3, reason: 'invalid_record' });
    expect(String(error.detail.issue)).toContain('updatedAt');
  });

  it('passes on a record this version cannot read (a newer value or table) as unreadable, not as a broken file', async () => {
    const newer = { table: 'messages', record: { ...message.record, role: 'tool' } };
    const folder = { table: 'folders', record: { id: 'f1', updatedAt: message.record.updatedAt, deleted: false } };
    const entries = await collect(
      readArchive(file(header, newer, folder, { end: 'hearth-archive', counts: { messages: 1, folders: 1 } }, '')),
    );
    expect(entries.map((entry) => entry.kind)).toEqual(['header', 'unreadable', 'unreadable', 'end']);
  });

  it('refuses a trailer whose counts differ from the lines, and lines after the trailer', async () => {
    const short = await failure(file(header, message, { end: 'hearth-archive', counts: { messages: 2 } }, ''));
    expect(short.code).toBe('malformed');
    expect(short.detail).toMatchObject({ reason: 'count_mismatch', table: 'messages', expected: 2, actual: 1 });
    const after = await failure(file(header, { end: 'hearth-archive', counts: {} }, message, ''));
    expect(after.detail).toMatchObject({ line: 3, reason: 'after_end' });
  });

  it('reports a file that ends after a whole line but before the trailer as truncated', async () => {
    const error = await failure(file(header, message, ''));
    expect(error.code).toBe('truncated');
    expect(error.detail).toEqual({ line: 2 });
  });

  it('refuses a line longer than the limit before parsing it', async () => {
    const error = await failure(
      file(header, { ...message, record: { ...message.record, content: 'x'.repeat(5000) } }),
      {
        maxLineLength: 1000,
      },
    );
    expect(error.detail).toMatchObject({ line: 2, reason: 'line_too_long', limit: 1000 });
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = new TextEncoder().encode(`${JSON.stringify(header)}\n{"table":"x`);
    const garbled = new Uint8Array([...bytes, 0xff, 0xfe, ...new TextEncoder().encode('"}\n')]);
    const error = await failure(chunked(garbled, [10]));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatchObject({ line: 2, reason: 'not_utf8' });
  });
});
