import { describe, expect, it } from 'vitest';
import { checkTarget, createHostPolicy } from './host-policy.ts';
import { parseUpstreamTarget, type UpstreamTarget } from './upstream-target.ts';

function target(header: string): UpstreamTarget {
  const parsed = parseUpstreamTarget(header);
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.value;
}

const codeOf = (policy: ReturnType<typeof createHostPolicy>, header: string) => {
  const checked = checkTarget(target(header), policy);
  return checked.success ? 'ok' : checked.error.code;
};

describe('operator allow-list (QUALITY relay 5)', () => {
  const policy = createHostPolicy({ allowedHosts: ['api.openai.com', 'API.Anthropic.com.'], allowPrivate: [] });

  it('accepts exactly the listed hosts, in any case and with a trailing dot', () => {
    expect(codeOf(policy, 'https://api.openai.com/v1')).toBe('ok');
    expect(codeOf(policy, 'https://API.OPENAI.COM./v1')).toBe('ok');
    expect(codeOf(policy, 'https://api.anthropic.com/v1')).toBe('ok');
  });

  it.each([
    'https://evil-api.openai.com/v1',
    'https://xapi.openai.com/v1',
    'https://api.openai.com.evil.com/v1',
    'https://api.openai.comx/v1',
    'https://openai.com/v1',
    'https://v1.api.openai.com/v1',
    'https://api-openai.com/v1',
    'https://api.openai.co/v1',
  ])('refuses %s, which only looks like an allowed host', (header) => {
    expect(codeOf(policy, header)).toBe('host_not_allowed');
  });

  it('still refuses a listed name that is a private address', () => {
    const literal = createHostPolicy({ allowedHosts: ['127.0.0.1', 'localhost'], allowPrivate: [] });
    expect(codeOf(literal, 'http://127.0.0.1/v1')).toBe('forbidden_address');
    expect(codeOf(literal, 'http://localhost/v1')).toBe('forbidden_address');
  });
});

describe('allowPrivate', () => {
  const policy = createHostPolicy({
    allowedHosts: ['api.openai.com'],
    allowPrivate: ['127.0.0.1:11434', '[::1]:8080', 'LocalHost.:1234', '[0:0:0:0:0:0:0:1]:9000'],
  });

  it.each([
    'http://127.0.0.1:11434/v1',
    'http://2130706433:11434/v1',
    'http://127.1:11434',
    'http://[::ffff:127.0.0.1]:11434',
    'http://[::1]:8080/v1',
    'http://[0::1]:8080/v1',
    'http://localhost:1234/v1',
    'http://[::1]:9000',
  ])('exempts %s: it is a listed host:port (the allowed-hosts list does not apply to it)', (header) => {
    expect(checkTarget(target(header), policy)).toEqual({ success: true, value: { exempt: true } });
  });

  it.each([
    ['http://127.0.0.1:11435', 'host_not_allowed'],
    ['http://127.0.0.2:11434', 'host_not_allowed'],
    ['http://[::1]:11434', 'host_not_allowed'],
    ['https://localhost:443', 'host_not_allowed'],
  ])('does not exempt %s', (header, code) => {
    expect(codeOf(policy, header)).toBe(code);
  });

  it('normalises the default port of a scheme like any other', () => {
    const http = createHostPolicy({ allowedHosts: [], allowPrivate: ['127.0.0.1:80'] });
    expect(codeOf(http, 'http://127.0.0.1/v1')).toBe('ok');
    expect(codeOf(http, 'https://127.0.0.1/v1')).toBe('forbidden_address');
  });
});

describe('createHostPolicy', () => {
  it.each([
    { allowedHosts: ['api.openai.com/v1'], allowPrivate: [] },
    { allowedHosts: ['api.openai.com:443'], allowPrivate: [] },
    { allowedHosts: ['user@api.openai.com'], allowPrivate: [] },
    { allowedHosts: [''], allowPrivate: [] },
    { allowedHosts: [], allowPrivate: ['127.0.0.1'] },
    { allowedHosts: [], allowPrivate: ['127.0.0.1:0'] },
    { allowedHosts: [], allowPrivate: ['127.0.0.1:99999'] },
    { allowedHosts: [], allowPrivate: ['::1:8080'] },
    { allowedHosts: [], allowPrivate: ['http://127.0.0.1:8080'] },
  ])('refuses a malformed entry: %j', (options) => {
    expect(() => createHostPolicy(options)).toThrow(/Relay/);
  });
});
