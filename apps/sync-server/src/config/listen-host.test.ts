import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isValidHost } from './listen-host.ts';

describe('isLoopbackHost', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    'localhost',
    'LOCALHOST',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
  ])('%s is loopback', (host) => expect(isLoopbackHost(host)).toBe(true));

  it.each([
    '0.0.0.0',
    '::',
    '10.0.0.1',
    '192.168.0.1',
    '::ffff:10.0.0.1',
    'example.com',
    'localhost.example.com',
    '127.1',
    '0x7f.0.0.1',
    '2130706433',
  ])('%s reaches beyond loopback (odd spellings included, to be safe)', (host) =>
    expect(isLoopbackHost(host)).toBe(false),
  );
});

describe('isValidHost', () => {
  it.each(['127.0.0.1', '::1', '[::1]', 'example.com', 'my-host'])('%s is a host', (host) =>
    expect(isValidHost(host)).toBe(true),
  );
  it.each(['http://x', 'a b', 'host:80', '-bad', ''])('%s is not a host', (host) =>
    expect(isValidHost(host)).toBe(false),
  );
});
