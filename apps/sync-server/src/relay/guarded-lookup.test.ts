import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { guardedLookup } from './guarded-lookup.ts';
import { RelayError } from './relay-error.ts';

// The lookup is called directly: no socket, no packet. The fake resolver answers from a table.
function fakeResolver(answers: string[]): { lookup: LookupFunction; calls: string[] } {
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    calls.push(hostname);
    expect(options.all).toBe(true);
    callback(
      null,
      answers.map((address) => ({ address, family: isIP(address) })),
    );
  };
  return { lookup, calls };
}

type Outcome = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family: number | undefined };

function resolve(lookup: LookupFunction, hostname: string, all: boolean): Promise<Outcome> {
  return new Promise((done) => {
    lookup(hostname, { all }, (error, address, family) => done({ error, address, family }));
  });
}

describe('guardedLookup', () => {
  it('passes public answers on, all of them or the first', async () => {
    const base = fakeResolver(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
    const lookup = guardedLookup({ lookup: base.lookup, port: 443 });
    const all = await resolve(lookup, 'example.com', true);
    expect(all.error).toBeNull();
    expect(all.address).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    const one = await resolve(lookup, 'example.com', false);
    expect(one).toEqual({ error: null, address: '93.184.215.14', family: 4 });
  });

  it.each([
    [['127.0.0.1'], 'loopback'],
    [['10.0.0.5'], 'private'],
    [['169.254.169.254'], 'metadata'],
    [['::ffff:127.0.0.1'], 'loopback'],
    [['fd00:ec2::254'], 'metadata'],
    // One bad address among good ones is enough: the socket could pick any of them.
    [['93.184.215.14', '192.168.1.1'], 'private'],
    [['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'fe80::1'], 'link-local'],
  ])('fails the connection when a name resolves to %j', async (answers, reason) => {
    const lookup = guardedLookup({ lookup: fakeResolver(answers).lookup, port: 443 });
    const { error } = await resolve(lookup, 'rebind.example', true);
    expect(error).toBeInstanceOf(RelayError);
    expect((error as RelayError).code).toBe('forbidden_address');
    expect(error?.message).toContain('rebind.example:443');
    expect(error?.message).toContain(reason);
  });

  it('refuses localhost and metadata names without asking DNS', async () => {
    const base = fakeResolver(['93.184.215.14']);
    const lookup = guardedLookup({ lookup: base.lookup, port: 80 });
    for (const name of ['localhost', 'x.localhost', 'metadata.google.internal']) {
      const { error } = await resolve(lookup, name, false);
      expect((error as RelayError).code, name).toBe('forbidden_address');
    }
    expect(base.calls).toEqual([]);
  });

  it('passes resolver errors on and treats an empty answer as not found', async () => {
    const failing: LookupFunction = (_hostname, _options, callback) =>
      callback(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    const failed = await resolve(guardedLookup({ lookup: failing, port: 80 }), 'nowhere.test', true);
    expect(failed.error?.code).toBe('ENOTFOUND');
    const empty = await resolve(guardedLookup({ lookup: fakeResolver([]).lookup, port: 80 }), 'empty.test', true);
    expect(empty.error?.code).toBe('ENOTFOUND');
  });

  it('accepts a resolver that answers a single address despite all: true', async () => {
    const single: LookupFunction = (_hostname, _options, callback) => callback(null, '127.0.0.1', 4);
    const { error } = await resolve(guardedLookup({ lookup: single, port: 80 }), 'one.test', true);
    expect((error as RelayError).code).toBe('forbidden_address');
  });
});
