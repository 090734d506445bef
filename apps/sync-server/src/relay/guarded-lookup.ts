import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress } from './classify-address.ts';
import { classifyHostName } from './classify-host-name.ts';
import { forbiddenAddressMessage } from './host-policy.ts';
import { RelayError } from './relay-error.ts';

/**
 * Wraps a DNS lookup for use as the `lookup` of an outgoing request: it resolves every address of the
 * name and fails the connection, before any socket opens, if any of them is refused. Because this runs at
 * connect time on the addresses actually used, a name that resolved harmlessly a moment ago (DNS
 * rebinding) cannot slip through. `port` only makes the error message readable.
 */
export function guardedLookup(options: { lookup: LookupFunction; port: number }): LookupFunction {
  const { lookup, port } = options;
  return (hostname, lookupOptions, callback) => {
    const refuse = (reason: Parameters<typeof forbiddenAddressMessage>[0]['reason']) =>
      callback(
        new RelayError('forbidden_address', forbiddenAddressMessage({ hostPort: `${hostname}:${port}`, reason })),
        [],
      );
    const named = classifyHostName(hostname);
    if (named !== 'public') return refuse(named);
    lookup(hostname, { ...lookupOptions, all: true }, (error, result, family) => {
      if (error !== null) return callback(error, []);
      const addresses: LookupAddress[] = Array.isArray(result)
        ? result
        : [{ address: result, family: family ?? isIP(result) }];
      const first = addresses[0];
      if (first === undefined) {
        return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      }
      for (const { address } of addresses) {
        const reason = classifyAddress(address);
        if (reason !== 'public') return refuse(reason);
      }
      if (lookupOptions.all === true) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
