// `pnpm --filter @hearth/sync-server build`: the server as plain JavaScript in dist/main.mjs.
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

await bundle(
  fileURLToPath(new URL('../src/main.ts', import.meta.url)),
  fileURLToPath(new URL('../dist/main.mjs', import.meta.url)),
);
