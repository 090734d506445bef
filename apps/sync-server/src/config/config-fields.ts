/**
 * Every setting the server reads, by the environment variable that sets it. Each is also a kebab-case
 * flag (`RELAY_TOKEN` -> `--relay-token`); one table so that env, flags, errors and usage agree.
 */
export const configFields = {
  host: 'HOST',
  port: 'PORT',
  dataDir: 'DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  relayOnly: 'RELAY_ONLY',
  staticDir: 'STATIC_DIR',
  logLevel: 'LOG_LEVEL',
  relayToken: 'RELAY_TOKEN',
  relayAllowedHosts: 'RELAY_ALLOWED_HOSTS',
  relayAllowPrivate: 'RELAY_ALLOW_PRIVATE',
  relayMaxRequestBytes: 'RELAY_MAX_REQUEST_BYTES',
  relayMaxResponseBytes: 'RELAY_MAX_RESPONSE_BYTES',
  relayConnectTimeoutMs: 'RELAY_CONNECT_TIMEOUT_MS',
  relayFirstByteTimeoutMs: 'RELAY_FIRST_BYTE_TIMEOUT_MS',
  relayIdleTimeoutMs: 'RELAY_IDLE_TIMEOUT_MS',
  relayTotalTimeoutMs: 'RELAY_TOTAL_TIMEOUT_MS',
  relayRequestsPerMinute: 'RELAY_REQUESTS_PER_MINUTE',
  relayCorsOrigins: 'RELAY_CORS_ORIGINS',
  mcpStdioConfig: 'MCP_STDIO_CONFIG',
  syncSignup: 'SYNC_SIGNUP',
  syncTombstoneDays: 'SYNC_TOMBSTONE_DAYS',
  syncMaxClockAheadMs: 'SYNC_MAX_CLOCK_AHEAD_MS',
  syncCorsOrigins: 'SYNC_CORS_ORIGINS',
  syncPublicUrl: 'SYNC_PUBLIC_URL',
  syncBlobQuotaBytes: 'SYNC_BLOB_QUOTA_BYTES',
  syncBlobGraceHours: 'SYNC_BLOB_GRACE_HOURS',
} as const;

export type ConfigKey = keyof typeof configFields;
export type ConfigEnvName = (typeof configFields)[ConfigKey];

/** Settings given as a bare flag (`--relay-only`) rather than `--flag value`. */
export const booleanConfigKeys: ReadonlySet<ConfigKey> = new Set(['relayOnly', 'syncSignup']);

export const configKeys = Object.keys(configFields) as ConfigKey[];

/** `RELAY_TOKEN` -> `--relay-token`. */
export function flagFor(key: ConfigKey): string {
  return `--${configFields[key].toLowerCase().replaceAll('_', '-')}`;
}

/** How errors name a setting: both ways of giving it. */
export function settingLabel(key: ConfigKey): string {
  return `${configFields[key]} (${flagFor(key)})`;
}
