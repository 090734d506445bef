import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { importActivity } from '../../archive/import-activity.ts';

/**
 * A live query of a whole table (the chat list) that, while an import writes, re-reads at the import's
 * pace (every couple of seconds) instead of after every commit: an import commits a chat at a time, and
 * re-reading thousands of chats thousands of times would be most of what it costs the page. Otherwise it
 * is `useLiveQuery(querier)`. The newest result is kept while one way of reading hands over to the other.
 */
export function usePacedLiveQuery<T>(querier: () => Promise<T>, deps: readonly unknown[] = []): T | undefined {
  const pace = useSyncExternalStore(importActivity.subscribe, importActivity.get, importActivity.get);
  const importing = pace !== null;
  const read = useRef(querier);
  read.current = querier;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the querier is read through a ref; `deps` say when it changed
  const live = useLiveQuery(() => (importing ? undefined : read.current()), [importing, ...deps]);
  const [paced, setPaced] = useState<T | undefined>();
  useEffect(() => {
    if (pace === null) {
      setPaced(undefined);
      return;
    }
    let current = true;
    void read.current().then((found) => current && setPaced(found));
    return () => {
      current = false;
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: as above, `deps` stand for the querier
  }, [pace, ...deps]);
  const newest = useRef<T | undefined>(undefined);
  newest.current = (importing ? paced : live) ?? newest.current;
  return newest.current;
}
