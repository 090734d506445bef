import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This package's directory, found by walking up from the running file, so paths resolve the same
 * from the TypeScript sources (src/...) and from the bundle (dist/main.mjs).
 */
export function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('The server package has no package.json above it.');
    directory = parent;
  }
  return directory;
}
