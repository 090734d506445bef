// The server process: `tsx src/main.ts [--flag value]...`; every setting also comes from the
// environment (see --help). Stops cleanly on SIGINT and SIGTERM.
import { configUsage } from './config/config-usage.ts';
import { formatConfigIssues } from './config/format-config-issues.ts';
import { parseConfig } from './config/parse-config.ts';
import { createServer, type HearthServer } from './server/create-server.ts';
import { StartupError } from './startup-error.ts';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(configUsage());
  process.exit(0);
}

const parsed = parseConfig({ argv });
if (!parsed.success) {
  console.error(formatConfigIssues(parsed.issues));
  process.exit(1);
}
const config = parsed.value;

let server: HearthServer | undefined;
try {
  server = await createServer({ config });
  const { url } = await server.listen();
  server.app.log.info(
    {
      url,
      relayOnly: config.relayOnly,
      // Where sync data lives; never the database URL, which may hold a password.
      database: config.relayOnly ? undefined : config.databaseUrl === undefined ? 'sqlite' : 'postgres',
      dataDir: config.relayOnly || config.databaseUrl !== undefined ? undefined : config.dataDir,
    },
    `Hearth is listening at ${url}`,
  );
} catch (error) {
  await server?.close().catch(() => {});
  if (!(error instanceof StartupError)) throw error;
  console.error(`Hearth cannot start: ${error.message}`);
  process.exit(1);
}

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  // Ctrl+C reaches this process from the terminal and again through npm and scripts/start.mjs, which
  // forward it: one stop is enough, and close() is bounded by its grace period anyway.
  if (stopping) return;
  stopping = true;
  server?.app.log.info({ signal }, 'stopping');
  try {
    await server?.close();
    process.exit(0);
  } catch (error) {
    console.error('Hearth did not stop cleanly:', error);
    process.exit(1);
  }
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (name) => void stop(name));
