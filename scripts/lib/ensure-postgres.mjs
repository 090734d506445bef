import { existsSync } from 'node:fs';
import { fail, run } from './run.mjs';

export const postgresBinDir = '/usr/lib/postgresql/15/bin';

/**
 * Makes sure Debian's PostgreSQL 15 server binaries are installed: the sync store's tests start
 * throwaway clusters of their own with them (apps/sync-server/test/postgres-cluster.ts). No cluster
 * or service of the package is used.
 */
export async function ensurePostgres() {
  if (existsSync(`${postgresBinDir}/initdb`)) return;
  if (process.getuid?.() !== 0) {
    fail(
      `PostgreSQL 15 is missing at ${postgresBinDir}. Install it as root: apt-get update && apt-get install -y postgresql-15`,
    );
  }
  console.log('Installing PostgreSQL 15 from Debian packages…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update'], { env })) !== 0) fail('apt-get update failed.');
  if ((await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-15'], { env })) !== 0) {
    fail('apt-get install postgresql-15 failed.');
  }
  if (!existsSync(`${postgresBinDir}/initdb`))
    fail(`PostgreSQL was installed but ${postgresBinDir}/initdb does not exist.`);
}
