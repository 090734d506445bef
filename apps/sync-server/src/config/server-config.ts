import { z } from 'zod';
import { type BlobOptions, blobDefaults } from '../blobs/blob-options.ts';
import type { RelayOptions } from '../relay/relay-contract.ts';
import { defaultRelayOptions as relayDefaults } from '../relay/relay-defaults.ts';
import { type SyncOptions, syncDefaults } from '../sync/sync-options.ts';
import { minRelayTokenLength, serverDefaults } from './server-defaults.ts';
import {
  booleanText,
  hostEntry,
  hostPortEntry,
  hostText,
  integerText,
  type LogLevel,
  listText,
  logLevelText,
  originEntry,
  pathText,
  postgresUrlText,
  tokenText,
} from './setting-values.ts';

const maxBytes = 2 ** 40;
const maxTimeoutMs = 24 * 60 * 60 * 1000;
const timeouts = relayDefaults.timeouts;

/** Every setting as text in, typed values out; keys match `configFields`. */
export const settingsSchema = z.object({
  host: hostText.default(serverDefaults.host),
  port: integerText({ min: 0, max: 65535 }).default(serverDefaults.port),
  dataDir: pathText.default(serverDefaults.dataDir),
  databaseUrl: postgresUrlText.optional(),
  relayOnly: booleanText.default(false),
  staticDir: pathText.default(serverDefaults.staticDir),
  logLevel: logLevelText.default(serverDefaults.logLevel),
  relayToken: tokenText(minRelayTokenLength).optional(),
  relayAllowedHosts: listText(hostEntry).default([...relayDefaults.allowedHosts]),
  relayAllowPrivate: listText(hostPortEntry).default([...relayDefaults.allowPrivate]),
  relayMaxRequestBytes: integerText({ min: 1, max: maxBytes }).default(relayDefaults.maxRequestBytes),
  relayMaxResponseBytes: integerText({ min: 1, max: maxBytes }).default(relayDefaults.maxResponseBytes),
  relayConnectTimeoutMs: integerText({ min: 1, max: maxTimeoutMs }).default(timeouts.connectMs),
  relayFirstByteTimeoutMs: integerText({ min: 1, max: maxTimeoutMs }).default(timeouts.firstByteMs),
  relayIdleTimeoutMs: integerText({ min: 1, max: maxTimeoutMs }).default(timeouts.idleMs),
  relayTotalTimeoutMs: integerText({ min: 1, max: maxTimeoutMs }).default(timeouts.totalMs),
  // 0 switches the relay's rate limit off.
  relayRequestsPerMinute: integerText({ min: 0, max: 1_000_000 }).default(relayDefaults.requestsPerMinute),
  relayCorsOrigins: listText(originEntry).default([...relayDefaults.corsOrigins]),
  mcpStdioConfig: pathText.optional(),
  syncSignup: booleanText.default(false),
  syncTombstoneDays: integerText({ min: 1, max: 36_500 }).default(syncDefaults.tombstoneDays),
  // At least a second: devices' clocks are never exactly equal to the server's.
  syncMaxClockAheadMs: integerText({ min: 1000, max: maxTimeoutMs }).default(syncDefaults.maxClockAheadMs),
  syncCorsOrigins: listText(originEntry).default([]),
  syncPublicUrl: originEntry.optional(),
  syncBlobQuotaBytes: integerText({ min: 0, max: maxBytes }).default(blobDefaults.quotaBytes),
  // At least an hour: an upload precedes its message's push, and must outlive the wait between them.
  syncBlobGraceHours: integerText({ min: 1, max: 876_000 }).default(blobDefaults.graceHours),
});
export type Settings = z.output<typeof settingsSchema>;

/** The server's validated configuration, paths absolute. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Where the SQLite file lives; never created in relay-only mode. */
  dataDir: string;
  /** PostgreSQL instead of the SQLite file in `dataDir` (several server processes); undefined: SQLite. */
  databaseUrl: string | undefined;
  relayOnly: boolean;
  /** The built web app; the server still starts (and `/` answers 503) when it is missing. */
  staticDir: string;
  logLevel: LogLevel;
  relay: RelayOptions;
  /** The operator's file of stdio MCP servers, absolute; none offered when undefined. */
  mcpStdioConfig: string | undefined;
  /** The sync API's settings; unused in relay-only mode, which has no sync API. */
  sync: SyncOptions;
  /** The blob store's settings; unused in relay-only mode, which has no blob store. */
  blobs: BlobOptions;
}
