// A real, throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb into a temp folder, the
// server on a free 127.0.0.1 port with its unix socket in the same folder, and everything removed when
// it stops (or when this process exits, whatever failed). PostgreSQL refuses to run as root, so when
// we are root the binaries run as the `postgres` user (Node's spawn sets the uid itself; no su needed).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's postgresql-15 package puts the server binaries (`npm test` installs it when missing). */
export const postgresBinDir = process.env.HEARTH_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A running throwaway cluster. */
export interface PostgresCluster {
  /** A URL of the cluster's `postgres` database (superuser, trust auth on 127.0.0.1 only). */
  readonly url: string;
  readonly port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** The `postgres` user when we are root (initdb and postgres refuse root), else ourselves. */
function runAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error('Running as root, but there is no postgres user to run PostgreSQL as: install postgresql-15.');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/** A port that was free a moment ago (bound on port 0, then released); the caller retries on a collision. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/** Starts `postgres` and resolves once it accepts connections; rejects with its log if it exits first. */
function startServer(options: { dataDir: string; port: number; user: RunAs | undefined; durable: boolean }) {
  const { dataDir, port, user, durable } = options;
  const settings = [
    ['listen_addresses', '127.0.0.1'],
    ['port', String(port)],
    ['unix_socket_directories', dataDir],
    // Tests need no crash safety from the OS (they kill server processes, not the machine); benchmarks do.
    ['fsync', durable ? 'on' : 'off'],
    ['max_connections', '200'],
    ['log_min_messages', 'warning'],
  ];
  const child = spawn(
    join(postgresBinDir, 'postgres'),
    ['-D', dataDir, ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
    },
  );
  let log = '';
  const ready = new Promise<ChildProcess>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (log.includes('ready to accept connections')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new PostgresStartError(`postgres exited (${signal ?? code}) before it was ready:\n${log}`, log)),
    );
    child.once('error', reject);
  });
  return { child, ready };
}

class PostgresStartError extends Error {
  readonly log: string;
  constructor(message: string, log: string) {
    super(message);
    this.log = log;
  }
}

/** Waits for a child to exit, sending `signal` first. */
function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Creates and starts a cluster. `durable` keeps fsync on (benchmarks compare it with SQLite's
 * synchronous=FULL); tests leave it off.
 */
export async function startPostgresCluster(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const initdb = join(postgresBinDir, 'initdb');
  if (!existsSync(initdb)) {
    throw new Error(`PostgreSQL 15 is missing (${initdb}). Install it: apt-get install -y postgresql-15`);
  }
  const user = runAs();
  const folder = mkdtempSync(join(tmpdir(), 'hearth-pg-'));
  const dataDir = join(folder, 'data');
  let child: ChildProcess | undefined;
  // Whatever ends this process (a failed test, Ctrl+C), the server must not outlive it nor its files stay.
  const onExit = () => {
    child?.kill('SIGQUIT');
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  try {
    if (user !== undefined) chownSync(folder, user.uid, user.gid);
    execFileSync(initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      stdio: 'pipe',
      ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
    });
    let port = 0;
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      const started = startServer({ dataDir, port, user, durable: options.durable ?? false });
      child = started.child;
      try {
        await started.ready;
        break;
      } catch (error) {
        // Another process took the port between our probe and postgres binding it: take another.
        const collided = error instanceof PostgresStartError && error.log.includes('could not bind');
        if (!collided || attempt >= 5) throw error;
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    return {
      url,
      port,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, not waited for.
        if (child !== undefined) await stopChild(child, 'SIGINT');
        process.removeListener('exit', onExit);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child !== undefined) await stopChild(child, 'SIGQUIT');
    process.removeListener('exit', onExit);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
