import { describe, expect, it } from 'vitest';
import { defaultRelayOptions } from '../relay/relay-defaults.ts';
import type { ConfigIssue } from './config-issue.ts';
import { parseConfig } from './parse-config.ts';
import { serverDefaults } from './server-defaults.ts';

const token = 'a'.repeat(24);

function issuesOf(sources: { argv?: string[]; env?: Record<string, string> }): ConfigIssue[] {
  const result = parseConfig({ argv: sources.argv ?? [], env: sources.env ?? {}, cwd: '/srv/hearth' });
  if (result.success) throw new Error('expected the configuration to be refused');
  return result.issues;
}

function configOf(sources: { argv?: string[]; env?: Record<string, string> }) {
  const result = parseConfig({ argv: sources.argv ?? [], env: sources.env ?? {}, cwd: '/srv/hearth' });
  if (!result.success) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

describe('parseConfig defaults', () => {
  it('listens on loopback port 8787 with ./data under the working directory and the web build', () => {
    const config = configOf({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      dataDir: '/srv/hearth/data',
      relayOnly: false,
      staticDir: serverDefaults.staticDir,
      logLevel: 'info',
    });
    expect(config.staticDir).toMatch(/apps\/web\/dist$/);
    // The relay's own defaults, so the relay and the server cannot disagree about them.
    expect(config.relay).toEqual({ ...defaultRelayOptions, token: undefined });
  });

  it('treats an empty environment variable as unset', () => {
    expect(configOf({ env: { PORT: '', HOST: ' ' } })).toMatchObject({ port: 8787, host: '127.0.0.1' });
  });
});

describe('parseConfig sources', () => {
  it('reads every setting from the environment', () => {
    const config = configOf({
      env: {
        HOST: '::1',
        PORT: '9000',
        DATA_DIR: 'state',
        RELAY_ONLY: '1',
        STATIC_DIR: '/opt/web',
        LOG_LEVEL: 'WARN',
        RELAY_TOKEN: token,
        RELAY_ALLOWED_HOSTS: 'API.openai.com, openrouter.ai,,',
        RELAY_ALLOW_PRIVATE: '127.0.0.1:11434,[::1]:1234',
        RELAY_MAX_REQUEST_BYTES: '1000',
        RELAY_MAX_RESPONSE_BYTES: '2000',
        RELAY_CONNECT_TIMEOUT_MS: '10',
        RELAY_FIRST_BYTE_TIMEOUT_MS: '20',
        RELAY_IDLE_TIMEOUT_MS: '30',
        RELAY_TOTAL_TIMEOUT_MS: '40',
        RELAY_REQUESTS_PER_MINUTE: '50',
        RELAY_CORS_ORIGINS: 'https://chat.example.com/, http://localhost:5173',
        SYNC_SIGNUP: 'yes',
        SYNC_TOMBSTONE_DAYS: '90',
        SYNC_MAX_CLOCK_AHEAD_MS: '60000',
        SYNC_CORS_ORIGINS: 'https://chat.example.com',
        SYNC_PUBLIC_URL: 'https://chat.example.com',
        SYNC_BLOB_QUOTA_BYTES: '5000000',
        SYNC_BLOB_GRACE_HOURS: '48',
      },
    });
    expect(config).toEqual({
      host: '::1',
      port: 9000,
      dataDir: '/srv/hearth/state',
      relayOnly: true,
      staticDir: '/opt/web',
      logLevel: 'warn',
      relay: {
        token,
        allowedHosts: ['api.openai.com', 'openrouter.ai'],
        allowPrivate: ['127.0.0.1:11434', '[::1]:1234'],
        maxRequestBytes: 1000,
        maxResponseBytes: 2000,
        timeouts: { connectMs: 10, firstByteMs: 20, idleMs: 30, totalMs: 40 },
        requestsPerMinute: 50,
        corsOrigins: ['https://chat.example.com', 'http://localhost:5173'],
      },
      sync: {
        signup: true,
        tombstoneHorizonMs: 90 * 24 * 60 * 60 * 1000,
        maxClockAheadMs: 60_000,
        corsOrigins: ['https://chat.example.com'],
        publicUrl: 'https://chat.example.com',
      },
      blobs: { quotaBytes: 5_000_000, graceMs: 48 * 60 * 60 * 1000 },
    });
  });

  it('defaults the blob store to a quota of 1 GiB per user and a day of grace, and refuses a grace under an hour', () => {
    expect(configOf({}).blobs).toEqual({ quotaBytes: 1024 ** 3, graceMs: 24 * 60 * 60 * 1000 });
    const parsed = parseConfig({ argv: ['--sync-blob-grace-hours', '0'], env: {}, cwd: '/' });
    expect(parsed.success).toBe(false);
  });

  it('defaults sync to sign-up off, 30 days of tombstones and 5 minutes of clock drift', () => {
    expect(configOf({}).sync).toEqual({
      signup: false,
      tombstoneHorizonMs: 30 * 24 * 60 * 60 * 1000,
      maxClockAheadMs: 5 * 60 * 1000,
      corsOrigins: [],
      publicUrl: undefined,
    });
    expect(configOf({ argv: ['--sync-signup', '--sync-tombstone-days', '7'] }).sync).toMatchObject({
      signup: true,
      tombstoneHorizonMs: 7 * 24 * 60 * 60 * 1000,
    });
  });

  it('reads kebab-case flags, both `--flag value` and `--flag=value`', () => {
    const config = configOf({
      argv: ['--port', '9001', '--relay-only', '--data-dir=/var/hearth', '--relay-idle-timeout-ms', '99'],
    });
    expect(config).toMatchObject({ port: 9001, relayOnly: true, dataDir: '/var/hearth' });
    expect(config.relay.timeouts.idleMs).toBe(99);
  });

  it('lets flags win over the environment', () => {
    const config = configOf({
      argv: ['--port', '9002', '--relay-only=false', '--relay-token', `${token}b`],
      env: { PORT: '9003', RELAY_ONLY: 'true', RELAY_TOKEN: `${token}c` },
    });
    expect(config).toMatchObject({ port: 9002, relayOnly: false });
    expect(config.relay.token).toBe(`${token}b`);
  });

  it('accepts port 0, which picks a free port', () => {
    expect(configOf({ env: { PORT: '0' } }).port).toBe(0);
  });
});

describe('parseConfig errors', () => {
  it.each([
    ['abc', '"abc"'],
    ['99999', '"99999"'],
    ['-1', '"-1"'],
    ['80.5', '"80.5"'],
  ])('refuses PORT=%s naming the setting, the range and the value', (port, shown) => {
    const [issue] = issuesOf({ env: { PORT: port } });
    expect(issue?.code).toBe('invalid_value');
    expect(issue?.message).toBe(`PORT (--port): must be a whole number from 0 to 65535 (got ${shown})`);
  });

  it('refuses a relay token shorter than 24 characters without echoing it', () => {
    const secret = 'short-secret-123';
    const issues = issuesOf({ env: { RELAY_TOKEN: secret } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('RELAY_TOKEN (--relay-token): must be at least 24 characters (it has 16)');
    expect(issues[0]?.message).toContain('openssl rand');
    expect(JSON.stringify(issues)).not.toContain(secret);
  });

  it('refuses a token with spaces, which cannot travel in a header', () => {
    const [issue] = issuesOf({ argv: ['--relay-token', `${token} ${token}`] });
    expect(issue?.message).toContain('printable ASCII without spaces');
  });

  it('refuses an unknown flag, suggesting the closest one', () => {
    const issues = issuesOf({ argv: ['--prot', '8787'] });
    expect(issues).toEqual([{ code: 'unknown_flag', message: 'Unknown flag --prot. Did you mean --port?' }]);
  });

  it('refuses an unknown flag with nothing close, pointing at --help', () => {
    const [issue] = issuesOf({ argv: ['--verbose'] });
    expect(issue).toEqual({
      code: 'unknown_flag',
      message: 'Unknown flag --verbose. Run with --help to list the flags.',
    });
  });

  it('refuses a flag without its value and a stray argument', () => {
    expect(issuesOf({ argv: ['--port'] })).toEqual([
      { code: 'missing_flag_value', message: '--port needs a value, e.g. --port=...' },
    ]);
    expect(issuesOf({ argv: ['--host', '--relay-only'] })[0]?.code).toBe('missing_flag_value');
    expect(issuesOf({ argv: ['8787'] })).toEqual([
      { code: 'unexpected_argument', message: 'Unexpected argument "8787": settings are --flags.' },
    ]);
  });

  it.each([
    [{ RELAY_ONLY: 'maybe' }, 'RELAY_ONLY (--relay-only): must be 1, true, yes, on, 0, false, no or off (got "maybe")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL (--log-level): must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ HOST: 'http://example.com' }, 'HOST (--host): must be an IP address or host name (got "http://example.com")'],
    [{ RELAY_ALLOWED_HOSTS: 'api.openai.com,https://x.ai' }, '"https://x.ai" is not a bare host name'],
    [{ RELAY_ALLOW_PRIVATE: '127.0.0.1' }, 'RELAY_ALLOW_PRIVATE (--relay-allow-private): "127.0.0.1" is not host:port'],
    [{ RELAY_ALLOW_PRIVATE: '127.0.0.1:0' }, '"127.0.0.1:0" is not host:port'],
    [{ RELAY_CORS_ORIGINS: 'https://chat.example.com/app' }, 'is not an origin like https://chat.example.com'],
    [{ RELAY_MAX_REQUEST_BYTES: '0' }, 'RELAY_MAX_REQUEST_BYTES (--relay-max-request-bytes): must be a whole number'],
    [{ RELAY_REQUESTS_PER_MINUTE: 'many' }, 'RELAY_REQUESTS_PER_MINUTE (--relay-requests-per-minute): must be'],
    [
      { SYNC_TOMBSTONE_DAYS: '0' },
      'SYNC_TOMBSTONE_DAYS (--sync-tombstone-days): must be a whole number from 1 to 36500',
    ],
    [{ SYNC_MAX_CLOCK_AHEAD_MS: '10' }, 'SYNC_MAX_CLOCK_AHEAD_MS (--sync-max-clock-ahead-ms): must be a whole number'],
    [{ SYNC_PUBLIC_URL: 'https://chat.example.com/app' }, 'SYNC_PUBLIC_URL (--sync-public-url):'],
  ])('refuses %o with a message naming the setting', (env, expected) => {
    const issues = issuesOf({ env });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('invalid_value');
    expect(issues[0]?.message).toContain(expected);
  });

  it('reports every problem at once', () => {
    const issues = issuesOf({ argv: ['--nope'], env: { PORT: 'x', LOG_LEVEL: 'y' } });
    expect(issues.map((issue) => issue.code)).toEqual(['unknown_flag', 'invalid_value', 'invalid_value']);
  });
});

describe('parseConfig beyond loopback', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'example.com', '::ffff:10.0.0.1'])(
    'refuses HOST=%s without a relay token, saying why and how to fix it',
    (host) => {
      const issues = issuesOf({ env: { HOST: host } });
      expect(issues).toHaveLength(1);
      expect(issues[0]?.code).toBe('insecure_bind');
      expect(issues[0]?.message).toContain(`HOST (--host) is ${host}, which other machines can reach`);
      expect(issues[0]?.message).toContain('open proxy');
      expect(issues[0]?.message).toContain('Set RELAY_TOKEN (--relay-token)');
      expect(issues[0]?.message).toContain('listen on 127.0.0.1');
    },
  );

  it('accepts beyond loopback with a relay token', () => {
    expect(configOf({ argv: ['--host', '0.0.0.0', '--relay-token', token] }).host).toBe('0.0.0.0');
  });

  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]'])('accepts loopback %s without a token', (host) => {
    expect(configOf({ env: { HOST: host } }).host).toBe(host);
  });
});

describe('the sync database', () => {
  it('is the SQLite file in DATA_DIR unless DATABASE_URL is set', () => {
    expect(configOf({}).databaseUrl).toBeUndefined();
  });

  it('is PostgreSQL with DATABASE_URL or --database-url', () => {
    const url = 'postgres://hearth:secret@db.internal:5432/hearth';
    expect(configOf({ env: { DATABASE_URL: url } }).databaseUrl).toBe(url);
    expect(configOf({ argv: ['--database-url', 'postgresql://db/hearth'] }).databaseUrl).toBe('postgresql://db/hearth');
  });

  it('refuses a URL that is not PostgreSQL’s, without echoing it (it may hold a password)', () => {
    const issues = issuesOf({ env: { DATABASE_URL: 'mysql://root:hunter2@db/hearth' } });
    expect(issues.map((issue) => issue.message)).toEqual([
      'DATABASE_URL (--database-url): must be a postgres:// or postgresql:// URL with a host, e.g. postgres://hearth:secret@db:5432/hearth',
    ]);
    expect(JSON.stringify(issues)).not.toContain('hunter2');
  });
});
