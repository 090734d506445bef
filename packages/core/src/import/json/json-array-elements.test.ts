import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../import-file-error.ts';
import { jsonArrayElements } from './json-array-elements.ts';

const encoder = new TextEncoder();

async function* chunksOf(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

async function collect(bytes: Uint8Array, path: readonly string[] = [], cuts: readonly number[] = []) {
  const elements: unknown[] = [];
  try {
    for await (const element of jsonArrayElements(chunksOf(bytes, cuts), path)) elements.push(element);
    return { elements, error: null };
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return { elements, error };
  }
}

function everySplit(text: string) {
  const bytes = encoder.encode(text);
  return Array.from({ length: bytes.length + 1 }, (_, at) => ({ bytes, at }));
}

/** Random JSON text with random whitespace between tokens, as exports are pretty-printed or not. */
const spacedArray = fc
  .tuple(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 6 }), fc.constantFrom(undefined, 1, 2, '\t', '\r\n '))
  .map(([values, space]) => ({ values, text: JSON.stringify(values, null, space) }));

const cutsFor = (text: string) => fc.array(fc.nat({ max: encoder.encode(text).length }), { maxLength: 12 });

describe('jsonArrayElements', () => {
  it('yields what JSON.parse reads, for random JSON split at random byte boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        spacedArray.chain((sample) => fc.tuple(fc.constant(sample), cutsFor(sample.text))),
        async ([{ text }, cuts]) => {
          const result = await collect(encoder.encode(text), [], cuts);
          expect(result.error).toBeNull();
          expect(result.elements).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps strings with escapes, surrogate pairs and multi-byte characters whole across every split', async () => {
    const values = ['a\\"b\n\u0001', '😀 \ud83d\ude00 世界 שלום é\u0301', '\ud800 lone', '\ufeffbom inside', ''];
    const text = `[${values.map((value) => JSON.stringify(value)).join(',')}, "\\ud83d\\ude00\\u00e9\\/"]`;
    for (const { bytes, at } of everySplit(text)) {
      const result = await collect(bytes, [], [at]);
      expect(result.error, `split at ${at}`).toBeNull();
      expect(result.elements, `split at ${at}`).toEqual(JSON.parse(text));
    }
  });

  it('reports any strict prefix of an array as truncated at its end, after yielding only complete elements', async () => {
    await fc.assert(
      fc.asyncProperty(
        spacedArray.chain((sample) =>
          fc.tuple(fc.constant(sample), fc.nat({ max: Math.max(0, sample.text.length - 1) }), cutsFor(sample.text)),
        ),
        async ([{ text }, cutAt, cuts]) => {
          const bytes = encoder.encode(text);
          const prefix = bytes.subarray(0, Math.min(cutAt, bytes.length - 1));
          const result = await collect(prefix, [], cuts);
          expect(result.error?.code).toBe('truncated');
          expect(result.error?.detail.offset).toBe(prefix.length);
          // Compared with what JSON.parse reads, not the generated values: JSON has no -0.
          expect((JSON.parse(text) as unknown[]).slice(0, result.elements.length)).toEqual(result.elements);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on whether a corrupted document is JSON at all', async () => {
    const corruption = fc.constantFrom(...'{}[],:"\\ tfnu0-1.eE+x\u0000'.split(''));
    await fc.assert(
      fc.asyncProperty(
        spacedArray.chain((sample) =>
          fc.tuple(fc.constant(sample), fc.nat({ max: sample.text.length - 1 }), corruption, cutsFor(sample.text)),
        ),
        async ([{ text }, position, replacement, cuts]) => {
          // Replace one ASCII character, so the text stays valid UTF-8 and JSON.parse sees the same input.
          if (text.charCodeAt(position) >= 0x80) return;
          const broken = text.slice(0, position) + replacement + text.slice(position + 1);
          const result = await collect(encoder.encode(broken), [], cuts);
          let expected: unknown;
          try {
            expected = JSON.parse(broken);
          } catch {
            expect(result.error).not.toBeNull();
            if (result.error?.code === 'truncated')
              expect(result.error.detail.offset).toBe(encoder.encode(broken).length);
            else expect(result.error?.code).toBe('malformed');
            return;
          }
          if (Array.isArray(expected)) expect(result.elements).toEqual(expected);
          else expect(result.error?.code).toBe('malformed');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the byte offset of the first impossible byte', async () => {
    const text = '[{"a": 1}, {"b": tru}]';
    const result = await collect(encoder.encode(text));
    expect(result.error?.code).toBe('malformed');
    expect(result.error?.detail.offset).toBe(text.indexOf('}]'));
    expect(result.elements).toEqual([{ a: 1 }]);
  });

  it('counts the offset in bytes, not characters', async () => {
    const text = '["世界", 01]';
    const result = await collect(encoder.encode(text), [], [3, 5]);
    expect(result.error?.detail.offset).toBe(encoder.encode('["世界", 0').length);
  });

  it.each([
    ['a leading zero', '[01]'],
    ['a bare minus', '[-]'],
    ['a trailing comma', '[1,]'],
    ['a single-quoted string', "['a']"],
    ['a raw newline in a string', '["a\nb"]'],
    ['an unknown escape', '["\\q"]'],
    ['a short unicode escape', '["\\u12G4"]'],
    ['two values at the top', '[1] [2]'],
    ['a missing colon', '[{"a" 1}]'],
  ])('refuses %s as malformed', async (_name, text) => {
    const result = await collect(encoder.encode(text));
    expect(result.error?.code).toBe('malformed');
  });

  it.each([
    ['nothing at all', ''],
    ['only a byte-order mark', '\ufeff'],
    ['an open string', '["abc'],
    ['an open escape', '["a\\u00'],
    ['a number that could go on', '[1.'],
    ['a literal cut short', '[tr'],
  ])('reports %s as truncated', async (_name, text) => {
    const result = await collect(encoder.encode(text));
    expect(result.error?.code).toBe('truncated');
  });

  it('reads the array at a nested path and skips the rest of the document', async () => {
    const text = JSON.stringify({
      before: { sessions: ['not this one'] },
      store: { other: [1, 2], sessions: [{ id: 1 }, { id: 2 }], after: true },
      after: [3],
    });
    const result = await collect(encoder.encode(text), ['store', 'sessions']);
    expect(result.error).toBeNull();
    expect(result.elements).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('says so when the document has no array at the path', async () => {
    const missing = await collect(encoder.encode('{"store": {"other": []}}'), ['store', 'sessions']);
    expect(missing.error?.code).toBe('malformed');
    expect(missing.error?.detail.path).toBe('store.sessions');
    const notAList = await collect(encoder.encode('{"a": 1}'));
    expect(notAList.error?.code).toBe('malformed');
  });

  it('keeps a "__proto__" key as data, as JSON.parse does', async () => {
    const text = '[{"__proto__": {"polluted": true}, "a": 1}]';
    const result = await collect(encoder.encode(text));
    const [element] = result.elements as Record<string, unknown>[];
    expect(Object.getPrototypeOf(element)).toBe(Object.prototype);
    expect(element).toEqual(JSON.parse(text)[0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than its limit instead of exhausting a stack', async () => {
    const text = `[${'['.repeat(10_000)}${']'.repeat(10_000)}]`;
    const result = await collect(encoder.encode(text));
    expect(result.error?.code).toBe('malformed');
    expect(String(result.error?.detail.reason)).toContain('nested');
  });

  it('skips a byte-order mark at the start, even split across chunks', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('[1]')]);
    for (let at = 0; at <= bytes.length; at++) {
      expect((await collect(bytes, [], [at])).elements).toEqual([1]);
    }
  });
});

describe('jsonArrayElements limits', () => {
  it('refuses a string longer than its limit, wherever the chunks split it', async () => {
    const text = `["${'a'.repeat(5_000)}"]`;
    const limits = { maxDepth: 8, maxStringBytes: 4_096 };
    for (const cut of [1, 100, 4_097, 4_500]) {
      const elements: unknown[] = [];
      const read = async () => {
        for await (const element of jsonArrayElements(chunksOf(encoder.encode(text), [cut]), [], limits))
          elements.push(element);
      };
      await expect(read()).rejects.toMatchObject({
        code: 'malformed',
        detail: { reason: 'a string is longer than 4096 bytes' },
      });
    }
  });
});
