import { booleanConfigKeys, configFields, configKeys, flagFor } from './config-fields.ts';

const descriptions: Record<(typeof configKeys)[number], string> = {
  host: 'address to listen on (default 127.0.0.1; beyond loopback needs RELAY_TOKEN)',
  port: 'port to listen on (default 8787; 0 picks a free one)',
  dataDir: 'directory of the SQLite database (default ./data)',
  databaseUrl:
    'postgres://user:password@host:5432/db: sync on PostgreSQL instead of SQLite, for several server processes (docs/deployment.md)',
  relayOnly: 'relay only: no database, no sync, nothing written to disk',
  staticDir: 'built web app to serve at / (default apps/web/dist)',
  logLevel: 'fatal, error, warn, info (default), debug, trace or silent',
  relayToken: 'secret clients send in x-relay-token (at least 24 characters)',
  relayAllowedHosts: 'comma-separated hosts the relay may reach (default: any public host)',
  relayAllowPrivate: 'comma-separated private host:port targets allowed, e.g. 127.0.0.1:11434',
  relayMaxRequestBytes: 'largest request body accepted by the relay',
  relayMaxResponseBytes: 'largest upstream response relayed',
  relayConnectTimeoutMs: 'upstream connect timeout',
  relayFirstByteTimeoutMs: 'time allowed until the upstream response headers',
  relayIdleTimeoutMs: 'longest silence within an upstream response',
  relayTotalTimeoutMs: 'longest whole relayed exchange',
  relayRequestsPerMinute: 'relay requests per minute per token (or per client address); 0 is unlimited',
  relayCorsOrigins: 'comma-separated origins allowed to call the relay cross-origin',
  mcpStdioConfig: 'JSON file of stdio MCP servers offered through the MCP relay (docs/relay.md)',
  syncSignup: 'self-service sign-up on the sync API (default off; create users with src/cli/create-user.ts)',
  syncTombstoneDays: 'days deleted records are remembered for devices that were offline (default 30)',
  syncMaxClockAheadMs: "how far ahead of this server's clock a record's clock may be (default 300000)",
  syncCorsOrigins: 'comma-separated origins allowed to call the sync API (/trpc) cross-origin',
  syncPublicUrl: "this server's public origin, for pairing links (default: from the request's Host)",
  syncBlobQuotaBytes: 'bytes of attached files each user may keep on this server (default 1073741824, 1 GiB)',
  syncBlobGraceHours: 'hours an attached file no message names is kept before it is deleted (default 24)',
};

/** The `--help` text: every setting as its environment variable and flag. */
export function configUsage(): string {
  const lines = configKeys.map((key) => {
    const value = booleanConfigKeys.has(key) ? '' : ' <value>';
    return `  ${configFields[key].padEnd(28)} ${`${flagFor(key)}${value}`.padEnd(38)} ${descriptions[key]}`;
  });
  return [
    'Usage: hearth-server [--flag value]...',
    'Settings (environment variable, or flag, which wins):',
    '',
    ...lines,
  ].join('\n');
}
