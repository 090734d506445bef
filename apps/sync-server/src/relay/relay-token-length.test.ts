import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';

// docs/relay.md: the server requires a relay token of at least 24 characters, so that guessing one over
// the network is hopeless. The boundary is checked exactly: 23 refused, 24 accepted.

const withToken = (token: string) => parseConfig({ argv: ['--relay-token', token], env: {}, cwd: process.cwd() });

describe('relay token length', () => {
  it.each([1, 16, 20, 23])('refuses a token of %i characters', (length) => {
    const parsed = withToken('k'.repeat(length));
    expect(parsed.success ? [] : parsed.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('RELAY_TOKEN (--relay-token): must be at least'),
    ]);
  });

  it.each([24, 25, 64])('accepts a token of %i characters', (length) => {
    const token = 'k'.repeat(length);
    const parsed = withToken(token);
    expect(parsed.success && parsed.value.relay.token).toBe(token);
  });
});
