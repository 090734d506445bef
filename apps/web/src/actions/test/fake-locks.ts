/**
 * An in-memory stand-in for the Web Locks API (Node has none): exclusive locks by name, `ifAvailable`,
 * and `query()` listing what is held, which is all the app uses.
 */
export function fakeLocks(): LockManager {
  const held = new Map<string, Promise<unknown>>();

  async function request(name: string, ...rest: unknown[]): Promise<unknown> {
    const options = (rest.length > 1 ? rest[0] : {}) as LockOptions;
    const callback = rest.at(-1) as (lock: Lock | null) => unknown;
    if (options.ifAvailable && held.has(name)) return callback(null);
    while (held.has(name)) await held.get(name)?.catch(() => undefined);
    const run = Promise.resolve().then(() => callback({ name, mode: 'exclusive' }));
    held.set(name, run);
    try {
      return await run;
    } finally {
      held.delete(name);
    }
  }

  return {
    request,
    query: async () => ({ held: [...held.keys()].map((name) => ({ name, mode: 'exclusive' as const })), pending: [] }),
  } as LockManager;
}
