import { readFileSync } from 'node:fs';

/** This package's version, reported by /healthz. */
export const serverVersion: string = (() => {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
})();
