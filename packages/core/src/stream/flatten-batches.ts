const finished: IteratorReturnResult<void> = { done: true, value: undefined };

/**
 * Hands out the items of an async generator of batches one at a time. An async generator that yielded each
 * item itself would cost a suspension and two promise jobs per item, the largest share of the decoder's time;
 * here an item already at hand costs one resolved promise. Calls are served in order, as a generator's are;
 * `return` and `throw` reach `batches`, so its `finally` always runs. After `signal` aborts, the items at hand
 * are dropped and `batches` (which must watch the same signal) ends itself.
 */
export function flattenBatches<T>(
  batches: AsyncGenerator<readonly T[], void, undefined>,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  let batch: readonly T[] = [];
  let index = 0;
  let done = false;
  // The call in progress, if any; later calls wait for it, so that two pending next() calls never interleave.
  let busy: Promise<unknown> | undefined;

  async function pull(): Promise<IteratorResult<T, void>> {
    for (;;) {
      if (done) return finished;
      // After an abort the rest of the batch is dropped and `batches` is asked once more, to see the abort itself.
      if (signal?.aborted) batch = [];
      else if (index < batch.length) return { done: false, value: batch[index++] as T };
      const next = await batches.next();
      if (next.done) {
        done = true;
        return finished;
      }
      batch = next.value;
      index = 0;
    }
  }

  async function stop(ending: Promise<IteratorResult<readonly T[], void>>): Promise<IteratorReturnResult<void>> {
    done = true;
    batch = [];
    await ending;
    return finished;
  }

  function serve<R>(call: () => Promise<R>): Promise<R> {
    const result = busy ? busy.then(call, call) : call();
    const settled = result.then(
      () => {
        if (busy === settled) busy = undefined;
      },
      () => {
        if (busy === settled) busy = undefined;
      },
    );
    busy = settled;
    return result;
  }

  const iterator: AsyncGenerator<T, void, undefined> = {
    next() {
      // The hot path: an item at hand and nothing pending.
      if (!busy && !done && index < batch.length && !signal?.aborted) {
        return Promise.resolve({ done: false, value: batch[index++] as T });
      }
      return serve(pull);
    },
    return() {
      return serve(() => (done ? Promise.resolve(finished) : stop(batches.return())));
    },
    throw(error: unknown) {
      return serve(() => {
        if (done) return Promise.reject(error);
        done = true;
        batch = [];
        return batches.throw(error).then(() => finished);
      });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
