import { describe, expect, it } from 'vitest';
import { flattenBatches } from './flatten-batches.ts';

/** A generator of batches that records whether its cleanup ran. */
function batchesOf(batches: number[][], log: string[], signal?: AbortSignal) {
  return (async function* () {
    try {
      for (const batch of batches) {
        if (signal?.aborted) return;
        await Promise.resolve();
        yield batch;
      }
    } finally {
      log.push('cleanup');
    }
  })();
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('flattenBatches', () => {
  it('hands out every item in order, skipping empty batches', async () => {
    const log: string[] = [];
    expect(await all(flattenBatches(batchesOf([[1, 2], [], [3], [4, 5, 6]], log)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log).toEqual(['cleanup']);
  });

  it('serves overlapping next() calls in order, as a generator does', async () => {
    const iterator = flattenBatches(batchesOf([[1], [2, 3], [4]], []));
    const results = await Promise.all([
      iterator.next(),
      iterator.next(),
      iterator.next(),
      iterator.next(),
      iterator.next(),
    ]);
    expect(results).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: false, value: 3 },
      { done: false, value: 4 },
      { done: true, value: undefined },
    ]);
  });

  it('runs the cleanup of the batches when the consumer stops mid-batch', async () => {
    const log: string[] = [];
    const iterator = flattenBatches(batchesOf([[1, 2, 3], [4]], log));
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    expect(await iterator.return()).toEqual({ done: true, value: undefined });
    expect(log).toEqual(['cleanup']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('passes throw() on, ending the batches with their cleanup', async () => {
    const log: string[] = [];
    const iterator = flattenBatches(batchesOf([[1, 2]], log));
    await iterator.next();
    await expect(iterator.throw(new Error('stop'))).rejects.toThrow('stop');
    expect(log).toEqual(['cleanup']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('drops the items at hand once the signal aborts', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const seen: number[] = [];
    for await (const item of flattenBatches(batchesOf([[1, 2, 3], [4]], log, controller.signal), controller.signal)) {
      seen.push(item);
      controller.abort();
    }
    expect(seen).toEqual([1]);
    expect(log).toEqual(['cleanup']);
  });
});
