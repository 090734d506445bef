import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** A DNS lookup for tests that answers from a table, counts its calls and never asks a real resolver. */
export interface TestLookup {
  lookup: LookupFunction;
  /** Names asked for, in order. */
  readonly asked: readonly string[];
}

/**
 * Resolves the names in `table` (and `localhost`) to the given addresses; anything else fails with
 * ENOTFOUND, so a test can never reach the network by accident. `never` names a host whose lookup never
 * answers, to hold a connection attempt open.
 */
export function testLookup(table: Record<string, string[]> = {}, options: { never?: string } = {}): TestLookup {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    asked.push(hostname);
    if (hostname === options.never) return;
    const found = table[hostname] ?? (hostname === 'localhost' ? ['127.0.0.1'] : undefined);
    setImmediate(() => {
      if (found === undefined) {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        return;
      }
      const addresses: LookupAddress[] = found.map((address) => ({ address, family: isIP(address) }));
      const [first] = addresses;
      if (lookupOptions.all === true || first === undefined) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
  return { lookup, asked };
}
