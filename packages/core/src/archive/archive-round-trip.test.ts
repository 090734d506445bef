import type { SyncRecord } from '@hearth/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../import/import-file-error.ts';
import { createArchiveWriter } from './archive-writer.ts';
import { readArchive } from './read-archive.ts';
import { chunked, collect, syncRecordArb } from './test/record-arbitraries.ts';

function writeArchive(records: readonly SyncRecord[]): Uint8Array {
  const writer = createArchiveWriter({
    exportedAt: 1_700_000_000_000,
    appName: 'Hearth',
    appVersion: '0.1.0',
    expectedCounts: {},
  });
  const text = [writer.header(), ...records.map((change) => writer.record(change)), writer.end()].join('');
  return new TextEncoder().encode(text);
}

const recordsArb = fc.array(syncRecordArb, { maxLength: 30 });
const cutsArb = fc.array(fc.nat({ max: 20_000 }), { maxLength: 12 });

describe('our archive, written and read back', () => {
  it('gives back every record exactly, unknown fields at any depth included, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, cutsArb, async (records, cuts) => {
        const entries = await collect(readArchive(chunked(writeArchive(records), cuts)));
        expect(entries[0]?.kind).toBe('header');
        expect(entries.at(-1)?.kind).toBe('end');
        const read = entries.flatMap((entry) => (entry.kind === 'record' ? [entry.change] : []));
        expect(read).toEqual(records);
        expect(entries).toHaveLength(records.length + 2);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a file cut anywhere before its end as truncated', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, fc.double({ min: 0, max: 1, noNaN: true }), async (records, at) => {
        const bytes = writeArchive(records);
        // Anything short of the trailer's closing brace: without it the trailer is not whole.
        const cut = 1 + Math.floor(at * (bytes.length - 3));
        const error = await collect(readArchive(chunked(bytes.slice(0, cut), []))).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ImportFileError);
        expect((error as ImportFileError).code).toBe('truncated');
      }),
      { numRuns: 300 },
    );
  });

  it('never fails with anything but ImportFileError when bytes are garbled', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordsArb,
        fc.array(
          fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (records, edits) => {
          const bytes = writeArchive(records);
          for (const edit of edits) bytes[Math.floor(edit.at * (bytes.length - 1))] = edit.byte;
          try {
            await collect(readArchive(chunked(bytes, [])));
          } catch (error) {
            expect(error).toBeInstanceOf(ImportFileError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
