import { describe, expect, it } from 'vitest';
import { checkTarget, createHostPolicy } from './host-policy.ts';
import { parseUpstreamTarget, type UpstreamTarget } from './upstream-target.ts';

const open = createHostPolicy({ allowedHosts: [], allowPrivate: [] });

function target(header: string): UpstreamTarget {
  const parsed = parseUpstreamTarget(header);
  if (!parsed.success) throw new Error(`did not parse: ${parsed.error.message}`);
  return parsed.value;
}

describe('parseUpstreamTarget', () => {
  it('reads a base URL into a normalised host, port and base path', () => {
    expect(target('https://API.OpenAI.com./v1/')).toEqual({
      protocol: 'https:',
      host: 'api.openai.com',
      port: 443,
      hostPort: 'api.openai.com:443',
      ipFamily: 0,
      basePath: '/v1',
    });
    expect(target('http://[0:0:0:0:0:0:0:1]:8080')).toMatchObject({
      host: '::1',
      hostPort: '[::1]:8080',
      basePath: '',
    });
    expect(target('http://[::ffff:7f00:1]:11434/v1')).toMatchObject({ host: '127.0.0.1', ipFamily: 4 });
    expect(target('https://generativelanguage.googleapis.com/v1beta')).toMatchObject({
      port: 443,
      basePath: '/v1beta',
    });
  });

  it.each([
    [undefined, 'missing_upstream'],
    ['', 'missing_upstream'],
    ['   ', 'missing_upstream'],
    ['api.openai.com/v1', 'invalid_upstream'],
    ['/v1', 'invalid_upstream'],
    ['http://', 'invalid_upstream'],
    ['http://user:secret@api.example.com/v1', 'invalid_upstream'],
    ['https://api.example.com/v1?key=secret', 'invalid_upstream'],
    ['https://api.example.com/v1#x', 'invalid_upstream'],
    [`https://api.example.com/${'a'.repeat(3000)}`, 'invalid_upstream'],
    ['ftp://api.example.com/v1', 'unsupported_scheme'],
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['gopher://api.example.com:70/_x', 'unsupported_scheme'],
    ['ws://api.example.com/v1', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['data:text/plain,hi', 'unsupported_scheme'],
  ])('refuses %s with %s', (header, code) => {
    const parsed = parseUpstreamTarget(header);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.status).toBe(400);
      // The message never echoes the header, which may carry a secret.
      expect(parsed.error.message).not.toContain('secret');
    }
  });
});

describe('checkTarget on spellings of refused addresses (no connection is ever made here)', () => {
  it.each([
    ['http://2130706433/v1', 'loopback'],
    ['http://0x7f.1/v1', 'loopback'],
    ['http://0177.0.0.1/v1', 'loopback'],
    ['http://127.1/v1', 'loopback'],
    ['http://[::ffff:127.0.0.1]/v1', 'loopback'],
    ['http://[::ffff:7f00:1]/v1', 'loopback'],
    ['http://[::1]/v1', 'loopback'],
    ['http://localhost/v1', 'loopback'],
    ['http://0/v1', 'unspecified'],
    ['http://[::]/v1', 'unspecified'],
    ['http://10.1/v1', 'private'],
    ['http://0xa000001/v1', 'private'],
    ['http://012.0.0.1/v1', 'private'],
    ['http://3232235777/v1', 'private'],
    ['http://0xc0.0xa8.1.1/v1', 'private'],
    ['http://172.16.0.1/v1', 'private'],
    ['http://[::ffff:192.168.0.1]/v1', 'private'],
    ['http://100.64.0.1/v1', 'carrier-grade NAT'],
    ['http://169.254.1.1/v1', 'link-local'],
    ['http://[fe80::1]/v1', 'link-local'],
    ['http://[fc00::1]/v1', 'unique-local'],
    ['http://[fd12::1]/v1', 'unique-local'],
    ['http://224.0.0.1/v1', 'multicast'],
    ['http://[ff02::1]/v1', 'multicast'],
    ['http://255.255.255.255/v1', 'broadcast'],
    ['http://240.0.0.1/v1', 'reserved'],
    ['http://198.18.0.1/v1', 'benchmarking'],
    ['http://192.0.2.1/v1', 'documentation'],
    ['http://[2001:db8::1]/v1', 'documentation'],
    ['http://169.254.169.254/latest/meta-data', 'metadata'],
    ['http://2852039166/latest', 'metadata'],
    ['http://0xa9.0xfe.0xa9.0xfe/latest', 'metadata'],
    ['http://0251.0376.0251.0376/latest', 'metadata'],
    ['http://[::ffff:169.254.169.254]/latest', 'metadata'],
    ['http://[fd00:ec2::254]/latest', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1', 'metadata'],
    ['http://METADATA.GOOGLE.INTERNAL./computeMetadata/v1', 'metadata'],
    ['http://[64:ff9b::7f00:1]/v1', 'loopback'],
    ['http://[2002:a9fe:a9fe::1]/v1', 'metadata'],
  ])('%s is refused as %s', (header, reason) => {
    const checked = checkTarget(target(header), open);
    expect(checked.success).toBe(false);
    if (!checked.success) {
      expect(checked.error.code).toBe('forbidden_address');
      expect(checked.error.status).toBe(403);
      expect(checked.error.message).toContain(reason);
      // Host and port only: never the path.
      expect(checked.error.message).not.toMatch(/meta-data|computeMetadata|latest/);
    }
  });

  it('lets public hosts and addresses through', () => {
    for (const header of ['https://api.openai.com/v1', 'http://8.8.8.8/v1', 'http://[2606:4700:4700::1111]/v1']) {
      expect(checkTarget(target(header), open)).toEqual({ success: true, value: { exempt: false } });
    }
  });
});
