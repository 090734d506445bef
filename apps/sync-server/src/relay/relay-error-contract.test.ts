import { relayErrorBodySchema, relayErrorCodes, relayErrorHeader, relayErrorStatus } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayError } from './relay-error.ts';
import { type RelayHarness, relayChat, startRelay } from './test/relay-harness.ts';

// The app recognises the relay's errors by the schema in @hearth/schema: every error the relay writes
// must parse with it, or the person would read a relay refusal as the provider's.

let relay: RelayHarness;
beforeAll(async () => {
  relay = await startRelay({ relay: { token: 't'.repeat(24) } });
});
afterAll(() => relay.close());

describe('the relay error contract', () => {
  it.each(relayErrorCodes)('writes %s as the shared error body, with its status', (code) => {
    const error = new RelayError(code, 'Some words.');
    expect(error.status).toBe(relayErrorStatus[code]);
    expect(relayErrorBodySchema.parse(JSON.parse(JSON.stringify(error)))).toEqual({
      error: { code, message: 'Some words.', type: 'relay_error' },
    });
  });

  it('answers a missing token with a body the app can recognise', async () => {
    const response = await relayChat({ relay, upstream: 'https://api.example.com/v1' });
    expect(response.status).toBe(401);
    expect(response.headers.get(relayErrorHeader)).toBe('invalid_relay_token');
    const body = relayErrorBodySchema.parse(await response.json());
    expect(body.error.code).toBe('invalid_relay_token');
  });
});
