import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';

/** Defaults of the server's own settings (the relay's come from src/relay/relay-defaults.ts). */
export const serverDefaults = {
  host: '127.0.0.1',
  port: 8787,
  /** Relative to the working directory; `npm start` passes `<repo>/data`. */
  dataDir: './data',
  logLevel: 'info',
  /** The web app's Vite build, found from this package so that any working directory works. */
  staticDir: join(packageRoot(), '..', 'web', 'dist'),
} as const;

/** Shortest relay token accepted: long enough that guessing it over the network is hopeless. */
export const minRelayTokenLength = 24;
