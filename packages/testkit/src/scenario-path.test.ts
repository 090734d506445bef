import { describe, expect, it } from 'vitest';
import { defaultScenario, resolveScenario, type Scenario } from './scenario.ts';
import { formatScenario, matchApiPath, parseScenario, scenarioBaseUrl, scenarioPath } from './scenario-path.ts';

describe('scenario URL syntax', () => {
  it('writes a readable segment in the order given', () => {
    expect(formatScenario({ cors: false, tokens: 40, rate: 200 })).toBe('cors=0,tokens=40,rate=200');
    expect(formatScenario({ hostile: true, keepAlive: true })).toBe('hostile,keepAlive');
    expect(formatScenario({ models: ['a', 'b'] })).toBe('models=a|b');
  });

  it('builds base URLs, with a plain /v1 for no scenario', () => {
    expect(scenarioPath()).toBe('/v1');
    expect(scenarioPath({ cors: false }, 'anthropic')).toBe('/s/cors=0/anthropic/v1');
    expect(scenarioPath({}, 'gemini')).toBe('/gemini/v1beta');
    expect(scenarioPath({})).toBe('/v1');
    expect(scenarioBaseUrl({ origin: 'http://127.0.0.1:9/', scenario: { status: 401 } })).toBe(
      'http://127.0.0.1:9/s/status=401/v1',
    );
  });

  const roundTrips: Partial<Scenario>[] = [
    { text: 'a, b=c / d|e % 100 ünïcødé 🌍' },
    { text: '' },
    { text: null, tokens: null, status: null },
    { tokens: 0, chunkTokens: 3, rate: 1000, splitBytes: 1 },
    { cors: false, usage: false, hostile: true, crlf: true },
    { reasoning: 'think, then act', reasoningField: 'reasoning' },
    { status: 429, message: 'Slow down: "now"', errorBody: 'html' },
    { dropAfter: 0, endAfter: 2, stallAfter: 5, delayFirstByteMs: 250 },
    { redirect: 307, redirectTo: 'http://127.0.0.1:1/elsewhere?x=1' },
    { models: ['gpt-4o', 'llama3.2:1b'], hugeLine: 100_000 },
    { models: [] },
  ];
  it.each(roundTrips)('reads back what it writes: %o', (scenario) => {
    const segment = formatScenario(scenario);
    expect(segment).not.toMatch(/[/?#]/);
    expect(parseScenario(segment)).toEqual({ success: true, value: scenario });
  });

  it('reads a bare key as on for switches and off for other knobs', () => {
    expect(parseScenario('hostile,tokens,text,cors=1')).toEqual({
      success: true,
      value: { hostile: true, tokens: null, text: null, cors: true },
    });
    expect(formatScenario({ tokens: null, text: '' })).toBe('tokens,text=');
  });

  it('rejects unknown keys, naming the key and the known ones', () => {
    const parsed = parseScenario('tokens=3,speed=9');
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error).toContain('Unknown scenario key "speed"');
      expect(parsed.error).toContain('dropAfter');
    }
  });

  it.each([
    ['tokens=many', 'tokens'],
    ['tokens=', 'tokens'],
    ['tokens=-1', 'tokens'],
    ['chunkTokens=0', 'chunkTokens'],
    ['status=99', 'status'],
    ['redirect=200', 'redirect'],
    ['errorBody=xml', 'errorBody'],
    ['cors=maybe', 'cors'],
    ['text=%E0%A4%A', 'text'],
    ['rate=1,rate=2', 'rate'],
  ])('rejects the bad value in %s', (segment, key) => {
    const parsed = parseScenario(segment);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error).toContain(`"${key}"`);
  });

  it('splits API paths into scenario segment and rest', () => {
    expect(matchApiPath('/v1/chat/completions')).toEqual({ segment: null, api: 'openai', rest: '/chat/completions' });
    expect(matchApiPath('/v1')).toEqual({ segment: null, api: 'openai', rest: '' });
    expect(matchApiPath('/s/cors=0/v1/models')).toEqual({ segment: 'cors=0', api: 'openai', rest: '/models' });
    expect(matchApiPath('/s//v1/models')).toEqual({ segment: '', api: 'openai', rest: '/models' });
    expect(matchApiPath('/anthropic/v1/messages')).toEqual({ segment: null, api: 'anthropic', rest: '/messages' });
    expect(matchApiPath('/s/cors=0/gemini/v1beta/models/g:streamGenerateContent')).toEqual({
      segment: 'cors=0',
      api: 'gemini',
      rest: '/models/g:streamGenerateContent',
    });
    expect(matchApiPath('/v10/models')).toBeNull();
    expect(matchApiPath('/gemini/v1/models')).toBeNull();
    expect(matchApiPath('/s/a/b/v1/models')).toBeNull();
    expect(matchApiPath('/pixel.png')).toBeNull();
  });

  it('layers partial scenarios over the defaults, ignoring undefined', () => {
    // Hand-built layers (e.g. spread from optional options) can carry explicit undefined values.
    const handBuilt: Partial<Scenario> = {};
    Object.assign(handBuilt, { text: undefined });
    const resolved = resolveScenario({ tokens: 5, text: 'x', cors: false }, { tokens: 9 }, handBuilt);
    expect(resolved).toEqual({ ...defaultScenario, tokens: 9, text: 'x', cors: false });
  });
});
