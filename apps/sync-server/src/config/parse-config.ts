import { resolve } from 'node:path';
import { hoursToMs } from '../blobs/blob-options.ts';
import { daysToMs } from '../sync/sync-options.ts';
import { type ConfigKey, configFields, configKeys, settingLabel } from './config-fields.ts';
import type { ConfigIssue, ConfigParse } from './config-issue.ts';
import { isLoopbackHost } from './listen-host.ts';
import { type RawSettings, readFlags } from './read-flags.ts';
import { type ServerConfig, type Settings, settingsSchema } from './server-config.ts';

/** Where settings come from; the defaults are this process's own. */
export interface ConfigSources {
  /** Command-line arguments after the script name. */
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Base of relative DATA_DIR and STATIC_DIR. */
  cwd?: string;
}

/** Reads the configuration from environment variables and flags (flags win), reporting every problem. */
export function parseConfig(sources: ConfigSources = {}): ConfigParse<ServerConfig> {
  const { argv = process.argv.slice(2), env = process.env, cwd = process.cwd() } = sources;
  const flags = readFlags(argv);
  const raw: RawSettings = {};
  for (const key of configKeys) {
    // A flag wins even when empty; an empty value counts as unset, as `PORT= npm start` gives no port.
    const value = (flags.values[key] ?? env[configFields[key]])?.trim();
    if (value) raw[key] = value;
  }
  const parsed = settingsSchema.safeParse(raw);
  const issues: ConfigIssue[] = [...flags.issues];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as ConfigKey;
      issues.push({ code: 'invalid_value', message: `${settingLabel(key)}: ${issue.message}` });
    }
  } else {
    issues.push(...bindIssues(parsed.data));
  }
  if (issues.length > 0 || !parsed.success) return { success: false, issues };
  return { success: true, value: toServerConfig(parsed.data, cwd) };
}

/** An open relay on a public interface is the classic mistake: refuse it and say how to fix it. */
function bindIssues(settings: Settings): ConfigIssue[] {
  if (isLoopbackHost(settings.host) || settings.relayToken !== undefined) return [];
  return [
    {
      code: 'insecure_bind',
      message:
        `${settingLabel('host')} is ${settings.host}, which other machines can reach, and no relay token is set, ` +
        `so anyone could use this server as an open proxy. Set ${settingLabel('relayToken')} to a secret of at ` +
        'least 24 characters (e.g. from `openssl rand -base64 32`), or listen on 127.0.0.1 only.',
    },
  ];
}

function toServerConfig(settings: Settings, cwd: string): ServerConfig {
  return {
    host: settings.host,
    port: settings.port,
    dataDir: resolve(cwd, settings.dataDir),
    databaseUrl: settings.databaseUrl,
    relayOnly: settings.relayOnly,
    staticDir: resolve(cwd, settings.staticDir),
    logLevel: settings.logLevel,
    mcpStdioConfig: settings.mcpStdioConfig === undefined ? undefined : resolve(cwd, settings.mcpStdioConfig),
    relay: {
      token: settings.relayToken,
      allowedHosts: settings.relayAllowedHosts,
      allowPrivate: settings.relayAllowPrivate,
      maxRequestBytes: settings.relayMaxRequestBytes,
      maxResponseBytes: settings.relayMaxResponseBytes,
      timeouts: {
        connectMs: settings.relayConnectTimeoutMs,
        firstByteMs: settings.relayFirstByteTimeoutMs,
        idleMs: settings.relayIdleTimeoutMs,
        totalMs: settings.relayTotalTimeoutMs,
      },
      requestsPerMinute: settings.relayRequestsPerMinute,
      corsOrigins: settings.relayCorsOrigins,
    },
    sync: {
      signup: settings.syncSignup,
      tombstoneHorizonMs: daysToMs(settings.syncTombstoneDays),
      maxClockAheadMs: settings.syncMaxClockAheadMs,
      corsOrigins: settings.syncCorsOrigins,
      publicUrl: settings.syncPublicUrl,
    },
    blobs: { quotaBytes: settings.syncBlobQuotaBytes, graceMs: hoursToMs(settings.syncBlobGraceHours) },
  };
}
