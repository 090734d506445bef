import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SpawnedScript, spawnScript } from './spawn-script.ts';
import { makeTempDir } from './temp-dir.ts';

const mainScript = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** One server process of a fleet: its URL while it runs. */
export interface FleetMember {
  readonly index: number;
  url: string;
  script: SpawnedScript;
}

/** Real server processes (`src/main.ts`, each on 127.0.0.1 port 0): several on one PostgreSQL database, or one on SQLite. */
export interface ServerFleet {
  readonly members: FleetMember[];
  /** A URL of a process that runs, chosen by `pick` (a number in [0, 1)). */
  urlOf(pick: number): string;
  /** SIGKILLs a process and waits until it is gone. */
  kill(index: number): Promise<void>;
  /** Starts a killed process again (a new port). */
  restart(index: number): Promise<void>;
  /** Kills every process still running and removes the temp folder; safe after a failure. */
  stop(): Promise<void>;
}

const running = (script: SpawnedScript) => script.child.exitCode === null && script.child.signalCode === null;

/** Starts `count` processes on `databaseUrl` (or, without one, on SQLite in `dataDir`); `env` adds settings. */
export async function startServerFleet(options: {
  databaseUrl?: string;
  dataDir?: string;
  count: number;
  env?: Record<string, string>;
}): Promise<ServerFleet> {
  const temp = makeTempDir('fleet');
  const started: SpawnedScript[] = [];
  const members: FleetMember[] = [];
  const launch = async (index: number): Promise<FleetMember> => {
    const script = spawnScript({
      script: mainScript,
      cwd: temp.path,
      env: {
        PORT: '0',
        ...(options.databaseUrl === undefined
          ? { DATA_DIR: options.dataDir ?? join(temp.path, 'data') }
          : { DATABASE_URL: options.databaseUrl }),
        STATIC_DIR: temp.path,
        LOG_LEVEL: 'info',
        ...options.env,
      },
    });
    started.push(script);
    await script.waitForOutput('Hearth is listening at');
    const line = script
      .stdout()
      .split('\n')
      .find((text) => text.includes('Hearth is listening at'));
    const url = String((JSON.parse(line ?? '{}') as { url?: string }).url);
    return { index, url, script };
  };
  const stop = async () => {
    for (const script of started) if (running(script)) script.child.kill('SIGKILL');
    await Promise.all(started.map((script) => script.exited));
    temp.remove();
  };
  try {
    // One after the other: the first migrates the database, the others find it ready.
    for (let index = 0; index < options.count; index += 1) members.push(await launch(index));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    members,
    urlOf(pick) {
      const alive = members.filter((member) => running(member.script));
      const member = alive[Math.floor(pick * alive.length)] ?? alive[0];
      if (member === undefined) throw new Error('no server process is running');
      return member.url;
    },
    async kill(index) {
      const member = members[index];
      if (member === undefined || !running(member.script)) return;
      member.script.child.kill('SIGKILL');
      await member.script.exited;
    },
    async restart(index) {
      const member = members[index];
      if (member === undefined || running(member.script)) return;
      members[index] = await launch(index);
    },
    stop,
  };
}
