import { defineConfig } from 'vitest/config';

// vitest 5's reporter calls Map.groupBy when it prints a failure, which Node 20 lacks: without this a
// failing test shows up as a reporter crash instead of its assertion.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

// One vitest run covers every package; the e2e suite runs under Playwright instead.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
